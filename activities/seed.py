"""Seed generator of activities: district and street federations hold lectures, theme
education, model-worker lectures, sports and culture activities over the half-year before
the reference date (with registrations, most of them checked in, and a summary) and a few
after it (open for registration, some full with a waiting list).

Registrations are drawn from a bounded sample of each audience's members, so the generator
stays about a second whatever ``--members`` is."""

from __future__ import annotations

import datetime
import struct
import zlib

from django.core.files.base import ContentFile

from activities.choices import ActivityKind, CheckInMethod, QuestionKind, RegistrationStatus
from activities.models import (
    Activity,
    ActivityPhoto,
    Notice,
    NoticeAttachment,
    Question,
    QuestionBank,
    Quiz,
    QuizAttempt,
    Registration,
    Submission,
)
from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from members.choices import MemberStatus
from members.models import Member
from orgs.choices import OrgLevel
from orgs.models import Org

MAX_STREETS = 30
PAST_PER_HOST = 3
UPCOMING_PER_HOST = 1
SAMPLE = 300
# Files written by the seed: a fixed handful whatever the size, so seeding stays flat.
PHOTO_ACTIVITIES = 2
TITLES = {
    ActivityKind.LECTURE: ["学习贯彻全会精神宣讲会", "工会法进企业宣讲"],
    ActivityKind.THEME_EDUCATION: ["“中国梦·劳动美”主题教育", "职工思想政治教育专题课"],
    ActivityKind.MODEL_WORKER_LECTURE: ["劳模工匠进企业宣讲", "劳模精神报告会"],
    ActivityKind.SPORTS_CULTURE: ["职工趣味运动会", "职工书画摄影展", "职工健步走"],
    ActivityKind.CULTURE_CONTEST: ["职工文化作品征集", "职工微视频征集"],
}
# Calls for works take works, not registrations: the "works" generator makes them.
REGISTRATION_KINDS = [kind for kind in ActivityKind if kind != ActivityKind.CULTURE_CONTEST]
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
            kind = rng.choice(REGISTRATION_KINDS)
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
    photos = _seed_photos()
    ctx.log(
        f"{len(activities):,} activities with {len(registrations):,} registrations"
        f" and {photos} photos"
    )


def tiny_png(rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A valid 1×1 PNG of one colour, made without an image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + bytes(rgb))
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _seed_photos() -> int:
    """A photo in the summary of the first few summarised activities (the demo shows
    thumbnails); never one per row."""
    photos = []
    summarised = Activity.objects.exclude(summary="").order_by("pk")[:PHOTO_ACTIVITIES]
    for activity in summarised:
        photo = ActivityPhoto(activity=activity, content_type="image/png", caption="活动现场")
        photo.image.save("photo.png", ContentFile(tiny_png()), save=False)
        photos.append(photo)
    ActivityPhoto.objects.bulk_create(photos)
    return len(photos)


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
    first = Notice.objects.filter(audience="members").order_by("pk").first()
    if first is not None:  # one attachment for the demo, not one per notice
        content = f"%PDF-1.4\n% {first.title}\n".encode()
        attachment = NoticeAttachment(notice=first, name="活动方案.pdf", size=len(content))
        attachment.file.save("方案.pdf", ContentFile(content), save=False)
        attachment.save()
    ctx.log(f"{len(notices):,} notices")


QUESTIONS = [
    (
        QuestionKind.SINGLE,
        "基层工会委员会每届任期为几年？",
        ["1年", "2年", "3年或5年", "10年"],
        [2],
    ),
    (QuestionKind.SINGLE, "会员会费按本人工资收入的多少缴纳？", ["0.5%", "1%", "2%", "5%"], [0]),
    (
        QuestionKind.MULTIPLE,
        "工会经费来源包括？",
        ["会员会费", "拨缴经费", "上级补助", "罚款"],
        [0, 1, 2],
    ),
    (QuestionKind.TRUE_FALSE, "职工有依法参加和组织工会的权利。", ["正确", "错误"], [0]),
    (QuestionKind.TRUE_FALSE, "工会经费按全部职工工资总额的1%拨缴。", ["正确", "错误"], [1]),
    (
        QuestionKind.SINGLE,
        "25人以上的单位应当建立什么？",
        ["工会小组", "基层工会委员会", "职代会", "党支部"],
        [1],
    ),
]
QUIZ_PAPER = 5
QUIZ_SAMPLE = 200


