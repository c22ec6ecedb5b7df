"""The scoring model of labour-relations early warning: from an enterprise's open signals
to a score of 0–100, a level (红/橙/黄/蓝) and the reasons.

No official four-colour thresholds exist (DOMAIN §3, §5), so Gonghui ships the default
model below and a city admin changes it on the risk-model page (each change is a new
version and re-scores the city). The default follows what the sources show real systems
weigh most: unpaid wages first (the 欠薪 ledgers, 一票否决 of honours), then stopped
production, layoffs and group complaints (群体性, ≥10 workers in Ningbo Haishu), then
social-insurance arrears, pay cuts, relocation and restructuring; individual tickets,
disputes and assistance requests count as spikes.

**Shape of a model** (``RiskModel.config``)::

    {
      "levels": {"red": 60, "orange": 40, "yellow": 20, "blue": 10},   # score at or above
      "alert_levels": ["red", "orange", "yellow"],                     # levels that open alerts
      "indicators": {
        "wage_arrears": {"weight": 40, "window_days": 365,
                         "saturate": {"share": 0.3, "months": 3}},
        ...
      }
    }

**Rule.** For each indicator (a signal kind) the open signals observed within
``window_days`` before the scoring day are added up, with the contributions of registered
sources (``warning.sources``): ``count`` (number of events), ``workers`` and ``amount``
(sums), ``months`` and ``percent`` (largest), and ``share`` = workers / employees.
The indicator's intensity is the largest of ``measure / saturation point`` over its
``saturate`` entries, capped at 1; its points are ``weight × intensity`` (one decimal).
The score is the sum, rounded and capped at 100. The level is the highest whose threshold
the score reaches. Reasons list every indicator with points, largest first, and what
produced them. The same signals and model always give the same score.

Example with the default model: 欠薪 of two months for 40 of 120 workers (share 0.33 ≥ 0.3
→ intensity 1 → 40 points) plus two group tickets in 90 days (2 / 2 → 25 points) = 65 →
red.
"""

from __future__ import annotations

import copy
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from warning.choices import LEVEL_RANK, WARNING_LEVELS, RiskLevel, SignalKind

MEASURES = ("count", "workers", "share", "amount", "months", "percent")

DEFAULT_MODEL = {
    "levels": {"red": 60, "orange": 40, "yellow": 20, "blue": 10},
    "alert_levels": ["red", "orange", "yellow"],
    "indicators": {
        "wage_arrears": {"weight": 40, "window_days": 365, "saturate": {"share": 0.3, "months": 3}},
        "shutdown": {"weight": 35, "window_days": 365, "saturate": {"count": 1}},
        "layoff": {"weight": 25, "window_days": 180, "saturate": {"percent": 20, "share": 0.2}},
        "group_ticket": {"weight": 25, "window_days": 90, "saturate": {"count": 2}},
        "social_insurance": {
            "weight": 15,
            "window_days": 365,
            "saturate": {"months": 6, "share": 0.5},
        },
        "pay_cut": {"weight": 15, "window_days": 180, "saturate": {"percent": 30}},
        "relocation": {"weight": 15, "window_days": 365, "saturate": {"count": 1}},
        "restructuring": {"weight": 15, "window_days": 365, "saturate": {"count": 1}},
        "dispute": {"weight": 15, "window_days": 180, "saturate": {"count": 5}},
        "ticket": {"weight": 10, "window_days": 90, "saturate": {"count": 10}},
        "other": {"weight": 10, "window_days": 180, "saturate": {"count": 1}},
        "assistance": {"weight": 5, "window_days": 180, "saturate": {"count": 10}},
        "contract_expiry": {"weight": 5, "window_days": 365, "saturate": {"count": 1}},
    },
}


def default_model() -> dict:
    return copy.deepcopy(DEFAULT_MODEL)


