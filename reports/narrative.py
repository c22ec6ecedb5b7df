"""The words of the drafted work report (工作报告), built from the statistics layer.

Each capability contributes, from ``AppConfig.ready``:

* **paragraphs** for a sub-section of "一、主要工作"::

      narrative.register_paragraph(Section.BUILDING, organising_paragraph, order=10)

  ``fn(ctx) -> str | None`` writes one paragraph from ``ctx`` (figures of the period, of the
  previous period, the org) and returns ``None`` when its module has nothing to report for
  the period — a sub-section where every paragraph is ``None`` says that the platform holds
  no record of that work, instead of printing zeros as achievements;
* **problems** for "二、存在的问题": ``register_problem(fn, order)`` with
  ``fn(ctx) -> list[Problem]``, each a finding read off the data and the next step it
  suggests for "三、下步工作".

The builders only read ``ctx``; every number they print comes from ``ctx.values`` (the
figures registry), so each one is listed in the appendix with the rows behind it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reports.figures import Value
from reports.numbers import cn_number, cn_percent
from reports.periods import Period


@dataclass(frozen=True)
class Problem:
    text: str  # the finding, e.g. "西山区建会率为41.2%，低于全市平均（63.0%）。"
    next_step: str  # the matching line of the outline, e.g. "推动西山区……"


@dataclass
class ReportContext:
    org: object
    period: Period
    values: dict[str, Value]
    previous: dict[str, Value]
    children: list[dict] = field(default_factory=list)  # see selectors.child_breakdown
    used: set[str] = field(default_factory=set)

    def value(self, key: str):
        """The raw value of figure ``key`` (``None`` when it cannot be computed)."""
        self.used.add(key)
        return self.values[key].value

    def text(self, key: str) -> str:
        """Figure ``key`` in report style, recorded as used (it goes to the appendix)."""
        self.used.add(key)
        return self.values[key].text()

    def positive(self, *keys: str) -> bool:
        """Whether any of ``keys`` has something to report (a non-zero value)."""
        return any(self.values[key].value for key in keys)

    def change(self, key: str) -> float | None:
        """Percentage change of a flow figure against the previous period."""
        now, before = self.values[key].value, self.previous[key].value
        if not before or now is None:
            return None
        return round((float(now) - float(before)) * 100.0 / float(before), 1)

    @property
    def end_label(self) -> str:
        end = self.period.end
        return f"{end.year}年{end.month}月{end.day}日"


Builder = Callable[[ReportContext], str | None]
ProblemFinder = Callable[[ReportContext], list[Problem]]

_paragraphs: list[tuple[str, int, Builder]] = []
_problems: list[tuple[int, ProblemFinder]] = []


def register_paragraph(section: str, fn: Builder, order: int = 100) -> None:
    if any(existing is fn for _, _, existing in _paragraphs):
        return
    _paragraphs.append((section, order, fn))


def register_problem(fn: ProblemFinder, order: int = 100) -> None:
    if any(existing is fn for _, existing in _problems):
        return
    _problems.append((order, fn))


def paragraphs(section: str) -> list[Builder]:
    return [fn for s, _, fn in sorted(_paragraphs, key=lambda p: p[1]) if s == section]


def problem_finders() -> list[ProblemFinder]:
    return [fn for _, fn in sorted(_problems, key=lambda p: p[0])]


def joined(parts: list[str]) -> str:
    """Clauses joined with Chinese commas, ending with a full stop."""
    parts = [p for p in parts if p]
    return "，".join(parts) + "。" if parts else ""


def change_phrase(ctx: ReportContext, key: str) -> str:
    change = ctx.change(key)
    if change is None:
        return ""
    if change >= 0:
        return _("up %(rate)s on the previous period") % {"rate": cn_percent(change)}
    return _("down %(rate)s on the previous period") % {"rate": cn_percent(-change)}


# --- the report as a structure (rendered to HTML for the preview and to .docx) -------------


@dataclass
class ReportSection:
    key: str
    title: str
    paragraphs: list[str]


@dataclass
class AppendixRow:
    key: str
    label: str
    value: str
    describe: str
    rows: int
    query: str


@dataclass
class Draft:
    title: str
    period_label: str
    opening: str
    sections: list[ReportSection]
    problems: list[Problem]
    outline: list[str]
    appendix: list[AppendixRow]
    generated_on: datetime.date

    @property
    def empty(self) -> bool:
        return not any(section.paragraphs for section in self.sections)


CHINESE_ORDINALS = "一二三四五六七八九十"


def ordinal(n: int) -> str:
    """1 → 一, 12 → 十二 (for the numbered sub-sections and outline items)."""
    if n <= 10:
        return CHINESE_ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    return (
        (CHINESE_ORDINALS[tens - 1] if tens > 1 else "")
        + "十"
        + (CHINESE_ORDINALS[ones - 1] if ones else "")
    )


def count_phrase(n: int, unit: str) -> str:
    return f"{cn_number(n)}{unit}"
