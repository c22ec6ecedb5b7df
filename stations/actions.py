"""Writes on stations: register and edit a station, open/close/delist it, the yearly star
review, a worker's check-in, and the area of a district for the coverage view.

Rules (DOMAIN §2.7): each station has a unique code shown as a QR code; stars run 1–5, are
reviewed once a year, and failures found during the year (missed opening hours, equipment
left broken, complaints left unresolved…) cut stars, down to delisting; five stars need a
floor area, seats and an AED (thresholds are settings, since cities differ).

Every write validates the whole request first, runs in one transaction, re-checks scope
and writes an audit row.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from core.uploads import sniff_image
from orgs.choices import OrgLevel
from orgs.models import Org
from stations.choices import FACILITIES, ReviewFailure, StationStatus
from stations.models import DistrictArea, Station, StationPhoto, StationReview, StationVisit

STATION_FIELDS = (
    "name",
    "org",
    "enterprise",
    "address",
    "latitude",
    "longitude",
    "opening_hours",
    "open_24h",
    "phone",
    "area_sqm",
    "seats",
    "opened_on",
    *(f"has_{code}" for code, _label in FACILITIES),
)
# Host unions of a station: any active org up to the city federation (a street federation
# or a grassroots union hosts most of them).
HOST_LEVELS = (
    OrgLevel.CITY,
    OrgLevel.DISTRICT,
    OrgLevel.STREET,
    OrgLevel.FEDERATION,
    OrgLevel.GRASSROOTS,
)
# A district box wider than this is a typing error (degrees of latitude or longitude).
MAX_AREA_DEGREES = 3.0


def _setting(name):
    return settings.GONGHUI[name]


def _clean_station(data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    if not (data.get("name") or "").strip():
        fail("name", _("Enter the name of the station."))
    if not (data.get("address") or "").strip():
        fail("address", _("Enter the address."))
    org = data.get("org")
    if org is None:
        fail("org", _("Choose the host union."))
    elif not org.is_active or org.level not in HOST_LEVELS:
        fail("org", _("The host must be an active union or federation."))
    enterprise = data.get("enterprise")
    if enterprise is not None and enterprise.status != "active":
        fail("enterprise", _("The host enterprise is closed."))
    lat, lng = data.get("latitude"), data.get("longitude")
    if lat is None or not -90 <= float(lat) <= 90:
        fail("latitude", _("Enter a latitude between -90 and 90."))
    if lng is None or not -180 <= float(lng) <= 180:
        fail("longitude", _("Enter a longitude between -180 and 180."))
    if not data.get("open_24h") and not (data.get("opening_hours") or "").strip():
        fail("opening_hours", _("Enter the opening hours, or mark the station open 24 hours."))
    if not any(data.get(f"has_{code}") for code, _label in FACILITIES):
        fail("has_water", _("Tick at least one facility the station offers."))
    opened_on = data.get("opened_on")
    if opened_on is not None and opened_on > timezone.localdate():
        fail("opened_on", _("The date cannot be in the future."))
    return errors


def _code_prefix(org: Org) -> str:
    """ZD + the administrative division code of the host or its nearest ancestor that has
    one (the district's, for a union below a street)."""
    prefixes = [org.path[:end] for end in range(Org.steplen, len(org.path) + 1, Org.steplen)]
    regions = dict(
        Org.objects.filter(path__in=prefixes)
        .exclude(region_code="")
        .values_list("path", "region_code")
    )
    region = regions[max(regions, key=len)] if regions else "000000"
    return f"ZD{region[:6]}"


def next_code(org: Org) -> str:
    prefix = _code_prefix(org)
    last = (
        Station.objects.filter(code__startswith=prefix)
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    number = int(last[len(prefix) :]) + 1 if last and last[len(prefix) :].isdigit() else 1
    return f"{prefix}{number:05d}"


@transaction.atomic
def station_create(*, actor, data: dict) -> Station:
    """Register a station under a host union in the actor's scope; it gets its code."""
    errors = _clean_station(data)
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, data["org"])
    station = Station(**{name: data.get(name) for name in STATION_FIELDS if name in data})
    for name in ("opening_hours", "phone"):
        setattr(station, name, (getattr(station, name) or "").strip())
    station.code = next_code(data["org"])
    try:
        with transaction.atomic():
            station.save()
    except IntegrityError:  # two registrations took the same number at once
        station.code = next_code(data["org"])
        station.save()
    audit.record(actor, station, AuditAction.CREATE)
    ensure_in_scope(actor, station)
    return station


@transaction.atomic
def station_update(*, actor, station: Station, data: dict) -> Station:
    """Change a station's details; the code stays. Moving it to a host outside the actor's
    scope is refused."""
    station = Station.objects.select_for_update().get(pk=station.pk)
    ensure_in_scope(actor, station)
    errors = _clean_station(data)
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, data["org"])
    before = audit.snapshot(station)
    for name in STATION_FIELDS:
        if name in data:
            value = data[name]
            setattr(station, name, value.strip() if isinstance(value, str) else value)
    station.save()
    audit.record(actor, station, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, station)
    return station


