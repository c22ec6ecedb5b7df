"""Seed generator of activities: district and street federations hold lectures, theme
education, model-worker lectures, sports and culture activities over the half-year before
the reference date (with registrations, most of them checked in, and a summary) and a few
after it (open for registration, some full with a waiting list).

Registrations are drawn from a bounded sample of each audience's members, so the generator
stays about a second whatever ``--members`` is."""

from __future__ import annotations

import datetime

from activities.choices import ActivityKind, CheckInMethod, RegistrationStatus
from activities.models import Activity, Notice, Registration
from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from members.choices import MemberStatus
from members.models import Member
from orgs.choices import OrgLevel
from orgs.models import Org

MAX_STREETS = 30
PAST_PER_HOST = 3
UPCOMING_PER_HOST = 1
SAMPLE = 300
TITLES = {
    ActivityKind.LECTURE: ["学习贯彻全会精神宣讲会", "工会法进企业宣讲"],
    ActivityKind.THEME_EDUCATION: ["“中国梦·劳动美”主题教育", "职工思想政治教育专题课"],
    ActivityKind.MODEL_WORKER_LECTURE: ["劳模工匠进企业宣讲", "劳模精神报告会"],
    ActivityKind.SPORTS_CULTURE: ["职工趣味运动会", "职工书画摄影展", "职工健步走"],
    ActivityKind.CULTURE_CONTEST: ["职工文化作品征集", "职工微视频征集"],
}
PLACES = ["区职工服务中心", "街道党群服务中心", "工人文化宫", "职工之家活动室"]
TZ = SEED_TIMESTAMP.tzinfo


def _hosts() -> list[Org]:
    districts = list(Org.objects.filter(level=OrgLevel.DISTRICT).order_by("path"))
    streets = list(Org.objects.filter(level=OrgLevel.STREET).order_by("path")[:MAX_STREETS])
    return districts + streets


@register("activities", order=60)
def seed_activities(ctx: SeedContext) -> None:
    rng = ctx.rng
    activities: list[Activity] = []
    plans: list[tuple[list[tuple[int, bool]], set[int]]] = []
    for host in _hosts():
        sample = list(
            Member.objects.filter(org__path__startswith=host.path, status=MemberStatus.ACTIVE)
            .order_by("pk")
            .values_list("pk", flat=True)[:SAMPLE]
        )
        for index in range(PAST_PER_HOST + UPCOMING_PER_HOST):
            past = index < PAST_PER_HOST
            kind = rng.choice(list(ActivityKind))
            days = -rng.randint(5, 180) if past else rng.randint(3, 40)
            day = REFERENCE_DATE + datetime.timedelta(days=days)
            starts_at = datetime.datetime.combine(day, datetime.time(rng.choice([9, 14, 19])), TZ)
            capacity = rng.choice([30, 50, 80, 120])
            wanted = min(len(sample), rng.randint(capacity // 2, capacity + 10))
            chosen = [
                (member_id, position < capacity)
                for position, member_id in enumerate(rng.sample(sample, wanted))
            ]
            attended = {m for m, holds in chosen if past and holds and rng.random() < 0.85}
            activities.append(
                Activity(
                    org=host,
                    audience=host,
                    kind=kind,
                    title=rng.choice(TITLES[kind]),
                    place=rng.choice(PLACES),
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=2),
                    capacity=capacity,
                    places_taken=min(capacity, wanted),
                    checked_in_count=len(attended),
                    checkin_code=f"{rng.randrange(1_000_000):06d}",
                    summary="活动圆满完成，职工反响热烈。" if past else "",
                    summarised_at=starts_at + datetime.timedelta(days=1) if past else None,
                )
            )
            plans.append((chosen, attended))
    if not activities:
        return
    bulk_insert(activities)
    saved = list(Activity.objects.order_by("pk").values_list("pk", "starts_at"))
    registrations = []
    for (activity_id, starts_at), (chosen, attended) in zip(
        saved[-len(plans) :], plans, strict=True
    ):
        for member_id, holds in chosen:
            registered_at = starts_at - datetime.timedelta(days=rng.randint(1, 10))
            came = member_id in attended
            registrations.append(
                Registration(
                    activity_id=activity_id,
                    member_id=member_id,
                    status=RegistrationStatus.REGISTERED if holds else RegistrationStatus.WAITING,
                    registered_at=registered_at,
                    waiting_since=None if holds else registered_at,
                    checked_in_at=starts_at + datetime.timedelta(minutes=rng.randint(-20, 10))
                    if came
                    else None,
                    checkin_method=rng.choice(list(CheckInMethod)) if came else "",
                )
            )
    bulk_insert(registrations)
    ctx.log(f"{len(activities):,} activities with {len(registrations):,} registrations")


NOTICES = [
    ("notice", "members", "关于开展“职工书屋”读书月活动的通知"),
    ("news", "members", "我区举办劳模工匠进企业宣讲活动"),
    ("notice", "cadres", "关于做好年度工会统计调查工作的通知"),
    ("news", "members", "职工趣味运动会圆满落幕"),
]


@register("notices", order=61)
def seed_notices(ctx: SeedContext) -> None:
    """Each district publishes a few notices and news items in the months before the
    reference date; a share of the audience has read each (read receipts are not seeded
    row by row, only the counter, to keep the seed fast at any size)."""
    from django.db.models import Count

    rng = ctx.rng
    districts = list(Org.objects.filter(level=OrgLevel.DISTRICT).order_by("path"))
    counts = dict(
        Member.objects.filter(status=MemberStatus.ACTIVE)
        .values_list("org__path")
        .annotate(n=Count("pk"))
        .order_by()
    )
    notices = []
    for district in districts:
        members = sum(n for path, n in counts.items() if path.startswith(district.path))
        for kind, audience, title in NOTICES:
            day = REFERENCE_DATE - datetime.timedelta(days=rng.randint(3, 150))
            recipients = members if audience == "members" else rng.randint(20, 80)
            notices.append(
                Notice(
                    org=district,
                    kind=kind,
                    audience=audience,
                    title=title,
                    body=f"{district.name}：{title}。请各级工会认真组织落实。",
                    publish_at=datetime.datetime.combine(day, datetime.time(10), TZ),
                    recipients=recipients,
                    read_count=int(recipients * rng.uniform(0.3, 0.8)),
                )
            )
    bulk_insert(notices)
    ctx.log(f"{len(notices):,} notices")
