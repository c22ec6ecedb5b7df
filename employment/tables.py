from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column

JOB_COLUMNS = [
    Column("title", _("Job title"), sort="title", link=True, wrap=True),
    Column("enterprise", _("Employer"), sort="enterprise__name", wrap=True),
    Column("org", _("Posting union"), sort="org__name", wrap=True),
    Column("positions", _("Positions"), sort="positions", css="text-end"),
    Column("salary_label", _("Monthly pay (yuan)"), sort="salary_min"),
    Column("status", _("Status"), sort="status"),
    Column("expires_on", _("Open until"), sort="expires_on"),
    Column("application_count", _("Applications"), sort="application_count", css="text-end"),
]

APPLICATION_COLUMNS = [
    Column(
        "member",
        _("Member"),
        sort="member__name_pinyin",
        link=True,
        accessor=lambda a: a.member.name,
    ),
    Column("member__org", _("Member's union"), wrap=True),
    Column(
        "posting", _("Job"), sort="posting__title", accessor=lambda a: a.posting.title, wrap=True
    ),
    Column("posting__enterprise", _("Employer"), wrap=True),
    Column("applied_at", _("Applied at"), sort="applied_at"),
    Column("status", _("Status"), sort="status"),
]

FAIR_COLUMNS = [
    Column("title", pgettext_lazy("employment", "Title"), sort="title", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("held_on", _("Date"), sort="held_on"),
    Column("place", _("Place"), wrap=True),
    Column("org", _("Organiser"), sort="org__name", wrap=True),
    Column("enterprise_count", _("Enterprises"), sort="enterprise_count", css="text-end"),
    Column("registration_count", _("Registrations"), sort="registration_count", css="text-end"),
    Column("status", _("Status"), sort="status"),
]

AID_COLUMNS = [
    Column(
        "member",
        _("Member"),
        sort="member__name_pinyin",
        link=True,
        accessor=lambda a: a.member.name,
    ),
    Column("member__card_number", _("Card number")),
    Column("org", _("Helping union"), sort="org__name", wrap=True),
    Column("lost_job_on", _("Lost the job on"), sort="lost_job_on"),
    Column("reason", _("Reason"), sort="reason"),
    Column("status", _("Status"), sort="status"),
    Column("reemployed_on", _("Re-employed on"), sort="reemployed_on"),
    Column("new_employer", _("New employer"), wrap=True),
]
