"""Seed generator of the assistance app: hardship files of about 0.5 % of the members
(most on file in the three categories, some under way, some closed), their households, and
the two campaigns of the year before the reference date — the city's 元旦春节送温暖, whose
fund goes down to the districts and on to the streets and federations that pay the filed
households, and 金秋助学 for their children — plus living and medical aid outside
campaigns. Every allocation covers what was paid from it, as the actions would enforce.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import ROUND_CEILING, Decimal

from assistance.choices import (
    AssistanceKind,
    CampaignKind,
    CampaignStatus,
    CloseReason,
    FileSource,
    FileStatus,
    FundSource,
    HardshipCategory,
    HardshipCause,
    Relation,
    SchoolLevel,
)
from assistance.models import Allocation, AssistanceRecord, Campaign, HardshipFile, HouseholdMember
from assistance.rules import school_aid_amount
from core.seeding import REFERENCE_DATE, SeedContext, bulk_insert, person_name, register
from members.choices import MemberStatus
from members.models import Member
from orgs.models import Org

SHARE = 0.005
MAX_FILES = 5_000
LINE = Decimal("1100")
# 送温暖 per household by category (local amounts are not published; DOMAIN §2.6).
WARMTH = {
    HardshipCategory.DEEP: Decimal("1000"),
    HardshipCategory.RELATIVE: Decimal("600"),
    HardshipCategory.ACCIDENT: Decimal("800"),
}
STEP = 4  # org path step (treebeard steplen)


def _day(rng, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def _ceil_thousand(amount: Decimal) -> Decimal:
    return (amount / 1000).to_integral_value(rounding=ROUND_CEILING) * 1000


@register("assistance", order=60)
def seed_assistance(ctx: SeedContext) -> None:
    rng = ctx.rng
    members = list(
        Member.objects.filter(status=MemberStatus.ACTIVE)
        .order_by("pk")
        .values_list("pk", "org_id", "name", "id_number_hash", "id_number_masked")
    )
    count = min(MAX_FILES, max(20, int(len(members) * SHARE)))
    chosen = rng.sample(members, min(count, len(members)))
    files, household, plan = _files(rng, chosen)
    bulk_insert(files)
    for person in household:  # built before the files had ids
        person.file_id = person.file.pk
    bulk_insert(household)
    org_paths = dict(Org.objects.values_list("pk", "path"))
    city = Org.objects.get(depth=1)
    records = _winter_warmth(rng, city, files, org_paths)
    records += _autumn_school(rng, city, files, plan, org_paths)
    records += _other_aid(rng, files)
    bulk_insert(records)
    filed = sum(f.status == FileStatus.APPROVED for f in files)
    ctx.log(
        f"{len(files):,} hardship files ({filed:,} on file), {len(household):,} household "
        f"members, {len(records):,} assistance records"
    )


def _files(rng, chosen):
    files, household, plan = [], [], {}
    causes_all = HardshipCause.values
    for member_id, org_id, name, key, masked in chosen:
        roll = rng.random()
        category = rng.choices(
            [HardshipCategory.DEEP, HardshipCategory.RELATIVE, HardshipCategory.ACCIDENT],
            weights=[3, 5, 2],
        )[0]
        persons = rng.randint(2, 4)
        if category == HardshipCategory.DEEP:
            per_capita = Decimal(rng.randrange(300, 1000))
        elif category == HardshipCategory.RELATIVE:
            per_capita = Decimal(rng.randrange(1150, 1990))  # relative under every local line
        else:
            per_capita = Decimal(rng.randrange(2300, 3500))
        causes = rng.sample(causes_all, rng.randint(1, 2))
        if category == HardshipCategory.ACCIDENT and not {"accident", "disaster", "illness"} & set(
            causes
        ):
            causes.append(rng.choice(["accident", "disaster", "illness"]))
        applied = _day(rng, datetime.date(2023, 3, 1), datetime.date(2025, 11, 30))
        file = HardshipFile(
            org_id=org_id,
            member_id=member_id,
            head_name=name,
            household_key=key,
            head_id_masked=masked,
            source=FileSource.APPLICATION if rng.random() < 0.7 else FileSource.REFERRAL,
            causes=",".join(causes),
            is_temporary=rng.random() < 0.1,
            situation=rng.choice(
                [
                    "配偶长期患病，需定期治疗",
                    "子女上学开支大",
                    "本人因工受伤，收入下降",
                    "家中遭受水灾",
                    "下岗后再就业困难",
                    "家有残疾人需照料",
                ]
            ),
            essential_costs=Decimal(rng.randrange(0, 6)) * 100,
            applied_on=applied,
            category=category,
            visited_on=applied + datetime.timedelta(days=rng.randint(3, 15)),
            visited_by=f"工会干部 {person_name(rng)}",
            visit_findings="经入户调查，情况属实",
        )
        file.notice_starts_on = file.visited_on + datetime.timedelta(days=2)
        file.notice_ends_on = file.notice_starts_on + datetime.timedelta(days=7)
        if roll < 0.72 or applied > datetime.date(2025, 12, 1):
            file.status = FileStatus.APPROVED
            file.approved_on = file.notice_ends_on + datetime.timedelta(days=rng.randint(1, 5))
            reviewed = file.approved_on
            while reviewed + datetime.timedelta(days=365) < REFERENCE_DATE and rng.random() < 0.8:
                reviewed += datetime.timedelta(days=365 + rng.randint(-20, 10))
            file.last_reviewed_on = reviewed if reviewed != file.approved_on else None
            file.review_due_on = reviewed + datetime.timedelta(days=365)
        elif roll < 0.84:
            file.status = FileStatus.CLOSED
            file.approved_on = file.notice_ends_on + datetime.timedelta(days=2)
            file.closed_on = min(
                file.approved_on + datetime.timedelta(days=rng.randint(200, 700)),
                REFERENCE_DATE - datetime.timedelta(days=1),
            )
            file.close_reason = rng.choice(
                [CloseReason.ESCAPED, CloseReason.ESCAPED, CloseReason.RETIRED, CloseReason.MOVED]
            )
        elif roll < 0.88:
            file.status = FileStatus.REJECTED
            file.decision_note = "核查发现家庭有经营性收入，不符合建档条件"
        else:
            file.status = rng.choice(
                [FileStatus.APPLIED, FileStatus.VERIFIED, FileStatus.PUBLICIZING]
            )
            file.applied_on = _day(rng, datetime.date(2025, 12, 1), datetime.date(2025, 12, 20))
            file.approved_on = None
            if file.status == FileStatus.APPLIED:
                file.category, file.visited_on, file.visited_by, file.visit_findings = (
                    "",
                    None,
                    "",
                    "",
                )
            else:
                file.visited_on = file.applied_on + datetime.timedelta(days=3)
            if file.status != FileStatus.PUBLICIZING:
                file.notice_starts_on = file.notice_ends_on = None
            else:
                file.notice_starts_on = file.visited_on + datetime.timedelta(days=1)
                file.notice_ends_on = file.notice_starts_on + datetime.timedelta(days=7)
        files.append(file)
        total = per_capita * persons + file.essential_costs
        incomes = _split(rng, total, persons)
        child_level = ""
        people = [(name, Relation.SELF, incomes[0], "")]
        for index in range(1, persons):
            relation = Relation.SPOUSE if index == 1 else Relation.CHILD
            level = ""
            if relation == Relation.CHILD and not child_level and rng.random() < 0.5:
                level = child_level = rng.choice(SchoolLevel.values)
            people.append((person_name(rng), relation, incomes[index], level))
        plan[id(file)] = (people, child_level)
    for file in files:
        people, _child = plan[id(file)]
        for person, relation, income, level in people:
            household.append(
                HouseholdMember(
                    file=file,
                    name=person,
                    relation=relation,
                    monthly_income=income,
                    school_level=level,
                )
            )
    return files, household, plan


def _split(rng, total: Decimal, persons: int) -> list[Decimal]:
    """Monthly incomes of a household adding up to ``total``: the head earns most."""
    shares = [rng.random() + (2 if i == 0 else 0) for i in range(persons)]
    whole = sum(shares)
    incomes = [(total * Decimal(s / whole)).quantize(Decimal("1")) for s in shares]
    incomes[0] += total - sum(incomes)
    return incomes


def _campaign(city, title, kind, year, starts, ends):
    return Campaign(
        org=city,
        title=title,
        kind=kind,
        year=year,
        budget=Decimal("0"),
        fund_source=FundSource.SPECIAL_SUBSIDY,
        starts_on=starts,
        ends_on=ends,
        status=CampaignStatus.CLOSED if ends < REFERENCE_DATE else CampaignStatus.OPEN,
    )


def _fund(rng, campaign, payments, org_paths, allocated_on):
    """Allocations city → districts → third-level orgs covering ``payments`` (a list of
    (member org id, amount)) with a margin; returns the allocation paying each org."""
    paths_to_id = {path: pk for pk, path in org_paths.items()}
    spend: dict[str, Decimal] = defaultdict(Decimal)
    for org_id, amount in payments:
        path = org_paths[org_id]
        spend[path[: 3 * STEP] if len(path) >= 3 * STEP else path[: 2 * STEP]] += amount
    by_district: dict[str, list[str]] = defaultdict(list)
    for path in spend:
        by_district[path[: 2 * STEP]].append(path)
    root_path = min(org_paths.values(), key=len)
    root = Allocation(campaign=campaign, org_id=paths_to_id[root_path], allocated_on=allocated_on)
    rows, payer = [root], {}
    total = Decimal("0")
    districts = []
    for district_path, paths in sorted(by_district.items()):
        district = Allocation(
            campaign=campaign,
            org_id=paths_to_id[district_path],
            parent=root,
            allocated_on=allocated_on,
        )
        passed = Decimal("0")
        children = []
        for path in sorted(paths):
            if path == district_path:
                payer[path] = district
                continue
            amount = _ceil_thousand(spend[path] * Decimal("1.1"))
            child = Allocation(
                campaign=campaign,
                org_id=paths_to_id[path],
                parent=district,
                amount=amount,
                spent=spend[path],
                allocated_on=allocated_on + datetime.timedelta(days=3),
            )
            payer[path] = child
            children.append(child)
            passed += amount
        district.spent = spend.get(district_path, Decimal("0"))
        district.sub_allocated = passed
        district.amount = _ceil_thousand((passed + district.spent) * Decimal("1.05") + 1000)
        districts.append((district, children))
        total += district.amount
    root.amount = _ceil_thousand(total + 10000)
    root.sub_allocated = total
    campaign.budget = root.amount
    # Rows were built before their parents had ids: link them level by level.
    bulk_insert([campaign])
    root.campaign_id = campaign.pk
    bulk_insert([root])
    for district, _children in districts:
        district.campaign_id, district.parent_id = campaign.pk, root.pk
    bulk_insert([d for d, _ in districts])
    for district, children in districts:
        for child in children:
            child.campaign_id, child.parent_id = campaign.pk, district.pk
        rows.extend(children)
    bulk_insert([c for _, children in districts for c in children])
    return lambda org_id: payer[
        org_paths[org_id][: 3 * STEP]
        if len(org_paths[org_id]) >= 3 * STEP
        else org_paths[org_id][: 2 * STEP]
    ]


def _winter_warmth(rng, city, files, org_paths):
    campaign = _campaign(
        city,
        "2026年元旦春节送温暖活动",
        CampaignKind.WINTER_WARMTH,
        2026,
        datetime.date(2025, 12, 10),
        datetime.date(2026, 2, 28),
    )
    on_file = [f for f in files if f.status == FileStatus.APPROVED]
    payments = [(f.org_id, WARMTH[f.category]) for f in on_file]
    payer = _fund(rng, campaign, payments, org_paths, datetime.date(2025, 12, 10))
    records = []
    for file in on_file:
        allocation = payer(file.org_id)
        records.append(
            AssistanceRecord(
                org_id=allocation.org_id,
                member_id=file.member_id,
                file=file,
                campaign=campaign,
                allocation=allocation,
                kind=AssistanceKind.CONDOLENCE,
                amount=WARMTH[file.category],
                fund_source=campaign.fund_source,
                delivered_on=_day(
                    rng,
                    max(file.approved_on, datetime.date(2025, 12, 15)),
                    datetime.date(2025, 12, 31),
                ),
                delivered_by=f"工会干部 {person_name(rng)}",
            )
        )
    return records


def _autumn_school(rng, city, files, plan, org_paths):
    campaign = _campaign(
        city,
        "2025年金秋助学活动",
        CampaignKind.AUTUMN_SCHOOL,
        2025,
        datetime.date(2025, 8, 1),
        datetime.date(2025, 9, 30),
    )
    pupils = [
        (f, plan[id(f)][1])
        for f in files
        if f.status == FileStatus.APPROVED
        and plan[id(f)][1]
        and f.approved_on < datetime.date(2025, 8, 1)
    ]
    payments = [(f.org_id, school_aid_amount(not f.is_temporary, level)) for f, level in pupils]
    payer = _fund(rng, campaign, payments, org_paths, datetime.date(2025, 8, 1))
    records = []
    for (file, level), (_org, amount) in zip(pupils, payments, strict=True):
        allocation = payer(file.org_id)
        records.append(
            AssistanceRecord(
                org_id=allocation.org_id,
                member_id=file.member_id,
                file=file,
                campaign=campaign,
                allocation=allocation,
                kind=AssistanceKind.SCHOOL,
                amount=amount,
                fund_source=campaign.fund_source,
                school_level=level,
                delivered_on=_day(rng, datetime.date(2025, 8, 20), datetime.date(2025, 9, 20)),
                delivered_by=f"工会干部 {person_name(rng)}",
            )
        )
    return records


def _other_aid(rng, files):
    records = []
    for file in files:
        if file.status != FileStatus.APPROVED or rng.random() > 0.3:
            continue
        kind = rng.choice([AssistanceKind.LIVING, AssistanceKind.MEDICAL])
        records.append(
            AssistanceRecord(
                org_id=file.org_id,
                member_id=file.member_id,
                file=file,
                kind=kind,
                amount=Decimal(rng.randrange(5, 50)) * 100,
                fund_source=rng.choice([FundSource.UNION_FUNDS, FundSource.DONATION]),
                delivered_on=_day(
                    rng,
                    max(file.approved_on, datetime.date(2025, 1, 1)),
                    datetime.date(2025, 12, 31),
                ),
                delivered_by=f"工会干部 {person_name(rng)}",
            )
        )
    return records
