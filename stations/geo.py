"""Plain geometry on the sphere: great-circle distance, a box around a point, a grid of
cells over a box. No GIS extension needed, so the same code runs on SQLite and PostgreSQL;
at city scale the error of treating a few kilometres as flat is well under a metre."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_M / 180  # ≈ 111,195 m


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The great-circle distance in metres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def metres_per_degree_lng(lat: float) -> float:
    return METRES_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 1e-6)


@dataclass(frozen=True)
class Box:
    south: float
    west: float
    north: float
    east: float


def box_around(lat: float, lng: float, radius_m: float) -> Box:
    """The smallest latitude/longitude box holding every point within ``radius_m`` of
    (lat, lng): the prefilter of the nearest-station search (indexed range tests)."""
    dlat = radius_m / METRES_PER_DEGREE_LAT
    # The box is widest in longitude at the latitude nearest a pole.
    widest = min(89.9, abs(lat) + dlat)
    dlng = radius_m / metres_per_degree_lng(widest)
    return Box(lat - dlat, lng - dlng, lat + dlat, lng + dlng)


def parse_point(text: str) -> tuple[float, float] | None:
    """``"30.27,120.15"`` → (30.27, 120.15); ``None`` when it is not a valid point."""
    try:
        lat_text, lng_text = (part.strip() for part in str(text).split(","))
        lat, lng = float(lat_text), float(lng_text)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lng)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return None
    return lat, lng


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    lat: float  # centre
    lng: float


def grid(box: Box, cell_m: float) -> tuple[int, int, list[Cell]]:
    """Square-ish cells of about ``cell_m`` metres covering ``box``, row 0 in the north:
    (rows, cols, cells)."""
    mid = (box.south + box.north) / 2
    dlat = cell_m / METRES_PER_DEGREE_LAT
    dlng = cell_m / metres_per_degree_lng(mid)
    rows = max(1, math.ceil((box.north - box.south) / dlat - 1e-9))
    cols = max(1, math.ceil((box.east - box.west) / dlng - 1e-9))
    cells = [
        Cell(r, c, box.north - (r + 0.5) * dlat, box.west + (c + 0.5) * dlng)
        for r in range(rows)
        for c in range(cols)
    ]
    return rows, cols, cells
