"""Seed generator of employment services: job postings of covered enterprises, members'
applications, job fairs (incl. 劳模先进送岗位) with participating enterprises and
registrations, and 就业帮扶 records.

Volumes scale with the members: a job per 250 members, an application per 40, two fairs a
year per district plus the city's, an aid record per 500 members (capped so seeding stays
about a second). Dates are fixed around the reference date; jobs stay open until a date
well after it, so the demo has open jobs however late it is run.
"""

from __future__ import annotations

import datetime

from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from employment.choices import (
    AidStatus,
    ApplicationStatus,
    FairKind,
    FairStatus,
    JobLossReason,
    PostingStatus,
)
from employment.models import EmploymentAid, FairRegistration, JobApplication, JobFair, JobPosting
from members.choices import MemberStatus
from members.models import Member
from orgs.choices import EnterpriseStatus, OrgStatus

JOB_TITLES = {
    "C": ("操作工", "质检员", "机修工", "仓库管理员", "数控车工", "焊工", "包装工"),
    "E": ("施工员", "电工", "安全员", "木工", "测量员"),
    "F": ("营业员", "收银员", "理货员", "店长助理"),
    "G": ("快递员", "货车司机", "分拣员", "调度员", "配送员"),
    "H": ("厨师", "服务员", "前台接待", "客房服务员"),
    "I": ("软件测试工程师", "运维工程师", "客服专员", "数据标注员"),
    "O": ("保安员", "保洁员", "家政服务员", "护工"),
    "Q": ("护理员", "导医", "药房助理"),
}
GENERIC_TITLES = ("行政文员", "销售代表", "客服专员", "仓储专员", "维修技工")
REQUIREMENTS = (
    "初中及以上学历，身体健康，能适应倒班。",
    "高中或中专以上学历，有相关工作经验者优先。",
    "持有相应职业资格证书，吃苦耐劳。",
    "有C1驾照，熟悉本市道路。",
    "责任心强，服从安排，提供食宿。",
)
FAIR_TITLES = {
    FairKind.GENERAL: "春风行动专场招聘会",
    FairKind.MODEL_WORKERS: "劳模先进送岗位专场",
    FairKind.NEW_EMPLOYMENT: "新就业形态岗位对接会",
    FairKind.ONLINE: "云招聘直播专场",
}
NEW_EMPLOYERS = ("本市物流公司", "区内制造企业", "社区服务中心", "连锁超市", "物业公司")


@register("employment", order=65)
def seed_employment(ctx: SeedContext) -> None:
    rng = ctx.rng
    enterprises = [
        e
        for e in ctx.data["enterprises"]
        if e.status == EnterpriseStatus.ACTIVE and e.covering_union_id
    ]
    postings = _postings(rng, ctx, enterprises)
    members = list(
        Member.objects.filter(status=MemberStatus.ACTIVE).order_by("pk").values_list("pk", "org_id")
    )
    applications = _applications(rng, ctx, postings, members)
    fairs, fair_links, registrations = _fairs(rng, ctx, enterprises, members)
    aid = _aid(rng, ctx, members)
    ctx.log(
        f"{len(postings)} jobs, {applications} applications, {len(fairs)} job fairs "
        f"({fair_links} enterprise places, {registrations} registrations), "
        f"{aid} employment aid records"
    )


