"""Signal sources: how other capabilities feed the early-warning engine.

There are two ways in, and an app may use either or both.

1. **Write a signal row** (events with their own life, e.g. one group complaint, one
   mediation case)::

       from warning.actions import record_signal

       record_signal(
           actor=None,                      # or the cadre; None for the platform itself
           enterprise=ticket.enterprise,
           kind="group_ticket",             # warning.choices.SignalKind
           observed_on=ticket.received_on,
           source="platform",               # warning.choices.SignalSource
           origin="rights.ticket",          # who writes it …
           external_ref=str(ticket.pk),     # … and its id there: a repeat updates the row
           workers=ticket.people_count,     # optional measures: workers, amount, months,
           note=ticket.subject,             # percent, count
       )

   The enterprise is re-scored at once (same transaction). When the case is closed, call
   ``resolve_signal(actor=..., signal=..., note=...)`` or record it again with
   ``status="resolved"``.

2. **Register a source** (figures the app can count for many enterprises at once, e.g.
   tickets per enterprise in a window)::

       from warning import sources

       def ticket_counts(enterprise_ids, on):       # None = every enterprise
           rows = (Ticket.objects.filter(received_on__gt=on - timedelta(days=90), ...)
                   .values("enterprise_id").annotate(n=Count("pk")))
           return [sources.Contribution(r["enterprise_id"], "ticket", count=r["n"],
                                        detail=f"近90天工单 {r['n']} 件") for r in rows]

       sources.register("rights.tickets", ticket_counts)      # in AppConfig.ready()

   A source answers in a constant number of queries for any number of enterprises and
   returns ``Contribution`` rows; contributions of the same kind add up with the signal
   rows. Sources are read on every scoring, so the score follows the app's data; call
   ``warning.actions.score_enterprises([id])`` after a change that should show at once.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Contribution:
    enterprise_id: int
    kind: str
    count: int = 1
    workers: int = 0
    amount: Decimal = Decimal("0")
    months: int = 0
    percent: float = 0.0
    detail: str = ""


Source = Callable[[list[int] | None, datetime.date], Iterable[Contribution]]

_sources: dict[str, Source] = {}


def register(name: str, fn: Source) -> None:
    _sources[name] = fn


def unregister(name: str) -> None:
    _sources.pop(name, None)


def registered() -> list[str]:
    return sorted(_sources)


def contributions(enterprise_ids: list[int] | None, on: datetime.date) -> list[Contribution]:
    found: list[Contribution] = []
    for name in sorted(_sources):
        found.extend(_sources[name](enterprise_ids, on))
    return found
