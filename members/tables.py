from django.utils.translation import gettext_lazy as _

from core.tables import Column

MEMBER_COLUMNS = [
    Column("name", _("Name"), sort="name_pinyin", link=True),
    Column("card_number", _("Card number"), sort="card_number"),
    Column("id_number_masked", _("ID number")),
    Column("phone_masked", _("Phone")),
    Column("gender", _("Gender"), sort="gender"),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("enterprise", _("Employer"), sort="enterprise__name", wrap=True),
    Column("employment_form", _("Employment form"), sort="employment_form"),
    Column("is_migrant_worker", _("Migrant worker"), sort="is_migrant_worker"),
    Column("joined_on", _("Joined on"), sort="joined_on"),
    Column("status", _("Status"), sort="status"),
]


TRANSFER_COLUMNS = [
    Column(
        "member",
        _("Member"),
        sort="member__name_pinyin",
        link=True,
        accessor=lambda t: t.member.name,
    ),
    Column("member__card_number", _("Card number")),
    Column("from_org", _("From"), sort="from_org__name", wrap=True),
    Column("to_org", _("To"), sort="to_org__name", wrap=True),
    Column("reason", _("Reason")),
    Column("requested_on", _("Requested on"), sort="requested_on"),
    Column("status", _("Status"), sort="status"),
]


def _employer(application) -> str:
    return application.enterprise.name if application.enterprise else application.employer_name


JOIN_APPLICATION_COLUMNS = [
    Column("name", _("Name"), sort="name_pinyin", link=True),
    Column("id_number_masked", _("ID number")),
    Column("phone_masked", _("Phone")),
    Column("employment_form", _("Employment form"), sort="employment_form"),
    Column("enterprise", _("Employer"), accessor=_employer, wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("kind", _("Kind of application"), sort="kind"),
    Column("created_at", _("Submitted at"), sort="created_at"),
    Column("status", _("Status"), sort="status"),
]
