"""Seed generator of the honours app (选树表彰): a city round of the 五一劳动奖章 in public
notice (公示) with one objection open and one settled, nominations still on their way up
from the districts, a 工人先锋号 round taking nominations, last round's awards, and the
model-worker registry (劳模档案) with titles, benefits, visits and 困难劳模 assistance.

The registry grows with the city (about one model worker per 400 members, at most
``MAX_MODEL_WORKERS``); everything is bulk-inserted, so the generator takes well under a
second even at 1,000,000 members.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings

from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, register
from honours import rules
from honours.choices import (
    CareKind,
    HonourKind,
    HonourLevel,
    MeetingKind,
    ModelWorkerStatus,
    NominationStatus,
    NominationStep,
    NomineeKind,
    ObjectionStatus,
    ProgrammeStatus,
)
from honours.models import (
    CareRecord,
    HonourProgramme,
    HonourTitle,
    ModelWorker,
    Nomination,
    NominationEvent,
    Objection,
    ProgrammeQuota,
)
from members.choices import MemberStatus
from members.models import Member

MEMBERS_PER_MODEL_WORKER = 400
MIN_MODEL_WORKERS = 12
MAX_MODEL_WORKERS = 2_500
NOMINEES_PER_DISTRICT = 3
# One model worker in this many also holds last round's city 五一劳动奖章.
LAST_ROUND_EVERY = 6
PERSON_KINDS = [
    HonourKind.MODEL_WORKER,
    HonourKind.LABOUR_MEDAL,
    HonourKind.CRAFTSMAN,
    HonourKind.ADVANCED_WORKER,
    HonourKind.SKILL_CHAMPION,
    HonourKind.TECHNICAL_EXPERT,
]
LEVEL_WEIGHTS = [
    (HonourLevel.DISTRICT, 50),
    (HonourLevel.CITY, 32),
    (HonourLevel.PROVINCIAL, 14),
    (HonourLevel.NATIONAL, 4),
]
DEEDS = (
    "扎根生产一线二十年，带领班组攻克关键工艺难题，年节约成本三百余万元。",
    "创新操作法在全市推广，培养高级工以上技能人才四十余名。",
    "坚守服务窗口，连续五年零投诉，获评行业服务标兵。",
    "参与重点工程建设，主持完成技术革新十二项，取得实用新型专利五项。",
)


def _day(offset: int) -> datetime.date:
    return REFERENCE_DATE + datetime.timedelta(days=offset)


def _pick_members(ctx: SeedContext, count: int) -> list[tuple]:
    """``count`` active members with an employer, drawn by id (no full-table read)."""
    ids = Member.objects.order_by("pk").values_list("pk", flat=True)
    first, last = ids.first(), ids.last()
    if first is None:
        return []
    wanted = sorted(ctx.rng.sample(range(first, last + 1), min(count * 2, last - first + 1)))
    rows = (
        Member.objects.filter(pk__in=wanted, status=MemberStatus.ACTIVE, enterprise__isnull=False)
        .order_by("pk")
        .values_list(
            "pk",
            "name",
            "org_id",
            "enterprise_id",
            "enterprise__name",
            "is_migrant_worker",
            "enterprise__category",
        )
    )
    return list(rows)[:count]


@register("honours", order=70)
def seed_honours(ctx: SeedContext) -> None:
    rng = ctx.rng
    city = ctx.data["city"]
    districts = ctx.data["districts"]
    workers = _seed_registry(ctx)
    medal = HonourProgramme(
        org=city,
        name=f"{REFERENCE_DATE.year}年{city.name.removesuffix('总工会')}五一劳动奖章",
        kind=HonourKind.LABOUR_MEDAL,
        level=HonourLevel.CITY,
        year=REFERENCE_DATE.year,
        nomination_deadline=_day(-20),
        notice_workdays=5,
        min_industrial_share=35,
        min_front_line_share=60,
        status=ProgrammeStatus.OPEN,
        notes="按市总通知，各区总工会按名额推荐，产业工人、一线职工比例须达到要求。",
    )
    pioneer = HonourProgramme(
        org=city,
        name=f"{REFERENCE_DATE.year}年{city.name.removesuffix('总工会')}工人先锋号",
        kind=HonourKind.PIONEER_TEAM,
        level=HonourLevel.CITY,
        year=REFERENCE_DATE.year,
        nomination_deadline=_day(60),
        notice_workdays=5,
        status=ProgrammeStatus.OPEN,
    )
    provincial = HonourProgramme(
        org=city,
        name=f"{REFERENCE_DATE.year}年省劳动模范（市级推荐）",
        kind=HonourKind.MODEL_WORKER,
        level=HonourLevel.PROVINCIAL,
        year=REFERENCE_DATE.year,
        nomination_deadline=_day(75),
        notice_workdays=7,
        prerequisite_level=HonourLevel.CITY,
        status=ProgrammeStatus.OPEN,
    )
    bulk_insert([medal, pioneer, provincial])
    bulk_insert(
        [
            ProgrammeQuota(programme=medal, org=district, places=NOMINEES_PER_DISTRICT + 1)
            for district in districts
        ]
    )
    nominees = _pick_members(ctx, NOMINEES_PER_DISTRICT * len(districts) + 10)
    taken = {w.member_id for w in workers}
    nominees = [row for row in nominees if row[0] not in taken]
    nominations, events, objections = [], [], []
    paths = {org.pk: org.path for org in ctx.data["orgs"]}
    for index, district in enumerate(districts):
        mine = [row for row in nominees if paths.get(row[2], "").startswith(district.path)]
        mine = mine[:NOMINEES_PER_DISTRICT]
        for position, row in enumerate(mine):
            in_notice = index < max(1, len(districts) - 1) and position < 2
            nomination, steps = _nomination(ctx, medal, row, in_notice, position, rng)
            nominations.append(nomination)
            events.extend(steps)
    bulk_insert(nominations)
    for event in events:
        event.nomination_id = event.nomination.pk
    bulk_insert(events)
    noticed = [n for n in nominations if n.status == NominationStatus.IN_NOTICE]
    if noticed:
        objections.append(
            Objection(
                nomination=noticed[0],
                received_on=noticed[0].notice_start + datetime.timedelta(days=1),
                objector="",
                content="来信反映该同志事迹材料中的技术成果系团队完成，个人作用有夸大。",
            )
        )
    if len(noticed) > 1:
        objections.append(
            Objection(
                nomination=noticed[1],
                received_on=noticed[1].notice_start,
                objector="职工来电",
                content="反映其所在企业曾拖欠加班费。",
                status=ObjectionStatus.DISMISSED,
                resolution="经核查，企业已于2025年足额支付，与被推荐人无关，异议不成立。",
                resolved_on=noticed[1].notice_start + datetime.timedelta(days=2),
            )
        )
    bulk_insert(objections)
    ctx.log(
        f"3 programmes, {len(nominations)} nominations ({len(noticed)} in public notice), "
        f"{len(workers)} model workers on the registry"
    )


def _nomination(ctx, programme, row, in_notice, position, rng):
    member_id, name, org_id, _enterprise_id, _employer, migrant, category = row
    orgs = {o.pk: o for o in ctx.data["orgs"]}
    union = orgs[org_id]
    route = rules.review_route(programme, union)
    stage = route[-1] if in_notice else route[0]
    votes_cast = rng.randint(40, 300)
    start, end = rules.notice_window(_day(-12), programme.notice_workdays)
    nomination = Nomination(
        programme=programme,
        org=union,
        stage_org=stage,
        nominee_kind=NomineeKind.PERSON,
        member_id=member_id,
        nominee_name=name,
        is_front_line=True,
        is_industrial_worker=position % 3 != 2,
        is_migrant_worker=migrant,
        is_non_public=category in settings.GONGHUI["HONOURS_NON_PUBLIC_CATEGORIES"],
        deeds=rng.choice(DEEDS),
        meeting_kind=rng.choice(MeetingKind.values),
        meeting_date=_day(-40 - rng.randint(0, 20)),
        votes_for=int(votes_cast * rng.uniform(0.7, 0.98)),
        votes_cast=votes_cast,
        status=NominationStatus.IN_NOTICE if in_notice else NominationStatus.IN_REVIEW,
        notice_start=start if in_notice else None,
        notice_end=end if in_notice else None,
    )
    steps = [NominationEvent(nomination=nomination, step=NominationStep.CREATED, from_org=union)]
    previous = union
    for stop in route if in_notice else route[:1]:
        step = NominationStep.SUBMITTED if previous is union else NominationStep.FORWARDED
        steps.append(
            NominationEvent(nomination=nomination, step=step, from_org=previous, to_org=stop)
        )
        previous = stop
    if in_notice:
        steps.append(
            NominationEvent(
                nomination=nomination,
                step=NominationStep.NOTICE_OPENED,
                from_org=route[-1],
                note=f"{start.isoformat()} – {end.isoformat()}",
            )
        )
    return nomination, steps


def _seed_registry(ctx: SeedContext) -> list[ModelWorker]:
    rng = ctx.rng
    count = min(MAX_MODEL_WORKERS, max(MIN_MODEL_WORKERS, ctx.members // MEMBERS_PER_MODEL_WORKER))
    rows = _pick_members(ctx, count)
    workers, titles, care = [], [], []
    levels, weights = zip(*LEVEL_WEIGHTS, strict=True)
    last_round = REFERENCE_DATE.year - 1
    for index, row in enumerate(rows):
        member_id, name, org_id, enterprise_id, employer, _migrant, _category = row
        hardship = rng.random() < 0.06
        status = rng.choices(
            [ModelWorkerStatus.WORKING, ModelWorkerStatus.RETIRED], weights=[70, 30]
        )[0]
        worker = ModelWorker(
            org_id=org_id,
            member_id=member_id,
            name=name,
            enterprise_id=enterprise_id,
            employer_name=employer,
            status=status,
            in_hardship=hardship,
            hardship_note="本人患重病，家庭收入低" if hardship else "",
        )
        workers.append(worker)
        level_count = rng.choices([1, 2, 3], weights=[70, 22, 8])[0]
        chosen = sorted(
            {rng.choices(levels, weights=weights)[0] for _ in range(level_count)},
            key=lambda level: [lv for lv, _w in LEVEL_WEIGHTS].index(level),
        )
        year = rng.randint(1998, 2016)
        kind = rng.choice(PERSON_KINDS)
        for level in chosen:
            titles.append(
                HonourTitle(
                    org_id=org_id,
                    kind=kind,
                    level=level,
                    year=year,
                    model_worker=worker,
                    enterprise_id=enterprise_id,
                    holder_name=name,
                    awarded_on=datetime.date(year, 4, 28),
                    document_number=f"〔{year}〕{rng.randint(3, 60)}号",
                )
            )
            year += rng.randint(2, 5)
        if index % LAST_ROUND_EVERY == 0:
            # Last round of the city's 五一劳动奖章, so that the year before the reference
            # date has awards to report (no rng draw: the other seeders' data stays as it was).
            titles.append(
                HonourTitle(
                    org_id=org_id,
                    kind=HonourKind.LABOUR_MEDAL,
                    level=HonourLevel.CITY,
                    year=last_round,
                    model_worker=worker,
                    enterprise_id=enterprise_id,
                    holder_name=name,
                    awarded_on=datetime.date(last_round, 4, 28),
                    document_number=f"〔{last_round}〕{12 + index % 40}号",
                )
            )
        care.append(
            CareRecord(
                model_worker=worker,
                kind=CareKind.VISIT,
                on=_day(-rng.randint(0, 20)),
                amount=Decimal("1000.00"),
                visitors="市总工会领导",
                note="春节走访慰问",
            )
        )
        if rng.random() < 0.5:
            care.append(
                CareRecord(
                    model_worker=worker,
                    kind=rng.choice([CareKind.HEALTH_CHECK, CareKind.RECUPERATION]),
                    on=_day(-rng.randint(60, 300)),
                    note="年度劳模待遇",
                )
            )
        if any(level in (HonourLevel.NATIONAL, HonourLevel.PROVINCIAL) for level in chosen):
            care.append(
                CareRecord(
                    model_worker=worker,
                    kind=CareKind.ALLOWANCE,
                    on=_day(-rng.randint(1, 30)),
                    amount=Decimal("500.00") * (2 if HonourLevel.NATIONAL in chosen else 1),
                    note="劳模荣誉津贴",
                )
            )
        if hardship:
            care.append(
                CareRecord(
                    model_worker=worker,
                    kind=CareKind.HARDSHIP_AID,
                    on=_day(-rng.randint(5, 40)),
                    amount=Decimal(rng.choice([2000, 3000, 5000])),
                    note="困难劳模帮扶",
                )
            )
    bulk_insert(workers)
    for row in titles:
        row.model_worker_id = row.model_worker.pk
    for row in care:
        row.model_worker_id = row.model_worker.pk
    bulk_insert(titles)
    bulk_insert(care)
    return workers
