"""Seed generator of the stations app: the area of every district, stations over the city
(denser in the urban districts than in the counties, so the coverage view has gaps to
show), a yearly review for most of them and some weeks of check-ins.

Volumes: about one station per 400 members (at least 60, at most 3,000); check-ins for the
30 days before the reference date, about a dozen a day per station, capped at 100,000 rows
so seeding stays a couple of seconds.
"""

from __future__ import annotations

import datetime

from core.bulk import insert_tuples, reserve_ids
from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from orgs.choices import OrgStatus
from stations.actions import stars_after
from stations.choices import FACILITIES, ReviewFailure, StationStatus
from stations.models import DistrictArea, Station, StationReview, StationVisit

# District boxes (south, west, north, east) around the demo city's centre (≈ 30.27 N,
# 120.15 E): six urban districts of about 9 × 9 km, three counties of about 25 × 25 km.
URBAN_BOXES = (
    (30.27, 120.07),
    (30.27, 120.16),
    (30.27, 120.25),
    (30.19, 120.07),
    (30.19, 120.16),
    (30.19, 120.25),
)
COUNTY_BOXES = ((30.40, 119.85), (30.40, 120.30), (29.95, 120.05))
URBAN_SIZE = (0.08, 0.09)
COUNTY_SIZE = (0.22, 0.26)
VISIT_DAYS = 30
VISITS_PER_DAY = 12
MAX_VISITS = 100_000
FACILITY_ODDS = {
    "water": 0.97,
    "meal_heating": 0.8,
    "toilet": 0.85,
    "rest": 0.97,
    "charging": 0.9,
    "first_aid": 0.6,
    "air_conditioning": 0.7,
    "aed": 0.12,
    "reading": 0.45,
}
HOURS = ("07:00-19:00", "08:00-20:00", "07:30-21:00", "09:00-18:00", "06:30-20:30")
PLACES = ("驿站", "爱心驿站", "户外劳动者服务站", "暖心驿站", "职工之家驿站")


