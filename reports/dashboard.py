"""What capabilities add to the leaders' dashboard besides figures: panels (an
early-warning map, a risk list, …), columns of the breakdown by child org, and overdue
work for the to-do list. Register from ``AppConfig.ready``::

    from reports import dashboard

    dashboard.register_panel("risk", "warning/_dashboard_risk.html", risk_panel, order=10)
    dashboard.register_breakdown_keys("alerts.red")
    dashboard.register_todo("alerts", _("Alerts to dispose of"), alerts_todo)

* ``panel(org, period, user) -> dict | None``: the panel template's context, or ``None``
  to leave the panel out. A panel whose figures are the org's, the same for every user,
  registers with ``stored=True``: it is then computed with the snapshot's figures (``user``
  is ``None``; the result must be JSON-safe) and the page reads it from the snapshot;
  ``present(data) -> dict`` turns the stored figures into the template's context (labels in
  the reader's language, say);
* ``todo(user, org) -> (count, url)``: how many items of ``org``'s subtree in the user's
  scope are overdue or waiting, and where the list of them is. To-dos depend on the user's
  scope, so they are counted on every view: keep each one indexed count query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable
    order: int = 100
    stored: bool = False
    present: Callable | None = None

    def context_from(self, data: dict | None) -> dict | None:
        """The template's context from the stored figures of a ``stored`` panel."""
        if data is None or self.present is None:
            return data
        return self.present(data)


@dataclass(frozen=True)
class Todo:
    key: str
    label: str
    count: Callable
    order: int = 100


_panels: dict[str, Panel] = {}
_todos: dict[str, Todo] = {}
_breakdown_keys: list[str] = []


def register_panel(
    key: str,
    template: str,
    context: Callable,
    order: int = 100,
    *,
    stored: bool = False,
    present: Callable | None = None,
) -> None:
    _panels[key] = Panel(key, template, context, order, stored, present)


def register_todo(key: str, label, count: Callable, order: int = 100) -> None:
    _todos[key] = Todo(key, label, count, order)


def register_breakdown_keys(*keys: str) -> None:
    _breakdown_keys.extend(key for key in keys if key not in _breakdown_keys)


def panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.key))


def todos() -> list[Todo]:
    return sorted(_todos.values(), key=lambda todo: (todo.order, todo.key))


def extra_breakdown_keys() -> list[str]:
    return list(_breakdown_keys)
