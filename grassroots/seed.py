"""Seed generator of grassroots work: venues with two months of bookings, a 职工之家
programme per district (awarded, under notice, to review, in progress) and the city's
programme of the reference year, and the city's yearly 统计 task handed to every district
(some forwarded to their streets), with answers. Row-by-row saves only for the few dozen
programmes and tasks; bookings go in bulk."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from core.workdays import WorkdayCalendar
from grassroots import actions
from grassroots.choices import (
    BookingStatus,
    EvaluationStatus,
    ProgrammeKind,
    ReportStatus,
    VenueKind,
)
from grassroots.models import (
    Booking,
    EvidenceFile,
    FormTemplate,
    HomeCriterion,
    HomeEvaluation,
    HomeProgramme,
    HomeScore,
    Task,
    TaskReport,
    Venue,
)
from members.models import Member
from orgs.choices import OrgLevel, OrgStatus

PALACE_ROOMS = (
    ("示范市工人文化宫·多功能厅", VenueKind.PALACE_ROOM, 200, 120),
    ("示范市工人文化宫·排练厅", VenueKind.PALACE_ROOM, 60, 60),
    ("示范市工人文化宫·培训教室", VenueKind.PALACE_ROOM, 40, 120),
    ("示范市职工体育中心·篮球场", VenueKind.SPORTS, 30, 60),
)
BOOKING_DAYS_BEFORE = 60
BOOKING_DAYS_AFTER = 14
PURPOSES = (
    "职工读书会",
    "劳模宣讲",
    "技能培训",
    "职工篮球赛",
    "文艺排练",
    "工会干部培训",
    "法律讲座",
)
STAT_FIELDS = (
    "基层工会数 | 数字 | 必填\n会员人数 | 数字 | 必填\n农民工会员人数 | 数字 | 必填\n"
    "新就业形态会员人数 | 数字 | 选填\n填报人 | 文本 | 必填\n统计截止日期 | 日期 | 必填\n"
    "数据来源 | 选项 | 必填 | 系统导出、手工汇总\n盖章报表 | 文件 | 选填"
)


def _venues(ctx: SeedContext) -> list[Venue]:
    city, districts = ctx.data["city"], ctx.data["districts"]
    rows = [
        Venue(
            org=city,
            name=name,
            kind=kind,
            address="示范市人民路1号",
            capacity=capacity,
            opens_at=datetime.time(9),
            closes_at=datetime.time(21),
            slot_minutes=minutes,
            open_weekdays="1234567",
            book_ahead_days=BOOKING_DAYS_AFTER,
            cancel_hours=24,
        )
        for name, kind, capacity, minutes in PALACE_ROOMS
    ]
    for district in districts:
        short = district.name.removesuffix("总工会")
        rows.append(
            Venue(
                org=district,
                name=f"{short}职工书屋",
                kind=VenueKind.READING_ROOM,
                address=f"{short}文化路8号",
                capacity=ctx.rng.choice((20, 30, 40)),
                opens_at=datetime.time(9),
                closes_at=datetime.time(17),
                slot_minutes=120,
                open_weekdays="123456",
                book_ahead_days=BOOKING_DAYS_AFTER,
                cancel_hours=12,
            )
        )
        rows.append(
            Venue(
                org=district,
                name=f"{short}职工活动中心·羽毛球馆",
                kind=VenueKind.SPORTS,
                address=f"{short}体育路2号",
                capacity=16,
                opens_at=datetime.time(8),
                closes_at=datetime.time(20),
                slot_minutes=60,
                open_weekdays="1234567",
                book_ahead_days=BOOKING_DAYS_AFTER,
                cancel_hours=24,
            )
        )
    bulk_insert(rows)
    return rows


def _bookings(ctx: SeedContext, venues: list[Venue]) -> int:
    rng = ctx.rng
    unions = [g for g in ctx.data["grassroots"] if g.status == OrgStatus.ACTIVE]
    by_district: dict[str, list] = {}
    for union in unions:
        by_district.setdefault(union.path[:8], []).append(union)
    sample = rng.sample(unions, min(len(unions), 200))
    members = {}
    for org_id, member_id in (
        Member.objects.filter(org__in=sample, status="active")
        .order_by("org_id", "pk")
        .values_list("org_id", "pk")
    ):
        members.setdefault(org_id, []).append(member_id)
    rows = []
    for venue in venues:
        pool = unions if venue.org.depth == 1 else by_district.get(venue.org.path[:8], [])
        if not pool:
            continue
        slots = venue.slots()
        for offset in range(-BOOKING_DAYS_BEFORE, BOOKING_DAYS_AFTER + 1):
            day = REFERENCE_DATE + datetime.timedelta(days=offset)
            if not venue.is_open_on(day):
                continue
            for start, end in rng.sample(slots, min(len(slots), rng.randint(0, 4))):
                org = rng.choice(pool)
                member = None
                if members.get(org.pk) and rng.random() < 0.3:
                    member = rng.choice(members[org.pk])
                if offset >= 0:
                    status = BookingStatus.BOOKED
                else:
                    roll = rng.random()
                    status = (
                        BookingStatus.USED
                        if roll < 0.8
                        else BookingStatus.NO_SHOW
                        if roll < 0.9
                        else BookingStatus.CANCELLED
                    )
                rows.append(
                    Booking(
                        venue=venue,
                        org=org,
                        member_id=member,
                        date=day,
                        starts_at=start,
                        ends_at=end,
                        minutes=venue.slot_minutes,
                        purpose=rng.choice(PURPOSES),
                        headcount=1 if member else rng.randint(5, venue.capacity),
                        status=status,
                        cancel_reason="活动改期" if status == BookingStatus.CANCELLED else "",
                    )
                )
    bulk_insert(rows)
    return len(rows)


def _programme(org, name, kind, year, apply_until) -> HomeProgramme:
    programme = HomeProgramme.objects.create(
        org=org,
        name=name,
        kind=kind,
        year=year,
        apply_until=apply_until,
        pass_score=80,
        publicity_workdays=5,
    )
    HomeCriterion.objects.bulk_create(
        HomeCriterion(programme=programme, position=i, **c)
        for i, c in enumerate(actions.default_criteria())
    )
    return programme


def _homes(ctx: SeedContext) -> int:
    rng = ctx.rng
    calendar = WorkdayCalendar.for_range(
        datetime.date(REFERENCE_DATE.year - 1, 1, 1), REFERENCE_DATE
    )
    unions = [
        g
        for g in ctx.data["grassroots"]
        if g.status == OrgStatus.ACTIVE and g.level == OrgLevel.GRASSROOTS
    ]
    programmes, evaluations = [], []
    year = REFERENCE_DATE.year
    for district in ctx.data["districts"]:
        short = district.name.removesuffix("总工会")
        programmes.append(
            _programme(
                district,
                f"{year - 1}年{short}星级职工之家",
                ProgrammeKind.STAR_HOME,
                year - 1,
                datetime.date(year - 1, 9, 30),
            )
        )
    city_programme = _programme(
        ctx.data["city"],
        f"{year}年示范市模范职工之家",
        ProgrammeKind.MODEL_HOME,
        year,
        datetime.date(year, 6, 30),
    )
    criteria = {p.pk: list(p.criteria.all()) for p in [*programmes, city_programme]}
    demo_union = ctx.data.get("demo_union")
    for programme in programmes:
        pool = [u for u in unions if u.path.startswith(programme.org.path) and u != demo_union]
        for union in rng.sample(pool, min(len(pool), 12)):
            status = rng.choice(
                [EvaluationStatus.AWARDED] * 6
                + [EvaluationStatus.PUBLICITY, EvaluationStatus.SUBMITTED]
                + [EvaluationStatus.DRAFT, EvaluationStatus.REJECTED]
            )
            evaluations.append((programme, union, status))
    # The city's programme of this year: a few unions assess themselves, the demo union too.
    for union in rng.sample(unions, min(len(unions), 6)):
        if union != demo_union:
            evaluations.append((city_programme, union, EvaluationStatus.DRAFT))
    if demo_union is not None:
        evaluations.append((city_programme, demo_union, EvaluationStatus.DRAFT))
    rows, scores = [], []
    for programme, union, status in evaluations:
        submitted = status != EvaluationStatus.DRAFT
        self_scores = [
            Decimal(rng.randint(int(c.max_score * 0.7), c.max_score)) if submitted else None
            for c in criteria[programme.pk]
        ]
        review = [s - rng.randint(0, 2) if s else None for s in self_scores]
        total_self = sum(s for s in self_scores if s) if submitted else None
        total_review = (
            sum(review)
            if status in (EvaluationStatus.AWARDED, EvaluationStatus.PUBLICITY)
            else None
        )
        decided = datetime.date(programme.year, 11, 2)
        evaluation = HomeEvaluation(
            programme=programme,
            org=union,
            status=status,
            summary="坚持建家为民，职工活动阵地和制度健全。" if submitted else "",
            self_score=total_self,
            review_score=total_review,
            stars=programme.stars_for(total_review) if total_review else 0,
            submitted_at=SEED_TIMESTAMP if submitted else None,
            publicity_from=decided if total_review else None,
            publicity_until=calendar.add_workdays(decided, programme.publicity_workdays)
            if total_review
            else None,
            awarded_on=datetime.date(programme.year, 12, 1)
            if status == EvaluationStatus.AWARDED
            else None,
            review_comment="经审会材料不全" if status == EvaluationStatus.REJECTED else "",
        )
        if status == EvaluationStatus.PUBLICITY:
            evaluation.publicity_from = REFERENCE_DATE - datetime.timedelta(days=3)
            evaluation.publicity_until = calendar.add_workdays(evaluation.publicity_from, 5)
        rows.append(evaluation)
    HomeEvaluation.objects.bulk_create(rows)
    for evaluation in rows:
        for criterion in criteria[evaluation.programme_id]:
            submitted = evaluation.status != EvaluationStatus.DRAFT
            value = Decimal(rng.randint(int(criterion.max_score * 0.7), criterion.max_score))
            scores.append(
                HomeScore(
                    evaluation=evaluation,
                    criterion=criterion,
                    self_score=value if submitted else None,
                    self_note="已达标" if submitted else "",
                    review_score=value
                    if evaluation.status in (EvaluationStatus.AWARDED, EvaluationStatus.PUBLICITY)
                    else None,
                )
            )
    HomeScore.objects.bulk_create(scores, batch_size=2000)
    for evaluation in rows:  # totals from the rows actually stored
        if evaluation.status != EvaluationStatus.DRAFT:
            own = [s for s in scores if s.evaluation is evaluation]
            evaluation.self_score = sum(s.self_score for s in own)
            if evaluation.review_score is not None:
                evaluation.review_score = sum(s.review_score for s in own)
                evaluation.stars = evaluation.programme.stars_for(evaluation.review_score)
    HomeEvaluation.objects.bulk_update(rows, ["self_score", "review_score", "stars"])
    evidence = []
    for evaluation in rows:
        if evaluation.status == EvaluationStatus.DRAFT:
            continue
        record = EvidenceFile(
            evaluation=evaluation,
            token=f"seed{evaluation.pk:08d}",
            name="职工之家建设台账.pdf",
            size=0,
            uploaded_at=SEED_TIMESTAMP,
        )
        content = ContentFile(
            f"%PDF-1.4\n% {evaluation.org.name} 职工之家建设台账\n".encode(), name="台账.pdf"
        )
        record.file.save("台账.pdf", content, save=False)
        record.size = record.file.size
        evidence.append(record)
    EvidenceFile.objects.bulk_create(evidence)
    return len(rows)


def _tasks(ctx: SeedContext) -> int:
    rng = ctx.rng
    city, districts, streets = ctx.data["city"], ctx.data["districts"], ctx.data["streets"]
    year = REFERENCE_DATE.year
    template = FormTemplate.objects.create(
        org=city,
        name="工会组织和会员统计年报",
        description="每年一次，由各区县汇总辖区数据报送",
        fields=actions.parse_fields(STAT_FIELDS),
    )
    task = Task.objects.create(
        org=city,
        title=f"{year - 1}年度工会组织和会员统计",
        instructions="请各区县总工会汇总辖区数据，按时报送。",
        deadline=REFERENCE_DATE + datetime.timedelta(days=20),
        fields=template.fields,
        template=template,
    )
    reports = [TaskReport(task=task, org=d) for d in districts]
    forwarded = []
    for report in reports:
        roll = rng.random()
        if roll < 0.6:
            report.status = ReportStatus.SUBMITTED
            report.submitted_at = SEED_TIMESTAMP
            report.answers = {
                "f1": str(rng.randint(300, 1500)),
                "f2": str(rng.randint(20000, 90000)),
                "f3": str(rng.randint(3000, 20000)),
                "f4": str(rng.randint(500, 5000)),
                "f5": rng.choice(("张敏", "王磊", "李娜")),
                "f6": f"{year - 1}-12-31",
                "f7": rng.choice(("系统导出", "手工汇总")),
                "f8": None,
            }
        elif roll < 0.8:
            report.reminders = 1
            report.last_reminded_at = SEED_TIMESTAMP
        if roll >= 0.4:
            forwarded.append(report.org)
    TaskReport.objects.bulk_create(reports)
    street_reports = 0
    for district in forwarded:
        child = Task.objects.create(
            org=district,
            title=task.title,
            instructions="请各街道（乡镇）总工会汇总后报区总工会。",
            deadline=task.deadline - datetime.timedelta(days=5),
            fields=task.fields,
            parent=task,
        )
        rows = [
            TaskReport(
                task=child,
                org=s,
                status=ReportStatus.SUBMITTED if rng.random() < 0.5 else ReportStatus.PENDING,
            )
            for s in streets
            if s.path.startswith(district.path)
        ]
        for row in rows:
            if row.status == ReportStatus.SUBMITTED:
                row.submitted_at = SEED_TIMESTAMP
                row.answers = {
                    "f1": str(rng.randint(30, 200)),
                    "f2": str(rng.randint(2000, 9000)),
                    "f3": str(rng.randint(300, 2000)),
                    "f5": "陈静",
                    "f6": f"{year - 1}-12-31",
                    "f7": "手工汇总",
                }
        TaskReport.objects.bulk_create(rows)
        street_reports += len(rows)
    # A task without a form: reporting says it is done.
    for district in districts[:3]:
        plain = Task.objects.create(
            org=district,
            title="元旦春节送温暖活动开展情况",
            instructions="走访慰问完成后点“报送”即可。",
            deadline=REFERENCE_DATE + datetime.timedelta(days=30),
        )
        TaskReport.objects.bulk_create(
            TaskReport(task=plain, org=s) for s in streets if s.path.startswith(district.path)
        )
    from core.seeding import fix_timestamps

    for model in (FormTemplate, Task, TaskReport, HomeProgramme, HomeEvaluation):
        fix_timestamps(model.objects.all())
    return 1 + len(forwarded) + 3


@register("grassroots", order=95)
def seed_grassroots(ctx: SeedContext) -> None:
    venues = _venues(ctx)
    bookings = _bookings(ctx, venues)
    evaluations = _homes(ctx)
    tasks = _tasks(ctx)
    ctx.log(
        f"{len(venues)} venues, {bookings:,} bookings, {evaluations} 职工之家 entries, "
        f"{tasks} tasks"
    )
