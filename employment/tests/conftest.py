import pytest
from django.utils import translation

from employment import actions
from employment.tests.scope_samples import fair_data, posting_data
from members.tests.factories import make_member


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def job_a(city):
    return actions.job_posting_create(
        actor=None, data=posting_data(city.enterprise_a, "数控车工"), publish=True
    )


@pytest.fixture
def seeker(city):
    return make_member(city.union_a, name="孙求职", phone="13811112222")


@pytest.fixture
def fair_a(city):
    return actions.job_fair_create(actor=None, data=fair_data(city.district_a, "劳模送岗位专场"))
