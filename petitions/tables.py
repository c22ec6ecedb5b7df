from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column
from petitions import selectors


def _overdue(row) -> str:
    return _("Overdue") if selectors.is_overdue(row, timezone.localdate()) else ""


PETITION_COLUMNS = [
    Column("number", _("Case number"), sort="received_on", link=True),
    Column("subject", _("Matter in brief"), wrap=True),
    Column("channel", pgettext_lazy("petitions", "Channel")),
    Column("category", _("Matter category"), sort="category"),
    Column("caller_name", _("Petitioner"), sort="caller_name"),
    Column("caller_phone_masked", _("Phone")),
    Column("workers_involved", _("People"), sort="workers_involved", css="text-end"),
    Column(
        "is_collective",
        _("Collective petition"),
        accessor=lambda p: _("Yes") if p.is_collective else "",
    ),
    Column("org", _("Receiving union"), sort="org__name", wrap=True),
    Column("handed_to", _("Handed down to"), accessor=lambda p: p.handed_to or "", wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("received_on", pgettext_lazy("petitions", "Received on"), sort="received_on"),
    Column("due_on", _("Deadline"), accessor=lambda p: selectors.due_on(p) or ""),
    Column("overdue", _("Past the deadline"), accessor=_overdue),
]
