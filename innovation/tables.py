from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column

INNOVATION_COLUMNS = [
    Column("title", pgettext_lazy("innovation", "Title"), sort="title", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("authors", _("Authors"), wrap=True),
    Column("enterprise", _("Enterprise"), wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("year", _("Year"), sort="year"),
    Column("estimated_benefit", _("Benefit (10k yuan)"), sort="estimated_benefit", css="text-end"),
    Column("status", _("Status"), sort="status"),
    Column("forwarded_to", _("Forwarded to"), wrap=True),
    Column("award", _("Award"), sort="award"),
]

STUDIO_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("level", _("Level"), sort="level"),
    Column("leader_name", _("Leader"), sort="leader_name"),
    Column("enterprise", _("Enterprise"), wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("named_on", _("Named on"), sort="named_on"),
    Column("achievement_count", _("Achievements"), sort="achievement_count", css="text-end"),
]
