from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column

TRAINING_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("trade", _("Trade")),
    Column("org", pgettext_lazy("skills", "Host"), sort="org__name", wrap=True),
    Column("starts_on", _("Starts on"), sort="starts_on"),
    Column("ends_on", _("Ends on"), sort="ends_on"),
    Column("hours", _("Hours"), sort="hours", css="text-end"),
    Column("enrolled", _("Enrolled"), sort="enrolled", css="text-end"),
    Column("completed", _("Completed"), sort="completed", css="text-end"),
]

ENROLMENT_COLUMNS = [
    Column("member", _("Member"), sort="member__name_pinyin", accessor=lambda e: e.member.name),
    Column("member__org", _("Union"), wrap=True),
    Column("training", _("Training"), sort="training__name", link=True, wrap=True),
    Column("enrolled_on", _("Enrolled on"), sort="enrolled_on"),
    Column("status", _("Status"), sort="status"),
    Column("completed_on", _("Completed on"), sort="completed_on"),
]

AWARD_COLUMNS = [
    Column(
        "member",
        _("Member"),
        sort="member__name_pinyin",
        link=True,
        accessor=lambda a: a.member.name,
    ),
    Column("kind", _("Kind"), sort="kind"),
    Column("amount", _("Amount (yuan)"), sort="amount", css="text-end"),
    Column("fund", _("Fund"), sort="fund"),
    Column("org", _("Paid by"), sort="org__name", wrap=True),
    Column("granted_on", _("Granted on"), sort="granted_on"),
    Column("reference", _("Reference"), wrap=True),
]
