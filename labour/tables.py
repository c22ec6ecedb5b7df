from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column
from labour.choices import ContractState


def _state(contract):
    return ContractState(contract.state_on(timezone.localdate())).label


CONTRACT_COLUMNS = [
    Column("title", pgettext_lazy("labour", "Title"), sort="title", link=True, wrap=True),
    Column("kind", _("Kind"), sort="kind"),
    Column("coverage", _("Coverage"), sort="coverage"),
    Column("enterprise", _("Enterprise"), sort="enterprise__name", wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("state", _("State"), accessor=_state),
    Column("effective_on", _("In force from"), sort="effective_on"),
    Column("expires_on", _("Expires on"), sort="expires_on"),
    Column("wage_increase", _("Wage increase (%)"), sort="wage_increase", css="text-end"),
    Column("workers_covered", _("Workers covered"), sort="workers_covered", css="text-end"),
]

TODO_LABELS = {
    "reply": _("Written reply due"),
    "file": _("Filing due"),
    "publish": _("Publication due"),
    "renew": _("Expires: renewal talks"),
}

TODO_COLUMNS = [
    Column("todo_due", _("Due on"), sort="todo_due"),
    Column("todo", _("What is due"), accessor=lambda c: TODO_LABELS.get(c.todo, c.todo)),
    Column("title", pgettext_lazy("labour", "Title"), sort="title", link=True, wrap=True),
    Column("enterprise", _("Enterprise"), sort="enterprise__name", wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("kind", _("Kind"), sort="kind"),
]

CONGRESS_COLUMNS = [
    Column("enterprise", _("Enterprise"), sort="enterprise__name", link=True, wrap=True),
    Column("session", _("Session"), sort="session"),
    Column("kind", _("Kind"), sort="kind"),
    Column("held_on", _("Held on"), sort="held_on"),
    Column("delegates", _("Delegates"), sort="delegates", css="text-end"),
    Column("attended", _("Attended"), sort="attended", css="text-end"),
    Column("quorate", _("Quorate"), accessor=lambda c: c.quorate),
    Column("affairs_reported", _("Factory affairs reported")),
    Column("org", _("Union"), sort="org__name", wrap=True),
]

DISCLOSURE_COLUMNS = [
    Column("disclosed_on", _("Disclosed on"), sort="disclosed_on"),
    Column("enterprise", _("Enterprise"), sort="enterprise__name", wrap=True),
    Column("channel", _("Channel"), sort="channel"),
    Column("topics", _("Matters disclosed"), wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
]
