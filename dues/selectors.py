"""Reads on member dues: the six-month review list, month summaries per union and the
dues figures of a subtree. Each is a few SQL queries, whatever the number of members."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from dues import participation
from dues.choices import DuesStatus
from dues.models import DuesRecord
from dues.months import add_months, first_of_month
from members.choices import MemberStatus
from members.models import Member
from orgs.models import Org

REVIEW_MONTHS = 6
# Paid months, and exempt ones (a kept membership: a valid reason), keep a member off the list.
SETTLED = (DuesStatus.PAID, DuesStatus.EXEMPT)
NOT_EXEMPT = ~Q(status=DuesStatus.EXEMPT)


def review_window(as_of: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last six full months before ``as_of``'s month, as ``[start, end)``:
    as of 2026-07-15 that is 2026-01-01 to 2026-07-01."""
    end = first_of_month(as_of)
    return add_months(end, -REVIEW_MONTHS), end


def latest_month(records) -> datetime.date | None:
    """The latest month recorded among ``records``. One query."""
    return records.aggregate(latest=Max("month"))["latest"]


def review_as_of(records, today: datetime.date, latest=...) -> datetime.date:
    """The day the review looks back from: today, or the month after the latest month
    recorded in ``records`` (the scope's dues) if that is earlier. Payroll lags: a month
    nobody has recorded yet is not a month without dues. One query, none if ``latest``
    (the result of ``latest_month``) is given."""
    if latest is ...:
        latest = latest_month(records)
    if latest is None:
        return today
    return min(today, add_months(latest, 1))


def last_paid_month():
    return Subquery(
        DuesRecord.objects.filter(member=OuterRef("pk"), status=DuesStatus.PAID)
        .order_by("-month")
        .values("month")[:1]
    )


def members_to_review(org_subtree: Org | None, as_of: datetime.date, *, members=None):
    """待核查会员: active members who have been members for the whole window (the last six
    full months), paid no dues in it (and had no exempt month) and took part in nothing
    (``dues.participation`` sources), annotated with ``last_paid_month``.

    Only members of unions that keep their dues here count: a union with no dues record in
    the window keeps its dues elsewhere (or not yet here), and naming all its members would
    bury the ones that matter. Nobody is removed automatically: the cadre counsels the
    member and, if need be, records the leaving on the member page.

    ``members`` is the queryset to start from (the user's scope); ``org_subtree`` narrows
    it to one subtree. One query with EXISTS / NOT EXISTS subqueries.
    """
    start, end = review_window(as_of)
    queryset = Member.objects.all() if members is None else members
    if org_subtree is not None:
        queryset = queryset.filter(org__path__startswith=org_subtree.path)
    candidates = queryset.filter(status=MemberStatus.ACTIVE, joined_on__lte=start)
    window = Q(month__gte=start, month__lt=end)
    union_keeps_dues = DuesRecord.objects.filter(window, org=OuterRef("org"))
    settled = DuesRecord.objects.filter(window, member=OuterRef("pk"), status__in=SETTLED)
    queryset = candidates.filter(Exists(union_keeps_dues)).exclude(Exists(settled))
    for took_part in participation.participants(None, start, end):
        queryset = queryset.exclude(pk__in=took_part)
    return queryset.annotate(last_paid_month=last_paid_month())


MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)


def month_summary(orgs, month: datetime.date):
    """Per union of ``orgs`` that recorded dues for ``month``: members due (paid or unpaid),
    paid, exempt, amount due and amount paid. One grouped query."""
    month = first_of_month(month)
    due = Q(dues_records__month=month) & ~Q(dues_records__status=DuesStatus.EXEMPT)
    paid = Q(dues_records__month=month, dues_records__status=DuesStatus.PAID)
    return orgs.filter(dues_records__month=month).annotate(
        members_due=Count("dues_records", filter=due),
        members_paid=Count("dues_records", filter=paid),
        members_exempt=Count(
            "dues_records",
            filter=Q(dues_records__month=month, dues_records__status=DuesStatus.EXEMPT),
        ),
        amount_due=Coalesce(Sum("dues_records__amount", filter=due), ZERO),
        amount_paid=Coalesce(Sum("dues_records__amount", filter=paid), ZERO),
    )


def _yuan(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def rate(part: int, whole: int) -> float | None:
    return round(part * 100.0 / whole, 1) if whole else None


def dues_stats(org: Org, today: datetime.date | None = None) -> dict:
    """Dues of a subtree for one calendar year (member-months due and paid, amounts in
    yuan as decimal strings, payment rate) and the number of members to review.

    The year is this year, or the year of the latest month recorded if nothing is recorded
    this year yet (payroll lags; a January page would otherwise show only zeros). Three
    queries."""
    today = today or datetime.date.today()
    records_of_subtree = DuesRecord.objects.filter(org__path__startswith=org.path)
    latest = latest_month(records_of_subtree)
    year = latest.year if latest is not None and latest.year < today.year else today.year
    records = records_of_subtree.filter(
        month__gte=datetime.date(year, 1, 1), month__lte=min(today, datetime.date(year, 12, 31))
    )
    figures = records.aggregate(
        due=Count("pk", filter=NOT_EXEMPT),
        paid=Count("pk", filter=Q(status=DuesStatus.PAID)),
        amount_due=Sum("amount", filter=NOT_EXEMPT),
        amount_paid=Sum("amount", filter=Q(status=DuesStatus.PAID)),
    )
    as_of = review_as_of(records_of_subtree, today, latest=latest)
    return {
        "org_id": org.pk,
        "year": year,
        "records_due": figures["due"] or 0,
        "records_paid": figures["paid"] or 0,
        "amount_due": _yuan(figures["amount_due"]),
        "amount_paid": _yuan(figures["amount_paid"]),
        "payment_rate": rate(figures["paid"] or 0, figures["due"] or 0),
        "to_review": members_to_review(org, as_of).count(),
    }


def member_dues(member: Member, user, limit: int = 24):
    """The latest months of one member's dues that ``user`` may see."""
    return (
        DuesRecord.objects.visible_to(user)
        .filter(member=member)
        .select_related("org")
        .order_by("-month")[:limit]
    )
