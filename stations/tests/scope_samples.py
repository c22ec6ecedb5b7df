"""Rows of the stations app in district A and district B for the scope test."""

import datetime

from stations import actions
from stations.models import DistrictArea, Station, StationPhoto, StationReview, StationVisit

# The smallest valid PNG (1×1 pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def png_upload(name="door.png", data=PNG):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/png")


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
    # Rows only: the scope test runs outside the photo tests' temporary media folder.
    photo_a, photo_b = (
        StationPhoto.objects.create(
            station=s, image=f"stations/{s.code}-x.png", content_type="image/png", caption=c
        )
        for s, c in ((station_a, "钱甲门头"), (station_b, "赵乙门头"))
    )
    return {
        StationPhoto: (photo_a, photo_b, "钱甲驿站", "赵乙驿站"),
        Station: (station_a, station_b, "钱甲驿站", "赵乙驿站"),
        StationReview: (review_a, review_b, "钱甲驿站", "赵乙驿站"),
        StationVisit: (visit_a, visit_b, "钱甲驿站", "赵乙驿站"),
        DistrictArea: (area_a, area_b, "东湖区总工会", "西山区总工会"),
    }
