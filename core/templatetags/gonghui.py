import datetime

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def cell(value):
    """How a table cell shows a value: 是/否 for booleans, ISO dates, a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "Y-m-d H:i")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@register.filter
def percent(value):
    return "—" if value is None else f"{value:.1f}%"


@register.simple_tag
def audit_changes(entry):
    """(label, before, after) per changed field, with field names and choice codes shown
    as the labels a cadre knows."""
    model = entry.content_type.model_class()
    rows = []
    for name, pair in entry.changes.items():
        before, after = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        label = name
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if field is not None:
                label = field.verbose_name
                if field.choices:  # JSON fields (lists, dicts) have none and are unhashable
                    choices = dict(field.choices)
                    before, after = choices.get(before, before), choices.get(after, after)
            elif name == "parent":
                label = _("parent organisation")
        rows.append((label, cell(before), cell(after)))
    return rows


@register.simple_tag(takes_context=True)
def sort_link(context, column):
    current = context.get("sort", "")
    target = f"-{column.name}" if current == column.name else column.name
    base = context.get("sort_query", "")
    return f"?{base}&sort={target}" if base else f"?sort={target}"
