"""Seed generator of 信访: a few dozen petitions per district (``PER_DISTRICT``, so the size
does not grow with the members), received at the district or one of its streets in the
three months before the reference date, in every state of the workflow — waiting for a
decision (some past the 15 days), accepted (some handed down, extended or overdue), not
accepted, replied (mostly on time), under review and reviewed. Phones are encrypted and
masked like registered ones; each row carries its steps as events."""

from __future__ import annotations

import datetime

from django.utils import timezone

from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, person_name, register
from orgs.choices import OrgLevel
from orgs.models import Org
from petitions.actions import days
from petitions.choices import PetitionChannel, PetitionEventKind, PetitionStatus
from petitions.models import Petition, PetitionEvent
from rights.actions import caller_phone_fields
from rights.choices import Category

PER_DISTRICT = 24
SUBJECTS = (
    (Category.WAGE_ARREARS, "反映企业拖欠工资"),
    (Category.CONTRACT, "反映未签订劳动合同"),
    (Category.SOCIAL_INSURANCE, "反映社保断缴"),
    (Category.DISMISSAL, "反映违法解除劳动合同"),
    (Category.OTHER, "对工会经费使用提出意见"),
)
# Every state appears in each district: (status, weight).
STATES = (
    (PetitionStatus.REGISTERED, 4),
    (PetitionStatus.ACCEPTED, 6),
    (PetitionStatus.NOT_ACCEPTED, 2),
    (PetitionStatus.REPLIED, 8),
    (PetitionStatus.REVIEWING, 2),
    (PetitionStatus.REVIEWED, 2),
)


def _d(day: datetime.date, n: int) -> datetime.date:
    return day + datetime.timedelta(days=n)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _petition(rng, org, parent, street, status, received_on) -> tuple[Petition, list]:
    category, subject = rng.choice(SUBJECTS)
    people = rng.choice((1, 1, 1, 2, 3, 6, 12))
    p = Petition(
        org=org,
        channel=rng.choices(PetitionChannel.values, (30, 40, 20, 10))[0],
        category=category,
        caller_name=person_name(rng),
        **caller_phone_fields(f"139{rng.randrange(10**8):08d}"),
        workers_involved=people,
        is_collective=people >= days("PETITION_COLLECTIVE_PEOPLE"),
        subject=subject,
        content=f"{subject}，请工会协调处理。",
        status=status,
        received_on=received_on,
        accept_due_on=_d(received_on, days("PETITION_ACCEPT_DAYS")),
    )
    steps = [(PetitionEventKind.REGISTERED, received_on, "")]
    if status == PetitionStatus.NOT_ACCEPTED:
        p.not_accepted_reason = "不属于工会职责范围，已告知向有关部门反映"
        steps.append((PetitionEventKind.NOT_ACCEPTED, _d(received_on, 5), p.not_accepted_reason))
    elif status != PetitionStatus.REGISTERED:
        p.accepted_on = _d(received_on, rng.randint(1, 10))
        p.handle_due_on = _d(p.accepted_on, days("PETITION_HANDLE_DAYS"))
        steps.append((PetitionEventKind.ACCEPTED, p.accepted_on, ""))
        if street is not None and rng.random() < 0.4:
            p.handed_to = street
            steps.append((PetitionEventKind.HANDED_DOWN, p.accepted_on, street.name))
        if rng.random() < 0.2:
            p.extended_days = days("PETITION_EXTEND_DAYS")
            p.extension_reason = "需调查取证"
            p.handle_due_on = _d(p.handle_due_on, p.extended_days)
            steps.append((PetitionEventKind.EXTENDED, _d(p.accepted_on, 30), p.extension_reason))
    if status in (PetitionStatus.REPLIED, PetitionStatus.REVIEWING, PetitionStatus.REVIEWED):
        late = rng.random() < 0.1
        p.replied_on = min(
            _d(p.handle_due_on, 3) if late else _d(p.accepted_on, rng.randint(5, 50)),
            REFERENCE_DATE,
        )
        p.reply = "经调查核实，已协调企业依法处理，答复如上。"
        steps.append((PetitionEventKind.REPLIED, p.replied_on, p.reply))
    if status in (PetitionStatus.REVIEWING, PetitionStatus.REVIEWED):
        p.review_org = parent if p.handed_to_id is None else org
        p.review_requested_on = min(_d(p.replied_on, 10), REFERENCE_DATE)
        p.review_due_on = _d(p.review_requested_on, days("PETITION_REVIEW_DAYS"))
        steps.append((PetitionEventKind.REVIEW_REQUESTED, p.review_requested_on, ""))
    if status == PetitionStatus.REVIEWED:
        p.reviewed_on = min(_d(p.review_requested_on, 20), REFERENCE_DATE)
        p.review_reply = "经复查，原答复意见恰当，予以维持。"
        steps.append((PetitionEventKind.REVIEWED, p.reviewed_on, p.review_reply))
    return p, steps


@register("petitions", order=62)
def seed_petitions(ctx: SeedContext) -> None:
    rng = ctx.rng
    districts = list(Org.objects.filter(level=OrgLevel.DISTRICT).order_by("path"))
    city = Org.objects.filter(depth=1).order_by("path").first()
    streets = {}
    for street in Org.objects.filter(level=OrgLevel.STREET).order_by("path"):
        streets.setdefault(street.path[: len(street.path) - Org.steplen], []).append(street)
    statuses = [status for status, weight in STATES for _ in range(weight)]
    rows = []
    for district in districts:
        below = streets.get(district.path, [])
        for status in statuses[:PER_DISTRICT]:
            back = (
                rng.randint(0, 25) if status == PetitionStatus.REGISTERED else rng.randint(20, 90)
            )
            received_on = _d(REFERENCE_DATE, -back)
            street = rng.choice(below) if below else None
            rows.append(_petition(rng, district, city, street, status, received_on))
    bulk_insert([p for p, _ in rows])
    events = [
        PetitionEvent(
            petition_id=p.pk,
            kind=kind,
            at=_at(on),
            actor_name="seed",
            org_id=(p.handed_to_id or p.org_id)
            if kind != PetitionEventKind.REVIEWED
            else p.review_org_id,
            note=note,
        )
        for p, steps in rows
        for kind, on, note in steps
    ]
    bulk_insert(events)
    ctx.log(f"{len(rows)} petitions in {len(districts)} districts")
