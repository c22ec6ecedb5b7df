import math
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.seeding import bulk_insert
from stations import geo, selectors
from stations.models import Station

pytestmark = pytest.mark.django_db

HERE = (30.2700, 120.1500)


def test_haversine_matches_known_distances():
    assert geo.haversine_m(30, 120, 31, 120) == pytest.approx(111_195, rel=1e-4)
    # One degree of longitude at 30° N is cos(30°) as long as at the equator.
    assert geo.haversine_m(30, 120, 30, 121) == pytest.approx(
        111_195 * math.cos(math.radians(30)), rel=2e-3
    )


def test_parse_point_refuses_nonsense():
    assert geo.parse_point("30.27, 120.15") == (30.27, 120.15)
    for text in ("", "abc", "30.27", "91,120", "30,181", "nan,1", "1,2,3"):
        assert geo.parse_point(text) is None


def test_nearest_orders_by_true_distance_not_by_degrees(make_station):
    # 0.009° east is ~865 m at 30° N; 0.008° north is ~890 m: fewer degrees, farther away.
    east = make_station("东边驿站", lat=HERE[0], lng=HERE[1] + 0.009)
    north = make_station("北边驿站", lat=HERE[0] + 0.008, lng=HERE[1])
    far = make_station("远处驿站", lat=HERE[0] + 0.05, lng=HERE[1])
    found = selectors.nearest(Station.objects.all(), *HERE, limit=3)
    assert [item.station for item in found] == [east, north, far]
    assert found[0].distance_m == pytest.approx(864, abs=3)
    assert found[0].distance_label == "864 m"
    assert found[2].distance_label == "5.6 km"


def test_nearest_widens_the_circle_until_it_finds_enough(make_station, settings):
    settings.GONGHUI = {**settings.GONGHUI, "STATION_SEARCH_RADIUS_M": 500}
    make_station("近", lat=HERE[0] + 0.001, lng=HERE[1])
    make_station("十公里外", lat=HERE[0] + 0.09, lng=HERE[1])
    found = selectors.nearest(Station.objects.all(), *HERE, limit=2)
    assert [item.station.name for item in found] == ["近", "十公里外"]
    within_5_km = selectors.nearest(Station.objects.all(), *HERE, limit=2, max_radius_m=5000)
    assert [item.station.name for item in within_5_km] == ["近"]


def test_nearest_among_thousands_is_exact_and_reads_only_a_box(city, settings):
    rng = random.Random(7)
    stations = [
        Station(
            code=f"ZDT{i:06d}",
            name=f"站{i}",
            org=city.street_a,
            address="x",
            latitude=30.0 + rng.random() * 0.6,
            longitude=119.8 + rng.random() * 0.7,
            opening_hours="8-20",
            has_water=True,
        )
        for i in range(3000)
    ]
    bulk_insert(stations)
    with CaptureQueriesContext(connection) as queries:
        found = selectors.nearest(Station.objects.all(), *HERE, limit=10)
    brute = sorted(stations, key=lambda s: geo.haversine_m(*HERE, s.latitude, s.longitude))[:10]
    assert [item.station.code for item in found] == [s.code for s in brute]
    assert len(queries) <= 3
    assert all('"latitude" >=' in q["sql"] and '"longitude" <=' in q["sql"] for q in queries)


def test_delisted_and_suspended_stations_are_not_offered(make_station):
    closed = make_station("关了", lat=HERE[0] + 0.001, lng=HERE[1])
    Station.objects.filter(pk=closed.pk).update(status="suspended")
    open_one = make_station("开着", lat=HERE[0] + 0.01, lng=HERE[1])
    found = selectors.nearest(selectors.public_stations(), *HERE, limit=5)
    assert [item.station for item in found] == [open_one]
