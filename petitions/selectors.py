"""Reads of 信访: overdue conditions, the workbench to-do counts, subtree figures."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import ngettext

from core.choices import Action
from core.todos import Todo
from petitions.choices import PetitionStatus
from petitions.models import Petition


def accept_overdue_q(today: datetime.date) -> Q:
    return Q(status=PetitionStatus.REGISTERED, accept_due_on__lt=today)


def handle_overdue_q(today: datetime.date) -> Q:
    return Q(status=PetitionStatus.ACCEPTED, handle_due_on__lt=today)


def review_overdue_q(today: datetime.date) -> Q:
    return Q(status=PetitionStatus.REVIEWING, review_due_on__lt=today)


def overdue_q(today: datetime.date) -> Q:
    return accept_overdue_q(today) | handle_overdue_q(today) | review_overdue_q(today)


def due_on(petition: Petition) -> datetime.date | None:
    """The deadline of the step the petition waits for (None when nothing is due)."""
    return {
        PetitionStatus.REGISTERED: petition.accept_due_on,
        PetitionStatus.ACCEPTED: petition.handle_due_on,
        PetitionStatus.REVIEWING: petition.review_due_on,
    }.get(petition.status)


def is_overdue(petition: Petition, today: datetime.date) -> bool:
    due = due_on(petition)
    return due is not None and due < today


def review_request_until(petition: Petition) -> datetime.date | None:
    from petitions.actions import days

    if petition.status != PetitionStatus.REPLIED or petition.replied_on is None:
        return None
    return petition.replied_on + datetime.timedelta(days=days("PETITION_REVIEW_REQUEST_DAYS"))


def petition_todos(user, today: datetime.date) -> list[Todo]:
    """Petitions past the 15-day decision and past the reply deadline, in the user's scope."""
    counts = Petition.objects.visible_to(user, Action.CHANGE).aggregate(
        accept=Count("pk", filter=accept_overdue_q(today)),
        handle=Count("pk", filter=handle_overdue_q(today) | review_overdue_q(today)),
    )
    url = reverse("petitions:list")
    return [
        Todo(
            "petitions-accept-overdue",
            ngettext(
                "%(n)s petition is past its deadline for deciding on acceptance.",
                "%(n)s petitions are past their deadline for deciding on acceptance.",
                counts["accept"],
            )
            % {"n": counts["accept"]},
            counts["accept"],
            f"{url}?overdue=true&status=registered",
            "danger",
        ),
        Todo(
            "petitions-handle-overdue",
            ngettext(
                "%(n)s petition is past its reply deadline.",
                "%(n)s petitions are past their reply deadline.",
                counts["handle"],
            )
            % {"n": counts["handle"]},
            counts["handle"],
            f"{url}?overdue=true",
            "danger",
        ),
    ]
