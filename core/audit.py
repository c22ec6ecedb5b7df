"""Field-level change log. Actions call ``record`` inside their transaction."""

from __future__ import annotations

import datetime
import decimal
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db.models.fields.files import FieldFile

from core.choices import AuditAction

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")

# Tree bookkeeping columns say nothing a person would call a change.
_SKIPPED_FIELDS = {"path", "depth", "numchild", "created_at", "updated_at"}


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, FieldFile):  # a stored file is logged by its (random) name
        return value.name or ""
    return value


def snapshot(obj) -> dict:
    """A JSON-safe picture of ``obj``'s concrete fields, related rows by their name.

    A model lists in ``audit_hidden_fields`` what must never reach the log (ciphertexts,
    blind indexes of personal data).
    """
    data = {}
    hidden = set(getattr(type(obj), "audit_hidden_fields", ()))
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in _SKIPPED_FIELDS or field.name in hidden:
            continue
        if field.is_relation:
            related_id = getattr(obj, field.attname)
            data[field.name] = None if related_id is None else str(getattr(obj, field.name))
        else:
            data[field.name] = _plain(getattr(obj, field.attname))
    return data


def diff(before: dict | None, after: dict | None) -> dict:
    before, after = before or {}, after or {}
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record(actor, obj, action: str, before: dict | None = None, extra: dict | None = None):
    """Write one audit row: who did ``action`` to ``obj``, with before/after per field."""
    from core.models import AuditEntry

    after = None if action == AuditAction.DELETE else snapshot(obj)
    changes = diff(before, after)
    if extra:
        changes.update(extra)
    if action == AuditAction.UPDATE and not changes:
        return None
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        action=action,
        changes=changes,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "system",
        request_id=current_request_id.get(),
        scope_path=_scope_path_of(obj),
    )


def _scope_path_of(obj) -> str:
    fields = getattr(type(obj), "scope_fields", None)
    if not fields:
        return ""
    target = obj
    for part in (fields[0] or "").split("__") if fields[0] else []:
        target = getattr(target, part, None)
        if target is None:
            return ""
    return getattr(target, "path", "") or ""


def history_for(obj):
    """Audit rows of one object, newest first."""
    from core.models import AuditEntry

    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("content_type")
