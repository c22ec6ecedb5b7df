from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column


def _employer(row) -> str:
    return row.employer_label


TICKET_COLUMNS = [
    Column("number", _("Case number"), sort="received_at", link=True),
    Column("subject", _("Matter in brief"), wrap=True),
    Column("kind", _("Type"), sort="kind"),
    Column("category", _("Matter category"), sort="category"),
    Column("tier", _("Difficulty"), sort="tier"),
    Column("channel", _("Contact channel")),
    Column("employer", _("Enterprise"), accessor=_employer, wrap=True),
    Column("workers_involved", _("Workers (number)"), sort="workers_involved", css="text-end"),
    Column("is_group", _("Group case"), accessor=lambda t: _("Yes") if t.is_group else ""),
    Column("org", _("Handling union"), sort="org__name", wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("received_on", _("Received on"), sort="received_on"),
    Column("due_on", pgettext_lazy("rights", "Due on"), sort="due_on"),
    Column("caller_phone_masked", _("Phone")),
]

LEGAL_AID_COLUMNS = [
    Column("number", _("Case number"), sort="submitted_on", link=True),
    Column("caller_name", _("Applicant"), sort="caller_name"),
    Column("category", _("Matter category"), sort="category"),
    Column("employer", _("Enterprise"), accessor=_employer, wrap=True),
    Column("workers_involved", _("Workers (number)"), sort="workers_involved", css="text-end"),
    Column("eligible", _("Eligible"), accessor=lambda c: _("Yes") if c.eligible else _("No")),
    Column("org", _("Handling union"), sort="org__name", wrap=True),
    Column("lawyer", _("Lawyer"), accessor=lambda c: c.lawyer or ""),
    Column("status", _("Status"), sort="status"),
    Column("outcome", _("Case outcome")),
    Column(
        "amount_recovered", _("Amount recovered (yuan)"), sort="amount_recovered", css="text-end"
    ),
    Column("caller_phone_masked", _("Phone")),
]

DISPUTE_COLUMNS = [
    Column("number", _("Case number"), sort="registered_on", link=True),
    Column("workers", _("Worker party"), wrap=True),
    Column("employer", _("Employer"), accessor=_employer, wrap=True),
    Column("category", _("Matter category"), sort="category"),
    Column("workers_involved", _("Workers (number)"), sort="workers_involved", css="text-end"),
    Column("amount_claimed", _("Amount claimed (yuan)"), sort="amount_claimed", css="text-end"),
    Column("org", _("Mediating union"), sort="org__name", wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("outcome", _("Case outcome"), sort="outcome"),
    Column("amount_agreed", _("Amount agreed (yuan)"), sort="amount_agreed", css="text-end"),
    Column("registered_on", _("Registered on"), sort="registered_on"),
]

LAWYER_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True),
    Column("kind", _("Lawyer or aid worker"), sort="kind"),
    Column("firm", _("Law firm or office"), sort="firm", wrap=True),
    Column("specialties", _("Specialties"), wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column(
        "is_active",
        _("Available for cases"),
        accessor=lambda x: _("Yes") if x.is_active else _("No"),
    ),
]


def _flag(ticket) -> str:
    if ticket.escalated_to_id:
        return _("Escalated upward")
    if ticket.due_on < timezone.localdate():
        return _("Past the deadline")
    if ticket.reminded_on:
        return _("Due soon")
    return ""


TODO_COLUMNS = [Column("flag", _("Attention"), accessor=_flag), *TICKET_COLUMNS]
