"""Reads on stations: the nearest stations to a point, the coverage grid of a district,
visit counts and the subtree figures. Each is a handful of queries, never one per row."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from stations import geo
from stations.choices import StationStatus
from stations.models import DistrictArea, Station, StationVisit


def setting(name: str):
    return settings.GONGHUI[name]


@dataclass(frozen=True)
class Nearby:
    station: Station
    distance_m: float

    @property
    def distance_label(self) -> str:
        if self.distance_m < 1000:
            return f"{round(self.distance_m)} m"
        return f"{self.distance_m / 1000:.1f} km"

    @property
    def walk_minutes(self) -> int:
        return max(1, math.ceil(self.distance_m / setting("STATION_WALK_METRES_PER_MINUTE")))


def within(queryset, lat: float, lng: float, radius_m: float) -> list[Nearby]:
    """Stations of ``queryset`` within ``radius_m`` of (lat, lng), nearest first. The
    database cuts a latitude/longitude box (indexed ranges); the exact great-circle
    distance is computed here for the few rows inside it."""
    box = geo.box_around(lat, lng, radius_m)
    candidates = queryset.filter(
        latitude__gte=box.south,
        latitude__lte=box.north,
        longitude__gte=box.west,
        longitude__lte=box.east,
    )
    found = []
    for station in candidates:
        distance = geo.haversine_m(lat, lng, station.latitude, station.longitude)
        if distance <= radius_m:
            found.append(Nearby(station, distance))
    found.sort(key=lambda item: (item.distance_m, item.station.code))
    return found


def nearest(queryset, lat: float, lng: float, limit: int = 10, max_radius_m=None) -> list[Nearby]:
    """The ``limit`` stations of ``queryset`` nearest to (lat, lng) by true distance, up to
    ``max_radius_m`` away. The search circle starts at ``STATION_SEARCH_RADIUS_M`` and
    doubles until it holds ``limit`` stations: everything outside a circle is farther than
    everything inside, so the order is exact."""
    radius = float(setting("STATION_SEARCH_RADIUS_M"))
    max_radius = float(max_radius_m or setting("STATION_SEARCH_MAX_RADIUS_M"))
    radius = min(radius, max_radius)
    while True:
        found = within(queryset, lat, lng, radius)
        if len(found) >= limit or radius >= max_radius:
            return found[:limit]
        radius = min(radius * 2, max_radius)


def public_stations():
    """What workers see: every open station, whoever hosts it."""
    return Station.objects.filter(status=StationStatus.ACTIVE).select_related("org")


def station_by_code(code: str) -> Station | None:
    return Station.objects.select_related("org", "enterprise").filter(code=code).first()


@dataclass
class Coverage:
    area: DistrictArea
    rows: int
    cols: int
    cells: list[dict]
    radius_m: int
    cell_m: int

    @property
    def total(self) -> int:
        return len(self.cells)

    @property
    def uncovered(self) -> list[dict]:
        return [cell for cell in self.cells if not cell["covered"]]

    @property
    def covered_count(self) -> int:
        return self.total - len(self.uncovered)

    @property
    def coverage_rate(self) -> float | None:
        return round(self.covered_count * 100.0 / self.total, 1) if self.total else None


def coverage(area: DistrictArea, stations=None) -> Coverage:
    """The grid over ``area``'s box and, per cell, whether an open station lies within the
    service radius (``STATION_SERVICE_RADIUS_M``, the "15-minute" circle) of its centre and
    how far the nearest one is. One query: the open stations in the box widened by the
    radius (stations just over the border serve the cells along it)."""
    radius = int(setting("STATION_SERVICE_RADIUS_M"))
    cell_m = int(setting("STATION_GRID_CELL_M"))
    box = geo.Box(area.south, area.west, area.north, area.east)
    rows, cols, cells = geo.grid(box, cell_m)
    dlat = radius / geo.METRES_PER_DEGREE_LAT
    dlng = radius / geo.metres_per_degree_lng(max(abs(area.south), abs(area.north)))
    queryset = Station.objects.all() if stations is None else stations
    points = list(
        queryset.filter(
            status=StationStatus.ACTIVE,
            latitude__gte=area.south - dlat,
            latitude__lte=area.north + dlat,
            longitude__gte=area.west - dlng,
            longitude__lte=area.east + dlng,
        ).values_list("latitude", "longitude", "code")
    )
    # Bucket the stations by grid square of the radius's size: each cell looks at 9 buckets.
    mid = (area.south + area.north) / 2
    step_lat, step_lng = dlat, radius / geo.metres_per_degree_lng(mid)
    buckets: dict[tuple[int, int], list] = {}
    for lat, lng, code in points:
        key = (math.floor(lat / step_lat), math.floor(lng / step_lng))
        buckets.setdefault(key, []).append((lat, lng, code))
    result = []
    for cell in cells:
        key_lat, key_lng = math.floor(cell.lat / step_lat), math.floor(cell.lng / step_lng)
        best, best_code = None, ""
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                for lat, lng, code in buckets.get((key_lat + i, key_lng + j), ()):
                    distance = geo.haversine_m(cell.lat, cell.lng, lat, lng)
                    if best is None or distance < best:
                        best, best_code = distance, code
        result.append(
            {
                "row": cell.row,
                "col": cell.col,
                "lat": round(cell.lat, 6),
                "lng": round(cell.lng, 6),
                "covered": best is not None and best <= radius,
                "nearest_m": None if best is None else round(best),
                "nearest_code": best_code,
            }
        )
    return Coverage(area, rows, cols, result, radius, cell_m)


def visits_by_month(station: Station, months: int = 12) -> list[dict]:
    """Check-ins per month over the last ``months`` months, oldest first. One query."""
    since = timezone.localdate().replace(day=1) - datetime.timedelta(days=31 * (months - 1))
    since = since.replace(day=1)
    rows = (
        StationVisit.objects.filter(station=station, visited_at__date__gte=since)
        .annotate(month=TruncMonth("visited_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [{"month": row["month"].strftime("%Y-%m"), "visits": row["n"]} for row in rows]


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def recent_visit_count(days: int):
    """Check-ins of the station in the last ``days`` days, as a correlated subquery: the
    database counts an index range (station, visited_at) for each row it outputs, so a list
    page pays for its 25 rows, not for every station."""
    since = timezone.now() - datetime.timedelta(days=days)
    counted = (
        StationVisit.objects.filter(station=OuterRef("pk"), visited_at__gte=since)
        .order_by()
        .values("station")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def station_stats(org, today: datetime.date | None = None) -> dict:
    """Stations of a subtree (open, by stars, open 24 hours, with a first-aid kit) and
    their check-ins this year and in the last 30 days. Two queries."""
    today = today or timezone.localdate()
    stations = Station.objects.filter(org__path__startswith=org.path)
    open_ = Q(status=StationStatus.ACTIVE)
    figures = stations.aggregate(
        total=Count("pk", filter=open_),
        open_24h=Count("pk", filter=open_ & Q(open_24h=True)),
        first_aid=Count("pk", filter=open_ & Q(has_first_aid=True)),
        five_star=Count("pk", filter=open_ & Q(stars=5)),
        rated=Count("pk", filter=open_ & Q(stars__gte=1)),
        delisted=Count("pk", filter=Q(status=StationStatus.REMOVED)),
    )
    # Day boundaries as datetimes: a range on the indexed column, no date() per row.
    year_start = start_of_day(datetime.date(today.year, 1, 1))
    recent = start_of_day(today - datetime.timedelta(days=30))
    visits = StationVisit.objects.filter(
        station__org__path__startswith=org.path, visited_at__gte=min(year_start, recent)
    ).aggregate(
        year=Count("pk", filter=Q(visited_at__gte=year_start)),
        recent=Count("pk", filter=Q(visited_at__gte=recent)),
    )
    return {
        "org_id": org.pk,
        "year": today.year,
        "stations": figures["total"],
        "open_24h": figures["open_24h"],
        "first_aid": figures["first_aid"],
        "five_star": figures["five_star"],
        "rated": figures["rated"],
        "delisted": figures["delisted"],
        "visits_this_year": visits["year"],
        "visits_last_30_days": visits["recent"],
    }
