"""Reads of the dashboard and the work report: figures of a subtree and period with their
change, the breakdown by child org, monthly trends, and the report draft itself."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import stats
from core.choices import Action
from orgs.models import Org
from reports import dashboard, figures, narrative
from reports.figures import Section, Value
from reports.models import FigureSnapshot
from reports.narrative import AppendixRow, Draft, ReportContext, ReportSection
from reports.periods import Period


def headline(values: dict[str, Value], previous: dict[str, Value]) -> list[dict]:
    """The headline figures with the change against the previous period (flows only)."""
    cards = []
    for figure in figures.registered():
        if not figure.headline:
            continue
        value, before = values[figure.key], previous[figure.key]
        change = None
        if not figure.stock and before.value and value.value is not None:
            base = float(before.value)
            change = round((float(value.value) - base) * 100 / base, 1)
        cards.append({"value": value, "previous": before, "change": change})
    return cards


def sections(values: dict[str, Value]) -> list[dict]:
    """Every registered figure, by report section, for the dashboard's tables."""
    grouped = []
    for key in Section.ORDER:
        rows = [value for value in values.values() if value.figure.section == key]
        if rows:
            grouped.append({"key": key, "title": Section.TITLES[key], "values": rows})
    return grouped


# The columns of the breakdown by child org and of the statistical table.
BREAKDOWN_KEYS = (
    "orgs.grassroots",
    "enterprises.total",
    "enterprises.covered",
    "enterprises.coverage_rate",
    "enterprises.separate_rate",
    "members.total",
    "members.new",
    "members.new_forms",
    "members.join_rate",
)


def breakdown_keys() -> list[str]:
    known = {f.key for f in figures.registered()}
    return [key for key in (*BREAKDOWN_KEYS, *dashboard.extra_breakdown_keys()) if key in known]


def visible_children(org, user=None) -> list[Org]:
    children = Org.objects.filter(path__startswith=org.path, depth=org.depth + 1)
    if user is not None:
        children = Org.objects.visible_to(user, Action.VIEW).filter(pk__in=children.values("pk"))
    return list(children.order_by("path"))


def child_breakdown(org, period: Period, user=None, keys=None, by_path=None) -> list[dict]:
    """Each direct child of ``org`` (visible to ``user``) with the figures ``keys``; one
    grouped query per group of figures, not one per child (or none, given ``by_path``)."""
    keys = list(keys or breakdown_keys())
    children = visible_children(org, user)
    if not children:
        return []
    if by_path is None:
        by_path = figures.compute_by_child(org, period, keys)
    empty = figures.empty_values(keys)
    return [{"org": child, "values": by_path.get(child.path, empty)} for child in children]


def trends(org, period: Period) -> list[dict]:
    """Monthly series of the figures that have a trend, over the period's months."""
    series = []
    for figure in figures.registered():
        if getattr(figure, "trend_field", ""):
            points = figures.monthly(org, period, figure.key)
            series.append(
                {
                    "key": figure.key,
                    "label": str(figure.label),
                    "months": [f"{month.year}-{month.month:02d}" for month, _ in points],
                    "values": [float(value) for _, value in points],
                }
            )
    return series


# --- snapshots: the dashboard at city scale -------------------------------------------------


def _values(org, period: Period) -> dict:
    return figures.to_json(figures.compute(org, period))


def _previous(org, period: Period) -> dict:
    keys = [f.key for f in figures.registered()]
    return figures.to_json(figures.compute(org, period.previous(), keys))


def _children(org, period: Period) -> dict:
    by_path = figures.compute_by_child(org, period, breakdown_keys())
    return {path: figures.to_json(values) for path, values in by_path.items()}


def _sections(org, period: Period, keys=None) -> dict:
    """The org page's sections (``core.stats``): not bound to the period, but as costly at
    city scale as the figures, so served from the same snapshot by the stats API."""
    return {
        section.key: stats.json_safe(section.compute(org))
        for section in stats.sections()
        if keys is None or section.key in keys
    }


def _panels(org, period: Period, keys=None) -> dict:
    """The dashboard panels that are the org's figures, not the user's (``stored``)."""
    return {
        panel.key: stats.json_safe(panel.context(org, period, None))
        for panel in dashboard.panels()
        if panel.stored and (keys is None or panel.key in keys)
    }


