from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import UploadedPhoto
from core.scoping import ScopedQuerySet
from stations.choices import FACILITIES, FACILITY_LABELS, StationStatus


class DistrictArea(models.Model):
    """The area of a district (or county) federation as a latitude/longitude box: what the
    coverage-gap view lays its grid over. Kept here rather than on the org, which has no
    geography of its own."""

    org = models.OneToOneField(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="station_area",
        verbose_name=_("district federation"),
    )
    south = models.FloatField(_("southern latitude"))
    west = models.FloatField(_("western longitude"))
    north = models.FloatField(_("northern latitude"))
    east = models.FloatField(_("eastern longitude"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("district area")
        verbose_name_plural = _("district areas")
        ordering = ["org__path"]

    def __str__(self):
        return str(self.org)

    def get_absolute_url(self):
        return reverse("stations:coverage-detail", args=[self.pk])

    @property
    def name(self):
        return self.org.name


class Station(models.Model):
    """One outdoor-worker service station (工会驿站): who hosts it, where it is, when it is
    open, what it offers and its star rating. The code is unique and printed as a QR code
    at the door; workers scan it to check in."""

    code = models.CharField(_("station code"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="stations",
        verbose_name=_("host union"),
        help_text=_("The union that runs the station and answers for it."),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stations",
        verbose_name=_("host enterprise"),
    )
    address = models.CharField(_("address"), max_length=200)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    opening_hours = models.CharField(_("opening hours"), max_length=100, blank=True)
    open_24h = models.BooleanField(_("open 24 hours"), default=False)
    phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    area_sqm = models.PositiveIntegerField(_("floor area (m²)"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(_("seats"), null=True, blank=True)
    has_water = models.BooleanField(FACILITY_LABELS["water"], default=False)
    has_meal_heating = models.BooleanField(FACILITY_LABELS["meal_heating"], default=False)
    has_toilet = models.BooleanField(FACILITY_LABELS["toilet"], default=False)
    has_rest = models.BooleanField(FACILITY_LABELS["rest"], default=False)
    has_charging = models.BooleanField(FACILITY_LABELS["charging"], default=False)
    has_first_aid = models.BooleanField(FACILITY_LABELS["first_aid"], default=False)
    has_air_conditioning = models.BooleanField(FACILITY_LABELS["air_conditioning"], default=False)
    has_aed = models.BooleanField(FACILITY_LABELS["aed"], default=False)
    has_reading = models.BooleanField(FACILITY_LABELS["reading"], default=False)
    stars = models.PositiveSmallIntegerField(
        _("stars"), default=0, help_text=_("0 until the first yearly review.")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StationStatus.choices,
        default=StationStatus.ACTIVE,
        db_index=True,
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("station")
        verbose_name_plural = _("stations")
        ordering = ["code"]
        indexes = [
            # The nearest-station search first cuts a latitude band, then a longitude
            # range inside it: both served by this index on SQLite and PostgreSQL alike.
            models.Index(fields=["latitude", "longitude"], name="station_lat_lng"),
            models.Index(fields=["org", "status"]),
        ]

    def __str__(self):
        return f"{self.name}（{self.code}）"

    def get_absolute_url(self):
        return reverse("stations:detail", args=[self.pk])

    def get_public_url(self):
        return reverse("stations:m-detail", args=[self.code])

    @property
    def facilities(self) -> list[tuple[str, str]]:
        """The facilities on offer, as (code, label)."""
        return [(code, label) for code, label in FACILITIES if getattr(self, f"has_{code}")]

    @property
    def facility_names(self) -> str:
        return "、".join(str(label) for _code, label in self.facilities)

    @property
    def is_open(self):
        return self.status == StationStatus.ACTIVE


def photo_path(photo, filename: str) -> str:
    # The name is chosen by the action (code + random part), never the uploader's.
    return f"stations/{filename}"


class StationPhoto(UploadedPhoto):
    """A photo of a station (the door with its sign, the room, the facilities). Served by
    the app, not as a public media directory, so a delisted station's photos go with it."""

    station = models.ForeignKey(
        Station, on_delete=models.CASCADE, related_name="photos", verbose_name=_("station")
    )
    image = models.FileField(_("photo"), upload_to=photo_path, max_length=200)

    scope_fields = ("station__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta(UploadedPhoto.Meta):
        verbose_name = _("station photo")
        verbose_name_plural = _("station photos")

    def __str__(self):
        return f"{self.station.name} {self.caption or self.pk}"

    def get_absolute_url(self):
        return self.station.get_absolute_url()

    @property
    def url(self):
        return reverse("stations:photo", args=[self.pk])


class StationReview(models.Model):
    """The yearly star review of a station: the stars its size and equipment earn, the
    failures found during the year, and the stars left after the cuts (0 delists it)."""

    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("station")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    assessed_stars = models.PositiveSmallIntegerField(_("stars assessed"))
    failures = models.JSONField(_("failures found"), default=list, blank=True)
    stars = models.PositiveSmallIntegerField(_("stars awarded"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    reviewed_on = models.DateField(_("reviewed on"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("station__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("station review")
        verbose_name_plural = _("station reviews")
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["station", "year"], name="one_review_per_station_year")
        ]

    def __str__(self):
        return f"{self.station.name} {self.year}"

    def get_absolute_url(self):
        return f"{self.station.get_absolute_url()}?tab=reviews"

    @property
    def failure_labels(self) -> list[str]:
        from stations.choices import ReviewFailure

        labels = dict(ReviewFailure.choices)
        return [str(labels.get(code, code)) for code in self.failures]


class StationVisit(models.Model):
    """One check-in at a station (a worker scanned its QR code): usage statistics. The
    client is kept only as a keyed hash, to count repeat visits without storing who."""

    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="visits", verbose_name=_("station")
    )
    visited_at = models.DateTimeField(_("visited at"), db_index=True)
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="station_visits",
        verbose_name=_("member"),
    )
    client_hash = models.CharField(max_length=64, blank=True, editable=False)

    scope_fields = ("station__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("station visit")
        verbose_name_plural = _("station visits")
        ordering = ["-visited_at", "-id"]
        indexes = [models.Index(fields=["station", "visited_at"])]

    def __str__(self):
        return f"{self.station.name} {self.visited_at:%Y-%m-%d %H:%M}"
