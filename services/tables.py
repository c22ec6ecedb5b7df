from django.utils.translation import gettext_lazy as _

from core.tables import Column


def _stars(request) -> str:
    return "★" * request.rating if request.rating else ""


def _deadline(request) -> str:
    text = request.due_on.isoformat()
    if getattr(request, "overdue", False):
        return f"{text} {_('Overdue')}"
    return text


def _percent(value) -> str:
    return f"{value:.1f}%"


SERVICE_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("category", _("Category"), sort="category"),
    Column("org", _("Published by"), sort="org__name", wrap=True),
    Column("eligibility", _("Who may request it"), sort="eligibility"),
    Column(
        "capacity",
        _("Capacity"),
        sort="capacity",
        accessor=lambda s: f"{s.capacity} {s.get_capacity_period_display()}" if s.capacity else "",
    ),
    Column("deadline_workdays", _("Deadline (working days)"), css="text-end"),
    Column("status", _("Status"), sort="status"),
]

REQUEST_COLUMNS = [
    Column("number", _("Number"), sort="pk", link=True),
    Column("service", _("Service"), sort="service__name", wrap=True),
    Column("service__category", _("Category"), accessor=lambda r: r.service.get_category_display()),
    Column("member", _("Member"), sort="member__name_pinyin", accessor=lambda r: r.member.name),
    Column("org", _("Handled by"), sort="org__name", wrap=True),
    Column("submitted_at", _("Submitted at"), sort="submitted_at"),
    Column("due_on", _("Answer due by"), sort="due_on", accessor=_deadline),
    Column("status", _("Status"), sort="status"),
    Column("escalated_to", _("Escalated to"), wrap=True),
    Column("rating", _("Rating"), sort="rating", accessor=_stars),
]

PROJECT_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("year", _("Year"), sort="year"),
    Column("category", _("Category"), sort="category"),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("responsible_org", _("Responsible union"), wrap=True),
    Column(
        "target_quantity",
        _("Target"),
        sort="target_quantity",
        accessor=lambda p: f"{p.target_quantity.normalize():f} {p.target_unit}",
        css="text-end",
    ),
    Column(
        "achieved",
        _("Achieved"),
        sort="achieved",
        accessor=lambda p: f"{p.achieved.normalize():f} {p.target_unit}",
        css="text-end",
    ),
    Column(
        "completion", _("Completion"), accessor=lambda p: _percent(p.completion), css="text-end"
    ),
    Column("budget", _("Budget (yuan)"), sort="budget", css="text-end"),
    Column("spent", _("Spent (yuan)"), sort="spent", css="text-end"),
]