@transaction.atomic
def station_set_status(*, actor, station: Station, status: str, reason: str) -> Station:
    """Open, close for a while, or delist a station, with the reason in the audit log."""
    station = Station.objects.select_for_update().get(pk=station.pk)
    ensure_in_scope(actor, station)
    errors = {}
    if status not in StationStatus.values:
        errors["status"] = [_("Choose the status.")]
    elif status == station.status:
        errors["status"] = [_("The station already has this status.")]
    if not (reason or "").strip():
        errors["reason"] = [_("Say why.")]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(station)
    station.status = status
    station.save(update_fields=["status", "updated_at"])
    audit.record(
        actor, station, AuditAction.UPDATE, before=before, extra={"reason": [None, reason.strip()]}
    )
    return station


def five_star_problems(station: Station) -> list[str]:
    """What keeps a station from five stars (the Fuzhou rule: ≥30 m², 20+ seats, an AED)."""
    problems = []
    min_area = _setting("STATION_FIVE_STAR_MIN_AREA_SQM")
    min_seats = _setting("STATION_FIVE_STAR_MIN_SEATS")
    if (station.area_sqm or 0) < min_area:
        problems.append(_("a floor area of at least %(n)s m²") % {"n": min_area})
    if (station.seats or 0) < min_seats:
        problems.append(_("at least %(n)s seats") % {"n": min_seats})
    if _setting("STATION_FIVE_STAR_REQUIRES_AED") and not station.has_aed:
        problems.append(_("an AED"))
    return problems


def stars_after(assessed: int, failures: list[str]) -> int:
    """Stars left after the cuts: ``STATION_STARS_CUT_PER_FAILURE`` per failure, not below 0."""
    return max(0, assessed - _setting("STATION_STARS_CUT_PER_FAILURE") * len(failures))


@transaction.atomic
def station_review(
    *,
    actor,
    station: Station,
    year: int,
    assessed_stars: int,
    failures: list[str] | None = None,
    reviewed_on: datetime.date | None = None,
    note: str = "",
) -> StationReview:
    """The yearly star review: one per station and year. The stars assessed (1–5) are cut
    for each failure found; a station left with no star is delisted."""
    station = Station.objects.select_for_update().get(pk=station.pk)
    ensure_in_scope(actor, station)
    today = timezone.localdate()
    reviewed_on = reviewed_on or today
    failures = list(dict.fromkeys(failures or []))
    errors: dict[str, list[str]] = {}
    if year is None or year > today.year or year < 2000:
        errors["year"] = [_("Enter the year reviewed (not a future year).")]
    elif StationReview.objects.filter(station=station, year=year).exists():
        errors["year"] = [_("The station was already reviewed for %(year)s.") % {"year": year}]
    if assessed_stars not in range(1, 6):
        errors["assessed_stars"] = [_("Stars run from 1 to 5.")]
    elif assessed_stars == 5 and (problems := five_star_problems(station)):
        errors["assessed_stars"] = [
            _("Five stars need %(needs)s; record them on the station first.")
            % {"needs": "、".join(problems)}
        ]
    unknown = [code for code in failures if code not in ReviewFailure.values]
    if unknown:
        errors["failures"] = [_("Unknown failure: %(codes)s.") % {"codes": ", ".join(unknown)}]
    if reviewed_on > today:
        errors["reviewed_on"] = [_("The date cannot be in the future.")]
    if station.status == StationStatus.REMOVED:
        errors["assessed_stars"] = [_("The station is delisted; reopen it before a review.")]
    if errors:
        raise ValidationError(errors)
    stars = stars_after(assessed_stars, failures)
    review = StationReview.objects.create(
        station=station,
        year=year,
        assessed_stars=assessed_stars,
        failures=failures,
        stars=stars,
        note=(note or "").strip(),
        reviewed_on=reviewed_on,
        reviewed_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, review, AuditAction.CREATE)
    latest = StationReview.objects.filter(station=station).order_by("-year").first()
    if latest.pk == review.pk:  # a late review of an older year does not override
        before = audit.snapshot(station)
        station.stars = stars
        if stars == 0:
            station.status = StationStatus.REMOVED
        station.save(update_fields=["stars", "status", "updated_at"])
        audit.record(actor, station, AuditAction.UPDATE, before=before)
    return review


