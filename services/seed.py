"""Seed generators of the services app: the service catalogue of the synthetic city, the
members' requests in the half-year before the reference date, and the practical projects
(实事项目) of the city and its districts.

* Services: the city federation offers one of each category; every district 6–9; every
  street 2–3 (everyday, culture, rights); about one standalone grassroots union in ten (at
  most 400) one or two of its own. Some are for women, migrant workers or new forms of
  employment only, some have a monthly capacity.
* Requests: ``members // 40`` (at most 15,000) from members drawn at random, each for a
  service in their own catalogue (eligibility respected), submitted between July and
  December 2025; deadlines counted in working days by ``core.workdays``. Most are done
  (mostly within the deadline, most of them rated 4–5), some declined or withdrawn, a few
  still open — the old open ones are past their deadline and escalated to the parent.
* Practical projects: 8–10 for the city and 4–7 per district, for 2025 (mostly reached)
  and for 2026 (under way, progress reported monthly to November), with three milestones.
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings

from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, register
from core.workdays import WorkdayCalendar
from members.choices import NEW_EMPLOYMENT_FORMS, Gender
from members.models import Member
from orgs.choices import GrassrootsType, OrgLevel, OrgStatus
from orgs.models import Org
from services.actions import ancestor_paths, path_and_ancestors
from services.choices import OPEN_STATUSES, RequestEventKind, RequestStatus
from services.models import (
    PracticalProject,
    ProjectMilestone,
    ProjectProgress,
    Service,
    ServiceRequest,
    ServiceRequestEvent,
)

MAX_REQUESTS = 15_000
MAX_GRASSROOTS_WITH_SERVICES = 400
LOCAL = zoneinfo.ZoneInfo(settings.TIME_ZONE)
SYSTEM = "系统"
REQUEST_START = datetime.date(2025, 7, 1)
REQUEST_DAYS = (REFERENCE_DATE - REQUEST_START).days

# (category, name, eligibility, capacity per month or None, deadline, description)
CITY_SERVICES = (
    ("rights", "职工法律援助", "all", None, 5, "劳动争议咨询、代写文书、指派律师代理。"),
    ("skills", "技能晋升补贴申请", "all", None, 10, "取得高级工、技师证书的会员申请晋升补贴。"),
    ("employment", "就业援助与岗位推荐", "all", None, 5, "失业会员登记求职意向，推荐岗位。"),
    ("living", "职工普惠保障咨询", "all", None, 3, "职工互助保障、普惠福利办理咨询。"),
    ("assistance", "困难职工帮扶申请受理", "all", None, 10, "受理困难职工帮扶申请并入户核查。"),
    ("culture", "职工文体场馆预约", "all", 200, 3, "职工文化宫场馆及课程预约。"),
    ("psychological", "职工心理咨询热线预约", "all", 120, 5, "一对一心理咨询，每次50分钟。"),
    ("recuperation", "劳模疗休养报名", "all", 60, 10, "一线职工、劳模疗休养报名。"),
)
DISTRICT_SERVICES = (
    ("rights", "劳动争议调解", "all", None, 5, "劳动争议调解员上门调解。"),
    ("rights", "新就业形态劳动者维权服务", "new_forms", None, 3, "骑手、快递员权益咨询。"),
    ("skills", "职业技能培训报名", "all", 80, 5, "电工、焊工、育婴师等培训。"),
    ("employment", "农民工就业帮扶", "migrant", None, 5, "农民工岗位推荐、技能培训。"),
    ("living", "女职工健康体检", "women", 100, 10, "两癌筛查等专项体检。"),
    ("living", "户外劳动者爱心餐", "new_forms", 300, 3, "工会驿站爱心午餐券发放。"),
    ("living", "农民工子女暑期托管", "migrant", 60, 5, "暑期托管班报名。"),
    ("assistance", "大病医疗互助申请", "all", None, 10, "住院会员医疗互助金申请。"),
    ("psychological", "女职工心理关爱", "women", 40, 5, "女职工心理疏导与讲座预约。"),
    ("psychological", "职工心理咨询", "all", 60, 5, "专业咨询师面谈或电话咨询。"),
    ("culture", "职工文体活动报名", "all", None, 3, "篮球、羽毛球、书法等活动报名。"),
)
STREET_SERVICES = (
    ("living", "便民理发与维修", "all", 50, 3, "每月一次便民服务日。"),
    ("culture", "职工书屋借阅", "all", None, 3, "街道职工书屋借阅与读书会。"),
    ("rights", "法律咨询进社区", "all", None, 5, "每周三律师坐班咨询。"),
)
GRASSROOTS_SERVICES = (
    ("living", "生日慰问", "all", None, 5, "会员生日慰问品领取。"),
    ("culture", "兴趣小组报名", "all", None, 3, "摄影、瑜伽、读书兴趣小组。"),
    ("psychological", "员工心理援助计划", "all", 20, 5, "EAP 心理援助。"),
)
DETAILS = {
    "rights": ("单位拖欠两个月工资，想咨询怎么维权。", "被辞退没有经济补偿，请求帮助。"),
    "skills": ("已取得电工高级工证书，申请晋升补贴。", "想报名焊工中级培训。"),
    "employment": ("原单位停产，想找物流相关工作。", "希望推荐附近的岗位。"),
    "living": ("希望预约本月的服务。", "请安排时间，工作日晚上方便。"),
    "assistance": ("家人住院费用较高，申请帮扶。", "孩子上学有困难，想了解帮扶政策。"),
    "culture": ("报名羽毛球活动。", "想预约周末的场馆。"),
    "psychological": ("最近工作压力大，睡眠不好，想预约咨询。", "想和咨询师聊聊家庭问题。"),
    "recuperation": ("从事一线工作十年，申请疗休养。", "想报名下一期疗休养。"),
}
RESULTS = ("已按约定时间完成服务。", "已安排专人对接并办结。", "已完成，欢迎再次申请。")
REASONS = ("本期名额已满，请下期申请。", "不符合申请条件。", "材料不全，请补充后重新申请。")
# 2026 projects: (category, name, unit, target range, budget per unit)
PROJECTS = (
    ("rights", "法律援助进企业", "场", (20, 60), 1500),
    ("skills", "职工技能提升培训", "人次", (500, 3000), 300),
    ("employment", "就业援助月招聘会", "场", (4, 12), 30000),
    ("living", "户外劳动者爱心餐", "人次", (5000, 30000), 15),
    ("living", "女职工两癌筛查", "人", (800, 5000), 260),
    ("assistance", "困难职工送温暖", "户", (100, 800), 1000),
    ("assistance", "金秋助学", "人", (30, 200), 4000),
    ("culture", "职工文体活动", "场", (12, 60), 8000),
    ("psychological", "职工心理健康服务进企业", "场", (10, 40), 5000),
    ("recuperation", "一线职工疗休养", "人", (100, 600), 2400),
)


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL)


def _service(org, spec, status="open") -> Service:
    category, name, eligibility, capacity, deadline, description = spec
    return Service(
        org=org,
        name=name,
        category=category,
        description=description,
        eligibility=eligibility,
        how_to_apply="在申请中写明需要和方便的时间，工会将电话联系。",
        capacity=capacity,
        capacity_period="month",
        deadline_workdays=deadline,
        contact=f"{org.name}服务窗口",
        status=status,
    )


@register("services", order=60)
def seed_services(ctx: SeedContext) -> None:
    rng = ctx.rng
    services = [_service(ctx.data["city"], spec) for spec in CITY_SERVICES]
    for district in ctx.data["districts"]:
        specs = rng.sample(DISTRICT_SERVICES, rng.randint(6, 9))
        services.extend(_service(district, spec) for spec in specs)
    for street in ctx.data["streets"]:
        specs = rng.sample(STREET_SERVICES, rng.randint(2, 3))
        services.extend(_service(street, spec) for spec in specs)
    standalone = [
        g
        for g in ctx.data["grassroots"]
        if g.status == OrgStatus.ACTIVE and g.grassroots_type == GrassrootsType.STANDALONE
    ]
    chosen = sorted(
        rng.sample(standalone, min(len(standalone) // 10, MAX_GRASSROOTS_WITH_SERVICES)),
        key=lambda o: o.path,
    )
    for union in chosen:
        specs = rng.sample(GRASSROOTS_SERVICES, rng.randint(1, 2))
        services.extend(_service(union, spec) for spec in specs)
    # A few services a union has stopped taking requests for.
    for service in rng.sample(services, len(services) // 25):
        service.status = "closed"
    bulk_insert(services)
    ctx.data["services"] = services
    ctx.log(f"{len(services):,} services")
    _seed_requests(ctx, services)
    _seed_projects(ctx)


def _eligible(service, gender, migrant, form) -> bool:
    return (
        service.eligibility == "all"
        or (service.eligibility == "women" and gender == Gender.FEMALE)
        or (service.eligibility == "migrant" and migrant)
        or (service.eligibility == "new_forms" and form in NEW_EMPLOYMENT_FORMS)
    )


def _sample_members(ctx: SeedContext, count: int) -> list[tuple]:
    """Up to ``count`` random active members: (pk, org_id, gender, migrant, form)."""
    bounds = Member.objects.filter(status="active").order_by("pk").values_list("pk", flat=True)
    first, last = bounds.first(), bounds.last()
    if first is None:
        return []
    picks = sorted({ctx.rng.randint(first, last) for _ in range(count * 2)})
    rows = []
    for start in range(0, len(picks), 5000):
        rows.extend(
            Member.objects.filter(pk__in=picks[start : start + 5000], status="active")
            .order_by("pk")
            .values_list("pk", "org_id", "gender", "is_migrant_worker", "employment_form")
        )
    ctx.rng.shuffle(rows)
    return rows[:count]


def _seed_requests(ctx: SeedContext, services: list[Service]) -> None:
    rng = ctx.rng
    wanted = min(MAX_REQUESTS, ctx.members // 40)
    members = _sample_members(ctx, wanted)
    org_paths = dict(Org.objects.values_list("pk", "path"))
    org_by_path = {
        o.path: o for o in Org.objects.filter(status=OrgStatus.ACTIVE).only("pk", "path")
    }
    by_org_path: dict[str, list[Service]] = {}
    for service in services:
        if service.status == "open":
            by_org_path.setdefault(service.org.path, []).append(service)
    calendar = WorkdayCalendar.for_range(
        REQUEST_START, REFERENCE_DATE + datetime.timedelta(days=90)
    )
    requests: list[ServiceRequest] = []
    events: list[ServiceRequestEvent] = []
    for member_id, org_id, gender, migrant, form in members:
        candidates = [
            s
            for p in path_and_ancestors(org_paths[org_id])
            for s in by_org_path.get(p, ())
            if _eligible(s, gender, migrant, form)
        ]
        if not candidates:
            continue
        service = rng.choice(candidates)
        day = REQUEST_START + datetime.timedelta(days=rng.randrange(REQUEST_DAYS))
        submitted = _aware(day, rng.randint(8, 21), rng.randrange(60))
        due = calendar.add_workdays(day, service.deadline_workdays)
        request = ServiceRequest(
            service=service,
            member_id=member_id,
            org=service.org,
            details=rng.choice(DETAILS[service.category]),
            submitted_at=submitted,
            due_on=due,
        )
        trail = [(RequestEventKind.SUBMIT, "", RequestStatus.SUBMITTED, submitted, "")]
        age = (REFERENCE_DATE - day).days
        fate = rng.random()
        if (age < 10 and fate < 0.5) or fate < 0.03:
            status = rng.choice(OPEN_STATUSES)
        elif fate < 0.11:
            status = RequestStatus.REJECTED
        elif fate < 0.15:
            status = RequestStatus.WITHDRAWN
        else:
            status = RequestStatus.DONE
        moment = submitted
        if status == RequestStatus.WITHDRAWN:
            moment += datetime.timedelta(hours=rng.randint(1, 30))
            trail.append((RequestEventKind.WITHDRAW, "submitted", status, moment, ""))
            request.closed_at = moment
        if status in (RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.DONE) or (
            status == RequestStatus.REJECTED and rng.random() < 0.4
        ):
            moment += datetime.timedelta(hours=rng.randint(2, 40))
            request.accepted_at = moment
            trail.append((RequestEventKind.ACCEPT, "submitted", "accepted", moment, ""))
        if status in (RequestStatus.IN_PROGRESS, RequestStatus.DONE) and rng.random() < 0.7:
            moment += datetime.timedelta(hours=rng.randint(2, 48))
            request.started_at = moment
            trail.append((RequestEventKind.START, "accepted", "in_progress", moment, ""))
        if status == RequestStatus.DONE:
            late = rng.random() < 0.12
            finish = due + datetime.timedelta(days=rng.randint(1, 6)) if late else None
            if finish is None:
                span = max(0, (due - moment.date()).days)
                finish = moment.date() + datetime.timedelta(days=rng.randint(0, span))
            moment = max(moment, _aware(finish, rng.randint(9, 17)))
            request.closed_at = moment
            request.result = rng.choice(RESULTS)
            trail.append((RequestEventKind.COMPLETE, trail[-1][2], status, moment, request.result))
            if rng.random() < 0.7:
                request.rating = rng.choices((5, 4, 3, 2, 1), weights=(55, 28, 10, 4, 3))[0]
                request.rating_comment = rng.choice(("", "", "很满意", "服务热情", "办理及时"))
                request.rated_at = moment + datetime.timedelta(hours=rng.randint(1, 72))
                stars = "★" * request.rating + "☆" * (5 - request.rating)
                note = f"{stars} {request.rating_comment}".strip()
                trail.append((RequestEventKind.RATE, status, status, request.rated_at, note))
        if status == RequestStatus.REJECTED:
            moment += datetime.timedelta(hours=rng.randint(2, 60))
            request.reason = rng.choice(REASONS)
            request.closed_at = moment
            trail.append((RequestEventKind.REJECT, trail[-1][2], status, moment, request.reason))
        request.status = status
        if status in OPEN_STATUSES and due < REFERENCE_DATE:
            parent = next(
                (
                    org_by_path[p]
                    for p in reversed(ancestor_paths(service.org)[:-1])
                    if p in org_by_path
                ),
                None,
            )
            request.escalated_to = parent
            request.escalated_at = _aware(due + datetime.timedelta(days=1), 2)
            note = f"逾期未办结，已提级至{parent.name}。" if parent else "逾期未办结。"
            trail.append((RequestEventKind.ESCALATE, status, status, request.escalated_at, note))
        requests.append(request)
        events.extend(_events(request, trail))
    bulk_insert(requests)
    for event in events:
        event.request_id = event.request.pk
    bulk_insert(events)
    ctx.log(f"{len(requests):,} service requests, {len(events):,} steps")


def _events(request, trail) -> list[ServiceRequestEvent]:
    names = {
        RequestEventKind.SUBMIT: "会员本人",
        RequestEventKind.WITHDRAW: "会员本人",
        RequestEventKind.RATE: "会员本人",
        RequestEventKind.ESCALATE: SYSTEM,
    }
    return [
        ServiceRequestEvent(
            request=request,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            note=note,
            actor_name=names.get(kind, f"{request.org.name}工作人员"),
            at=at,
        )
        for kind, from_status, to_status, at, note in trail
    ]


def _seed_projects(ctx: SeedContext) -> None:
    rng = ctx.rng
    owners = [(ctx.data["city"], rng.randint(8, 10))] + [
        (district, rng.randint(4, 7)) for district in ctx.data["districts"]
    ]
    streets_of = {}
    for street in ctx.data["streets"]:
        streets_of.setdefault(street.path[: len(street.path) - Org.steplen], []).append(street)
    projects, milestones, reports = [], [], []
    for org, count in owners:
        for year in (2025, 2026):
            for category, name, unit, (low, high), per_unit in rng.sample(PROJECTS, count):
                target = rng.randint(low, high)
                responsible = org
                if (
                    org.level == OrgLevel.DISTRICT
                    and streets_of.get(org.path)
                    and rng.random() < 0.3
                ):
                    responsible = rng.choice(streets_of[org.path])
                project = PracticalProject(
                    org=org,
                    year=year,
                    name=f"{year}年{name}",
                    category=category,
                    description=f"{org.name}{year}年服务职工实事项目。",
                    target_quantity=Decimal(target),
                    target_unit=unit,
                    budget=Decimal(target * per_unit),
                    responsible_org=responsible,
                )
                reached = rng.uniform(0.85, 1.15) if year == 2025 else rng.uniform(0.45, 1.05)
                last_month = 12 if year == 2025 else 11
                parts = [rng.random() for _ in range(last_month - 1)]
                total = sum(parts)
                achieved = spent = Decimal(0)
                for month, part in enumerate(parts, start=2):
                    quantity = Decimal(int(target * reached * part / total))
                    cost = (quantity * per_unit * Decimal(str(rng.uniform(0.8, 1.05)))).quantize(
                        Decimal("1")
                    )
                    if not quantity:
                        continue
                    achieved += quantity
                    spent += cost
                    reports.append(
                        ProjectProgress(
                            project=project,
                            reported_on=datetime.date(year, month, 25),
                            quantity=quantity,
                            spent=cost,
                            note=f"{month}月完成{quantity}{unit}。",
                        )
                    )
                project.achieved, project.spent = achieved, spent
                projects.append(project)
                for title, month in (("启动实施", 3), ("中期推进", 7), ("完成验收", 12)):
                    due = datetime.date(year, month, 31)
                    done = due if (year, month) < (2026, 12) else None
                    milestones.append(
                        ProjectMilestone(project=project, title=title, due_on=due, done_on=done)
                    )
    bulk_insert(projects)
    for row in (*milestones, *reports):
        row.project_id = row.project.pk
    bulk_insert(milestones)
    bulk_insert(reports)
    ctx.log(f"{len(projects):,} practical projects, {len(reports):,} progress reports")
