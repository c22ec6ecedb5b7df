from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column


def _stars(obj) -> str:
    return "★" * obj.stars if obj.stars else ""


def _slot(booking) -> str:
    return f"{booking.starts_at:%H:%M}–{booking.ends_at:%H:%M}"


def _hours(venue) -> str:
    return f"{venue.opens_at:%H:%M}–{venue.closes_at:%H:%M}"


def _completion(task) -> str:
    return f"{task.reports_submitted}/{task.reports_total}"


VENUE_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("org", _("Owner"), sort="org__name", wrap=True),
    Column("capacity", _("Capacity (people)"), sort="capacity", css="text-end"),
    Column("hours", _("Opening hours"), accessor=_hours),
    Column("address", _("Address"), wrap=True),
    Column("is_active", _("Open for booking")),
]

BOOKING_COLUMNS = [
    Column("date", _("Date"), sort="date", link=True),
    Column("slot", _("Time"), sort="starts_at", accessor=_slot),
    Column("venue", _("Venue"), sort="venue__name", wrap=True),
    Column("org", _("Booked for"), sort="org__name", wrap=True),
    Column("member", _("Member"), accessor=lambda b: b.member.name if b.member_id else ""),
    Column("purpose", _("Purpose"), wrap=True),
    Column("headcount", _("People"), sort="headcount", css="text-end"),
    Column("status", _("Status"), sort="status"),
]

PROGRAMME_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("kind", _("Title"), sort="kind"),
    Column("year", _("Year"), sort="year"),
    Column("org", pgettext_lazy("grassroots", "Run by"), sort="org__name", wrap=True),
    Column("apply_until", _("Self-assessments due"), sort="apply_until"),
    Column("publicity_workdays", _("Public notice (working days)"), css="text-end"),
]

EVALUATION_COLUMNS = [
    Column("org", _("Union"), sort="org__name", link=True, wrap=True),
    Column("programme", _("Home programme"), sort="programme__name", wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("self_score", _("Self-assessed score"), sort="self_score", css="text-end"),
    Column("review_score", _("Review score"), sort="review_score", css="text-end"),
    Column("stars", _("Stars"), sort="stars", accessor=_stars),
    Column("publicity_until", _("Public notice until"), sort="publicity_until"),
    Column("awarded_on", _("Named on"), sort="awarded_on"),
]

TASK_COLUMNS = [
    Column("title", _("Subject"), sort="title", link=True, wrap=True),
    Column("org", _("Issued by"), sort="org__name", wrap=True),
    Column("deadline", _("Deadline"), sort="deadline"),
    Column("completion", _("Reported"), accessor=_completion, css="text-end"),
    Column("status", _("Status"), sort="status"),
    Column("created_at", _("Issued at"), sort="created_at"),
]

REPORT_COLUMNS = [
    Column("task", _("Task"), sort="task__title", link=True, wrap=True),
    Column("task__org", _("Issued by"), wrap=True),
    Column("org", _("Organisation"), sort="org__name", wrap=True),
    Column("task__deadline", _("Deadline"), sort="task__deadline"),
    Column("status", _("Status"), sort="status"),
    Column("submitted_at", _("Reported at"), sort="submitted_at"),
    Column("reminders", _("Reminders"), sort="reminders", css="text-end"),
]

TEMPLATE_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("org", _("Owner"), sort="org__name", wrap=True),
    Column("field_count", _("Fields"), accessor=lambda t: len(t.fields), css="text-end"),
    Column("description", pgettext_lazy("grassroots", "Description"), wrap=True),
    Column("updated_at", _("Last updated"), sort="updated_at"),
]
