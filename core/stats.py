"""The registry of subtree figures: each capability contributes its own section (coverage,
membership, …), which the org page and ``/api/v1/orgs/{id}/stats/`` show without knowing
the capability. The dashboard and the work report will read the same registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