# What a snapshot holds, each part computed by its function. A snapshot stored before a
# part, a section or a panel existed gets it computed and added when read (``_complete``).
SNAPSHOT_PARTS = {
    "values": _values,
    "previous": _previous,
    "children": _children,
    "trends": trends,
    "sections": _sections,
    "panels": _panels,
}
KEYED_PARTS = {
    "sections": lambda: [section.key for section in stats.sections()],
    "panels": lambda: [panel.key for panel in dashboard.panels() if panel.stored],
}


def dashboard_data(org, period: Period) -> dict:
    """Everything the dashboard and the stats API show of ``org`` and ``period``, computed
    now, as JSON. Labels kept in it (trends, sections) are in the site's language, whoever's
    request or which worker computes it: every reader shares the snapshot."""
    with translation.override(settings.LANGUAGE_CODE):
        return {key: part(org, period) for key, part in SNAPSHOT_PARTS.items()}


def snapshot_refresh(org, period: Period) -> FigureSnapshot:
    snapshot, _created = FigureSnapshot.objects.update_or_create(
        org=org,
        period_start=period.start,
        period_end=period.end,
        defaults={
            "data": dashboard_data(org, period),
            "computed_at": timezone.now(),
            "refresh_queued_at": None,
        },
    )
    return snapshot


def _stored_snapshot(org, period: Period) -> FigureSnapshot | None:
    return FigureSnapshot.objects.filter(
        org=org, period_start=period.start, period_end=period.end
    ).first()


def _complete(snapshot: FigureSnapshot, org, period: Period) -> FigureSnapshot:
    """Add what a snapshot stored by an older version lacks — a part, a section or a
    panel registered since — so that no reader meets a KeyError; only that is computed.
    The update leaves alone a snapshot refreshed in the meantime."""
    data = snapshot.data
    missing = {key: part for key, part in SNAPSHOT_PARTS.items() if key not in data}
    keyed = {
        part: [key for key in registered() if key not in data[part]]
        for part, registered in KEYED_PARTS.items()
        if part in data
    }
    keyed = {part: keys for part, keys in keyed.items() if keys}
    if not missing and not keyed:
        return snapshot
    with translation.override(settings.LANGUAGE_CODE):
        data.update({key: part(org, period) for key, part in missing.items()})
        for part, keys in keyed.items():
            data[part].update(SNAPSHOT_PARTS[part](org, period, keys))
    FigureSnapshot.objects.filter(pk=snapshot.pk, computed_at=snapshot.computed_at).update(
        data=data
    )
    return snapshot


def _serve(snapshot, org, period: Period, refresh: bool) -> tuple[FigureSnapshot, bool]:
    """``snapshot`` (or a new one of ``period`` if none or ``refresh``), completed, and
    whether it is stale; a stale one queues the refresh of ``period`` in the background."""
    seconds = settings.GONGHUI["DASHBOARD_MAX_AGE_SECONDS"]
    if snapshot is None or refresh or not seconds:
        return snapshot_refresh(org, period), False
    snapshot = _complete(snapshot, org, Period(snapshot.period_start, snapshot.period_end))
    max_age = datetime.timedelta(seconds=seconds)
    now = timezone.now()
    stale = now - snapshot.computed_at > max_age
    queued = snapshot.refresh_queued_at
    if stale and (queued is None or now - queued > max_age):
        claimed = FigureSnapshot.objects.filter(
            pk=snapshot.pk, refresh_queued_at=snapshot.refresh_queued_at
        ).update(refresh_queued_at=now)
        if claimed:  # one request queues the refresh, not every one that sees it stale
            from reports.tasks import refresh_snapshot_task

            refresh_snapshot_task.enqueue(org.pk, period.start.isoformat(), period.end.isoformat())
    return snapshot, stale


def snapshot_for(org, period: Period, *, refresh: bool = False) -> tuple[FigureSnapshot, bool]:
    """The dashboard snapshot of ``org`` and ``period`` and whether it is older than the
    allowed age. None yet (or ``refresh``): computed now. Too old: returned as it is, and
    a background refresh is queued (once)."""
    return _serve(_stored_snapshot(org, period), org, period, refresh)


