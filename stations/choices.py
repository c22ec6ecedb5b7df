"""Code lists of the outdoor-worker service stations (户外劳动者服务站点, DOMAIN §2.7)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StationStatus(models.TextChoices):
    ACTIVE = "active", _("In service")
    SUSPENDED = "suspended", _("Temporarily closed")
    # Delisted: closed by the host, or stars cut to nothing at a yearly review.
    REMOVED = "removed", _("Delisted")


# The facilities a station can offer (the standard functions 休息如厕、饮水纳凉、餐食加热、
# 驱寒避雨、手机充电、读书阅览, plus first aid, an AED and air conditioning). Each is a
# boolean column ``has_<code>`` of Station, so a filter by facility is an indexed equality.
FACILITIES = (
    ("water", _("Drinking water")),
    ("meal_heating", _("Meal heating")),
    ("toilet", _("Toilet")),
    ("rest", _("Rest seats")),
    ("charging", _("Phone charging")),
    ("first_aid", _("First-aid kit")),
    ("air_conditioning", _("Air conditioning")),
    ("aed", _("AED defibrillator")),
    ("reading", _("Reading corner")),
)
FACILITY_LABELS = dict(FACILITIES)


class ReviewFailure(models.TextChoices):
    """Failures found at the yearly star review; each cuts stars (Fuzhou rule, §2.7)."""

    MISSED_HOURS = "missed_hours", _("Closed during its stated opening hours")
    EQUIPMENT = "equipment", _("Equipment broken and not repaired")
    COMPLAINTS = "complaints", _("Complaints left unresolved")
    HYGIENE = "hygiene", _("Poor hygiene")
    SIGNAGE = "signage", _("No uniform sign or not findable on the map")
