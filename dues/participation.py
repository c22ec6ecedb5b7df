"""Who took part in union life, for the six-month review (中国工会章程: six consecutive
months without paying dues and without taking part in union activities, with no valid
reason → treated as having left, after counselling).

Capabilities that record participation register a source here, e.g. activities (C14) with
their check-ins::

    from dues import participation

    def checked_in(member_ids, start, end):
        return CheckIn.objects.filter(
            member_id__in=member_ids, on__gte=start, on__lt=end
        ).values("member_id")

    participation.register("activities", checked_in)

``fn(member_ids, start, end)`` gets a queryset of member ids (``values("pk")``) and the
window ``[start, end)`` and returns a queryset of the ids of those members who took part —
it becomes a ``NOT IN`` subquery of the review list, so it must stay a queryset (or a small
collection), never a loop over members. Register from the app's ``AppConfig.ready``.

No source is registered yet: no capability records participation so far.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

ParticipationSource = Callable[..., object]

_sources: dict[str, ParticipationSource] = {}


def register(source_name: str, fn: ParticipationSource) -> None:
    _sources[source_name] = fn


def unregister(source_name: str) -> None:
    _sources.pop(source_name, None)


def sources() -> dict[str, ParticipationSource]:
    return dict(sorted(_sources.items()))


def participants(member_ids, start: datetime.date, end: datetime.date) -> list:
    """One id queryset per source: the members of ``member_ids`` who took part."""
    return [fn(member_ids, start, end) for fn in sources().values()]
