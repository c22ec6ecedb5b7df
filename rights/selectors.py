"""Reads of rights protection: follow-up lookups, the to-do list, subtree figures, and the
set-based functions the early-warning engine (``warning/``) and other capabilities call.

For the early-warning engine (each one query, whatever the number of enterprises;
``enterprise_ids=None`` means every enterprise; ``start``/``end`` are inclusive dates of
receipt or registration):

* ``tickets_by_enterprise(enterprise_ids, start, end) -> {enterprise_id: count}`` — all
  12351 tickets about the enterprise (投诉 spikes).
* ``group_tickets_by_enterprise(enterprise_ids, start, end) -> {enterprise_id: count}`` —
  group tickets (群体性, at least ``GONGHUI["RIGHTS_GROUP_WORKERS"]`` workers).
* ``wage_arrears_tickets_by_enterprise(enterprise_ids, start, end) -> {enterprise_id: count}``
  — tickets of category 欠薪.
* ``disputes_by_enterprise(enterprise_ids, start, end) -> {enterprise_id: count}`` —
  labour-dispute mediation cases (争议).
* ``open_wage_arrears_by_enterprise(enterprise_ids, on) -> {enterprise_id: WageArrears}`` —
  open 欠薪 tickets received by ``on``, with workers and amount involved.

``core.facts`` provider: ``"wage_arrears_tickets"`` (``WAGE_ARREARS_TICKETS``) holds for an
enterprise with open 欠薪 tickets; the evidence names their count, workers and amount.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from core import facts
from core.choices import Action
from core.scoping import scope_paths
from orgs.models import Org
from rights import actions
from rights.choices import (
    ANSWERED_TICKET_STATUSES,
    OPEN_LEGAL_AID_STATUSES,
    OPEN_TICKET_STATUSES,
    Category,
    DisputeOutcome,
    DisputeStatus,
    LegalAidStatus,
    Satisfaction,
    TicketStatus,
)
from rights.models import DisputeCase, LegalAidCase, Ticket

WAGE_ARREARS_TICKETS = "wage_arrears_tickets"


# --- follow-up -----------------------------------------------------------------------------


def ticket_by_follow_code(code: str) -> Ticket | None:
    if not actions.normalise_follow_code(code):
        return None
    return (
        Ticket.objects.select_related("org")
        .filter(follow_code_hash=actions.follow_code_hash(code))
        .first()
    )


def legal_aid_by_follow_code(code: str) -> LegalAidCase | None:
    if not actions.normalise_follow_code(code):
        return None
    return (
        LegalAidCase.objects.select_related("org", "lawyer")
        .filter(follow_code_hash=actions.follow_code_hash(code))
        .first()
    )


def member_tickets(member):
    return Ticket.objects.filter(member=member).select_related("org").order_by("-received_at")


def member_legal_aid(member):
    return (
        LegalAidCase.objects.filter(member=member)
        .select_related("org", "lawyer")
        .order_by("-submitted_on", "-id")
    )


# --- overdue and the to-do list -------------------------------------------------------------


def overdue_q(today: datetime.date) -> Q:
    return Q(status__in=OPEN_TICKET_STATUSES, due_on__lt=today)


def todo_tickets(user, today: datetime.date):
    """The open tickets a cadre must act on: those at the unions where they hold a role,
    and those escalated to them — stored by ``rights_deadlines`` or, computed here on read,
    overdue at a union directly below theirs. Annotated with ``overdue`` for the flag."""
    tickets = Ticket.objects.filter(status__in=OPEN_TICKET_STATUSES).select_related(
        "org", "assignee", "escalated_to", "enterprise"
    )
    if user.is_superuser:
        condition = overdue_q(today) | Q(escalated_to__isnull=False)
    else:
        condition = Q(pk__in=[])
        for path in scope_paths(user, Action.CHANGE):
            depth = len(path) // Org.steplen
            condition |= Q(org__path=path) | Q(escalated_to__path=path)
            condition |= overdue_q(today) & Q(org__path__startswith=path, org__depth=depth + 1)
        tickets = tickets.visible_to(user, Action.CHANGE)
    return tickets.filter(condition).order_by("due_on", "pk")


def is_overdue(ticket: Ticket, today: datetime.date) -> bool:
    return ticket.status in OPEN_TICKET_STATUSES and ticket.due_on < today


# --- subtree figures (core.stats) -------------------------------------------------------------


def _money(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def _rate(part, whole):
    return round(100 * part / whole, 1) if whole else None


def rights_stats(org, today: datetime.date | None = None) -> dict:
    """Tickets, legal aid and disputes of ``org``'s subtree: tickets by status and type,
    on-time answer rate (按期办结率: answered by the deadline / answered), resolution rate
    (化解率: resolved / answered), group tickets, overdue; legal-aid cases and the amount
    recovered; disputes mediated and the mediation success rate."""
    from django.utils import timezone

    today = today or timezone.localdate()
    subtree = {"org__path__startswith": org.path}
    tickets = Ticket.objects.filter(**subtree)
    answered = Q(status__in=ANSWERED_TICKET_STATUSES, answered_on__isnull=False)
    t = tickets.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_TICKET_STATUSES)),
        overdue=Count("pk", filter=overdue_q(today)),
        group=Count("pk", filter=Q(is_group=True)),
        answered=Count("pk", filter=answered),
        on_time=Count("pk", filter=answered & Q(answered_on__lte=F("due_on"))),
        replied=Count("pk", filter=Q(resolved__isnull=False) & answered),
        resolved=Count("pk", filter=Q(resolved=True) & answered),
        called_back=Count(
            "pk", filter=~Q(satisfaction="") & ~Q(satisfaction=Satisfaction.UNREACHABLE)
        ),
        satisfied=Count(
            "pk", filter=Q(satisfaction__in=(Satisfaction.SATISFIED, Satisfaction.FAIRLY))
        ),
    )
    by_status = {value: 0 for value in TicketStatus.values}
    by_kind: dict[str, int] = {}
    for status, kind, n in tickets.values_list("status", "kind").annotate(n=Count("pk")).order_by():
        by_status[status] += n
        by_kind[kind] = by_kind.get(kind, 0) + n
    aid = LegalAidCase.objects.filter(**subtree).aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_LEGAL_AID_STATUSES)),
        concluded=Count("pk", filter=Q(status=LegalAidStatus.CONCLUDED)),
        recovered=Sum("amount_recovered", filter=Q(status=LegalAidStatus.CONCLUDED)),
    )
    disputes = DisputeCase.objects.filter(**subtree).aggregate(
        total=Count("pk"),
        closed=Count("pk", filter=Q(status=DisputeStatus.CLOSED)),
        mediated=Count("pk", filter=Q(outcome=DisputeOutcome.MEDIATED)),
        agreed=Sum("amount_agreed", filter=Q(outcome=DisputeOutcome.MEDIATED)),
    )
    return {
        "org_id": org.pk,
        "tickets": t["total"],
        "tickets_open": t["open"],
        "tickets_overdue": t["overdue"],
        "tickets_group": t["group"],
        "tickets_by_status": by_status,
        "tickets_by_kind": by_kind,
        "on_time_rate": _rate(t["on_time"], t["answered"]),
        "resolution_rate": _rate(t["resolved"], t["replied"]),
        "satisfaction_rate": _rate(t["satisfied"], t["called_back"]),
        "legal_aid_cases": aid["total"],
        "legal_aid_open": aid["open"],
        "legal_aid_concluded": aid["concluded"],
        "legal_aid_recovered": _money(aid["recovered"]),
        "disputes": disputes["total"],
        "disputes_closed": disputes["closed"],
        "disputes_mediated": disputes["mediated"],
        "mediation_success_rate": _rate(disputes["mediated"], disputes["closed"]),
        "disputes_amount_agreed": _money(disputes["agreed"]),
    }


# --- for the early-warning engine -------------------------------------------------------------


def _per_enterprise(queryset, enterprise_ids, date_field, start, end) -> dict[int, int]:
    queryset = queryset.filter(
        enterprise__isnull=False, **{f"{date_field}__gte": start, f"{date_field}__lte": end}
    )
    if enterprise_ids is not None:
        queryset = queryset.filter(enterprise_id__in=list(enterprise_ids))
    return dict(queryset.values_list("enterprise_id").annotate(n=Count("pk")).order_by())


def tickets_by_enterprise(enterprise_ids, start, end) -> dict[int, int]:
    return _per_enterprise(Ticket.objects.all(), enterprise_ids, "received_on", start, end)


def group_tickets_by_enterprise(enterprise_ids, start, end) -> dict[int, int]:
    return _per_enterprise(
        Ticket.objects.filter(is_group=True), enterprise_ids, "received_on", start, end
    )


def wage_arrears_tickets_by_enterprise(enterprise_ids, start, end) -> dict[int, int]:
    return _per_enterprise(
        Ticket.objects.filter(category=Category.WAGE_ARREARS),
        enterprise_ids,
        "received_on",
        start,
        end,
    )


def disputes_by_enterprise(enterprise_ids, start, end) -> dict[int, int]:
    return _per_enterprise(DisputeCase.objects.all(), enterprise_ids, "registered_on", start, end)


@dataclass(frozen=True)
class WageArrears:
    tickets: int
    workers: int
    amount: Decimal


def open_wage_arrears_by_enterprise(enterprise_ids, on: datetime.date) -> dict[int, WageArrears]:
    queryset = Ticket.objects.filter(
        category=Category.WAGE_ARREARS,
        status__in=OPEN_TICKET_STATUSES,
        enterprise__isnull=False,
        received_on__lte=on,
    )
    if enterprise_ids is not None:
        queryset = queryset.filter(enterprise_id__in=list(enterprise_ids))
    rows = (
        queryset.values_list("enterprise_id")
        .annotate(n=Count("pk"), workers=Sum("workers_involved"), amount=Sum("amount"))
        .order_by()
    )
    return {
        pk: WageArrears(n, workers or 0, amount or Decimal("0.00"))
        for pk, n, workers, amount in rows
    }


def wage_arrears_fact(enterprise_ids, on: datetime.date) -> dict[int, facts.Fact]:
    """``core.facts`` provider: enterprises with open 12351 欠薪 tickets."""
    found = open_wage_arrears_by_enterprise(enterprise_ids, on)
    return {
        pk: facts.Fact(
            True,
            _("%(n)s open wage-arrears tickets, %(workers)s workers, %(amount)s yuan")
            % {"n": row.tickets, "workers": row.workers, "amount": row.amount},
        )
        for pk, row in found.items()
    }