@transaction.atomic
def station_photo_add(*, actor, station: Station, upload, caption: str = "") -> StationPhoto:
    """Add a photo (JPEG, PNG or WebP, at most ``STATION_PHOTO_MAX_MB``, at most
    ``STATION_PHOTOS_MAX`` per station). The file's content decides its type, not its name."""
    station = Station.objects.select_for_update().get(pk=station.pk)
    ensure_in_scope(actor, station)
    errors: dict[str, list[str]] = {}
    max_mb = _setting("STATION_PHOTO_MAX_MB")
    kind = None
    if upload is None:
        errors["image"] = [_("Choose a photo.")]
    elif upload.size > max_mb * 1024 * 1024:
        errors["image"] = [_("The photo is larger than %(n)s MB.") % {"n": max_mb}]
    else:
        kind = sniff_image(upload)
        if kind is None:
            errors["image"] = [_("Upload a JPEG, PNG or WebP photo.")]
    if station.photos.count() >= _setting("STATION_PHOTOS_MAX"):
        errors["image"] = [
            _("A station keeps at most %(n)s photos; remove one first.")
            % {"n": _setting("STATION_PHOTOS_MAX")}
        ]
    if errors:
        raise ValidationError(errors)
    extension, content_type = kind
    photo = StationPhoto(
        station=station,
        caption=(caption or "").strip(),
        content_type=content_type,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    photo.image.save(f"{station.code}-{secrets.token_hex(8)}.{extension}", upload, save=False)
    photo.save()
    audit.record(actor, photo, AuditAction.CREATE)
    return photo


@transaction.atomic
def station_photo_remove(*, actor, photo: StationPhoto) -> None:
    photo = StationPhoto.objects.select_related("station").get(pk=photo.pk)
    ensure_in_scope(actor, photo)
    audit.record(actor, photo, AuditAction.DELETE)
    name = photo.image.name
    storage = photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def client_hash(ident: str) -> str:
    """A keyed hash of the client (address and browser): repeat check-ins can be told
    apart without keeping where anyone was."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"station-visit:{ident}".encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def station_check_in(*, station: Station, client: str, member=None) -> tuple[StationVisit, bool]:
    """Record a visit from a worker who scanned the station's QR code. A second scan by the
    same client (or member) within ``STATION_CHECKIN_INTERVAL_MINUTES`` counts once:
    returns (visit, created)."""
    station = Station.objects.select_for_update().get(pk=station.pk)
    if station.status != StationStatus.ACTIVE:
        raise ValidationError(_("This station is not open at present."))
    now = timezone.now()
    since = now - datetime.timedelta(minutes=_setting("STATION_CHECKIN_INTERVAL_MINUTES"))
    hashed = client_hash(client) if client else ""
    recent = StationVisit.objects.filter(station=station, visited_at__gte=since)
    if member is not None:
        earlier = recent.filter(member=member).first()
    else:
        earlier = recent.filter(client_hash=hashed).first() if hashed else None
    if earlier is not None:
        return earlier, False
    visit = StationVisit.objects.create(
        station=station, visited_at=now, member=member, client_hash=hashed
    )
    return visit, True


@transaction.atomic
def district_area_set(
    *, actor, org: Org, south: float, west: float, north: float, east: float
) -> DistrictArea:
    """Set the box of a district federation's area (created on first use)."""
    ensure_org_in_scope(actor, org)
    errors: dict[str, list[str]] = {}
    if org.level != OrgLevel.DISTRICT:
        errors["org"] = [_("Areas are kept for district and county federations.")]
    if None in (south, west, north, east):
        errors["south"] = [_("Enter all four edges of the area.")]
    else:
        if not (-90 <= south < north <= 90):
            errors["north"] = [_("The northern edge must lie north of the southern edge.")]
        if not (-180 <= west < east <= 180):
            errors["east"] = [_("The eastern edge must lie east of the western edge.")]
        if north - south > MAX_AREA_DEGREES or east - west > MAX_AREA_DEGREES:
            errors["south"] = [_("The area is too large for a district; check the figures.")]
    if errors:
        raise ValidationError(errors)
    area = DistrictArea.objects.filter(org=org).select_for_update().first()
    before = audit.snapshot(area) if area else None
    if area is None:
        area = DistrictArea(org=org)
    area.south, area.west, area.north, area.east = south, west, north, east
    area.save()
    audit.record(actor, area, AuditAction.UPDATE if before else AuditAction.CREATE, before=before)
    ensure_in_scope(actor, area, Action.CHANGE)
    return area
