"""Rows of the stations app in district A and district B for the scope test."""

import datetime

from stations import actions
from stations.models import DistrictArea, Station, StationReview, StationVisit


def station_data(org, name, lat=30.27, lng=120.15, **extra):
    data = {
        "name": name,
        "org": org,
        "enterprise": None,
        "address": f"{name}门口",
        "latitude": lat,
        "longitude": lng,
        "opening_hours": "08:00-20:00",
        "open_24h": False,
        "has_water": True,
        "has_rest": True,
    }
    data.update(extra)
    return data


def samples(city, people):
    station_a = actions.station_create(
        actor=None, data=station_data(city.street_a, "钱甲驿站", 30.27, 120.15)
    )
    station_b = actions.station_create(
        actor=None, data=station_data(city.street_b, "赵乙驿站", 30.30, 120.10)
    )
    review_a, review_b = (
        actions.station_review(
            actor=None,
            station=s,
            year=2025,
            assessed_stars=3,
            reviewed_on=datetime.date(2025, 12, 1),
        )
        for s in (station_a, station_b)
    )
    visit_a, _ = actions.station_check_in(station=station_a, client="a")
    visit_b, _ = actions.station_check_in(station=station_b, client="b")
    area_a = actions.district_area_set(
        actor=None, org=city.district_a, south=30.25, west=120.12, north=30.29, east=120.17
    )
    area_b = actions.district_area_set(
        actor=None, org=city.district_b, south=30.29, west=120.08, north=30.32, east=120.12
    )
    return {
        Station: (station_a, station_b, "钱甲驿站", "赵乙驿站"),
        StationReview: (review_a, review_b, "钱甲驿站", "赵乙驿站"),
        StationVisit: (visit_a, visit_b, "钱甲驿站", "赵乙驿站"),
        DistrictArea: (area_a, area_b, "东湖区总工会", "西山区总工会"),
    }
