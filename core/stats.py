"""The registry of subtree figures: each capability contributes its own section (coverage,
membership, …), which the org page and ``/api/v1/orgs/{id}/stats/`` show without knowing
the capability.

A section's ``compute(org)`` returns JSON-safe figures (money as decimal strings), because
at city scale they are served from the dashboard's snapshot (``reports.selectors``), a JSON
row, rather than computed while a leader waits: the API always, the org page once the
subtree has more than ``GONGHUI["LIVE_SECTIONS_MAX_MEMBERS"]`` members."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise


@dataclass(frozen=True)
class StatsSection:
    key: str
    compute: Callable  # (org) -> dict of JSON-safe figures
    template: str  # partial that renders the figures on the org page
    order: int = 100


_sections: dict[str, StatsSection] = {}


def register(key: str, compute: Callable, template: str, order: int = 100) -> None:
    _sections[key] = StatsSection(key, compute, template, order)


def sections() -> list[StatsSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def figures_for(org) -> dict[str, dict]:
    return {section.key: section.compute(org) for section in sections()}


def json_safe(value):
    """``value`` as it reads back from a JSON column, so that a section served from a
    snapshot renders exactly like one computed live: money (``Decimal``) as its decimal
    string, dates as ISO strings, tuples as lists, lazy translations as text."""
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    return value
