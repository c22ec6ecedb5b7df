import datetime
import io

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse

from core.models import AuditEntry
from stations import actions
from stations.models import Station, StationVisit

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_stations(make_station, city):
    near_a = make_station("钱甲驿站", org=city.street_a, lat=30.2710, lng=120.1500)
    near_b = make_station("赵乙驿站", org=city.street_b, lat=30.2705, lng=120.1500)
    return near_a, near_b


def test_worker_finds_the_nearest_stations_without_logging_in(client, two_stations):
    page = client.get(reverse("stations:m-nearest"), {"lat": "30.27", "lng": "120.15"})
    html = page.content.decode()
    assert page.status_code == 200
    # Another district's station is just as visible to workers; the nearest comes first.
    assert html.index("赵乙驿站") < html.index("钱甲驿站")
    assert "56 m" in html


def test_nearest_page_explains_a_bad_position(client, two_stations):
    page = client.get(reverse("stations:m-nearest"), {"lat": "95", "lng": "x"})
    assert page.status_code == 200
    assert b"near-results" not in page.content
    assert b"invalid-feedback" in page.content


def test_nearest_page_without_a_position_asks_for_it(client):
    page = client.get(reverse("stations:m-nearest"))
    assert page.status_code == 200 and b"gh-locate" in page.content


def test_nearest_page_shows_a_map_only_with_a_tile_url(client, two_stations, settings):
    query = {"lat": "30.27", "lng": "120.15"}
    assert b"near-map" not in client.get(reverse("stations:m-nearest"), query).content
    settings.GONGHUI = {**settings.GONGHUI, "MAP_TILE_URL": "https://tiles.example/{z}/{x}/{y}.png"}
    html = client.get(reverse("stations:m-nearest"), query).content.decode()
    assert "near-map" in html and "leaflet.js" in html and "tiles.example" in html


def test_public_api_lists_every_open_station_by_distance(client, two_stations):
    response = client.get("/api/v1/public-stations/", {"near": "30.27,120.15"})
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["name"] for row in rows] == ["赵乙驿站", "钱甲驿站"]
    assert rows[0]["distance_m"] == 56
    assert "water" in rows[0]["facilities"]
    assert client.get("/api/v1/public-stations/", {"near": "abc"}).status_code == 400


def test_scoped_api_near_shows_only_own_stations_and_others_are_404(api_for, people, two_stations):
    near_a, near_b = two_stations
    api = api_for(people.district_a_admin)
    rows = api.get("/api/v1/stations/", {"near": "30.27,120.15"}).json()["results"]
    assert [row["code"] for row in rows] == [near_a.code]
    assert rows[0]["distance_m"] == 111
    response = api.patch(f"/api/v1/stations/{near_b.pk}/", {"name": "改名"}, format="json")
    assert response.status_code == 404
    assert Station.objects.get(pk=near_b.pk).name == "赵乙驿站"


def test_cadre_of_another_district_cannot_edit_a_station(client, people, two_stations):
    _, near_b = two_stations
    client.force_login(people.district_a_admin)
    assert client.get(reverse("stations:edit", args=[near_b.pk])).status_code == 404
    assert client.get(reverse("stations:detail", args=[near_b.pk])).status_code == 404


def test_check_in_from_the_qr_code_counts_once_per_interval(client, two_stations):
    station, _ = two_stations
    url = reverse("stations:m-checkin", args=[station.code])
    assert client.get(url).status_code == 200
    assert StationVisit.objects.count() == 0  # opening the page writes nothing
    first = client.post(url)
    assert b'data-testid="checked-in"' in first.content
    again = client.post(url)
    assert "您刚刚已在此签到过" in again.content.decode()
    assert StationVisit.objects.filter(station=station).count() == 1


def test_check_ins_are_rate_limited_per_client(client, make_station, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "station_checkin": "2/hour",
        },
    }
    cache.clear()
    stations = [make_station(f"站{i}", lat=30 + i / 100) for i in range(3)]
    for station in stations[:2]:
        client.post(reverse("stations:m-checkin", args=[station.code]))
    refused = client.post(reverse("stations:m-checkin", args=[stations[2].code]), follow=True)
    assert "签到次数过多" in refused.content.decode()
    assert StationVisit.objects.count() == 2


def test_closed_station_takes_no_check_in(client, make_station):
    station = make_station("关门站")
    Station.objects.filter(pk=station.pk).update(status="suspended")
    response = client.post(reverse("stations:m-checkin", args=[station.code]))
    assert "该站点目前未开放" in response.content.decode()
    assert not StationVisit.objects.exists()


