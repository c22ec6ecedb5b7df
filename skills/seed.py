"""Seed generator of skills improvement: the city year's training courses and 工匠训练营 with
enrolments and completions, and skills awards (晋升技师/高级技师, 发明专利, 带教师傅) paid from
the union's funds and special funds, amounts as configured."""

from __future__ import annotations

import datetime
from collections import Counter

from django.conf import settings

from contests.seed import TRADES, sample_members
from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, register
from innovation.seed import _patent
from skills.choices import EnrolmentStatus, Fund, SkillAwardKind, TrainingKind
from skills.models import Enrolment, SkillAward, Training

YEAR = REFERENCE_DATE.year - 1


@register("skills", order=64)
def seed_skills(ctx: SeedContext) -> None:
    rng = ctx.rng
    hosts = [ctx.data["city"], *ctx.data["districts"]]
    trainings = []
    for n in range(max(6, ctx.members // 2500)):
        camp = n % 4 == 0
        start = datetime.date(YEAR, rng.randint(2, 10), rng.randint(1, 20))
        trade = rng.choice(TRADES)
        trainings.append(
            Training(
                org=rng.choice(hosts),
                kind=TrainingKind.CAMP if camp else TrainingKind.COURSE,
                name=f"{YEAR}年{trade}{'工匠训练营' if camp else '技能提升培训班'}（第{n + 1}期）",
                trade=trade,
                starts_on=start,
                ends_on=start + datetime.timedelta(days=rng.randint(5, 40)),
                hours=rng.choice((24, 40, 80, 120)),
                capacity=rng.choice((30, 50, 80, None)),
            )
        )
    for t in trainings:
        t.org_id = t.org.pk
    bulk_insert(trainings)
    enrolments = []
    taken: Counter = Counter()
    people = sample_members(rng, max(100, ctx.members // 60))
    for i, (pk, _, _, _) in enumerate(people):
        training = trainings[i % len(trainings)]
        if training.capacity and taken[training.pk] >= training.capacity:
            continue
        taken[training.pk] += 1
        outcome = rng.random()
        status = (
            EnrolmentStatus.COMPLETED
            if outcome < 0.8
            else EnrolmentStatus.DROPPED
            if outcome < 0.9
            else EnrolmentStatus.ENROLLED
        )
        enrolments.append(
            Enrolment(
                training_id=training.pk,
                member_id=pk,
                enrolled_on=training.starts_on - datetime.timedelta(days=7),
                status=status,
                completed_on=training.ends_on if status == EnrolmentStatus.COMPLETED else None,
            )
        )
    bulk_insert(enrolments)
    amounts = settings.GONGHUI["SKILL_AWARD_AMOUNTS"]
    awards = []
    for pk, org_id, _, _ in sample_members(rng, max(30, ctx.members // 400)):
        kind = rng.choices(SkillAwardKind.values, (50, 20, 10, 20))[0]
        awards.append(
            SkillAward(
                org_id=org_id,
                member_id=pk,
                kind=kind,
                amount=amounts[kind],
                fund=rng.choices(Fund.values, (60, 30, 5, 5))[0],
                granted_on=datetime.date(YEAR, rng.randint(1, 12), rng.randint(1, 28)),
                reference=_patent(rng)
                if kind == SkillAwardKind.PATENT
                else (
                    "带徒3名"
                    if kind == SkillAwardKind.MENTOR
                    else f"职业资格证书 {rng.randint(10**9, 10**10 - 1)}"
                ),
            )
        )
    bulk_insert(awards)
    ctx.log(
        f"{len(trainings)} trainings, {len(enrolments):,} enrolments, {len(awards):,} skills awards"
    )
