from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column

RISK_COLUMNS = [
    Column("enterprise", _("Enterprise"), sort="enterprise__name", link=True, wrap=True),
    Column("level", _("Warning level"), sort="level"),
    Column("score", _("Score"), sort="score", css="text-end"),
    Column("reasons", _("Reasons"), accessor=lambda s: s.reasons_text(), wrap=True),
    Column("enterprise__covering_union", _("Covering union"), wrap=True),
    Column("level_since", _("Level since"), sort="level_since"),
]

SIGNAL_COLUMNS = [
    Column("observed_on", _("Observed on"), sort="observed_on", link=True),
    Column("enterprise", _("Enterprise"), sort="enterprise__name", wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("months", _("Months"), css="text-end"),
    Column("workers", _("Workers affected"), css="text-end"),
    Column("amount", _("Amount (yuan)"), css="text-end"),
    Column("percent", _("Percent"), css="text-end"),
    Column("count", _("Count"), css="text-end"),
    Column("source", _("Source"), sort="source"),
    Column("status", _("Status"), sort="status"),
    Column("note", _("Note"), wrap=True),
]

ALERT_COLUMNS = [
    Column("enterprise", _("Enterprise"), sort="enterprise__name", link=True, wrap=True),
    Column("level", _("Warning level"), sort="level"),
    Column("score", _("Score"), sort="score", css="text-end"),
    Column("status", _("Status"), sort="status"),
    Column("org", _("Handled by"), sort="org__name", wrap=True),
    Column("opened_at", _("Opened at"), sort="opened_at"),
    Column("due_on", _("Due on"), sort="due_on"),
]

CAMPAIGN_COLUMNS = [
    Column("title", pgettext_lazy("warning", "Title"), sort="title", link=True, wrap=True),
    Column("org", pgettext_lazy("warning", "Organised by"), sort="org__name", wrap=True),
    Column("starts_on", _("Starts on"), sort="starts_on"),
    Column("due_on", _("Due on"), sort="due_on"),
    Column(
        "inspections_total", _("Enterprises to inspect"), sort="inspections_total", css="text-end"
    ),
    Column("inspections_done", _("Inspected"), sort="inspections_done", css="text-end"),
    Column("status", _("Status"), sort="status"),
]

INSPECTION_COLUMNS = [
    Column("enterprise", _("Enterprise"), sort="enterprise__name", link=True, wrap=True),
    Column("campaign", pgettext_lazy("warning", "Campaign"), sort="campaign__title", wrap=True),
    Column("assignee", _("Assigned to"), sort="assignee__username"),
    Column("status", _("Status"), sort="status"),
    Column("inspected_on", _("Inspected on"), sort="inspected_on"),
    Column("hazard_found", _("Hazard found")),
    Column("finding", pgettext_lazy("warning", "Finding"), wrap=True),
]
