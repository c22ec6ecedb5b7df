"""Reporting periods: a closed range of days, its predecessor and its months."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    """The days ``start`` to ``end``, both included."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def year_to_date(cls, today: datetime.date) -> Period:
        return cls(datetime.date(today.year, 1, 1), today)

    @classmethod
    def parse(cls, start: str | None, end: str | None, today: datetime.date) -> Period:
        """The period of a request's ``from``/``to`` (ISO dates); this year so far when both
        are missing. Raises ``ValidationError`` with Chinese messages."""
        if not start and not end:
            return cls.year_to_date(today)
        errors = {}
        parsed = {}
        for field, value in (("from", start), ("to", end)):
            try:
                parsed[field] = parse_date(value or "")
            except ValueError:
                parsed[field] = None
            if parsed[field] is None:
                errors[field] = _("Enter a date as YYYY-MM-DD.")
        if errors:
            raise ValidationError(errors)
        if parsed["from"] > parsed["to"]:
            raise ValidationError({"to": _("The end date cannot be before the start date.")})
        return cls(parsed["from"], parsed["to"])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one (for "change against")."""
        end = self.start - datetime.timedelta(days=1)
        return Period(end - datetime.timedelta(days=self.days - 1), end)

    def months(self) -> list[datetime.date]:
        """First days of the calendar months the period touches."""
        month = self.start.replace(day=1)
        found = []
        while month <= self.end:
            found.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return found

    def label(self) -> str:
        return _("%(start)s to %(end)s") % {
            "start": f"{self.start.year}年{self.start.month}月{self.start.day}日",
            "end": f"{self.end.year}年{self.end.month}月{self.end.day}日",
        }
