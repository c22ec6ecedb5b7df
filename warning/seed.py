"""Seed generator of early warning: risk signals for a small share of enterprises, a few
enterprises that drift into red over the half-year before the reference date (pay cut →
social-insurance arrears → layoffs → wage arrears → group complaints), scores and alerts
as of the reference date, some alerts already disposed of, and an inspection campaign per
district for the enterprises under restructuring or relocation.

History is replayed month by month for the drifting enterprises, so their alerts open and
rise on the days the signals came in and the risk list shows a trend."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q

from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from orgs.choices import EnterpriseStatus
from warning.actions import active_model, score_enterprises
from warning.choices import AlertStatus, AlertStep, SignalKind, SignalSource
from warning.models import Alert, AlertEvent, Campaign, Inspection, RiskSignal

SIGNAL_SHARE = 0.06
DRIFTERS = 5
TZ = SEED_TIMESTAMP.tzinfo


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=TZ)


def _random_signal(rng, enterprise, day) -> RiskSignal:
    kind = rng.choice(
        [
            SignalKind.WAGE_ARREARS,
            SignalKind.SOCIAL_INSURANCE,
            SignalKind.LAYOFF,
            SignalKind.PAY_CUT,
            SignalKind.TICKET,
            SignalKind.TICKET,
            SignalKind.DISPUTE,
            SignalKind.RESTRUCTURING,
            SignalKind.RELOCATION,
            SignalKind.ASSISTANCE,
        ]
    )
    staff = max(enterprise.employee_count, 1)
    signal = RiskSignal(
        enterprise=enterprise,
        kind=kind,
        source=rng.choice([SignalSource.MANUAL, SignalSource.IMPORT]),
        observed_on=day,
        note="",
    )
    if kind in (SignalKind.WAGE_ARREARS, SignalKind.SOCIAL_INSURANCE):
        signal.months = rng.randint(1, 3)
        signal.workers = max(1, int(staff * rng.uniform(0.05, 0.3)))
        signal.amount = Decimal(signal.workers * signal.months * rng.randint(3000, 7000))
    elif kind == SignalKind.LAYOFF:
        signal.percent = Decimal(rng.randint(3, 15))
        signal.workers = max(1, int(staff * float(signal.percent) / 100))
    elif kind == SignalKind.PAY_CUT:
        signal.percent = Decimal(rng.randint(5, 25))
    elif kind in (SignalKind.TICKET, SignalKind.DISPUTE, SignalKind.ASSISTANCE):
        signal.count = rng.randint(1, 4)
        signal.source = SignalSource.PLATFORM
    return signal


def _drift(enterprise, month: int, rng) -> list[RiskSignal]:
    """The signals of month ``month`` (0 = five months before the reference) of an
    enterprise sliding into red."""
    staff = max(enterprise.employee_count, 10)
    day = REFERENCE_DATE - datetime.timedelta(days=150 - 30 * month + rng.randint(0, 5))
    base = {"enterprise": enterprise, "observed_on": day, "source": SignalSource.MANUAL}
    plan = {
        0: [
            RiskSignal(kind=SignalKind.PAY_CUT, percent=Decimal(15), note="订单下滑，降薪", **base)
        ],
        1: [
            RiskSignal(
                kind=SignalKind.SOCIAL_INSURANCE,
                months=3,
                workers=staff // 2,
                note="社保欠缴",
                **base,
            )
        ],
        2: [
            RiskSignal(
                kind=SignalKind.LAYOFF,
                percent=Decimal(12),
                workers=max(1, staff * 12 // 100),
                note="减员",
                **base,
            )
        ],
        3: [
            RiskSignal(
                kind=SignalKind.WAGE_ARREARS,
                months=1,
                workers=staff // 5,
                amount=Decimal(staff // 5 * 5200),
                note="一个月工资未按时发放",
                **base,
            )
        ],
        4: [
            RiskSignal(
                kind=SignalKind.WAGE_ARREARS,
                months=2,
                workers=staff // 3,
                amount=Decimal(staff // 3 * 10400),
                note="欠薪扩大至两个月",
                **base,
            ),
            RiskSignal(
                kind=SignalKind.GROUP_TICKET,
                workers=12,
                source=SignalSource.PLATFORM,
                note="职工集体投诉欠薪",
                **{k: v for k, v in base.items() if k != "source"},
            ),
        ],
        5: [
            RiskSignal(
                kind=SignalKind.GROUP_TICKET,
                workers=20,
                source=SignalSource.PLATFORM,
                note="再次集体投诉",
                **{k: v for k, v in base.items() if k != "source"},
            )
        ],
    }
    return plan[month]


@register("warning", order=95)
def seed_warning(ctx: SeedContext) -> None:
    rng = ctx.rng
    active_model()
    enterprises = sorted(
        (e for e in ctx.data["enterprises"] if e.status == EnterpriseStatus.ACTIVE),
        key=lambda e: e.pk,
    )
    unionised_large = [e for e in enterprises if e.covering_union_id and e.employee_count >= 50]
    drifters = rng.sample(unionised_large, min(DRIFTERS, len(unionised_large)))
    # The demo union's own enterprise drifts too, so its cadre meets a red alert at once.
    demo_union = ctx.data.get("demo_union")
    own = [e for e in unionised_large if demo_union and e.covering_union_id == demo_union.pk]
    if own and own[0] not in drifters:
        drifters = [*drifters[: DRIFTERS - 1], own[0]]
    drift_ids = {e.pk for e in drifters}
    signals = []
    for enterprise in enterprises:
        if enterprise.pk in drift_ids or rng.random() >= SIGNAL_SHARE:
            continue
        for _ in range(rng.randint(1, 3)):
            day = REFERENCE_DATE - datetime.timedelta(days=rng.randint(1, 170))
            signals.append(_random_signal(rng, enterprise, day))
    bulk_insert(signals)
    # Replay the drifting enterprises month by month: their alerts open and rise in history.
    ids = sorted(drift_ids)
    for month in range(6):
        batch = [s for e in drifters for s in _drift(e, month, rng)]
        bulk_insert(batch)
        day = max(s.observed_on for s in batch)
        score_enterprises(ids, on=day, at=_at(day))
    scores = score_enterprises(None, on=REFERENCE_DATE, at=SEED_TIMESTAMP)
    disposed = _dispose_some(rng, drift_ids)
    campaigns = _campaigns(ctx, rng)
    levels = {}
    for row in scores.values():
        levels[row.level] = levels.get(row.level, 0) + 1
    ctx.log(
        f"{RiskSignal.objects.count():,} risk signals, scores {levels}, "
        f"{Alert.objects.count():,} alerts ({disposed} disposed of), {campaigns} campaigns"
    )


def _dispose_some(rng, keep_open: set[int]) -> int:
    """Most alerts of enterprises that are not drifting were verified and settled."""
    alerts = list(
        Alert.objects.exclude(enterprise_id__in=keep_open).select_related("org").order_by("pk")
    )
    events, changed = [], []
    for alert in alerts:
        roll = rng.random()
        if roll < 0.3:
            continue
        verified = alert.opened_at + datetime.timedelta(days=1)
        events.append(
            AlertEvent(
                alert=alert,
                step=AlertStep.VERIFY,
                org=alert.org,
                at=verified,
                note="工会干部到企业核实，情况属实",
            )
        )
        alert.status = AlertStatus.VERIFIED
        if roll >= 0.45:
            settled = verified + datetime.timedelta(days=rng.randint(3, 12))
            events.append(
                AlertEvent(
                    alert=alert,
                    step=AlertStep.HANDLE,
                    org=alert.org,
                    at=settled,
                    note="约谈企业负责人，劳动法律监督员跟进",
                )
            )
            events.append(
                AlertEvent(
                    alert=alert,
                    step=AlertStep.RESOLVE,
                    org=alert.org,
                    at=settled,
                    note="企业整改到位，职工诉求已解决",
                )
            )
            alert.status, alert.closed_at = AlertStatus.RESOLVED, settled
            alert.disposal = "企业整改到位，职工诉求已解决"
        changed.append(alert)
    bulk_insert(events)
    Alert.objects.bulk_update(changed, ["status", "closed_at", "disposal"], batch_size=500)
    return len(changed)


def _campaigns(ctx: SeedContext, rng) -> int:
    """专项排查 per district: enterprises under restructuring or relocation."""
    inspector = ctx.data.get("demo_users", {}).get("district_admin")
    count = 0
    for district in sorted(ctx.data["districts"], key=lambda d: d.path):
        targets = list(
            RiskSignal.objects.filter(
                Q(enterprise__territory__path__startswith=district.path),
                kind__in=(SignalKind.RESTRUCTURING, SignalKind.RELOCATION),
            )
            .values_list("enterprise_id", flat=True)
            .distinct()
            .order_by("enterprise_id")
        )
        if not targets:
            continue
        campaign = Campaign(
            org=district,
            title=f"{district.name}改制搬迁企业劳动关系专项排查",
            description="对改制重组、搬迁企业逐户排查欠薪、社保、裁员隐患",
            starts_on=REFERENCE_DATE - datetime.timedelta(days=20),
            due_on=REFERENCE_DATE + datetime.timedelta(days=40),
        )
        bulk_insert([campaign])
        inspections = []
        for index, enterprise_id in enumerate(targets):
            done = index % 2 == 0
            inspections.append(
                Inspection(
                    campaign=campaign,
                    enterprise_id=enterprise_id,
                    assignee=inspector if count == 0 else None,
                    status="done" if done else "pending",
                    inspected_on=REFERENCE_DATE - datetime.timedelta(days=5) if done else None,
                    finding="已入企排查，工资发放正常，职工安置方案经职代会通过" if done else "",
                )
            )
        bulk_insert(inspections)
        count += 1
    return count
