from django.utils.translation import gettext_lazy as _

from core.tables import Column

ORG_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True),
    Column("code", _("Org code"), sort="code"),
    Column("level", _("Level"), sort="level"),
    Column("chair_name", _("Chair")),
    Column("founded_on", _("Founded on"), sort="founded_on"),
    Column("next_election_due", _("Next election due"), sort="next_election_due"),
    Column("status", _("Status"), sort="status"),
]

ENTERPRISE_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True),
    Column("uscc", _("Unified social credit code"), sort="uscc"),
    Column("category", _("Unit category"), sort="category"),
    Column("industry", _("Industry"), sort="industry", wrap=True),
    Column("employee_count", _("Employees"), sort="employee_count", css="text-end"),
    Column("territory", _("Located in"), sort="territory__name", wrap=True),
    Column("covering_union", _("Covering union"), sort="covering_union__name", wrap=True),
    Column("is_platform", _("Platform company"), sort="is_platform"),
    Column("status", _("Status"), sort="status"),
]

ELECTION_DUE_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True),
    Column("level", _("Level"), sort="level"),
    Column("last_election_on", _("Last election"), sort="last_election_on"),
    Column("term_years", _("Term (years)")),
    Column("next_election_due", _("Next election due"), sort="next_election_due"),
]