def _postings(rng, ctx, enterprises) -> list[JobPosting]:
    if not enterprises:
        return []
    postings = []
    for _ in range(min(5000, max(30, ctx.members // 250))):
        enterprise = rng.choice(enterprises)
        titles = JOB_TITLES.get(enterprise.industry, GENERIC_TITLES)
        low = rng.randrange(3500, 9000, 500)
        roll = rng.random()
        status = (
            PostingStatus.OPEN
            if roll < 0.6
            else (PostingStatus.CLOSED if roll < 0.9 else PostingStatus.DRAFT)
        )
        published = REFERENCE_DATE - datetime.timedelta(days=rng.randint(1, 200))
        if status == PostingStatus.OPEN:
            expires = REFERENCE_DATE + datetime.timedelta(days=rng.randint(400, 800))
        else:
            expires = published + datetime.timedelta(days=rng.randint(30, 90))
        postings.append(
            JobPosting(
                org_id=enterprise.covering_union_id,
                enterprise=enterprise,
                title=rng.choice(titles),
                positions=rng.choice((1, 1, 2, 3, 5, 10, 20)),
                salary_min=low,
                salary_max=low + rng.randrange(500, 5000, 500),
                location=enterprise.address or enterprise.name,
                requirements=rng.choice(REQUIREMENTS),
                contact=f"人事部 0571-{rng.randint(80000000, 89999999)}",
                status=status,
                expires_on=expires,
                published_on=None if status == PostingStatus.DRAFT else published,
            )
        )
    bulk_insert(postings)
    return postings


def _applications(rng, ctx, postings, members) -> int:
    published = [p for p in postings if p.status != PostingStatus.DRAFT]
    if not published or not members:
        return 0
    taken: set[tuple[int, int]] = set()
    rows = []
    statuses = (
        [ApplicationStatus.SUBMITTED] * 5
        + [ApplicationStatus.REFERRED] * 2
        + [ApplicationStatus.HIRED] * 2
        + [ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN]
    )
    for _ in range(min(20_000, max(50, ctx.members // 40))):
        posting = rng.choice(published)
        member_id, _org = members[rng.randrange(len(members))]
        if (posting.pk, member_id) in taken:
            continue
        taken.add((posting.pk, member_id))
        applied = datetime.datetime.combine(
            posting.published_on + datetime.timedelta(days=rng.randint(0, 25)),
            datetime.time(rng.randint(8, 22), rng.randint(0, 59)),
            tzinfo=SEED_TIMESTAMP.tzinfo,
        )
        applied = min(applied, SEED_TIMESTAMP)
        status = rng.choice(statuses)
        decided = status in (
            ApplicationStatus.REFERRED,
            ApplicationStatus.HIRED,
            ApplicationStatus.DECLINED,
        )
        rows.append(
            JobApplication(
                posting=posting,
                member_id=member_id,
                status=status,
                applied_at=applied,
                decided_at=applied + datetime.timedelta(days=3) if decided else None,
            )
        )
    bulk_insert(rows)
    return len(rows)


def _fairs(rng, ctx, enterprises, members):
    organisers = [ctx.data["city"], *ctx.data["districts"]]
    organisers = [o for o in organisers if o.status == OrgStatus.ACTIVE]
    fairs = []
    for organiser in organisers:
        for offset in (-200, -60, 30, 330, 380):
            kind = rng.choice(list(FairKind.values))
            if organiser.pk == ctx.data["city"].pk and offset == 330:
                kind = FairKind.MODEL_WORKERS
            held_on = REFERENCE_DATE + datetime.timedelta(days=offset + rng.randint(-10, 10))
            status = FairStatus.HELD if held_on < REFERENCE_DATE else FairStatus.PLANNED
            fairs.append(
                JobFair(
                    org=organiser,
                    title=f"{organiser.name.removesuffix('总工会')}{FAIR_TITLES[kind]}",
                    kind=kind,
                    held_on=held_on,
                    hours="09:00-12:00",
                    place=f"{organiser.name.removesuffix('总工会')}职工服务中心",
                    capacity=rng.choice((None, 200, 300, 500)),
                    description="多家企业现场招聘，提供政策咨询和职业指导。",
                    status=status,
                )
            )
    bulk_insert(fairs)
    through = JobFair.enterprises.through
    links = []
    for fair in fairs:
        local = [e for e in enterprises if e.territory.path.startswith(fair.org.path)]
        for enterprise in rng.sample(local, k=min(len(local), rng.randint(5, 20))):
            links.append(through(jobfair_id=fair.pk, enterprise_id=enterprise.pk))
    bulk_insert(links)
    registrations = []
    for fair in fairs:
        if not members:
            break
        count = min(fair.capacity or 300, rng.randint(20, 150))
        chosen = {members[rng.randrange(len(members))][0] for _ in range(count)}
        registered = datetime.datetime.combine(
            fair.held_on - datetime.timedelta(days=7),
            datetime.time(10, 0),
            tzinfo=SEED_TIMESTAMP.tzinfo,
        )
        registrations.extend(
            FairRegistration(fair=fair, member_id=member_id, registered_at=registered)
            for member_id in sorted(chosen)
        )
    bulk_insert(registrations)
    return fairs, len(links), len(registrations)


def _aid(rng, ctx, members) -> int:
    if not members:
        return 0
    chosen = {
        members[rng.randrange(len(members))] for _ in range(min(2000, max(10, ctx.members // 500)))
    }
    rows = []
    for member_id, org_id in sorted(chosen):
        lost = REFERENCE_DATE - datetime.timedelta(days=rng.randint(20, 400))
        roll = rng.random()
        status = (
            AidStatus.REEMPLOYED
            if roll < 0.55
            else (AidStatus.HELPING if roll < 0.85 else AidStatus.CLOSED)
        )
        reemployed = None
        if status == AidStatus.REEMPLOYED:
            reemployed = min(REFERENCE_DATE, lost + datetime.timedelta(days=rng.randint(15, 180)))
        help_lines = [
            f"{lost + datetime.timedelta(days=7):%Y-%m-%d} 登记求职意向，推荐岗位3个",
            f"{lost + datetime.timedelta(days=14):%Y-%m-%d} 参加专场招聘会",
        ]
        rows.append(
            EmploymentAid(
                member_id=member_id,
                org_id=org_id,
                lost_job_on=lost,
                reason=rng.choice(list(JobLossReason.values)),
                former_employer="",
                help_given="\n".join(help_lines),
                status=status,
                reemployed_on=reemployed,
                new_employer=rng.choice(NEW_EMPLOYERS) if reemployed else "",
                closed_reason="迁居外地" if status == AidStatus.CLOSED else "",
            )
        )
    bulk_insert(rows)
    return len(rows)
