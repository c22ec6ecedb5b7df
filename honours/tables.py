from django.utils.translation import gettext_lazy as _

from core.tables import Column


def _votes(n) -> str:
    return f"{n.votes_for}/{n.votes_cast}"


def _notice(n) -> str:
    if not n.notice_start:
        return ""
    return f"{n.notice_start:%Y-%m-%d} – {n.notice_end:%Y-%m-%d}"


def _latest_title(worker) -> str:
    """The newest title (the list prefetches titles newest first: no query per row)."""
    titles = list(worker.titles.all())
    if not titles:
        return ""
    title = titles[0]
    return f"{title.year} {title.get_level_display()}{title.get_kind_display()}"


PROGRAMME_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True, wrap=True),
    Column("kind", _("Honour"), sort="kind"),
    Column("level", _("Honour level"), sort="level"),
    Column("year", _("Year"), sort="year"),
    Column("org", _("Organised by"), sort="org__name", wrap=True),
    Column("nomination_deadline", _("Nominations due"), sort="nomination_deadline"),
    Column("notice_workdays", _("Public notice (working days)"), css="text-end"),
    Column("nomination_count", _("Nominations"), sort="nomination_count", css="text-end"),
    Column("status", _("Status"), sort="status"),
]

NOMINATION_COLUMNS = [
    Column("nominee_name", _("Nominee"), sort="nominee_name", link=True, wrap=True),
    Column("programme", _("Programme"), sort="programme__name", wrap=True),
    Column("org", _("Nominated by"), sort="org__name", wrap=True),
    Column("stage_org", _("Now at"), sort="stage_org__name", wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("votes", _("Votes"), accessor=_votes, css="text-end"),
    Column("meeting_date", _("Meeting date"), sort="meeting_date"),
    Column("notice", _("Public notice"), sort="notice_end", accessor=_notice),
]

MODEL_WORKER_COLUMNS = [
    Column("name", _("Name"), sort="name", link=True),
    Column("employer_name", _("Employer"), sort="employer_name", wrap=True),
    Column("org", _("Kept by"), sort="org__name", wrap=True),
    Column("title_count", _("Titles"), sort="title_count", css="text-end"),
    Column("latest_title", _("Latest title"), accessor=_latest_title, wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("in_hardship", _("In hardship"), sort="in_hardship"),
    Column("last_visit", _("Last visit"), sort="last_visit"),
]

TITLE_COLUMNS = [
    Column("holder_name", _("Holder"), sort="holder_name", link=True, wrap=True),
    Column("kind", _("Honour"), sort="kind"),
    Column("level", _("Honour level"), sort="level"),
    Column("year", _("Year"), sort="year"),
    Column("team_name", _("Team")),
    Column("org", _("Kept by"), sort="org__name", wrap=True),
    Column("awarded_on", _("Awarded on"), sort="awarded_on"),
    Column("document_number", _("Document number")),
]

CARE_COLUMNS = [
    Column(
        "model_worker",
        _("Model worker"),
        sort="model_worker__name",
        link=True,
        accessor=lambda c: c.model_worker.name,
    ),
    Column("kind", _("Kind"), sort="kind"),
    Column("on", _("Date"), sort="on"),
    Column("amount", _("Amount (yuan)"), sort="amount", css="text-end"),
    Column("visitors", _("Visited by"), wrap=True),
    Column("note", _("Note"), wrap=True),
    Column("assistance_ref", _("Assistance case")),
]
