from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column

CONTEST_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("year", _("Year"), sort="year"),
    Column("kind", _("Kind"), sort="kind"),
    Column("level", _("Level"), sort="level"),
    Column("host", pgettext_lazy("contests", "Host"), sort="host__name", wrap=True),
    Column("starts_on", _("Starts on"), sort="starts_on"),
    Column("ends_on", _("Ends on"), sort="ends_on"),
    Column("entry_count", _("Entries"), sort="entry_count", css="text-end"),
    Column("participants", _("Participants"), sort="participants", css="text-end"),
    Column("status", _("Status"), sort="status"),
]

ENTRY_COLUMNS = [
    Column("number", _("Entry number"), sort="number", link=True),
    Column("name", _("Entrant"), sort="name", link=True, wrap=True),
    Column("kind", _("Entry type"), sort="kind"),
    Column("contest", _("Contest"), sort="contest__name", wrap=True),
    Column("enterprise", _("Enterprise"), wrap=True),
    Column("org", _("Union"), sort="org__name", wrap=True),
    Column("participant_count", _("Participants"), sort="participant_count", css="text-end"),
    Column("final_rank", _("Final rank"), sort="final_rank", css="text-end"),
    Column("award", _("Award"), sort="award"),
    Column("status", _("Status"), sort="status"),
]

JUDGING_COLUMNS = [
    Column("contest", _("Contest"), accessor=lambda s: s.contest.name, wrap=True),
    Column("round", _("Round"), sort="round"),
    Column("held_on", pgettext_lazy("contests", "Held on"), sort="held_on"),
    Column("status", _("Status"), sort="status"),
]


RANKING_COLUMNS = [
    Column("rank", _("Rank"), accessor=lambda r: r.rank),
    Column("code", _("Code"), accessor=lambda r: r.stage_entry.code),
    Column("name", _("Entrant"), accessor=lambda r: r.stage_entry.entry.name),
    Column("org", _("Union"), accessor=lambda r: r.stage_entry.entry.org.name),
    Column(
        "totals",
        _("Judges' totals"),
        accessor=lambda r: " / ".join(f"{t:.2f}" for t in r.result.totals),
    ),
    Column("score", pgettext_lazy("contests", "Score"), accessor=lambda r: r.result.score),
    Column("tie_break", _("Heaviest criterion"), accessor=lambda r: r.result.tie_break),
    Column("advanced", _("Advanced"), accessor=lambda r: r.advanced),
]
