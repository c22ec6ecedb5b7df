import datetime

import pytest
from django.utils import timezone, translation

from dues import actions
from members.tests.factories import make_member


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted by their English msgids (the Chinese catalogue comes later)."""
    with translation.override("en"):
        yield


@pytest.fixture
def this_month():
    return timezone.localdate().replace(day=1)


@pytest.fixture
def last_month(this_month):
    return (this_month - datetime.timedelta(days=1)).replace(day=1)


@pytest.fixture
def member_a(city):
    return make_member(city.union_a, name="钱甲会员", joined_on=datetime.date(2024, 5, 1))


@pytest.fixture
def member_b(city):
    return make_member(city.union_b, name="赵乙会员", joined_on=datetime.date(2024, 5, 1))


@pytest.fixture
def record_dues():
    def record(member, month, wage="5000", **extra):
        return actions.dues_record(actor=None, member=member, month=month, wage_base=wage, **extra)

    return record
