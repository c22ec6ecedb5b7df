"""Seed generator of worker technical innovation: a city year (the year before the
reference date) of submissions — one for about every 40 members, thousands at demo size —
of every kind, reviewed, some implemented, the best forwarded upward and awarded; and
劳模/工匠创新工作室 with their achievements."""

from __future__ import annotations

import datetime
from decimal import Decimal

from contests.seed import sample_members
from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, person_name, register
from innovation.actions import patent_check_digit
from innovation.choices import (
    AwardGrade,
    FiveSmall,
    InnovationKind,
    InnovationStatus,
    StudioKind,
    StudioLevel,
    SubmitterKind,
)
from innovation.models import Innovation, Studio
from orgs.models import Org

YEAR = REFERENCE_DATE.year - 1
KIND_WEIGHTS = (
    (InnovationKind.SUGGESTION, 40),
    (InnovationKind.FIVE_SMALL, 30),
    (InnovationKind.RENOVATION, 15),
    (InnovationKind.METHOD, 10),
    (InnovationKind.INVENTION, 5),
)
SUBJECTS = (
    "焊接工装",
    "数控刀具",
    "配电柜检修",
    "输送带",
    "冷却系统",
    "包装流程",
    "叉车调度",
    "质检工位",
    "节能照明",
    "仓储货架",
    "管道除垢",
    "模具快换",
    "安全防护罩",
    "排产表",
)
VERBS = ("改进", "优化", "革新", "快速更换装置", "防错设计", "降本增效方案", "操作法")


def _patent(rng) -> str:
    digits = f"{YEAR - rng.randint(0, 3)}{rng.choice('12')}{rng.randint(0, 9_999_999):07d}"
    return f"ZL{digits}.{patent_check_digit(digits)}"


@register("innovation", order=62)
def seed_innovation(ctx: SeedContext) -> None:
    rng = ctx.rng
    parents = {o.pk: o for o in Org.objects.only("pk", "path", "depth")}
    by_path = {o.path: o for o in parents.values()}
    studios = []
    for pk, org_id, enterprise_id, name in sample_members(rng, max(6, ctx.members // 2000)):
        kind = rng.choice(StudioKind.values)
        studios.append(
            Studio(
                org_id=org_id,
                enterprise_id=enterprise_id,
                name=f"{name}{StudioKind(kind).label}",
                kind=kind,
                level=rng.choice(StudioLevel.values),
                leader_name=name,
                leader_id=pk,
                team="\n".join(person_name(rng) for _ in range(rng.randint(4, 12))),
                speciality=rng.choice(SUBJECTS),
                named_on=datetime.date(YEAR - rng.randint(0, 5), 4, 28),
                named_by="示范市总工会",
            )
        )
    bulk_insert(studios)
    kinds = [k for k, _ in KIND_WEIGHTS]
    weights = [w for _, w in KIND_WEIGHTS]
    rows = []
    people = sample_members(rng, max(200, ctx.members // 40))
    # Each studio's achievements: a few innovations of its leader.
    studio_work = [s for s in studios for _ in range(3)][: len(people)]
    people[: len(studio_work)] = [
        (s.leader_id, s.org_id, s.enterprise_id, s.leader_name) for s in studio_work
    ]
    for index, (pk, org_id, enterprise_id, name) in enumerate(people):
        kind = rng.choices(kinds, weights)[0]
        team = rng.random() < 0.25
        status = rng.choices(InnovationStatus.values, (15, 45, 25, 15))[0]
        adopted = status in (InnovationStatus.ADOPTED, InnovationStatus.IMPLEMENTED)
        submitted = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randint(0, 330))
        org = parents[org_id]
        forwarded_to = None
        if adopted and rng.random() < 0.15 and org.depth > 1:
            forwarded_to = by_path.get(org.path[:-4])
        benefit = (
            Decimal(rng.randint(0, 5000)) / 100
            if kind != InnovationKind.SUGGESTION
            else Decimal(rng.randint(0, 300)) / 100
        )
        studio = studio_work[index] if index < len(studio_work) else None
        award = ""
        award_org = None
        if forwarded_to is not None and rng.random() < 0.5:
            award, award_org = rng.choice(AwardGrade.values), forwarded_to
        rows.append(
            Innovation(
                org_id=org_id,
                enterprise_id=enterprise_id,
                studio=studio,
                year=YEAR,
                kind=kind,
                five_small=rng.choice(FiveSmall.values)
                if kind == InnovationKind.FIVE_SMALL
                else "",
                title=f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}",
                submitter_kind=SubmitterKind.TEAM if team else SubmitterKind.INDIVIDUAL,
                member_id=None if team else pk,
                authors="、".join([name] + [person_name(rng) for _ in range(rng.randint(2, 4))])
                if team
                else name,
                team_name=f"{name}攻关小组" if team else "",
                description="针对生产中的实际问题提出改进，经试用效果明显。",
                patent_number=_patent(rng) if kind == InnovationKind.INVENTION else "",
                estimated_benefit=benefit,
                submitted_on=submitted,
                status=status,
                review_note="" if status != InnovationStatus.REJECTED else "经评估暂不具备实施条件",
                reviewed_on=submitted + datetime.timedelta(days=rng.randint(5, 30))
                if status != InnovationStatus.SUBMITTED
                else None,
                forwarded_to=forwarded_to,
                forwarded_on=submitted + datetime.timedelta(days=40) if forwarded_to else None,
                award=award,
                award_org=award_org,
            )
        )
    for row in rows:  # studios were inserted above and have ids now
        row.studio_id = row.studio.pk if row.studio else None
    bulk_insert(rows)
    ctx.log(f"{len(rows):,} innovations, {len(studios)} studios")
