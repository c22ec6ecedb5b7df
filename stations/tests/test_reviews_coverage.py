import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.scoping import OutOfScope
from stations import actions, selectors
from stations.models import StationReview

pytestmark = pytest.mark.django_db


def review(station, stars, failures=(), year=2025, actor=None):
    return actions.station_review(
        actor=actor,
        station=station,
        year=year,
        assessed_stars=stars,
        failures=list(failures),
        reviewed_on=datetime.date(2025, 12, 1),
    )


def test_each_failure_cuts_a_star(make_station):
    station = make_station()
    result = review(station, 4, ["missed_hours", "complaints"])
    station.refresh_from_db()
    assert (result.stars, station.stars, station.status) == (2, 2, "active")
    assert result.failure_labels == [
        "Closed during its stated opening hours",
        "Complaints left unresolved",
    ]


def test_a_station_left_without_stars_is_delisted(make_station):
    station = make_station()
    review(station, 2, ["missed_hours", "equipment", "hygiene"])
    station.refresh_from_db()
    assert (station.stars, station.status) == (0, "removed")


def test_five_stars_need_area_seats_and_an_aed(make_station):
    small = make_station("小站", area_sqm=20, seats=8)
    with pytest.raises(ValidationError) as error:
        review(small, 5)
    message = str(error.value)
    assert "30 m²" in message and "20 seats" in message and "an AED" in message
    assert not StationReview.objects.exists()
    big = make_station("大站", area_sqm=40, seats=24, has_aed=True)
    assert review(big, 5).stars == 5


def test_one_review_per_year_and_none_for_the_future(make_station):
    station = make_station()
    review(station, 3)
    with pytest.raises(ValidationError, match="already reviewed for 2025"):
        review(station, 4)
    with pytest.raises(ValidationError, match="not a future year"):
        review(station, 4, year=timezone.localdate().year + 1)
    assert StationReview.objects.count() == 1


def test_a_late_review_of_an_older_year_does_not_override_the_stars(make_station):
    station = make_station()
    review(station, 4, year=2025)
    review(station, 2, year=2024)
    station.refresh_from_db()
    assert station.stars == 4


def test_review_form_of_another_district_is_404_and_own_review_is_audited(
    client, people, make_station, city
):
    own = make_station("钱甲驿站")
    other = make_station("赵乙驿站", org=city.street_b)
    client.force_login(people.district_a_admin)
    url = reverse("stations:review", args=[other.pk])
    assert client.post(url, {"year": 2025, "assessed_stars": 3}).status_code == 404
    response = client.post(
        reverse("stations:review", args=[own.pk]),
        {
            "year": 2025,
            "assessed_stars": 3,
            "failures": ["signage"],
            "reviewed_on": "2025-12-01",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.stars == 2
    assert AuditEntry.objects.filter(object_repr="钱甲驿站 2025", action="create").exists()
    page = client.get(own.get_absolute_url(), {"tab": "reviews"})
    assert "无统一标识" in page.content.decode()


def test_coverage_marks_cells_within_the_service_radius(make_station, city):
    # A box of about 3.3 km × 2.9 km: 500 m cells, 7 rows × 6 columns.
    area = actions.district_area_set(
        actor=None, org=city.district_a, south=30.25, west=120.13, north=30.28, east=120.16
    )
    assert selectors.coverage(area).covered_count == 0
    make_station("中心站", lat=30.265, lng=120.145)
    result = selectors.coverage(area)
    assert (result.rows, result.cols) == (7, 6)
    covered = [c for c in result.cells if c["covered"]]
    assert covered and all(c["nearest_m"] <= 1000 for c in covered)
    assert all(c["nearest_m"] is None or c["nearest_m"] > 1000 for c in result.uncovered)
    assert 0 < result.coverage_rate < 100


def test_a_station_just_outside_the_box_covers_the_border(make_station, city):
    area = actions.district_area_set(
        actor=None, org=city.district_a, south=30.25, west=120.13, north=30.26, east=120.14
    )
    make_station("邻区站", org=city.street_b, lat=30.2550, lng=120.1450)
    assert selectors.coverage(area).covered_count > 0


def test_coverage_pages_show_the_gaps_and_export_them(client, people, make_station, city):
    area = actions.district_area_set(
        actor=None, org=city.district_a, south=30.25, west=120.13, north=30.28, east=120.16
    )
    make_station("中心站", lat=30.265, lng=120.145)
    client.force_login(people.district_a_admin)
    listing = client.get(reverse("stations:coverage"))
    assert "东湖区总工会" in listing.content.decode()
    detail = client.get(area.get_absolute_url())
    html = detail.content.decode()
    result = selectors.coverage(area)
    assert 'data-testid="coverage-svg"' in html
    assert html.count("<rect") == result.total
    assert f'data-testid="uncovered-count">{len(result.uncovered)}<' in html
    export = client.get(area.get_absolute_url(), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == len(result.uncovered) + 1


def test_district_area_rules(city, people):
    with pytest.raises(ValidationError, match="north of the southern"):
        actions.district_area_set(
            actor=None, org=city.district_a, south=30.3, west=120, north=30.2, east=120.1
        )
    with pytest.raises(ValidationError, match="district and county"):
        actions.district_area_set(
            actor=None, org=city.street_a, south=30.2, west=120, north=30.3, east=120.1
        )
    with pytest.raises(ValidationError, match="too large"):
        actions.district_area_set(
            actor=None, org=city.district_a, south=20, west=110, north=30, east=120.1
        )
    with pytest.raises(OutOfScope):
        actions.district_area_set(
            actor=people.district_a_admin,
            org=city.district_b,
            south=30.2,
            west=120,
            north=30.3,
            east=120.1,
        )
