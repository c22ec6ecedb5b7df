"""Panels on the cadre's workbench, contributed by capabilities (the notices for cadres,
for instance), beside the to-do counts of ``core.todos``.

Each capability registers from ``AppConfig.ready``::

    from core import workbench

    workbench.register("notices", "activities/_workbench_notices.html", notices_panel)

``context(user, today)`` returns the panel's template context, or None when the panel
has nothing to show; it reads through ``visible_to`` like every other read, in a constant
number of queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable  # (user, today) -> dict | None
    order: int = 100


_panels: dict[str, Panel] = {}


def register(key: str, template: str, context: Callable, order: int = 100) -> None:
    _panels[key] = Panel(key, template, context, order)


def panels_for(user, today: datetime.date) -> list[tuple[str, dict]]:
    """(template, context) of every panel with something to show, in order."""
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        context = panel.context(user, today)
        if context is not None:
            shown.append((panel.template, context))
    return shown
