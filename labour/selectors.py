"""Reads of labour relations: contracts in force on a day, the to-do list of contract
deadlines, coverage figures of a subtree, and the facts other capabilities ask for."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)

from core import facts
from labour.choices import WAGE_BARGAINING_KINDS, ContractStatus
from labour.models import Congress, Contract, Disclosure
from orgs.choices import EnterpriseStatus
from orgs.models import Enterprise, Org
from warning.choices import SignalKind
from warning.sources import Contribution

CAME_INTO_FORCE = (ContractStatus.FILED, ContractStatus.PUBLISHED)


def in_force_on(day: datetime.date) -> Q:
    return Q(status__in=CAME_INTO_FORCE, effective_on__lte=day, expires_on__gte=day)


def contracts_in_force(contracts, day: datetime.date):
    return contracts.filter(in_force_on(day))


def renewal_window_start(day: datetime.date) -> datetime.date:
    """Contracts expiring up to this many months ahead are due for renewal talks."""
    from labour.actions import shift_months

    return shift_months(day, settings.GONGHUI["CONTRACT_RENEWAL_MONTHS"])


class Todo:
    REPLY = "reply"
    FILE = "file"
    PUBLISH = "publish"
    RENEW = "renew"


def contract_todo(contracts, today: datetime.date):
    """Contracts with a deadline to watch, annotated with ``todo`` (what is due) and
    ``todo_due`` (by when): a written reply, the filing, the publication to staff, or
    renewal talks for a contract expiring within the renewal window (or lapsed in the last
    year) with no renewal under way. One query."""
    horizon = renewal_window_start(today)
    renewing = Contract.objects.filter(previous=OuterRef("pk")).exclude(
        status=ContractStatus.TERMINATED
    )
    expiring = Q(
        status__in=CAME_INTO_FORCE,
        expires_on__lte=horizon,
        expires_on__gte=today - datetime.timedelta(days=365),
    ) & ~Q(Exists(renewing))
    return contracts.filter(
        Q(status=ContractStatus.REQUESTED)
        | Q(status=ContractStatus.SIGNED)
        | Q(status=ContractStatus.FILED, published_on__isnull=True, effective_on__lte=today)
        | expiring
    ).annotate(
        todo=Case(
            When(status=ContractStatus.REQUESTED, then=Value(Todo.REPLY)),
            When(status=ContractStatus.SIGNED, then=Value(Todo.FILE)),
            When(expiring, then=Value(Todo.RENEW)),
            default=Value(Todo.PUBLISH),
            output_field=CharField(),
        ),
        todo_due=Case(
            When(status=ContractStatus.REQUESTED, then=F("reply_due")),
            When(status=ContractStatus.SIGNED, then=F("filing_due")),
            When(expiring, then=F("expires_on")),
            default=F("publish_due"),
            output_field=DateField(),
        ),
    )


def _subtree(org: Org) -> Q:
    return Q(org__path__startswith=org.path) | Q(enterprise__territory__path__startswith=org.path)


def labour_stats(org: Org, today: datetime.date | None = None) -> dict:
    """Collective contracts in force and workers covered, contracts to renew, 职代会 and
    厂务公开 coverage this year of the enterprises covered by unions of the subtree.
    Four queries."""
    today = today or datetime.date.today()
    contracts = Contract.objects.filter(_subtree(org))
    in_force = contracts_in_force(contracts, today).aggregate(
        total=Count("pk"),
        wage=Count("pk", filter=Q(kind__in=WAGE_BARGAINING_KINDS)),
        workers=Sum("workers_covered"),
    )
    to_renew = contract_todo(contracts, today).filter(todo=Todo.RENEW).count()
    year_start = today.replace(month=1, day=1)
    unionised = Enterprise.objects.filter(
        covering_union__path__startswith=org.path, status=EnterpriseStatus.ACTIVE
    )
    coverage = unionised.aggregate(
        enterprises=Count("pk"),
        congress=Count(
            "pk",
            filter=Q(
                Exists(Congress.objects.filter(enterprise=OuterRef("pk"), held_on__gte=year_start))
            ),
        ),
        disclosure=Count(
            "pk",
            filter=Q(
                Exists(
                    Disclosure.objects.filter(
                        enterprise=OuterRef("pk"), disclosed_on__gte=year_start
                    )
                )
            ),
        ),
    )
    enterprises = coverage["enterprises"] or 0

    def rate(part):
        return round(part * 100.0 / enterprises, 1) if enterprises else None

    return {
        "org_id": org.pk,
        "year": today.year,
        "contracts_in_force": in_force["total"] or 0,
        "wage_contracts_in_force": in_force["wage"] or 0,
        "workers_covered": in_force["workers"] or 0,
        "contracts_to_renew": to_renew,
        "unionised_enterprises": enterprises,
        "congress_enterprises": coverage["congress"] or 0,
        "congress_rate": rate(coverage["congress"] or 0),
        "disclosure_enterprises": coverage["disclosure"] or 0,
        "disclosure_rate": rate(coverage["disclosure"] or 0),
    }


def _describe(contract: Contract) -> str:
    return (
        f"{contract.title}（{contract.get_kind_display()}，"
        f"{contract.effective_on:%Y-%m-%d} 至 {contract.expires_on:%Y-%m-%d}）"
    )


def contract_in_force_fact(enterprise_ids, on) -> dict[int, facts.Fact]:
    """A 工资专项 or 综合 contract in force on ``on`` for the enterprise itself, or an
    industry/regional one that covers it. Two queries."""
    ids = list(enterprise_ids)
    wage = contracts_in_force(Contract.objects.filter(kind__in=WAGE_BARGAINING_KINDS), on)
    found: dict[int, facts.Fact] = {}
    for contract in wage.filter(enterprise_id__in=ids).order_by("-effective_on", "pk"):
        found.setdefault(contract.enterprise_id, facts.Fact(True, _describe(contract)))
    through = Contract.covered_enterprises.through
    rows = (
        through.objects.filter(enterprise_id__in=ids, contract__in=wage)
        .select_related("contract")
        .order_by("-contract__effective_on", "pk")
    )
    for row in rows:
        found.setdefault(row.enterprise_id, facts.Fact(True, _describe(row.contract)))
    return found


def contract_expiry_contributions(enterprise_ids, on) -> list[Contribution]:
    """For early warning: enterprises whose own contract lapsed within the last year and
    that have none in force now. Two queries."""
    contracts = Contract.objects.filter(enterprise__isnull=False)
    if enterprise_ids is not None:
        contracts = contracts.filter(enterprise_id__in=enterprise_ids)
    lapsed = dict(
        contracts.filter(
            status__in=CAME_INTO_FORCE,
            expires_on__lt=on,
            expires_on__gte=on - datetime.timedelta(days=365),
        )
        .values("enterprise_id")
        .annotate(last=Max("expires_on"))
        .values_list("enterprise_id", "last")
        .order_by()
    )
    if not lapsed:
        return []
    covered = set(
        contracts_in_force(contracts.filter(enterprise_id__in=list(lapsed)), on).values_list(
            "enterprise_id", flat=True
        )
    )
    return [
        Contribution(
            enterprise_id,
            SignalKind.CONTRACT_EXPIRY,
            detail=f"集体合同 {expired:%Y-%m-%d} 到期未续签",
        )
        for enterprise_id, expired in sorted(lapsed.items())
        if enterprise_id not in covered
    ]