@register("quizzes", order=62)
def seed_quizzes(ctx: SeedContext) -> None:
    """One bank at the city; each district holds a knowledge quiz on it, taken by a bounded
    sample of its members (scores drawn, the papers' shuffles left as drawn)."""
    rng = ctx.rng
    city = Org.objects.filter(depth=1).order_by("path").first()
    if city is None:
        return
    bank = QuestionBank.objects.create(
        org=city, name="工会法知识题库", question_count=len(QUESTIONS)
    )
    Question.objects.bulk_create(
        [Question(bank=bank, kind=k, text=t, options=o, answer=a) for k, t, o, a in QUESTIONS]
    )
    ids = list(bank.questions.order_by("pk").values_list("pk", flat=True))
    sizes = {pk: len(options) for pk, (_, _, options, _) in zip(ids, QUESTIONS, strict=True)}
    quizzes, papers = [], []
    for district in Org.objects.filter(level=OrgLevel.DISTRICT).order_by("path"):
        opens = datetime.datetime.combine(
            REFERENCE_DATE - datetime.timedelta(days=rng.randint(10, 120)), datetime.time(9), TZ
        )
        quizzes.append(
            Quiz(
                org=district,
                audience=district,
                bank=bank,
                title=f"{district.name}工会知识竞赛",
                question_count=QUIZ_PAPER,
                time_limit_minutes=20,
                opens_at=opens,
                closes_at=opens + datetime.timedelta(days=7),
            )
        )
    bulk_insert(quizzes)
    for quiz in Quiz.objects.filter(bank=bank).select_related("org"):
        takers = list(
            Member.objects.filter(org__path__startswith=quiz.org.path, status=MemberStatus.ACTIVE)
            .order_by("pk")
            .values_list("pk", flat=True)[:QUIZ_SAMPLE]
        )
        for member_id in rng.sample(takers, len(takers) // 2):
            started = quiz.opens_at + datetime.timedelta(hours=rng.randint(0, 150))
            drawn = rng.sample(ids, QUIZ_PAPER)
            papers.append(
                QuizAttempt(
                    quiz=quiz,
                    member_id=member_id,
                    started_at=started,
                    deadline=started + datetime.timedelta(minutes=20),
                    submitted_at=started + datetime.timedelta(minutes=rng.randint(3, 19)),
                    paper=[{"q": pk, "order": list(range(sizes[pk]))} for pk in drawn],
                    score=rng.randint(1, QUIZ_PAPER),
                )
            )
    bulk_insert(papers)
    ctx.log(f"{len(quizzes):,} quizzes with {len(papers):,} papers")


POEMS = [
    ("钢铁的脊梁", "炉火映红了脸庞\n汗水浇灌着希望"),
    ("凌晨四点的城市", "扫帚划过街道\n城市在我们手中醒来"),
    ("送餐路上", "风里雨里\n把温暖送到每一扇门前"),
    ("工匠之心", "千锤百炼\n只为那一丝不差"),
    ("致敬劳动者", "每一双粗糙的手\n都托举着平凡的伟大"),
    ("车间里的春天", "机器轰鸣是我们的歌\n零件闪光是我们的诗"),
]
WORKS_PER_CALL = 12


@register("works", order=63)
def seed_works(ctx: SeedContext) -> None:
    """Each district ran a poetry call (诗歌征集) before the reference date and sent its
    works to judging (a culture contest with one entry per work, awaiting its panel); the
    city's call is open across the reference date with a few works in."""
    from activities import works

    rng = ctx.rng
    city = Org.objects.filter(depth=1).order_by("path").first()
    if city is None:
        return
    hosts = [(d, True) for d in Org.objects.filter(level=OrgLevel.DISTRICT).order_by("path")]
    hosts.append((city, False))
    calls = []
    for host, past in hosts:
        starts = REFERENCE_DATE - datetime.timedelta(days=rng.randint(60, 120) if past else 20)
        starts_at = datetime.datetime.combine(starts, datetime.time(9), TZ)
        calls.append(
            Activity(
                org=host,
                audience=host,
                kind=ActivityKind.CULTURE_CONTEST,
                title=f"{host.name}“中国梦·劳动美”职工诗歌征集",
                description="围绕劳动创造幸福，讴歌新时代劳动者，每人限投一件。",
                place="线上征集",
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(days=30 if past else 80),
                capacity=200,
                checkin_code=f"{rng.randrange(1_000_000):06d}",
            )
        )
    bulk_insert(calls)
    saved = list(
        Activity.objects.filter(kind=ActivityKind.CULTURE_CONTEST, place="线上征集").order_by("pk")
    )[-len(calls) :]
    submissions = []
    for call, (host, past) in zip(saved, hosts, strict=True):
        poets = list(
            Member.objects.filter(org__path__startswith=host.path, status=MemberStatus.ACTIVE)
            .order_by("pk")
            .values_list("pk", flat=True)[:SAMPLE]
        )
        chosen = rng.sample(poets, min(len(poets), WORKS_PER_CALL if past else 4))
        for member_id in chosen:
            title, text = rng.choice(POEMS)
            submissions.append(
                Submission(
                    activity=call,
                    member_id=member_id,
                    title=title,
                    text=text,
                    submitted_at=call.starts_at + datetime.timedelta(days=rng.randint(1, 25)),
                )
            )
        call.places_taken = len(chosen)
    bulk_insert(submissions)
    Activity.objects.bulk_update(saved, ["places_taken"])
    sent = 0
    for call, (_, past) in zip(saved, hosts, strict=True):
        if past and call.places_taken:
            works.works_send_to_judging(actor=None, activity=call)
            sent += 1
    ctx.log(f"{len(saved):,} calls for works with {len(submissions):,} works, {sent} in judging")
