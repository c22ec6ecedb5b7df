"""Seed generator of rights protection: half a year of 12351 tickets (before the reference
date), legal-aid cases with lawyers, and labour-dispute mediation cases.

Volume scales with the members (one ticket per 200 members, at least 40, at most 3,000),
which keeps it well under a second at 100,000 members. Most tickets are answered (nine in
ten on time), some are open and a few are group cases; seeded rows have no follow-up code.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, person_name, register
from core.workdays import WorkdayCalendar
from orgs.choices import EnterpriseStatus, OrgLevel
from orgs.models import Enterprise, Org
from rights import actions
from rights.choices import (
    Category,
    DisputeOutcome,
    DisputeStatus,
    LawyerKind,
    LegalAidChannel,
    LegalAidOutcome,
    LegalAidStatus,
    Satisfaction,
    TicketChannel,
    TicketEventKind,
    TicketKind,
    TicketStatus,
    TicketTier,
)
from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket, TicketEvent

DAYS = 180
SUBJECTS = {
    Category.WAGE_ARREARS: ("拖欠工资{n}个月", "工程款结算后仍未发放工资"),
    Category.CONTRACT: ("未签订书面劳动合同", "合同到期不续签"),
    Category.SOCIAL_INSURANCE: ("未缴纳社会保险", "社保断缴"),
    Category.WORK_INJURY: ("工伤认定咨询", "工伤待遇未兑现"),
    Category.HOURS_LEAVE: ("长期加班无加班费", "年休假不批"),
    Category.DISMISSAL: ("违法解除劳动合同", "裁员未支付经济补偿"),
    Category.OTHER: ("职工食堂管理建议", "工会会员权益咨询"),
}
CATEGORY_WEIGHTS = (30, 15, 15, 10, 10, 12, 8)
FIRMS = ("正义律师事务所", "明法律师事务所", "公信律师事务所", "法律援助中心工作站")


def _when(day: datetime.date, rng) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.randint(0, 59)))
    return timezone.make_aware(moment)


@register("rights", order=60)
def seed_rights(ctx: SeedContext) -> None:
    rng = ctx.rng
    enterprises = list(
        Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE)
        .order_by("pk")
        .values_list("pk", "covering_union_id", "territory_id", "employee_count")
    )
    if not enterprises:
        return
    districts = list(Org.objects.filter(level=OrgLevel.DISTRICT).order_by("path"))
    lawyers = [
        Lawyer(
            org=district,
            name=person_name(rng),
            kind=LawyerKind.LAWYER if k < 3 else LawyerKind.ASSISTANT,
            firm=rng.choice(FIRMS),
            specialties=rng.choice(("劳动争议", "工伤赔偿", "欠薪追讨")),
        )
        for district in districts
        for k in range(4)
    ]
    bulk_insert(lawyers)
    lawyers_by_district = {}
    for lawyer in lawyers:
        lawyers_by_district.setdefault(lawyer.org_id, []).append(lawyer)
    district_of = _district_of(districts)

    count = max(40, min(3000, ctx.members // 200))
    start = REFERENCE_DATE - datetime.timedelta(days=DAYS)
    calendar = WorkdayCalendar.for_range(start, REFERENCE_DATE + datetime.timedelta(days=90))
    deadlines = {tier: actions.deadline_workdays(tier) for tier in TicketTier.values}
    threshold = actions.group_threshold()
    categories = list(Category.values)
    tickets, events = [], []
    for _ in range(count):
        pk, union_id, territory_id, employees = rng.choice(enterprises)
        received_on = start + datetime.timedelta(days=rng.randrange(DAYS))
        received_at = _when(received_on, rng)
        tier = rng.choices(TicketTier.values, (80, 15, 5))[0]
        category = rng.choices(categories, CATEGORY_WEIGHTS)[0]
        due_on = calendar.add_workdays(received_on, deadlines[tier])
        group = rng.random() < 0.06
        workers = rng.randint(threshold, max(threshold, min(employees, 80))) if group else 1
        anonymous = rng.random() < 0.2
        roll = rng.random()
        status = (
            TicketStatus.CLOSED
            if roll < 0.65
            else TicketStatus.REPLIED
            if roll < 0.8
            else TicketStatus.TRANSFERRED
            if roll < 0.85
            else rng.choice((TicketStatus.RECEIVED, TicketStatus.ASSIGNED, TicketStatus.HANDLING))
        )
        answered = status in (TicketStatus.CLOSED, TicketStatus.REPLIED, TicketStatus.TRANSFERRED)
        late = rng.random() < 0.1
        answered_on = (
            (
                calendar.add_workdays(due_on, rng.randint(1, 4))
                if late
                else calendar.add_workdays(received_on, rng.randint(1, deadlines[tier]))
            )
            if answered
            else None
        )
        subject = rng.choice(SUBJECTS[category]).format(n=rng.randint(1, 6))
        ticket = Ticket(
            org_id=union_id or territory_id,
            kind=TicketKind.COMPLAINT if category != Category.OTHER else TicketKind.CONSULTATION,
            tier=tier,
            channel=rng.choices(TicketChannel.values, (55, 30, 10, 5))[0],
            is_anonymous=anonymous,
            caller_name="" if anonymous else person_name(rng),
            enterprise_id=pk,
            category=category,
            workers_involved=workers,
            amount=Decimal(rng.randrange(3000, 60000) * workers)
            if category == Category.WAGE_ARREARS
            else None,
            subject=subject,
            content=f"{subject}，请工会帮助协调解决。",
            is_group=group,
            status=status,
            received_at=received_at,
            received_on=received_on,
            due_on=due_on,
            reply="已联系企业核实情况并督促整改。"
            if status in (TicketStatus.CLOSED, TicketStatus.REPLIED)
            else "",
            resolved=(rng.random() < 0.85)
            if status in (TicketStatus.CLOSED, TicketStatus.REPLIED)
            else None,
            answered_on=answered_on,
            closed_on=answered_on
            if status in (TicketStatus.CLOSED, TicketStatus.TRANSFERRED)
            else None,
            transferred_to="区劳动保障监察大队" if status == TicketStatus.TRANSFERRED else "",
            satisfaction=rng.choices(Satisfaction.values, (70, 20, 5, 5))[0]
            if status == TicketStatus.CLOSED
            else "",
        )
        tickets.append(ticket)
    bulk_insert(tickets)
    for ticket in tickets:
        events.append(
            TicketEvent(
                ticket_id=ticket.pk,
                kind=TicketEventKind.RECEIVED,
                at=ticket.received_at,
                actor_name="hotline",
                org_id=ticket.org_id,
            )
        )
        if ticket.answered_on:
            kind = (
                TicketEventKind.TRANSFERRED
                if ticket.status == TicketStatus.TRANSFERRED
                else TicketEventKind.REPLIED
            )
            events.append(
                TicketEvent(
                    ticket_id=ticket.pk,
                    kind=kind,
                    at=_when(ticket.answered_on, rng),
                    actor_name="hotline",
                    org_id=ticket.org_id,
                    note=ticket.reply or ticket.transferred_to,
                )
            )
    bulk_insert(events)

    cases = []
    for ticket in rng.sample(tickets, max(1, count // 5)):
        district_id = district_of(ticket.org_id)
        roll = rng.random()
        status = (
            LegalAidStatus.CONCLUDED
            if roll < 0.55
            else LegalAidStatus.ASSIGNED
            if roll < 0.8
            else LegalAidStatus.REJECTED
            if roll < 0.85
            else LegalAidStatus.SUBMITTED
        )
        has_lawyer = status in (LegalAidStatus.ASSIGNED, LegalAidStatus.CONCLUDED)
        outcome = rng.choices(LegalAidOutcome.values, (45, 20, 25, 5, 5))[0]
        recovered = (
            (ticket.amount or Decimal(rng.randrange(5000, 50000))) * Decimal("0.8")
            if status == LegalAidStatus.CONCLUDED and outcome != LegalAidOutcome.DISMISSED
            else None
        )
        cases.append(
            LegalAidCase(
                org_id=ticket.org_id,
                channel=LegalAidChannel.TICKET,
                ticket_id=ticket.pk,
                caller_name=ticket.caller_name or person_name(rng),
                enterprise_id=ticket.enterprise_id,
                category=ticket.category,
                workers_involved=ticket.workers_involved,
                amount=ticket.amount,
                matter=ticket.content,
                is_member_applicant=rng.random() < 0.6,
                eligible=status != LegalAidStatus.REJECTED,
                eligibility_note="工会会员。"
                if status != LegalAidStatus.REJECTED
                else "不符合援助条件。",
                status=status,
                submitted_on=ticket.received_on,
                decided_on=ticket.answered_on if status != LegalAidStatus.SUBMITTED else None,
                rejection_reason="非会员且不属于援助范围"
                if status == LegalAidStatus.REJECTED
                else "",
                lawyer=rng.choice(lawyers_by_district[district_id])
                if has_lawyer and district_id in lawyers_by_district
                else None,
                concluded_on=REFERENCE_DATE - datetime.timedelta(days=rng.randint(1, 20))
                if status == LegalAidStatus.CONCLUDED
                else None,
                outcome=outcome if status == LegalAidStatus.CONCLUDED else "",
                amount_recovered=recovered.quantize(Decimal("0.01")) if recovered else None,
            )
        )
    bulk_insert(cases)

    disputes = []
    for ticket in rng.sample(tickets, max(1, count // 8)):
        closed = rng.random() < 0.7
        outcome = rng.choices(DisputeOutcome.values, (65, 20, 10, 5))[0] if closed else ""
        disputes.append(
            DisputeCase(
                org_id=ticket.org_id,
                ticket_id=ticket.pk,
                enterprise_id=ticket.enterprise_id,
                workers=f"{ticket.caller_name or person_name(rng)}等{ticket.workers_involved}人",
                workers_involved=ticket.workers_involved,
                category=ticket.category,
                claims=ticket.content,
                amount_claimed=ticket.amount,
                mediator=person_name(rng),
                status=DisputeStatus.CLOSED if closed else DisputeStatus.MEDIATING,
                registered_on=ticket.received_on,
                closed_on=ticket.received_on + datetime.timedelta(days=rng.randint(5, 30))
                if closed
                else None,
                outcome=outcome,
                amount_agreed=(ticket.amount or Decimal(20000)) * Decimal("0.7")
                if outcome == DisputeOutcome.MEDIATED
                else None,
            )
        )
    bulk_insert(disputes)
    ctx.log(
        f"{len(tickets):,} 12351 tickets, {len(cases):,} legal-aid cases, "
        f"{len(disputes):,} disputes, {len(lawyers)} lawyers"
    )


def _district_of(districts):
    """org id → its district's id, by path prefix (one query)."""
    steplen = Org.steplen
    by_path = {d.path: d.pk for d in districts}
    paths = dict(Org.objects.filter(depth__gte=2).values_list("pk", "path"))

    def district(org_id):
        return by_path.get(paths.get(org_id, "")[: 2 * steplen])

    return district
