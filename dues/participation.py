"""Who took part in union life: for the six-month review (中国工会章程: six consecutive
months without paying dues and without taking part in union activities, with no valid
reason → treated as having left, after counselling), and for the participation record a
member's page (cadres) and ``/m/participation/`` (the member) show.

Capabilities that record participation register a source here, e.g. activities (C14) with
their check-ins::

    from dues import participation

    def checked_in(member_ids, start, end):
        return CheckIn.objects.filter(
            among(member_ids), on__gte=start, on__lt=end
        ).values("member_id")

    participation.register("activities", checked_in, record=activity_record)

``fn(member_ids, start, end)`` gets a queryset of member ids (``values("pk")``), or None for
every member, and the window ``[start, end)``, and returns a queryset of the ids of those
members who took part (``among(member_ids)`` narrows a source's rows) —
it becomes a ``NOT IN`` subquery of the review list, so it must stay a queryset (or a small
collection), never a loop over members. Register from the app's ``AppConfig.ready``.

``record(member, user, limit)`` lists what the member did in this source as ``RecordRow``
(date, kind, title, status or result, link), newest first, at most ``limit`` rows, in one
or two queries. ``user`` is the cadre looking at the member page — filter with
``scoped(queryset, user)``, which applies ``visible_to(user)`` — or ``None`` when the member
reads their own record on the phone (then nothing beyond the member's own rows is shown and
links go to the member's pages, or nowhere).

Why both live here, under one source name: what *counts* as taking part and what is
*shown* as taking part are the same facts of the same capabilities. Registering them
together keeps them from drifting apart (a test checks that every counting source also has
a record), and this module is already where the membership rules ask "who took part".
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

ParticipationSource = Callable[..., object]
RecordProvider = Callable[..., list]

# Rows per source on a record: a member page stays one screen of recent life, not an archive.
RECORD_LIMIT = 50

_sources: dict[str, ParticipationSource] = {}
_records: dict[str, RecordProvider] = {}


@dataclass(frozen=True)
class RecordRow:
    """One line of a participation record. ``on`` is a date (a datetime is turned into its
    local date); ``kind`` the label of the source's row (e.g. 活动报名); ``status`` the state
    or result in words; ``url`` where the viewer may open it, or ``None``."""

    on: datetime.date
    kind: str
    title: str
    status: str = ""
    url: str | None = None

    def __post_init__(self):
        if isinstance(self.on, datetime.datetime):
            object.__setattr__(self, "on", timezone.localdate(self.on))


def register(
    source_name: str, fn: ParticipationSource, *, record: RecordProvider | None = None
) -> None:
    _sources[source_name] = fn
    if record is not None:
        _records[source_name] = record


def unregister(source_name: str) -> None:
    _sources.pop(source_name, None)
    _records.pop(source_name, None)


def sources() -> dict[str, ParticipationSource]:
    return dict(sorted(_sources.items()))


def record_providers() -> dict[str, RecordProvider]:
    return dict(sorted(_records.items()))


def among(member_ids) -> Q:
    """A source's rows of the members ``member_ids`` (None: of every member). The review
    list passes None: its ``NOT IN`` subqueries then need not repeat the candidate query,
    which at city scale costs a scan of the members per source."""
    # Rows without a member (a team's or an enterprise's entry) are left out: one NULL in
    # a NOT IN list would exclude every member.
    return Q(member_id__isnull=False) if member_ids is None else Q(member_id__in=member_ids)


def participants(member_ids, start: datetime.date, end: datetime.date) -> list:
    """One id queryset per source: the members of ``member_ids`` (None: any member) who
    took part."""
    return [fn(member_ids, start, end) for fn in sources().values()]


def scoped(queryset, user):
    """The rows of ``queryset`` (already narrowed to one member) that ``user`` may see; the
    member reading their own record (``user is None``) sees all of their own rows."""
    return queryset if user is None else queryset.visible_to(user)


def record(member, user, limit: int = RECORD_LIMIT) -> list[RecordRow]:
    """The member's participation record across the registered sources, newest first: what
    cadre ``user`` may see of it, or — ``user`` ``None`` — all of it, for the member."""
    rows = [
        row for provider in record_providers().values() for row in provider(member, user, limit)
    ]
    # Stable sort: rows of one day keep their source's own newest-first order.
    return sorted(rows, key=lambda row: row.on, reverse=True)


def own_record(member, limit: int = RECORD_LIMIT) -> list[RecordRow]:
    """The record the member reads about themself (the phone's 我的参与)."""
    return record(member, None, limit)


def kind_counts(rows: list[RecordRow]) -> list[tuple[str, int]]:
    """How many rows of each kind a record holds, most frequent first (the record's heading)."""
    return Counter(str(row.kind) for row in rows).most_common()
