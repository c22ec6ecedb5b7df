"""The statistics layer of the dashboard, the API and the work report: one registry of
figures, each computed for an org's subtree and a period by the same code wherever it shows.

A capability registers its figures from ``AppConfig.ready``::

    from reports import figures
    from reports.figures import Count, Figure, Ratio

    figures.register(
        Figure(
            "members.new",
            _("New members"),
            unit=_("people"),
            section=figures.Section.ORGANISING,
            base=lambda org: Member.objects.filter(org__path__startswith=org.path),
            where=lambda period: Q(joined_on__range=(period.start, period.end)),
            describe=_("members whose joining date falls in the period"),
        )
    )

* ``base(org)`` is the queryset of the subtree's source rows; ``where(period)`` picks the
  rows that count (``Q()`` for all); ``measure`` is ``Count("pk")`` or a ``Sum`` of a
  field. Figures that share the same ``base`` function are computed together in **one**
  aggregate query with conditional aggregates — a capability's whole set costs one query.
* ``stock=True`` marks a level at the end of the period (members, stations) rather than a
  flow within it (new members, cases closed); the dashboard compares flows with the
  previous period and shows stocks as they stand.
* ``Ratio`` is a percentage of two registered figures (numerator / denominator).

``trace(org, period, key)`` gives the rows behind one figure (their count and the SQL of
the query) — what the report's appendix lists so that an auditor can follow each number.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr, TruncMonth
from django.utils.translation import gettext_lazy as _

from reports.numbers import cn_money, cn_number, cn_percent
from reports.periods import Period

__all__ = ["Count", "Figure", "Ratio", "Section", "Sum"]


class Section:
    """The sub-sections of "一、主要工作" in the seeds' work reports, in their order."""

    GUIDANCE = "guidance"  # 思想政治引领
    CONTRIBUTION = "contribution"  # 建功立业
    RIGHTS = "rights"  # 维权服务
    ASSISTANCE = "assistance"  # 帮扶救助
    BUILDING = "building"  # 改革创新与基层建设
    SELF = "self"  # 自身建设

    ORDER = (GUIDANCE, CONTRIBUTION, RIGHTS, ASSISTANCE, BUILDING, SELF)
    TITLES = {
        GUIDANCE: _("Guiding workers ideologically and politically"),
        CONTRIBUTION: _("Mobilising workers to make contributions"),
        RIGHTS: _("Protecting rights and serving workers"),
        ASSISTANCE: _("Helping workers in difficulty"),
        BUILDING: _("Reform, innovation and grassroots building"),
        SELF: _("Building the union itself"),
    }


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    section: str
    base: Callable[..., QuerySet]
    where: Callable[[Period], Q] = field(default=lambda period: Q())
    measure: object = field(default_factory=lambda: Count("pk"))
    stock: bool = False
    money: bool = False
    describe: str = ""
    order: int = 100
    # How a source row is placed under a direct child of the org (for breakdowns by child):
    # the materialised path of the row's org, reached through this lookup, or a function
    # ``fn(org) -> expression`` giving the child's path for each row.
    path: str = "org__path"
    child_key: Callable | None = None
    # Shown among the dashboard's headline figures.
    headline: bool = False
    # The date field a monthly trend of this (flow) figure is grouped by, if any.
    trend_field: str = ""

    def child_expression(self, org):
        if self.child_key is not None:
            return self.child_key(org)
        return Substr(self.path, 1, len(org.path) + org.steplen)

    def aggregate(self, period: Period):
        """The measure restricted to the rows of ``period`` (a conditional aggregate)."""
        condition = self.where(period)
        measure = self.measure
        return type(measure)(
            *measure.source_expressions,
            filter=condition or None,
            distinct=measure.distinct,
        )


@dataclass(frozen=True)
class Ratio:
    key: str
    label: str
    numerator: str
    denominator: str
    section: str
    stock: bool = False
    describe: str = ""
    order: int = 100
    unit: str = "%"
    money: bool = False
    headline: bool = False


@dataclass(frozen=True)
class Value:
    """A computed figure: ``value`` is ``None`` when there is nothing to count it from
    (no rows at all, or a rate over zero)."""

    figure: Figure | Ratio
    value: int | Decimal | float | None

    @property
    def key(self) -> str:
        return self.figure.key

    @property
    def is_rate(self) -> bool:
        return isinstance(self.figure, Ratio)

    def text(self) -> str:
        """The figure in report style, unit included (e.g. "5.68万人", "12.3万元", "75.3%")."""
        if self.value is None:
            return "—"
        if self.is_rate:
            return cn_percent(self.value)
        if self.figure.money:
            return cn_money(self.value)
        return f"{cn_number(self.value)}{self.figure.unit}"


_figures: dict[str, Figure | Ratio] = {}


def register(*entries: Figure | Ratio) -> None:
    for entry in entries:
        _figures[entry.key] = entry


def unregister(key: str) -> None:
    _figures.pop(key, None)


