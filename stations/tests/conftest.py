import pytest
from django.utils import translation

from stations import actions
from stations.tests.scope_samples import station_data


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted by their English msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def make_station(city):
    def make(name="驿站", org=None, lat=30.27, lng=120.15, **extra):
        return actions.station_create(
            actor=None, data=station_data(org or city.street_a, name, lat, lng, **extra)
        )

    return make
