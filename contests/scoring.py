"""Score arithmetic of judged stages, free of the database so the rules are easy to check.

The rules are those of ``contests.models`` (module docstring), shown on the ranking page:
judge total = Σ weight × score; entry score = the contest's aggregation (average, or
去掉一个最高分和一个最低分 when at least three totals exist) rounded half-up to 0.01; ties
broken by the average on the heaviest criterion; still equal → the same rank, next skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from contests.choices import Aggregation

CENT = Decimal("0.01")
# Fewest totals from which the trimmed mean drops the highest and the lowest.
TRIM_MINIMUM = 3


def judge_total(values: dict[int, Decimal], weights: dict[int, Decimal]) -> Decimal:
    """Σ weight × score over the criteria (ids) of a rubric."""
    return sum((weights[cid] * Decimal(values[cid]) for cid in weights), Decimal("0"))


def aggregate(totals: list[Decimal], rule: str) -> Decimal | None:
    """The entry score from its judges' totals under ``rule``; None without totals.

    Worked example (trimmed): totals 9.0, 8.5, 9.6, 7.2, 8.8 → drop 9.6 and 7.2 →
    (9.0 + 8.5 + 8.8) / 3 = 8.7666… → 8.77.
    """
    if not totals:
        return None
    values = sorted(Decimal(t) for t in totals)
    if rule == Aggregation.TRIMMED and len(values) >= TRIM_MINIMUM:
        values = values[1:-1]
    return (sum(values, Decimal("0")) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


def mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal("0")) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Result:
    """One entry's standing in a stage."""

    key: int  # the stage entry id
    totals: list[Decimal] = field(default_factory=list)
    score: Decimal | None = None
    tie_break: Decimal | None = None  # average on the heaviest criterion
    rank: int | None = None


def rank(results: list[Result]) -> list[Result]:
    """Order results by (score, tie-break) descending and number them with shared ranks
    for full ties (1, 2, 2, 4). Entries without a score come last, unranked."""
    scored = [r for r in results if r.score is not None]
    unscored = [r for r in results if r.score is None]

    def sort_key(r: Result):
        return (r.score, r.tie_break if r.tie_break is not None else Decimal("-1"))

    scored.sort(key=lambda r: (sort_key(r), -r.key), reverse=True)
    previous, previous_rank = None, 0
    for position, result in enumerate(scored, start=1):
        current = sort_key(result)
        result.rank = previous_rank if current == previous else position
        previous, previous_rank = current, result.rank
    return scored + unscored


def heaviest(criteria: list[tuple[int, Decimal]]) -> int | None:
    """The id of the heaviest criterion, the first of equally heavy ones (ids in rubric
    order)."""
    best = None
    for cid, weight in criteria:
        if best is None or weight > best[1]:
            best = (cid, weight)
    return best[0] if best else None
