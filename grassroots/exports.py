"""The xlsx of a task's answers: one row per organisation, one column per form field."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from core.tables import Column
from grassroots.choices import FieldKind


def _answer_getter(field: dict):
    key, kind = field["key"], field["kind"]

    def get(report):
        value = (report.answers or {}).get(key)
        if value in (None, ""):
            return ""
        if kind == FieldKind.FILE:
            return value.get("name", "")
        if kind == FieldKind.NUMBER:
            try:
                number = Decimal(value)
            except InvalidOperation:
                return value
            return int(number) if number == number.to_integral() else float(number)
        return value

    return get


def report_columns(task) -> list[Column]:
    return [
        Column("org", _("Organisation"), accessor=lambda r: r.org.name),
        Column("org__code", _("Org code"), accessor=lambda r: r.org.code),
        Column("status", _("Status")),
        Column("submitted_at", _("Reported at")),
        *(Column(f["key"], f["label"], accessor=_answer_getter(f)) for f in task.fields),
        Column("note", _("Note")),
    ]
