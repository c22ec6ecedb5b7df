from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class VenueKind(models.TextChoices):
    PALACE_ROOM = "palace_room", _("Workers' cultural palace room")
    READING_ROOM = "reading_room", _("Workers' reading room")
    SPORTS = "sports", _("Sports ground")
    OTHER = "other", _("Other venue")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    USED = "used", _("Used")
    NO_SHOW = "no_show", _("Not used")
    CANCELLED = "cancelled", _("Cancelled")


# A slot held by these is taken; cancelled slots are free again.
ACTIVE_BOOKING_STATUSES = (BookingStatus.BOOKED, BookingStatus.USED, BookingStatus.NO_SHOW)


class ProgrammeKind(models.TextChoices):
    MODEL_HOME = "model_home", _("Model workers' home")
    MODEL_SMALL_HOME = "model_small_home", _("Model workers' small home")
    STAR_HOME = "star_home", _("Star-rated workers' home")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Self-assessment in progress")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLICITY = "publicity", _("Public notice")
    AWARDED = "awarded", _("Named")
    REJECTED = "rejected", _("Not awarded")
    REVOKED = "revoked", _("Title withdrawn")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Under way")
    CLOSED = "closed", _("Closed")


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Not reported")
    SUBMITTED = "submitted", _("Reported")
    RETURNED = "returned", _("Returned for correction")


class FieldKind(models.TextChoices):
    NUMBER = "number", pgettext_lazy("grassroots", "Number")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    CHOICE = "choice", _("Choice")
    FILE = "file", _("File")