def registered() -> list[Figure | Ratio]:
    return sorted(_figures.values(), key=lambda f: (Section.ORDER.index(f.section), f.order, f.key))


def get(key: str) -> Figure | Ratio:
    return _figures[key]


def _plan(keys: Iterable[str] | None):
    """The figures asked for, and the plain figures to aggregate (grouped by ``base``)."""
    wanted = [f for f in registered() if keys is None or f.key in set(keys)]
    needed = {f.key for f in wanted if isinstance(f, Figure)}
    needed |= {k for r in wanted if isinstance(r, Ratio) for k in (r.numerator, r.denominator)}
    groups: dict[Callable, list[Figure]] = {}
    for key in sorted(needed):
        figure = _figures[key]
        groups.setdefault(figure.base, []).append(figure)
    return wanted, groups


def _alias(figure: Figure) -> str:
    return figure.key.replace(".", "__")


def _values(wanted, raw: dict) -> dict[str, Value]:
    values = {}
    for figure in wanted:
        if isinstance(figure, Ratio):
            top, bottom = raw.get(figure.numerator), raw.get(figure.denominator)
            rate = round(float(top or 0) * 100.0 / float(bottom), 1) if bottom else None
            values[figure.key] = Value(figure, rate)
        else:
            amount = raw.get(figure.key)
            if amount is None and isinstance(figure.measure, Count):
                amount = 0
            values[figure.key] = Value(figure, amount)
    return values


def empty_values(keys: Iterable[str] | None = None) -> dict[str, Value]:
    """The figures as they stand with no rows at all (counts 0, sums and rates None)."""
    wanted, _groups = _plan(keys)
    return _values(wanted, {})


def to_json(values: dict[str, Value]) -> dict:
    """Raw values that survive JSON (money as decimal strings)."""
    return {
        key: str(value.value) if isinstance(value.value, Decimal) else value.value
        for key, value in values.items()
    }


def from_json(raw: dict) -> dict[str, Value]:
    """``Value``s again from ``to_json``'s output, for the figures still registered."""
    values = {}
    for key, value in raw.items():
        figure = _figures.get(key)
        if figure is None:
            continue
        if isinstance(value, str):
            value = Decimal(value)
        values[key] = Value(figure, value)
    missing = [f.key for f in registered() if f.key not in values]
    return values | (empty_values(missing) if missing else {})


def compute(org, period: Period, keys: Iterable[str] | None = None) -> dict[str, Value]:
    """The figures ``keys`` (default: all) for ``org``'s subtree and ``period``; one query
    per group of figures sharing a ``base``."""
    wanted, groups = _plan(keys)
    raw: dict[str, object] = {}
    for base, members in groups.items():
        result = base(org).aggregate(**{_alias(f): f.aggregate(period) for f in members})
        raw |= {f.key: result[_alias(f)] for f in members}
    return _values(wanted, raw)


def compute_by_child(
    org, period: Period, keys: Iterable[str] | None = None
) -> dict[str, dict[str, Value]]:
    """The same figures for each direct child of ``org``, keyed by the child's path; one
    grouped query per group of figures, whatever the number of children."""
    wanted, groups = _plan(keys)
    raw: dict[str, dict] = {}
    for base, members in groups.items():
        rows = (
            base(org)
            .annotate(gh_child=members[0].child_expression(org))
            .values("gh_child")
            .annotate(**{_alias(f): f.aggregate(period) for f in members})
            .order_by()
        )
        for row in rows:
            found = raw.setdefault(row["gh_child"], {})
            found |= {f.key: row[_alias(f)] for f in members}
    return {path: _values(wanted, found) for path, found in raw.items()}


def monthly(org, period: Period, key: str) -> list[tuple[datetime.date, object]]:
    """Figure ``key`` month by month over ``period`` (one grouped query); months without
    rows are 0."""
    figure = _figures[key]
    rows = (
        figure.base(org)
        .filter(figure.where(period))
        .annotate(gh_month=TruncMonth(figure.trend_field))
        .values("gh_month")
        .annotate(value=figure.measure)
        .order_by()
    )
    found = {}
    for row in rows:
        month = row["gh_month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        found[month] = row["value"] or 0
    return [(month, found.get(month, 0)) for month in period.months()]


@dataclass(frozen=True)
class Trace:
    figure: Figure | Ratio
    rows: int
    query: str
    parts: tuple[Trace, ...] = ()


def trace(org, period: Period, key: str) -> Trace:
    """The rows behind figure ``key``: how many, and the SQL that selects them (for a rate,
    the traces of its numerator and denominator)."""
    figure = _figures[key]
    if isinstance(figure, Ratio):
        parts = (trace(org, period, figure.numerator), trace(org, period, figure.denominator))
        return Trace(figure, parts[0].rows, "", parts)
    rows = figure.base(org).filter(figure.where(period)).order_by()
    sql, params = rows.values("pk").query.sql_with_params()
    query = f"{sql} -- {list(map(str, params))}" if params else sql
    return Trace(figure, rows.count(), query)
