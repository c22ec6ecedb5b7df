"""Months as dues count them: a month is stored as its first day.

``parse_month`` reads what people write in a payroll sheet or a form (2026-03, 2026/3,
202603, 2026年3月, 2026.3, an Excel date or an Excel day number) and returns the first day of
that month, or raises ``ValueError``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})$")
_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
# Day numbers of Excel's 1900 date system between 2000-01-01 and 2099-12-31: a date cell
# that lost its date format arrives as such a number.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_DAYS = range(36526, 73051)


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after (or before) ``month``."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(text) -> datetime.date:
    if isinstance(text, datetime.datetime):
        return first_of_month(text.date())
    if isinstance(text, datetime.date):
        return first_of_month(text)
    value = unicodedata.normalize("NFKC", str(text or "")).strip()
    value = value.split(" ")[0].split("T")[0]  # a date-time cell: keep the date
    for pattern in (_YEAR_MONTH, _COMPACT, _FULL_DATE):
        match = pattern.match(value)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if pattern is _FULL_DATE:
                datetime.date(year, month, int(match.group(3)))  # refuses 2026-02-30
            if not 1 <= month <= 12:
                raise ValueError(value)
            return datetime.date(year, month, 1)
    if value.isdigit() and int(value) in _EXCEL_DAYS:
        return first_of_month(_EXCEL_EPOCH + datetime.timedelta(days=int(value)))
    raise ValueError(value)


def month_label(month: datetime.date | None) -> str:
    return f"{month:%Y-%m}" if month else ""