def org_sections(org, *, refresh: bool = False) -> tuple[dict, FigureSnapshot | None, bool]:
    """The org page's sections of ``org``: computed live and exact for a subtree of at
    most ``GONGHUI["LIVE_SECTIONS_MAX_MEMBERS"]`` members (a check-in shows at once), else
    read from the org's latest snapshot, which is returned too (to say when it was
    computed) with whether it is stale. The sections do not depend on the period, so any
    period's snapshot serves; this year's so far is the one computed or refreshed (its
    end moves every day: yesterday's is shown while today's is computed in the
    background). The size is the snapshot's member figure, or, with no snapshot yet, a
    count that stops past the limit."""
    limit = settings.GONGHUI["LIVE_SECTIONS_MAX_MEMBERS"]
    snapshot = FigureSnapshot.objects.filter(org=org).order_by("-computed_at").first()
    size = snapshot.data.get("values", {}).get("members.total") if snapshot else None
    if size is None:
        from members.models import Member

        # Unordered (the default order would sort the whole subtree first), so the count
        # stops reading rows past the limit.
        subtree = Member.objects.filter(org__path__startswith=org.path).order_by()
        size = subtree.values("pk")[: limit + 1].count()
    if size <= limit:
        return stats.figures_for(org), None, False
    period = Period.year_to_date(timezone.localdate())
    snapshot, stale = _serve(snapshot, org, period, refresh)
    return snapshot.data["sections"], snapshot, stale


# --- the work report ----------------------------------------------------------------------


def report_context(org, period: Period) -> ReportContext:
    values = figures.compute(org, period)
    previous = figures.compute(org, period.previous())
    children = child_breakdown(org, period)
    return ReportContext(
        org=org, period=period, values=values, previous=previous, children=children
    )


def default_outline(problems) -> list[str]:
    steps = [problem.next_step for problem in problems]
    return steps or [_("Keep up the work of every section and report on it next period.")]


def build_draft(
    org, period: Period, outline: list[str] | None = None, today: datetime.date | None = None
) -> Draft:
    """The report for ``org``'s subtree and ``period``: every sentence from a registered
    paragraph builder, every number from the figures registry, the appendix listing each
    figure used with the rows behind it."""
    ctx = report_context(org, period)
    report_sections = []
    for key in Section.ORDER:
        written = [text for fn in narrative.paragraphs(key) if (text := fn(ctx))]
        report_sections.append(ReportSection(key, str(Section.TITLES[key]), written))
    problems = [problem for fn in narrative.problem_finders() for problem in fn(ctx)]
    appendix = []
    for key in [f.key for f in figures.registered() if f.key in ctx.used]:
        appendix.extend(_appendix_rows(org, period, key, ctx))
    if any(section.paragraphs for section in report_sections):
        opening = _(
            "Under the leadership of the higher union, %(org)s worked in %(period)s as "
            "follows. The figures below come from the records of the Gonghui platform; the "
            "appendix lists the source of each."
        ) % {"org": org.name, "period": period.label()}
    else:
        opening = _(
            "The Gonghui platform holds no record of union work of %(org)s in %(period)s, "
            "so this draft reports no achievements; enter the work in the platform first."
        ) % {"org": org.name, "period": period.label()}
    return Draft(
        title=_("Work report of %(org)s") % {"org": org.name},
        period_label=period.label(),
        opening=opening,
        sections=report_sections,
        problems=problems,
        outline=outline if outline is not None else default_outline(problems),
        appendix=appendix,
        generated_on=today or datetime.date.today(),
    )


def _appendix_rows(org, period, key, ctx) -> list[AppendixRow]:
    found = figures.trace(org, period, key)
    parts = found.parts or (found,)
    value = ctx.values[key].text()
    rows = []
    for part in parts:
        label = str(found.figure.label)
        if found.parts:
            label = f"{label}（{part.figure.label}）"
        rows.append(
            AppendixRow(
                key=part.figure.key,
                label=label,
                value=value if not found.parts else ctx.values[part.figure.key].text(),
                describe=str(found.figure.describe or part.figure.describe or ""),
                rows=part.rows,
                query=part.query,
            )
        )
    return rows
