import datetime

import pytest
from django.utils import translation

from core import facts
from honours.tests.factories import make_nominee, make_programme


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted by their English msgids."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def no_fact_providers():
    """Each test registers the providers it needs; none leak between tests."""
    names = (facts.CONTRACT_IN_FORCE, facts.WAGE_ARREARS, facts.RISK_LEVEL)
    saved = {name: facts._providers.get(name) for name in names}
    for name in names:
        facts.unregister(name)
    yield
    for name, provider in saved.items():
        facts.unregister(name)
        if provider is not None:
            facts.register(name, provider)


@pytest.fixture
def spring(time_machine):
    """A plain working Monday in spring, before the May Day honours."""
    time_machine.move_to(datetime.datetime(2026, 3, 16, 10, 0, tzinfo=datetime.UTC))


@pytest.fixture
def programme(city, spring):
    return make_programme(city.city)


@pytest.fixture
def nominee(city):
    return make_nominee(city.union_a, city.enterprise_a)
