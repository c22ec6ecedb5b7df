"""Column declarations that drive list pages and their xlsx exports alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    name: str
    label: Any
    sort: str | None = None
    accessor: Callable[[Any], Any] | None = None
    link: bool = False
    css: str = ""

    def value(self, obj):
        if self.accessor is not None:
            return self.accessor(obj)
        display = getattr(obj, f"get_{self.name}_display", None)
        if callable(display):
            return display()
        value = obj
        for part in self.name.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return ""
        return value


def rows_for(columns: list[Column], objects) -> list[dict]:
    return [
        {"object": obj, "cells": [(column, column.value(obj)) for column in columns]}
        for obj in objects
    ]


def _changed_fields(entry) -> str:
    return "、".join(sorted(entry.changes)) if entry.changes else ""


AUDIT_COLUMNS = [
    Column("at", _("At"), sort="at"),
    Column("actor_name", _("By"), sort="actor_name"),
    Column("action", _("Action"), sort="action"),
    Column("content_type", _("Type"), accessor=lambda e: e.content_type.name),
    Column("object_repr", _("Object"), sort="object_repr"),
    Column("changes", _("Fields changed"), accessor=_changed_fields),
]
