"""The figures the hardship rules are decided on (DOMAIN §2.5–2.6), all from settings:
the local 低保 line, the per-capita income of a household, the category it suggests, the
金秋助学 amount and the 疗休养 places of an enterprise. Pure functions, no writes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.conf import settings

from assistance.choices import ACCIDENT_CAUSES, HardshipCategory

FEN = Decimal("0.01")


def low_income_line(org) -> Decimal:
    """The 低保 line for a union: the first region code of the union or its ancestors that
    the ``ASSISTANCE_LOW_INCOME_LINES`` setting names, else its "default". One query."""
    lines = settings.GONGHUI["ASSISTANCE_LOW_INCOME_LINES"]
    if org is not None:
        paths = [org.path[:n] for n in range(org.steplen, len(org.path) + 1, org.steplen)]
        codes = dict(type(org).objects.filter(path__in=paths).values_list("path", "region_code"))
        for path in reversed(paths):  # the union first, then up the tree
            if codes.get(path) in lines:
                return Decimal(lines[codes[path]])
    return Decimal(lines["default"])


@dataclass(frozen=True)
class HouseholdFigures:
    persons: int
    total_income: Decimal
    essential_costs: Decimal
    per_capita: Decimal | None
    line: Decimal
    suggested: str  # a HardshipCategory value, or "" (not eligible on these figures)

    @property
    def suggested_label(self) -> str:
        return HardshipCategory(self.suggested).label if self.suggested else ""


def household_figures(
    incomes: list[Decimal], essential_costs: Decimal, line: Decimal, causes: list[str]
) -> HouseholdFigures:
    """Per-capita monthly income after essential costs (medical, disability, schooling, job
    costs), and the category it suggests: below the 低保 line 深度困难, below twice the
    line 相对困难; otherwise 意外致困 when an accident, disaster or serious illness is among
    the causes."""
    total = sum((Decimal(i) for i in incomes), Decimal("0.00"))
    costs = Decimal(essential_costs or 0)
    persons = len(incomes)
    per_capita = None
    if persons:
        per_capita = ((total - costs) / persons).quantize(FEN, rounding=ROUND_HALF_UP)
    return HouseholdFigures(
        persons=persons,
        total_income=total.quantize(FEN),
        essential_costs=costs.quantize(FEN),
        per_capita=per_capita,
        line=line,
        suggested=suggest_category(per_capita, line, causes),
    )


def suggest_category(per_capita: Decimal | None, line: Decimal, causes: list[str]) -> str:
    if per_capita is not None and per_capita < line:
        return HardshipCategory.DEEP
    if per_capita is not None and per_capita < 2 * line:
        return HardshipCategory.RELATIVE
    if any(cause in ACCIDENT_CAUSES for cause in causes):
        return HardshipCategory.ACCIDENT
    return ""


def school_aid_amount(filed: bool, school_level: str) -> Decimal | None:
    """金秋助学 per child: the amounts for filed households, or for households in temporary
    hardship (a temporary file); None for a school level the setting does not pay."""
    table = settings.GONGHUI["ASSISTANCE_SCHOOL_AID"]["filed" if filed else "temporary"]
    amount = table.get(school_level)
    return None if amount is None else Decimal(amount).quantize(FEN)


def sanatorium_places(employee_count: int) -> int:
    """疗休养 places per enterprise per year: ``ASSISTANCE_SANATORIUM_SHARE`` of the staff,
    the small-unit share under ``ASSISTANCE_SANATORIUM_SMALL_STAFF`` employees, floored."""
    config = settings.GONGHUI
    staff = int(employee_count or 0)
    share = (
        config["ASSISTANCE_SANATORIUM_SMALL_SHARE"]
        if staff < config["ASSISTANCE_SANATORIUM_SMALL_STAFF"]
        else config["ASSISTANCE_SANATORIUM_SHARE"]
    )
    return int((Decimal(staff) * Decimal(share)).to_integral_value(rounding=ROUND_FLOOR))
