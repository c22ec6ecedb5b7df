"""Seed generator of the dues app: six months of member dues (the half-year before the
reference date) for the members of a sample of unions.

Only some unions keep their dues in the system (as in a real roll-out), about 15 % of the
members and never more than ``MAX_MEMBERS``, so seeding stays a few seconds at 1,000,000
members. Within those unions most members paid every month, some are behind for the last
months, and a few paid nothing (or have no record at all): they land on the six-month
review list. Kept members (保留) have exempt months.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Count

from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, register
from dues.actions import dues_amount
from dues.choices import DuesSource, DuesStatus
from dues.models import DuesRecord
from dues.months import add_months, first_of_month
from members.choices import MemberStatus
from members.models import Member

MONTHS = 6
SHARE = 0.15
MAX_MEMBERS = 20_000
ORG_CHUNK = 500
BATCH = 20_000


def seed_months() -> list[datetime.date]:
    end = first_of_month(REFERENCE_DATE)
    return [add_months(end, -k) for k in range(MONTHS, 0, -1)]


def _sample_unions(ctx: SeedContext) -> list[int]:
    """Unions (by id) whose dues are seeded, drawn until the share of members is reached."""
    counts = list(
        Member.objects.filter(status__in=(MemberStatus.ACTIVE, MemberStatus.KEPT))
        .values_list("org_id")
        .annotate(n=Count("pk"))
        .order_by("org_id")
    )
    ctx.rng.shuffle(counts)
    target = min(MAX_MEMBERS, int(sum(n for _, n in counts) * SHARE))
    chosen, total = [], 0
    for org_id, n in counts:
        if total >= target:
            break
        if total + n > MAX_MEMBERS:
            continue
        chosen.append(org_id)
        total += n
    return sorted(chosen)


@register("dues", order=50)
def seed_dues(ctx: SeedContext) -> None:
    rng = ctx.rng
    months = seed_months()
    unions = _sample_unions(ctx)
    batch: list[DuesRecord] = []
    written = 0
    for start in range(0, len(unions), ORG_CHUNK):
        members = (
            Member.objects.filter(
                org_id__in=unions[start : start + ORG_CHUNK],
                status__in=(MemberStatus.ACTIVE, MemberStatus.KEPT),
            )
            .order_by("pk")
            .values_list("pk", "org_id", "status", "joined_on")
        )
        for member_id, org_id, status, joined_on in members:
            batch.extend(_member_months(rng, months, member_id, org_id, status, joined_on))
            if len(batch) >= BATCH:
                bulk_insert(batch)
                written += len(batch)
                batch = []
    bulk_insert(batch)
    written += len(batch)
    ctx.log(f"{written:,} dues records for the members of {len(unions):,} unions")


def _member_months(rng, months, member_id, org_id, status, joined_on) -> list[DuesRecord]:
    """The records of one member: paid throughout, behind for the last months, unpaid
    throughout, or (rarely) never recorded."""
    wage = Decimal(rng.randrange(250_000, 2_000_000)) / 100
    kept = status == MemberStatus.KEPT
    pattern = rng.random()
    if not kept and pattern >= 0.97:
        return []
    unpaid_from = len(months)  # index of the first unpaid month
    if pattern >= 0.92:
        unpaid_from = 0
    elif pattern >= 0.80:
        unpaid_from = len(months) - rng.randint(1, 3)
    records = []
    for index, month in enumerate(months):
        if month < first_of_month(joined_on):
            continue
        monthly = wage + Decimal(rng.randrange(-20_000, 20_000)) / 100 if index else wage
        monthly = max(monthly, Decimal("2000.00"))
        if kept:
            status_, amount, paid_on = DuesStatus.EXEMPT, Decimal("0.00"), None
        elif index < unpaid_from:
            status_, amount = DuesStatus.PAID, dues_amount(monthly)
            paid_on = add_months(month, 1) - datetime.timedelta(days=1)
        else:
            status_, amount, paid_on = DuesStatus.UNPAID, dues_amount(monthly), None
        records.append(
            DuesRecord(
                member_id=member_id,
                org_id=org_id,
                month=month,
                wage_base=monthly,
                amount=amount,
                status=status_,
                paid_on=paid_on,
                source=DuesSource.PAYROLL,
            )
        )
    return records
