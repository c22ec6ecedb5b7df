"""To-do counts on the cadre's workbench, contributed by capabilities.

Each capability registers ``compute(user, today) -> list[Todo]`` from ``AppConfig.ready``;
the workbench shows every item whose count is not zero, as a link to the filtered list::

    from core import todos

    todos.register("services", service_request_todos)

``compute`` counts with ``Model.objects.visible_to(user, …)`` like every other read, in a
constant number of queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Todo:
    key: str
    text: str  # already translated, with the count in it
    count: int
    url: str
    level: str = "info"  # Bootstrap alert colour: info, warning, danger


_providers: dict[str, Callable] = {}


def register(key: str, compute: Callable) -> None:
    _providers[key] = compute


def for_user(user, today: datetime.date) -> list[Todo]:
    items: list[Todo] = []
    for key in sorted(_providers):
        items.extend(item for item in _providers[key](user, today) if item.count)
    return items
