"""seed_city fills stations (C9) and employment services (C8) of the demo city; one seed
run checks both apps."""

from io import StringIO

import pytest
from django.core.management import call_command

from employment.models import EmploymentAid, FairRegistration, JobApplication, JobFair, JobPosting
from orgs.models import Org
from stations import geo, selectors
from stations.models import DistrictArea, Station, StationReview, StationVisit

pytestmark = pytest.mark.django_db


def test_seed_city_fills_stations_and_employment():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    districts = Org.objects.filter(level="district")
    assert DistrictArea.objects.count() == districts.count()
    stations = list(Station.objects.select_related("org"))
    assert len(stations) >= 60
    assert len({s.code for s in stations}) == len(stations)
    for station in stations:
        area = DistrictArea.objects.filter(
            south__lte=station.latitude,
            north__gte=station.latitude,
            west__lte=station.longitude,
            east__gte=station.longitude,
        ).first()
        assert area is not None and station.org.path.startswith(area.org.path)
        assert station.code.startswith(f"ZD{area.org.region_code}")
    reviews = StationReview.objects.select_related("station")
    assert reviews.exists()
    for review in reviews:
        assert review.station.stars == review.stars
        if review.stars == 5:
            assert review.station.has_aed and review.station.area_sqm >= 30
    assert StationVisit.objects.count() > 1000
    # The counties have gaps; the demo's coverage view has something to show.
    rates = [selectors.coverage(area).coverage_rate for area in DistrictArea.objects.order_by("pk")]
    urban, counties = rates[:6], rates[6:]
    assert 0 < sum(counties) / len(counties) < sum(urban) / len(urban) < 100
    near = selectors.nearest(selectors.public_stations(), 30.27, 120.15, limit=5)
    assert [round(n.distance_m) for n in near] == sorted(round(n.distance_m) for n in near)
    assert all(
        abs(n.distance_m - geo.haversine_m(30.27, 120.15, n.station.latitude, n.station.longitude))
        < 1
        for n in near
    )

    assert JobPosting.objects.filter(status="open").exists()
    for posting in JobPosting.objects.select_related("enterprise")[:50]:
        assert posting.org_id == posting.enterprise.covering_union_id
        assert posting.salary_min <= posting.salary_max
    assert JobApplication.objects.count() >= 50
    assert JobFair.objects.filter(kind="model_workers").exists()
    assert FairRegistration.objects.exists()
    assert EmploymentAid.objects.filter(status="reemployed").exists()
