"""Reads on hardship assistance: the subtree figures, the review to-do list and the
campaign fund tree. Each is a fixed number of SQL queries, whatever the volume."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from assistance.choices import OPEN_STATUSES, FileStatus, HardshipCategory
from assistance.models import Allocation, AssistanceRecord, HardshipFile

MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)
# A file appears on the to-do list this many days before its review falls due.
REVIEW_WARNING_DAYS = 30


def _yuan(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def review_todo(files, today: datetime.date):
    """Filed households whose yearly review is overdue or due within 30 days, and
    temporary files past their two years (to be closed)."""
    from assistance.actions import temporary_files_expired

    soon = today + datetime.timedelta(REVIEW_WARNING_DAYS)
    expired = temporary_files_expired(today).values("pk")
    return files.filter(status=FileStatus.APPROVED).filter(
        Q(review_due_on__lte=soon) | Q(pk__in=expired)
    )


def assistance_stats(org, today: datetime.date | None = None) -> dict:
    """Hardship files of a subtree (open by category, filed, closed, under way), reviews
    due, and the aid of the current year: records, people reached, amount. Four queries."""
    today = today or timezone.localdate()
    files = HardshipFile.objects.filter(org__path__startswith=org.path)
    counts = files.aggregate(
        filed=Count("pk", filter=Q(status=FileStatus.APPROVED)),
        deep=Count("pk", filter=Q(status=FileStatus.APPROVED, category=HardshipCategory.DEEP)),
        relative=Count(
            "pk", filter=Q(status=FileStatus.APPROVED, category=HardshipCategory.RELATIVE)
        ),
        accident=Count(
            "pk", filter=Q(status=FileStatus.APPROVED, category=HardshipCategory.ACCIDENT)
        ),
        in_progress=Count(
            "pk", filter=Q(status__in=[s for s in OPEN_STATUSES if s != FileStatus.APPROVED])
        ),
        closed=Count("pk", filter=Q(status=FileStatus.CLOSED)),
    )
    counts["review_due"] = review_todo(files, today).count()
    records = AssistanceRecord.objects.filter(org__path__startswith=org.path)
    # This year, or the latest year with aid if none was paid this year yet (a January
    # page would otherwise show only zeros).
    latest = records.aggregate(latest=Max("delivered_on"))["latest"]
    year = latest.year if latest is not None and latest.year < today.year else today.year
    aid = records.filter(delivered_on__year=year).aggregate(
        records=Count("pk"),
        people=Count("member", distinct=True),
        amount=Sum("amount"),
    )
    return {
        "org_id": org.pk,
        "year": year,
        **counts,
        "records": aid["records"] or 0,
        "people": aid["people"] or 0,
        "amount": _yuan(aid["amount"]),
    }


def fund_tree(allocation_or_campaign):
    """The allocations of a campaign (or of one allocation's subtree) with, for each, what
    was paid out and how many members were reached in its whole subtree — one query with
    two correlated subqueries over the campaign's records."""
    if isinstance(allocation_or_campaign, Allocation):
        allocations = Allocation.objects.filter(
            campaign_id=allocation_or_campaign.campaign_id,
            org__path__startswith=allocation_or_campaign.org.path,
        )
    else:
        allocations = Allocation.objects.filter(campaign_id=allocation_or_campaign.pk)
    return fund_tree_rows(allocations.select_related("org", "parent__org", "campaign")).order_by(
        "org__path"
    )


def fund_tree_rows(allocations):
    """``allocations`` annotated with ``subtree_spent`` and ``subtree_people``: what the
    campaign paid, and to how many members, anywhere in each allocation's org subtree."""
    records = AssistanceRecord.objects.filter(
        campaign_id=OuterRef("campaign_id"), org__path__startswith=OuterRef("org__path")
    ).order_by()
    spent = records.values("campaign_id").annotate(total=Sum("amount")).values("total")
    people = records.values("campaign_id").annotate(n=Count("member_id", distinct=True)).values("n")
    return allocations.annotate(
        subtree_spent=Coalesce(Subquery(spent, output_field=MONEY), ZERO),
        subtree_people=Coalesce(Subquery(people, output_field=IntegerField()), 0),
    )


def fund_totals(tree) -> dict:
    """Totals of a fund tree from its top row (its subtree covers every other row)."""
    rows = list(tree)
    if not rows:
        return {"allocated": Decimal("0.00"), "spent": Decimal("0.00"), "people": 0}
    top = min(rows, key=lambda row: len(row.org.path))
    return {
        "allocated": top.amount,
        "passed_down": top.sub_allocated,
        "spent": top.subtree_spent,
        "people": top.subtree_people,
        "balance": top.amount - top.subtree_spent,
    }


def member_assistance(member, user, limit: int = 50):
    return (
        AssistanceRecord.objects.visible_to(user)
        .filter(member=member)
        .select_related("org", "campaign")
        .order_by("-delivered_on", "-id")[:limit]
    )


def review_days() -> int:
    return settings.GONGHUI["ASSISTANCE_REVIEW_DAYS"]
