"""Column declarations that drive list pages and their xlsx exports alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    name: str
    label: Any
    sort: str | None = None
    accessor: Callable[[Any], Any] | None = None
    link: bool = False
    css: str = ""
    # Long text (names, industries, organisations) may wrap; other cells stay on one line.
    wrap: bool = False

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
    """The changed fields by the labels a cadre knows, not by column names."""
    model = entry.content_type.model_class()
    labels = []
    for name in sorted(entry.changes):
        try:
            labels.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:  # a recorded key that is not a field, e.g. "parent"
            labels.append(name)
    return "、".join(labels)


AUDIT_COLUMNS = [
    Column("at", _("At"), sort="at"),
    Column("actor_name", _("By"), sort="actor_name"),
    Column("action", _("Action"), sort="action"),
    Column("content_type", _("Type"), accessor=lambda e: e.content_type.name),
    Column("object_repr", _("Object"), sort="object_repr", wrap=True),
    Column("changes", _("Fields changed"), accessor=_changed_fields, wrap=True),
]


def _job_kind(job) -> str:
    from core.jobs import IMPORTERS

    return str(IMPORTERS.get(job.kind, (job.kind,))[0])


IMPORT_JOB_COLUMNS = [
    Column("created_at", _("Started at"), sort="created_at"),
    Column("file_name", _("File"), sort="file_name", link=True, wrap=True),
    Column("kind", _("Kind"), accessor=_job_kind),
    Column("org", _("Organisation"), wrap=True),
    Column("status", _("Status"), sort="status"),
    Column("rows_total", _("Rows"), sort="rows_total", css="text-end"),
    Column("rows_rejected", _("Rejected rows"), css="text-end"),
    Column("rows_written", _("Rows written"), css="text-end"),
    Column("created_by", _("By")),
]
