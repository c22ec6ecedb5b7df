"""The working-day calendar behind every deadline and public-notice (公示) period.

Whether a date is a working day is decided in this order:

1. A ``CalendarDay`` row for that date (admin-maintained) wins: ``is_workday=False`` is a
   holiday, ``is_workday=True`` is an adjusted working day (调休上班).
2. Otherwise, for years the installed ``chinesecalendar`` release knows, its official State
   Council holiday schedule (holidays and adjusted working weekends).
3. Otherwise (years the library does not know yet, e.g. next year before the library is
   upgraded) the weekday rule: Monday to Friday are working days. This never raises.

Counting rules used by every function here:

* ``add_workdays(start, n)`` does not count ``start`` itself: it returns the n-th working day
  after ``start``. ``n == 0`` returns ``start`` when it is a working day, else the next one.
  A negative ``n`` counts backwards (the |n|-th working day before ``start``).
* ``workdays_between(start, end)`` counts the working days in ``(start, end]``; when ``end`` is
  before ``start`` the result is the negated count of ``(end, start]``.

Performance: the override table is read in one query per contiguous range of years a
``WorkdayCalendar`` needs, never once per day. The module-level functions build a fresh
calendar per call (one query, always current). To compute deadlines for many rows, create one
``WorkdayCalendar`` and reuse it, or pass it as ``calendar=``; it then loads each year once::

    cal = WorkdayCalendar.for_range(first_start, last_start)
    deadlines = [cal.add_workdays(row.submitted_on, 5) for row in rows]

There is deliberately no process-wide cache: save/delete signals would not reach other worker
processes, and they do not fire when a transaction that wrote a row is rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from chinese_calendar import constants as _lib

__all__ = [
    "WorkdayCalendar",
    "add_workdays",
    "is_workday",
    "library_covers",
    "library_years",
    "next_workday",
    "uncovered_years",
    "workdays_between",
]

_ONE_DAY = dt.timedelta(days=1)

# The library validates its range on every call by scanning all its keys; compute it once.
_LIB_FIRST_YEAR = min(_lib.holidays).year
_LIB_LAST_YEAR = max(_lib.holidays).year


def library_years() -> range:
    """The years the installed ``chinesecalendar`` release has official schedules for."""
    return range(_LIB_FIRST_YEAR, _LIB_LAST_YEAR + 1)


def library_covers(year: int) -> bool:
    """True when the installed ``chinesecalendar`` release knows the holidays of ``year``."""
    return _LIB_FIRST_YEAR <= year <= _LIB_LAST_YEAR


def uncovered_years(years: Iterable[int]) -> list[int]:
    """The years among ``years`` (sorted, without duplicates) the library does not know.

    For those years working days follow the weekday rule plus the ``CalendarDay`` table, so
    the admin should enter that year's holidays and adjusted working days by hand.
    """
    return sorted({year for year in years if not library_covers(year)})


def _as_date(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"expected a datetime.date, got {type(value).__name__}")
    return value


def _default_is_workday(day: dt.date) -> bool:
    """The rule without overrides: the library for years it knows, else Monday to Friday."""
    if library_covers(day.year):
        # Same rule as chinese_calendar.is_workday, minus its per-call range scan.
        return day in _lib.workdays or (day.weekday() < 5 and day not in _lib.holidays)
    return day.weekday() < 5


class WorkdayCalendar:
    """A reusable view of the working-day rules with the override rows it has loaded.

    Overrides are loaded by whole calendar years, lazily or through :meth:`preload`; each load
    is a single query covering all missing years in the requested range. A calendar reflects
    the table as it was when each year was loaded, so keep one for a request or a batch job,
    not for the life of the process.
    """

    def __init__(self) -> None:
        self._overrides: dict[dt.date, bool] = {}
        self._loaded_years: set[int] = set()

    @classmethod
    def for_range(cls, start: dt.date, end: dt.date) -> WorkdayCalendar:
        """A calendar with the overrides of every year from ``start`` to ``end`` loaded."""
        calendar = cls()
        calendar.preload(start, end)
        return calendar

    def preload(self, start: dt.date, end: dt.date) -> None:
        """Load the overrides of all not-yet-loaded years between the two dates (one query)."""
        first, last = sorted((_as_date(start).year, _as_date(end).year))
        missing = [year for year in range(first, last + 1) if year not in self._loaded_years]
        if not missing:
            return
        from core.models import CalendarDay

        rows = CalendarDay.objects.filter(
            date__gte=dt.date(missing[0], 1, 1), date__lte=dt.date(missing[-1], 12, 31)
        ).values_list("date", "is_workday")
        self._overrides.update(rows)
        self._loaded_years.update(range(missing[0], missing[-1] + 1))

    def is_workday(self, day: dt.date) -> bool:
        """Override row first, then the library for years it knows, then Monday to Friday."""
        day = _as_date(day)
        if day.year not in self._loaded_years:
            self.preload(day, day)
        override = self._overrides.get(day)
        if override is not None:
            return override
        return _default_is_workday(day)

    def next_workday(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        day = _as_date(day) + _ONE_DAY
        while not self.is_workday(day):
            day += _ONE_DAY
        return day

    def previous_workday(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        day = _as_date(day) - _ONE_DAY
        while not self.is_workday(day):
            day -= _ONE_DAY
        return day

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start``; ``start`` itself is not counted.

        ``days == 0`` returns ``start`` if it is a working day, otherwise the next working
        day. A negative ``days`` counts backwards: the |days|-th working day before ``start``.
        """
        start = _as_date(start)
        days = int(days)
        if days == 0:
            return start if self.is_workday(start) else self.next_workday(start)
        # Load a generous estimate of the span in one query; lazy loading covers the rest.
        span = dt.timedelta(days=abs(days) * 2 + 31)
        self.preload(start, start + span if days > 0 else start - span)
        step = self.next_workday if days > 0 else self.previous_workday
        day = start
        for _ in range(abs(days)):
            day = step(day)
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days after ``start`` up to and including ``end``.

        Returns 0 when ``end == start``; when ``end`` is before ``start`` returns the negated
        count of working days in ``(end, start]``, so the result is never an error.
        """
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.workdays_between(end, start)
        self.preload(start, end)
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            count += self.is_workday(day)
            day += _ONE_DAY
        return count


def _calendar(calendar: WorkdayCalendar | None) -> WorkdayCalendar:
    return calendar if calendar is not None else WorkdayCalendar()


def is_workday(day: dt.date, *, calendar: WorkdayCalendar | None = None) -> bool:
    """Whether ``day`` is a working day: override row, else library, else Monday to Friday."""
    return _calendar(calendar).is_workday(day)


def next_workday(day: dt.date, *, calendar: WorkdayCalendar | None = None) -> dt.date:
    """The first working day strictly after ``day``."""
    return _calendar(calendar).next_workday(day)


def add_workdays(start: dt.date, days: int, *, calendar: WorkdayCalendar | None = None) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted).

    A deadline of 5 working days from a Friday ends on the fifth working day after it.
    ``days == 0`` returns ``start`` if it is a working day, else the next working day;
    negative ``days`` counts backwards. Pass ``calendar=`` to reuse loaded overrides.
    """
    return _calendar(calendar).add_workdays(start, days)


def workdays_between(
    start: dt.date, end: dt.date, *, calendar: WorkdayCalendar | None = None
) -> int:
    """Working days in ``(start, end]``; negated count of ``(end, start]`` if ``end < start``."""
    return _calendar(calendar).workdays_between(start, end)