def district_box(index: int) -> tuple[float, float, float, float]:
    if index < len(URBAN_BOXES):
        (south, west), (height, width) = URBAN_BOXES[index], URBAN_SIZE
    else:
        (south, west), (height, width) = COUNTY_BOXES[(index - 6) % 3], COUNTY_SIZE
        south, west = south - 0.25 * ((index - 6) // 3), west
    return south, west, south + height, west + width


@register("stations", order=60)
def seed_stations(ctx: SeedContext) -> None:
    rng = ctx.rng
    districts = ctx.data["districts"]
    streets = [s for s in ctx.data["streets"] if s.status == OrgStatus.ACTIVE]
    street_info = ctx.data.get("street_info", {})
    unions_by_district: dict[int, list] = {}
    covered = [e for e in ctx.data["enterprises"] if e.covering_union_id and e.status == "active"]
    areas = []
    for index, district in enumerate(districts):
        south, west, north, east = district_box(index)
        areas.append(DistrictArea(org=district, south=south, west=west, north=north, east=east))
    bulk_insert(areas)
    grassroots = {g.pk: g for g in ctx.data["grassroots"] if g.status == OrgStatus.ACTIVE}
    for enterprise in covered:
        union = grassroots.get(enterprise.covering_union_id)
        if union is None:
            continue
        for district in districts:
            if union.path.startswith(district.path):
                unions_by_district.setdefault(district.pk, []).append(enterprise)
    total = min(3000, max(60, ctx.members // 400))
    stations = []
    serial: dict[str, int] = {}
    for number in range(total):
        # 70 % in the urban districts.
        urban = rng.random() < 0.7
        pool = [i for i in range(len(districts)) if (i < 6) == urban] or list(range(len(districts)))
        index = rng.choice(pool)
        district, area = districts[index], areas[index]
        district_streets = [s for s in streets if s.path.startswith(district.path)]
        enterprise = None
        street = rng.choice(district_streets) if district_streets else None
        org_id = (street or district).pk
        if rng.random() < 0.3 and unions_by_district.get(district.pk):
            enterprise = rng.choice(unions_by_district[district.pk])
            org_id = enterprise.covering_union_id
        info = street_info.get(street.code) if street else None
        road = rng.choice(info["roads"]) if info else "人民路"
        town = district.name.removesuffix("总工会")
        place = info["name"] if info else town
        # Stations cluster along roads: a point drawn towards the middle of the box.
        lat = area.south + (area.north - area.south) * (rng.random() + rng.random()) / 2
        lng = area.west + (area.east - area.west) * (rng.random() + rng.random()) / 2
        region = (district.region_code or "000000")[:6]
        serial[region] = serial.get(region, 0) + 1
        facilities = {
            f"has_{code}": rng.random() < FACILITY_ODDS[code] for code, _label in FACILITIES
        }
        facilities["has_water"] = facilities["has_water"] or not any(facilities.values())
        big = rng.random() < 0.25
        stations.append(
            Station(
                code=f"ZD{region}{serial[region]:05d}",
                name=f"{place}{road}{rng.choice(PLACES)}",
                org_id=org_id,
                enterprise=enterprise,
                address=f"{town}{place}{road}{rng.randint(1, 600)}号",
                latitude=round(lat, 6),
                longitude=round(lng, 6),
                open_24h=rng.random() < 0.08,
                opening_hours=rng.choice(HOURS),
                phone=f"0571-{rng.randint(80000000, 89999999)}",
                area_sqm=rng.randint(30, 80) if big else rng.randint(8, 29),
                seats=rng.randint(20, 40) if big else rng.randint(4, 19),
                opened_on=REFERENCE_DATE - datetime.timedelta(days=rng.randint(60, 1500)),
                **facilities,
            )
        )
        if number % 37 == 0:
            stations[-1].status = StationStatus.SUSPENDED
    bulk_insert(stations)
    reviews = _reviews(rng, stations)
    bulk_insert(reviews)
    visits = _visits(rng, stations)
    ctx.log(
        f"{len(areas)} district areas, {len(stations)} stations, {len(reviews)} reviews, "
        f"{visits:,} check-ins"
    )


def _reviews(rng, stations: list[Station]) -> list[StationReview]:
    """The 2025 review of most stations; the station keeps the stars awarded."""
    reviews = []
    failures_pool = list(ReviewFailure.values)
    for station in stations:
        if rng.random() < 0.15:
            continue
        five_possible = (station.area_sqm or 0) >= 30 and (station.seats or 0) >= 20
        five_possible = five_possible and station.has_aed
        assessed = rng.choice((2, 3, 3, 4, 4, 5 if five_possible else 4))
        failures = []
        if rng.random() < 0.2:
            failures = rng.sample(failures_pool, k=rng.choice((1, 1, 2)))
        stars = stars_after(assessed, failures)
        reviews.append(
            StationReview(
                station=station,
                year=2025,
                assessed_stars=assessed,
                failures=failures,
                stars=stars,
                reviewed_on=datetime.date(2025, 12, rng.randint(1, 20)),
                note="",
                created_at=SEED_TIMESTAMP,
            )
        )
        station.stars = stars
        if stars == 0:
            station.status = StationStatus.REMOVED
    rated = [s for s in stations if s.stars or s.status != StationStatus.ACTIVE]
    Station.objects.bulk_update(rated, ["stars", "status"], batch_size=500)
    return reviews


def _visits(rng, stations: list[Station]) -> int:
    """Check-ins of the open stations: about ``VISITS_PER_DAY`` a day on average (the
    national figure is ~12: 230万 a day over 18.6万 stations), busier and quieter stations
    alike, written as plain tuples (the fast path of ``core.bulk``)."""
    open_stations = [s for s in stations if s.status == StationStatus.ACTIVE]
    if not open_stations:
        return 0
    per_day = min(VISITS_PER_DAY, MAX_VISITS / (len(open_stations) * VISIT_DAYS))
    tz = SEED_TIMESTAMP.tzinfo
    rows = []
    for station in open_stations:
        popularity = rng.uniform(0.3, 1.7)
        for day in range(VISIT_DAYS):
            date = REFERENCE_DATE - datetime.timedelta(days=day + 1)
            for _ in range(int(rng.uniform(0, 2) * per_day * popularity)):
                at = datetime.datetime(
                    date.year,
                    date.month,
                    date.day,
                    rng.randint(6, 21),
                    rng.randint(0, 59),
                    tzinfo=tz,
                )
                rows.append((station.pk, at))
    ids = reserve_ids(StationVisit, len(rows))
    insert_tuples(
        StationVisit,
        ("id", "station_id", "visited_at", "member_id", "client_hash"),
        ((pk, station_id, at, None, "") for pk, (station_id, at) in zip(ids, rows, strict=True)),
    )
    return len(rows)
