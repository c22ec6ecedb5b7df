"""Code lists of the services capability (服务职工体系)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ServiceCategory(models.TextChoices):
    """The kinds of service a union offers (seed 002's 实事项目 categories plus 心理服务 and
    疗休养); practical projects use the same list."""

    RIGHTS = "rights", _("Rights protection")
    SKILLS = "skills", _("Skills advancement")
    EMPLOYMENT = "employment", _("Employment assistance")
    LIVING = "living", _("Everyday services")
    ASSISTANCE = "assistance", _("Hardship relief")
    CULTURE = "culture", _("Culture and sports")
    PSYCHOLOGICAL = "psychological", _("Psychological counselling")
    RECUPERATION = "recuperation", _("Rest and recuperation")


class Eligibility(models.TextChoices):
    """Who may request a service, read from the member record."""

    ALL = "all", _("All members")
    WOMEN = "women", _("Women members")
    MIGRANT = "migrant", _("Migrant-worker members")
    NEW_FORMS = "new_forms", _("Members in new forms of employment")


class CapacityPeriod(models.TextChoices):
    MONTH = "month", _("per calendar month")
    YEAR = "year", _("per calendar year")
    TOTAL = "total", _("in total")


class ServiceStatus(models.TextChoices):
    OPEN = "open", _("Taking requests")
    CLOSED = "closed", _("Not taking requests")


class RequestStatus(models.TextChoices):
    """submitted → accepted → in progress → done, or rejected (with a reason) before done;
    the member may withdraw a request nobody has accepted yet."""

    SUBMITTED = "submitted", _("Waiting to be accepted")
    ACCEPTED = "accepted", _("Accepted for handling")
    IN_PROGRESS = "in_progress", pgettext_lazy("services", "In progress")
    DONE = "done", _("Completed and closed")
    REJECTED = "rejected", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the member")


# Requests the handling union still owes an answer; the deadline runs for these.
OPEN_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS)
# Requests that take a place of the service's capacity.
COUNTED_STATUSES = (*OPEN_STATUSES, RequestStatus.DONE)


class RequestEventKind(models.TextChoices):
    SUBMIT = "submit", pgettext_lazy("services", "Submitted")
    ACCEPT = "accept", _("Accepted for handling")
    START = "start", _("Work started")
    COMPLETE = "complete", pgettext_lazy("services", "Completed")
    REJECT = "reject", _("Declined")
    WITHDRAW = "withdraw", _("Withdrawn")
    ESCALATE = "escalate", _("Overdue, escalated")
    RATE = "rate", _("Rated")
