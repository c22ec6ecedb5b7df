"""Vocabulary of 信访 (letters and visits, 信访工作条例 2022)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PetitionChannel(models.TextChoices):
    LETTER = "letter", _("Letter")
    VISIT = "visit", pgettext_lazy("petitions", "Visit")
    ONLINE = "online", _("Online petition")
    HOTLINE = "hotline", _("Passed on by 12351")


class PetitionStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered, awaiting decision")
    ACCEPTED = "accepted", pgettext_lazy("petitions", "Accepted, being handled")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    REPLIED = "replied", _("Replied")
    REVIEWING = "reviewing", _("Under review")
    REVIEWED = "reviewed", _("Review concluded")


class PetitionEventKind(models.TextChoices):
    REGISTERED = "registered", pgettext_lazy("petitions", "Registered")
    ACCEPTED = "accepted", pgettext_lazy("petitions", "Accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    HANDED_DOWN = "handed_down", _("Handed down")
    EXTENDED = "extended", _("Deadline extended")
    REPLIED = "replied", _("Replied")
    REVIEW_REQUESTED = "review_requested", _("Review requested")
    REVIEWED = "reviewed", _("Review concluded")


OPEN_STATUSES = (PetitionStatus.REGISTERED, PetitionStatus.ACCEPTED, PetitionStatus.REVIEWING)
