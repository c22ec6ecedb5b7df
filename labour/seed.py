"""Seed generator of labour relations: collective contracts in every state of their
timeline (in force, under review, expiring soon, lapsed, objected to, under negotiation),
regional contracts of the street federations covering the small enterprises of their
area, workers' congress sessions with motions, and open-affairs disclosures.

Dates are counted from ``REFERENCE_DATE``; rows go in with bulk inserts (a few thousand
at 100,000 members)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from labour.actions import add_years, in_force_from, minimum_delegates
from labour.choices import (
    CongressKind,
    ContractKind,
    ContractScope,
    ContractStatus,
    ContractStep,
    DisclosureChannel,
    MotionKind,
    SpecialMeasure,
)
from labour.models import Congress, Contract, ContractEvent, Disclosure, Motion
from orgs.choices import EnterpriseStatus

DAY = datetime.timedelta(days=1)
CONTRACT_SHARE = 0.55
CONGRESS_SHARE = 0.7
DISCLOSURE_SHARE = 0.6
TOPICS = [
    "年度经营状况与工资调整方案",
    "职工福利费使用情况",
    "安全生产与职业病防治情况",
    "社会保险和住房公积金缴纳情况",
    "劳动用工与劳务派遣情况",
    "职工培训计划及经费使用",
]
MOTIONS = [
    (MotionKind.RESOLUTION, "关于企业年度工作报告的决议"),
    (MotionKind.PROPOSAL, "关于改善一线职工就餐条件的提案"),
    (MotionKind.DISCLOSURE, "厂务公开工作报告"),
    (MotionKind.PROPOSAL, "关于夏季高温津贴发放的提案"),
]


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _contract(rng, org, enterprise, kind, title, state, workers) -> tuple[Contract, list]:
    """One contract of ``state`` with the steps that led there, relative to the reference."""
    term = rng.choice((1, 2, 3)) if kind != ContractKind.WAGE else rng.choice((1, 1, 2))
    ref = REFERENCE_DATE
    if state == "in_force":
        filed = ref - _days(rng.randint(30, 300))
    elif state == "expiring":  # expires within the renewal window after the reference
        expires = ref + _days(rng.randint(5, 85))
        filed = add_years(expires + DAY, -term) - _days(16)
    elif state == "lapsed":  # expired in the last months without renewal
        expires = ref - _days(rng.randint(10, 120))
        filed = add_years(expires + DAY, -term) - _days(16)
    elif state == "review":
        filed = ref - _days(rng.randint(1, 10))
    else:
        filed = None
    signed = (filed - _days(rng.randint(1, 9))) if filed else ref - _days(rng.randint(1, 8))
    approved = signed - _days(rng.randint(2, 10))
    replied = approved - _days(rng.randint(10, 40))
    requested = replied - _days(rng.randint(3, 19))
    if state in ("negotiating", "objected"):
        requested = ref - _days(rng.randint(40, 90))
        replied = requested + _days(rng.randint(3, 19))
    if state == "requested":
        requested = ref - _days(rng.randint(1, 15))
    contract = Contract(
        org=org,
        coverage=ContractScope.ENTERPRISE if enterprise else ContractScope.REGIONAL,
        enterprise=enterprise,
        kind=kind,
        title=title,
        term_years=term,
        requested_on=requested,
        reply_due=requested + _days(20),
        workers_covered=workers,
        status=ContractStatus.REQUESTED,
    )
    steps = [(ContractStep.REQUEST, requested, "")]
    if state == "requested":
        return contract, steps
    contract.replied_on = replied
    contract.status = ContractStatus.NEGOTIATING
    steps.append((ContractStep.REPLY, replied, ""))
    if state == "negotiating":
        return contract, steps
    if state == "objected":
        objection = replied + _days(30)
        steps += [
            (ContractStep.SIGN, replied + _days(15), ""),
            (ContractStep.FILE, replied + _days(20), ""),
            (ContractStep.OBJECTION, objection, "工资增长条款与本市工资指导线不符，请重新协商"),
        ]
        return contract, steps
    contract.approved_on, contract.signed_on = approved, signed
    contract.union_chief, contract.employer_chief = "工会主席", "企业负责人"
    size = rng.choice((3, 5, 7))
    contract.union_negotiators = contract.employer_negotiators = size
    contract.filing_due = signed + _days(10)
    if kind in (ContractKind.WAGE, ContractKind.COMPREHENSIVE):
        contract.wage_increase = Decimal(rng.randint(20, 90)) / 10
    if kind == ContractKind.SPECIAL_PERIOD:
        contract.special_measures = rng.sample(list(SpecialMeasure.values), rng.randint(1, 3))
    contract.status = ContractStatus.SIGNED
    steps.append((ContractStep.SIGN, signed, ""))
    if state == "signed":
        return contract, steps
    contract.filed_on = filed
    contract.effective_on = in_force_from(filed)
    contract.expires_on = add_years(contract.effective_on, term) - DAY
    contract.publish_due = contract.effective_on + _days(10)
    contract.status = ContractStatus.FILED
    steps.append((ContractStep.FILE, filed, ""))
    if state != "review" and rng.random() < 0.85:
        published = contract.effective_on + _days(rng.randint(0, 9))
        if published <= ref:
            contract.published_on, contract.status = published, ContractStatus.PUBLISHED
            steps.append((ContractStep.PUBLISH, published, "公告栏、企业微信群"))
    return contract, steps


@register("labour", order=60)
def seed_labour(ctx: SeedContext) -> None:
    rng = ctx.rng
    enterprises = sorted(
        (
            e
            for e in ctx.data["enterprises"]
            if e.status == EnterpriseStatus.ACTIVE and e.covering_union_id
        ),
        key=lambda e: e.pk,
    )
    contracts, steps = [], []
    states = (
        ["in_force"] * 12
        + ["expiring"] * 2
        + ["lapsed"] * 2
        + ["review", "signed", "negotiating", "requested", "objected"]
    )
    for enterprise in enterprises:
        if rng.random() >= CONTRACT_SHARE:
            continue
        kind = rng.choice(
            [ContractKind.WAGE] * 3
            + [ContractKind.COMPREHENSIVE] * 3
            + [ContractKind.WOMEN, ContractKind.SAFETY, ContractKind.SPECIAL_PERIOD]
        )
        title = f"{enterprise.name}{ContractKind(kind).label}"
        workers = max(1, int(enterprise.employee_count * rng.uniform(0.85, 1.0)))
        contract, contract_steps = _contract(
            rng, enterprise.covering_union, enterprise, kind, title, rng.choice(states), workers
        )
        contracts.append(contract)
        steps.append(contract_steps)
    # Each street federation bargains a regional contract for the small enterprises of its area.
    regional_cover = []
    for street in sorted(ctx.data["streets"], key=lambda s: s.path):
        small = [
            e
            for e in ctx.data["enterprises"]
            if e.territory_id == street.pk
            and e.status == EnterpriseStatus.ACTIVE
            and e.employee_count < 100
        ]
        if not small:
            continue
        contract, contract_steps = _contract(
            rng,
            street,
            None,
            ContractKind.COMPREHENSIVE,
            f"{street.name}区域性集体合同",
            "in_force",
            sum(e.employee_count for e in small),
        )
        contracts.append(contract)
        steps.append(contract_steps)
        regional_cover.append((contract, small))
    bulk_insert(contracts)
    bulk_insert(
        [
            ContractEvent(contract=c, step=step, on=on, note=note, at=SEED_TIMESTAMP)
            for c, contract_steps in zip(contracts, steps, strict=True)
            for step, on, note in contract_steps
        ]
    )
    through = Contract.covered_enterprises.through
    bulk_insert(
        [
            through(contract_id=c.pk, enterprise_id=e.pk)
            for c, small in regional_cover
            for e in small
        ]
    )
    congresses, motions, disclosures = _congresses(rng, enterprises)
    ctx.log(
        f"{len(contracts):,} collective contracts ({len(regional_cover)} regional), "
        f"{congresses:,} congress sessions, {motions:,} motions, {disclosures:,} disclosures"
    )


def _congresses(rng, enterprises) -> tuple[int, int, int]:
    sessions, disclosures = [], []
    for enterprise in enterprises:
        staff = enterprise.employee_count
        if rng.random() < CONGRESS_SHARE:
            held = REFERENCE_DATE + _days(rng.randint(30, 300))
            if staff >= 100:
                delegates = max(minimum_delegates(staff), staff // 10)
                delegates = min(delegates, staff)
                frontline = int(delegates * rng.uniform(0.55, 0.7))
                management = int(delegates * rng.uniform(0.08, 0.18))
                kind = CongressKind.CONGRESS
            else:
                delegates, frontline, management, kind = staff, 0, 0, CongressKind.ASSEMBLY
            # A few sessions miss the quorum: their motions fail.
            share = rng.uniform(0.55, 0.64) if rng.random() < 0.08 else rng.uniform(0.8, 1.0)
            sessions.append(
                Congress(
                    org_id=enterprise.covering_union_id,
                    enterprise=enterprise,
                    kind=kind,
                    session=f"第{rng.randint(1, 6)}届第{rng.randint(1, 4)}次",
                    held_on=held,
                    staff_count=staff,
                    delegates=delegates,
                    frontline_delegates=frontline,
                    management_delegates=management,
                    women_delegates=int(delegates * rng.uniform(0.2, 0.5)),
                    attended=max(1, int(delegates * share)),
                    affairs_reported=rng.random() < 0.8,
                )
            )
        if rng.random() < DISCLOSURE_SHARE:
            disclosures.append(
                Disclosure(
                    org_id=enterprise.covering_union_id,
                    enterprise=enterprise,
                    disclosed_on=REFERENCE_DATE + _days(rng.randint(20, 320)),
                    channel=rng.choice(DisclosureChannel.values),
                    topics="；".join(rng.sample(TOPICS, 2)),
                )
            )
    bulk_insert(sessions)
    motions = []
    for congress in sessions:
        for kind, title in rng.sample(MOTIONS, rng.randint(1, 3)):
            votes_for = int(congress.attended * rng.uniform(0.7, 0.98))
            motions.append(
                Motion(
                    congress=congress,
                    kind=kind,
                    title=title,
                    votes_for=votes_for,
                    votes_against=max(0, congress.attended - votes_for - 1),
                    abstentions=min(1, congress.attended - votes_for),
                    passed=congress.quorate and votes_for * 2 > congress.delegates,
                )
            )
    bulk_insert(motions)
    bulk_insert(disclosures)
    return len(sessions), len(motions), len(disclosures)