def test_unknown_station_code_is_404(client):
    assert client.get(reverse("stations:m-detail", args=["ZD999"])).status_code == 404
    assert client.post(reverse("stations:m-checkin", args=["ZD999"])).status_code == 404


def test_register_a_station_through_the_form(client, people, city):
    client.force_login(people.district_a_admin)
    data = {
        "name": "东湖新驿站",
        "org": city.street_a.pk,
        "address": "东湖路1号",
        "latitude": "30.28",
        "longitude": "120.16",
        "opening_hours": "8:00-20:00",
        "has_water": "on",
        "has_charging": "on",
    }
    response = client.post(reverse("stations:create"), data)
    station = Station.objects.get(name="东湖新驿站")
    assert response.status_code == 302
    assert station.code.startswith("ZD") and station.has_charging and not station.has_toilet
    assert AuditEntry.objects.filter(object_repr__contains="东湖新驿站").exists()
    detail = client.get(station.get_absolute_url())
    assert b"<svg" in detail.content and station.code.encode() in detail.content


def test_station_form_refuses_no_facility_and_no_hours(client, people, city):
    client.force_login(people.district_a_admin)
    data = {
        "name": "空站",
        "org": city.street_a.pk,
        "address": "x",
        "latitude": 30,
        "longitude": 120,
    }
    response = client.post(reverse("stations:create"), data)
    assert response.status_code == 200
    assert "请至少勾选一项站点设施" in response.content.decode()
    assert "请填写开放时间" in response.content.decode()
    assert not Station.objects.exists()


def test_station_in_another_district_cannot_be_registered(client, people, city):
    client.force_login(people.district_a_admin)
    data = {
        "name": "越权站",
        "org": city.street_b.pk,
        "address": "x",
        "latitude": 30,
        "longitude": 120,
        "open_24h": "on",
        "has_water": "on",
    }
    client.post(reverse("stations:create"), data)
    assert not Station.objects.filter(name="越权站").exists()


def test_codes_are_unique_and_numbered_per_district(make_station, city):
    city.district_a.region_code = "330102"
    city.district_a.save()
    first, second = make_station("一"), make_station("二")
    assert (first.code, second.code) == ("ZD33010200001", "ZD33010200002")


def test_list_page_counts_visits_in_few_queries(
    client, people, make_station, django_assert_max_num_queries
):
    stations = [make_station(f"站{i}") for i in range(5)]
    for station in stations:
        actions.station_check_in(station=station, client="x")
    client.force_login(people.district_a_admin)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("stations:list"))
    assert page.status_code == 200 and "站4" in page.content.decode()
    export = client.get(reverse("stations:list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 6


def test_station_stats_of_a_subtree(make_station, city, people):
    from stations.selectors import station_stats

    station = make_station("一", open_24h=True, has_first_aid=True)
    make_station("二", org=city.street_b)
    actions.station_check_in(station=station, client="x")
    figures = station_stats(city.district_a)
    assert figures["stations"] == 1 and figures["open_24h"] == 1 and figures["first_aid"] == 1
    assert figures["visits_this_year"] == 1 and figures["visits_last_30_days"] == 1
    assert station_stats(city.city)["stations"] == 2
    api = __import__("rest_framework.test", fromlist=["APIClient"]).APIClient()
    api.force_authenticate(people.district_a_admin)
    body = api.get(f"/api/v1/orgs/{city.district_a.pk}/stats/").json()
    assert body["stations"]["stations"] == 1


def test_visits_tab_counts_check_ins_per_month(client, people, make_station):
    station = make_station("一")
    actions.station_check_in(station=station, client="x")
    client.force_login(people.district_a_admin)
    page = client.get(station.get_absolute_url(), {"tab": "visits"})
    assert datetime.date.today().strftime("%Y-%m").encode() in page.content


def test_api_lists_take_few_queries(api_for, people, make_station, django_assert_max_num_queries):
    for i in range(5):
        make_station(f"站{i}", lat=30.27 + i / 1000)
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(6):
        assert api.get("/api/v1/stations/").json()["count"] == 5
    with django_assert_max_num_queries(6):
        assert len(api.get("/api/v1/stations/", {"near": "30.27,120.15"}).json()["results"]) == 5
    with django_assert_max_num_queries(3):
        assert api.get("/api/v1/public-stations/", {"near": "30.27,120.15"}).json()["count"] == 5
