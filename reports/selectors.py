"""Reads of the dashboard and the work report: figures of a subtree and period with their
change, the breakdown by child org, monthly trends, and the report draft itself."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from core.choices import Action
from orgs.models import Org
from reports import dashboard, figures, narrative
from reports.figures import Section
from reports.narrative import AppendixRow, Draft, ReportContext, ReportSection
from reports.periods import Period


def headline(org, period: Period) -> list[dict]:
    """The headline figures with the previous period's value and the change (flows only)."""
    keys = [f.key for f in figures.registered() if f.headline]
    now = figures.compute(org, period, keys)
    before = figures.compute(org, period.previous(), keys)
    cards = []
    for key in keys:
        value, previous = now[key], before[key]
        change = None
        if not value.figure.stock and previous.value and value.value is not None:
            change = round(
                (float(value.value) - float(previous.value)) * 100 / float(previous.value), 1
            )
        cards.append({"value": value, "previous": previous, "change": change})
    return cards


def sections(org, period: Period) -> list[dict]:
    """Every registered figure of the period, by report section, for the dashboard's tables."""
    values = figures.compute(org, period)
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


def child_breakdown(org, period: Period, user=None, keys=None) -> list[dict]:
    """Each direct child of ``org`` (visible to ``user``) with the figures ``keys``; one
    grouped query per group of figures, not one per child."""
    keys = list(keys or breakdown_keys())
    children = Org.objects.filter(path__startswith=org.path, depth=org.depth + 1)
    if user is not None:
        children = Org.objects.visible_to(user, Action.VIEW).filter(pk__in=children.values("pk"))
    children = list(children.order_by("path"))
    if not children:
        return []
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