def validate(config) -> list[str]:
    """Problems of a model configuration (empty when it is usable)."""
    problems: list[str] = []
    if not isinstance(config, dict):
        return [_("The model must be an object with levels, alert levels and indicators.")]
    levels = config.get("levels")
    if not isinstance(levels, dict) or set(levels) != {str(lv) for lv in WARNING_LEVELS}:
        problems.append(_("Give a threshold for each of red, orange, yellow and blue."))
    else:
        values = [levels[str(lv)] for lv in WARNING_LEVELS]
        if not all(isinstance(v, int | float) and 1 <= v <= 100 for v in values):
            problems.append(_("Level thresholds are scores from 1 to 100."))
        elif not all(a > b for a, b in itertools.pairwise(values)):
            problems.append(_("Thresholds must fall from red to orange, yellow and blue."))
    alert_levels = config.get("alert_levels")
    if not isinstance(alert_levels, list) or not set(alert_levels) <= {
        str(lv) for lv in WARNING_LEVELS
    }:
        problems.append(_("Alert levels must be chosen among red, orange, yellow and blue."))
    indicators = config.get("indicators")
    if not isinstance(indicators, dict) or not indicators:
        problems.append(_("The model needs at least one indicator."))
        return problems
    for kind, spec in indicators.items():
        if kind not in SignalKind.values:
            problems.append(_("Unknown indicator %(kind)s.") % {"kind": kind})
            continue
        label = SignalKind(kind).label
        if not isinstance(spec, dict):
            problems.append(_("%(label)s: settings are missing.") % {"label": label})
            continue
        weight = spec.get("weight")
        if not isinstance(weight, int | float) or not 0 <= weight <= 100:
            problems.append(
                _("%(label)s: the weight is a number from 0 to 100.") % {"label": label}
            )
        window = spec.get("window_days")
        if not isinstance(window, int) or not 1 <= window <= 3650:
            problems.append(
                _("%(label)s: the window is a number of days from 1 to 3650.") % {"label": label}
            )
        saturate = spec.get("saturate")
        if (
            not isinstance(saturate, dict)
            or not saturate
            or not set(saturate) <= set(MEASURES)
            or not all(isinstance(v, int | float) and v > 0 for v in saturate.values())
        ):
            problems.append(
                _("%(label)s: saturation points must be positive numbers.") % {"label": label}
            )
    return problems


@dataclass
class Measures:
    count: int = 0
    workers: int = 0
    amount: Decimal = Decimal("0")
    months: int = 0
    percent: float = 0.0
    details: list[str] = field(default_factory=list)

    def add(self, *, count=0, workers=0, amount=0, months=0, percent=0, detail=""):
        self.count += int(count or 0)
        self.workers += int(workers or 0)
        self.amount += Decimal(amount or 0)
        self.months = max(self.months, int(months or 0))
        self.percent = max(self.percent, float(percent or 0))
        if detail:
            self.details.append(detail)

    def value(self, measure: str, employees: int) -> float:
        if measure == "share":
            return self.workers / employees if employees else 0.0
        return float(getattr(self, measure))


@dataclass(frozen=True)
class Result:
    score: int
    level: str
    reasons: list[dict]


def level_for(score: float, config: dict) -> str:
    for level in WARNING_LEVELS:
        if score >= config["levels"][str(level)]:
            return str(level)
    return str(RiskLevel.NONE)


def opens_alert(level: str, config: dict) -> bool:
    return level in config.get("alert_levels", ())


def rank(level: str) -> int:
    return LEVEL_RANK.get(level, 0)


def describe(kind: str, m: Measures, employees: int) -> str:
    parts = []
    if m.months:
        parts.append(_("%(n)s months") % {"n": m.months})
    if m.workers:
        share = f"{m.workers * 100 / employees:.1f}" if employees else "—"
        parts.append(_("%(n)s workers (%(share)s%% of staff)") % {"n": m.workers, "share": share})
    if m.amount:
        parts.append(_("%(amount)s yuan") % {"amount": f"{m.amount:,.2f}"})
    if m.percent:
        parts.append(_("%(percent)s%%") % {"percent": f"{m.percent:g}"})
    if m.count and not parts:
        parts.append(_("%(n)s recorded") % {"n": m.count})
    parts.extend(m.details)
    return "，".join(parts)


def score(config: dict, employees: int, measures: dict[str, Measures]) -> Result:
    reasons = []
    total = 0.0
    for kind, spec in config["indicators"].items():
        m = measures.get(kind)
        if m is None:
            continue
        intensity = min(
            1.0,
            max(
                (
                    m.value(measure, employees) / point
                    for measure, point in spec["saturate"].items()
                ),
                default=0.0,
            ),
        )
        points = round(spec["weight"] * intensity, 1)
        if points <= 0:
            continue
        total += points
        reasons.append(
            {
                "indicator": kind,
                "label": str(SignalKind(kind).label),
                "points": points,
                "detail": describe(kind, m, employees),
            }
        )
    reasons.sort(key=lambda r: (-r["points"], r["indicator"]))
    final = min(100, int(Decimal(str(total)).quantize(Decimal("1"), rounding="ROUND_HALF_UP")))
    return Result(final, level_for(final, config), reasons)


def empty_measures() -> dict[int, dict[str, Measures]]:
    return defaultdict(dict)
