"""Seed generator of the members app: real-name members for the synthetic city.

``--members N`` members: about 85 % employees of covered enterprises (each enterprise gets
members in proportion to its staff and a join rate of 60–95 %, never more than its staff),
the rest new-employment-form workers (快递员, 网约配送员, 网约车司机, 货车司机) recruited by
the district industry federations, with their platform company as employer where there is
one. Migrant workers carry ID numbers of their home provinces. Every ID number is valid
(real region code, check digit), unique, and stored encrypted like any other member's;
card numbers and ids are deterministic, ciphertexts are not (random nonces).

``join_applications``: about one pending online application per 1,000 members (at least
five), routed by the real rule (``members.joining.route_application``): employees of
covered and uncovered employers, couriers, riders and drivers; one in five comes from an
active member of another union and is a transfer request.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from stdnum.cn import ric

from core import pii
from core.seeding import (
    REFERENCE_DATE,
    SEED_TIMESTAMP,
    SeedContext,
    add_years,
    bulk_insert,
    person_name,
    register,
)
from members.actions import name_keys, personal_data_fields
from members.choices import (
    ChangeReason,
    ChangeType,
    EmploymentForm,
    EmploymentStatus,
    HouseholdType,
    JoinKind,
    MemberStatus,
)
from members.joining import FORM_SECTORS, WORK_AREA_LEVELS, route_application
from members.models import JoinApplication, Member, MembershipChange, Transfer
from orgs.choices import EnterpriseStatus, OrgLevel, OrgStatus

BATCH = 5000
LOCAL_REGIONS = ("330102", "330103", "330104", "330105", "330106", "330108", "330122")
# Home counties of migrant workers (农民工), real division codes.
HOME_REGIONS = ("411302", "342401", "510122", "430521", "362201", "522121", "411381", "341221")
SECTOR_FORMS = {
    "express": EmploymentForm.COURIER,
    "food_delivery": EmploymentForm.DELIVERY_RIDER,
    "ride_hailing": EmploymentForm.RIDE_HAILING,
    "freight": EmploymentForm.TRUCK_DRIVER,
}
EDUCATION_WEIGHTS = {"10": 4, "20": 22, "30": 24, "40": 14, "60": 18, "70": 15, "80": 3}
POLITICAL_WEIGHTS = {"01": 12, "02": 1, "03": 14, "04": 1, "13": 72}
BIRTH_DAYS = 16000  # 1960-01-01 + 16,000 days ≈ October 2003: everyone is 22 or older


def _pick(rng, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


class IdNumbers:
    """Unique, valid ID numbers. Per region and gender, the k-th number gets birth day
    ``k * 7919 mod 16000`` (a bijection on the days, so dates spread at once) and a
    sequence whose parity is the gender, as on real cards: 2·(k // 16000) + (0 if female
    else 1). That allows 8 million numbers per region and gender."""

    def __init__(self):
        self.counters: dict[tuple[str, bool], int] = defaultdict(int)

    def next(self, region: str, female: bool) -> tuple[str, datetime.date]:
        k = self.counters[region, female]
        self.counters[region, female] = k + 1
        day = datetime.date(1960, 1, 1) + datetime.timedelta(days=k * 7919 % BIRTH_DAYS)
        seq = 2 * ((k // BIRTH_DAYS) % 500) + (0 if female else 1)
        body = f"{region}{day:%Y%m%d}{seq:03d}"
        return body + ric.calc_check_digit(body + "0"), day


def _plan(ctx: SeedContext) -> list[tuple]:
    """(union, enterprise, employment form, count) for every group of members."""
    rng = ctx.rng
    covered = [
        e
        for e in ctx.data["enterprises"]
        if e.covering_union_id and e.status == EnterpriseStatus.ACTIVE
    ]
    unions = {o.pk: o for o in ctx.data["orgs"] if o.status == OrgStatus.ACTIVE}
    covered = [e for e in covered if e.covering_union_id in unions]
    standard_total = int(ctx.members * 0.85)
    weights = [e.employee_count * rng.uniform(0.6, 0.95) for e in covered]
    total_weight = sum(weights) or 1
    plan = []
    for enterprise, weight in zip(covered, weights, strict=True):
        count = min(enterprise.employee_count, round(standard_total * weight / total_weight))
        if count:
            plan.append((unions[enterprise.covering_union_id], enterprise, None, count))
    platforms = defaultdict(list)
    for enterprise in ctx.data["enterprises"]:
        sector = ctx.data.get("enterprise_sector", {}).get(enterprise.pk)
        if sector and enterprise.is_platform:
            platforms[sector].append(enterprise)
    federations = sorted(ctx.data["industry_federations"].items())
    remaining = ctx.members - sum(row[3] for row in plan)
    for index, ((_district, sector), federation) in enumerate(federations):
        share = remaining // len(federations) + (1 if index < remaining % len(federations) else 0)
        employer = rng.choice(platforms[sector]) if platforms.get(sector) else None
        form = SECTOR_FORMS.get(sector, EmploymentForm.OTHER_NEW)
        plan.append((federation, employer, form, share))
    return plan


@register("members", order=40)
def seed_members(ctx: SeedContext) -> None:
    rng = ctx.rng
    ids = IdNumbers()
    keys: dict[str, tuple[str, str]] = {}
    batch: list[Member] = []
    created = 0
    phone = 13000000000
    for union, enterprise, form, count in _plan(ctx):
        founded = union.founded_on or datetime.date(2010, 1, 1)
        for _ in range(count):
            female = rng.random() < 0.42
            migrant = rng.random() < (0.55 if form else 0.25)
            region = rng.choice(HOME_REGIONS if migrant else LOCAL_REGIONS)
            id_number, birth = ids.next(region, female)
            name = person_name(rng, female=female)
            if name not in keys:
                keys[name] = name_keys(name)
            phone += 1 + rng.randrange(3)
            joined = max(founded, add_years(birth, 18)) + datetime.timedelta(
                days=rng.randrange(3000)
            )
            joined = min(joined, REFERENCE_DATE)
            age = (REFERENCE_DATE - birth).days // 365
            retired = age >= 60 and rng.random() < 0.8
            batch.append(
                Member(
                    org=union,
                    enterprise=enterprise,
                    name=name,
                    name_pinyin=keys[name][0],
                    name_initials=keys[name][1],
                    id_number_cipher=pii.encrypt(id_number),
                    id_number_hash=pii.blind_index(pii.KIND_ID_NUMBER, id_number),
                    id_number_masked=pii.mask_id_number(id_number),
                    phone_cipher=pii.encrypt(str(phone)),
                    phone_hash=pii.blind_index(pii.KIND_PHONE, str(phone)),
                    phone_masked=pii.mask_phone(str(phone)),
                    gender="female" if female else "male",
                    birth_date=birth,
                    ethnicity="01" if rng.random() < 0.93 else f"{rng.randint(2, 56):02d}",
                    education=_pick(rng, EDUCATION_WEIGHTS),
                    political_status=_pick(rng, POLITICAL_WEIGHTS),
                    household_type=HouseholdType.AGRICULTURAL
                    if migrant
                    else HouseholdType.NON_AGRICULTURAL,
                    is_migrant_worker=migrant,
                    employment_form=form or EmploymentForm.STANDARD,
                    employment_status=EmploymentStatus.RETIRED
                    if retired
                    else EmploymentStatus.EMPLOYED,
                    skill_level=rng.choice(("", "", "", "3", "4", "5", "2", "1")),
                    joined_on=joined,
                    card_number=f"{joined:%Y}{created + len(batch) + 1:08d}",
                    status=MemberStatus.KEPT if retired else MemberStatus.ACTIVE,
                )
            )
            if len(batch) >= BATCH:
                created += _flush(batch)
    created += _flush(batch)
    ctx.data["members_created"] = created
    ctx.log(f"{created:,} members")


def _flush(batch: list[Member]) -> int:
    if not batch:
        return 0
    bulk_insert(batch)
    bulk_insert(
        [
            MembershipChange(
                member=member, change_type=ChangeType.JOINED, on=member.joined_on, to_org=member.org
            )
            for member in batch
        ]
    )
    count = len(batch)
    batch.clear()
    return count


# Home regions of applicants: real codes no seeded member has, so ID numbers never collide.
APPLICANT_REGIONS = ("330110", "330111", "420102", "320102")
FORM_OF_SECTOR = {str(sector): form for form, sector in FORM_SECTORS.items()}


@register("join_applications", order=45)
def seed_join_applications(ctx: SeedContext) -> None:
    rng = ctx.rng
    count = max(5, ctx.members // 1000)
    ids = IdNumbers()
    enterprises = [e for e in ctx.data["enterprises"] if e.status == EnterpriseStatus.ACTIVE]
    platforms = defaultdict(list)
    for enterprise in enterprises:
        sector = ctx.data.get("enterprise_sector", {}).get(enterprise.pk)
        if sector and enterprise.is_platform:
            platforms[sector].append(enterprise)
    places = [*ctx.data["districts"], *ctx.data["streets"]]
    active_members = Member.objects.filter(status=MemberStatus.ACTIVE).order_by("pk")
    member_total = active_members.count()
    taken: set[int] = set()
    applications = []
    for index in range(count):
        # Couriers, riders and drivers name where they work; employees work at their employer.
        work_area = rng.choice(places)
        if rng.random() < 0.4:
            sector = rng.choice(sorted(FORM_OF_SECTOR))
            form = FORM_OF_SECTOR[sector]
            choices = platforms.get(sector)
            enterprise = rng.choice(choices) if choices and rng.random() < 0.5 else None
        else:
            form, enterprise = EmploymentForm.STANDARD, rng.choice(enterprises)
            if enterprise.territory.level in WORK_AREA_LEVELS:
                work_area = None
        routing = route_application(
            employment_form=form, enterprise=enterprise, work_area=work_area
        )
        existing = None
        if index % 5 == 4 and member_total:
            candidate = active_members[rng.randrange(member_total)]
            if candidate.org_id != routing.org.pk and candidate.pk not in taken:
                existing = candidate
                taken.add(candidate.pk)
        female = rng.random() < 0.42
        if existing is not None:
            name = existing.name
            person = {
                key: getattr(existing, key)
                for key in (
                    "id_number_cipher",
                    "id_number_hash",
                    "id_number_masked",
                    "phone_cipher",
                    "phone_hash",
                    "phone_masked",
                    "gender",
                    "birth_date",
                )
            }
        else:
            name = person_name(rng, female=female)
            id_number, _birth = ids.next(rng.choice(APPLICANT_REGIONS), female)
            person = personal_data_fields(id_number, f"1390000{index:04d}")
        pinyin, initials = name_keys(name)
        migrant = rng.random() < (0.55 if form != EmploymentForm.STANDARD else 0.25)
        applications.append(
            JoinApplication(
                org=routing.org,
                route=routing.route,
                kind=JoinKind.TRANSFER if existing else JoinKind.NEW,
                existing_member=existing,
                name=name,
                name_pinyin=pinyin,
                name_initials=initials,
                ethnicity="01" if rng.random() < 0.93 else f"{rng.randint(2, 56):02d}",
                education=_pick(rng, EDUCATION_WEIGHTS),
                political_status=_pick(rng, POLITICAL_WEIGHTS),
                household_type=HouseholdType.AGRICULTURAL
                if migrant
                else HouseholdType.NON_AGRICULTURAL,
                employment_form=form,
                enterprise=enterprise,
                work_area=work_area,
                # Seeded tokens come from the seed (demo data); real ones are random.
                token=f"{rng.getrandbits(128):032x}",
                **person,
            )
        )
    bulk_insert(applications, SEED_TIMESTAMP - datetime.timedelta(days=3))
    transfers = sum(1 for a in applications if a.kind == JoinKind.TRANSFER)
    ctx.log(f"{len(applications)} pending join applications ({transfers} transfer requests)")


@register("transfers", order=46)
def seed_transfers(ctx: SeedContext) -> None:
    """Pending transfers (转出 sent, 接收 not yet answered): about one member in 2,000 moves to
    another grassroots union of the same district."""
    rng = ctx.rng
    grassroots = defaultdict(list)
    for org in ctx.data["orgs"]:
        if org.status == OrgStatus.ACTIVE and org.level == OrgLevel.GRASSROOTS:
            grassroots[org.path[:8]].append(org)
    last = Member.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    picks = rng.sample(range(1, last + 1), min(last, max(1, ctx.members // 2000)))
    members = Member.objects.filter(
        pk__in=picks, status=MemberStatus.ACTIVE, org__level=OrgLevel.GRASSROOTS
    ).values_list("pk", "org_id", "org__path")
    transfers = []
    for member_id, org_id, path in members:
        targets = [o for o in grassroots[path[:8]] if o.pk != org_id]
        if not targets:
            continue
        transfers.append(
            Transfer(
                member_id=member_id,
                from_org_id=org_id,
                to_org=rng.choice(targets),
                reason=ChangeReason.EMPLOYMENT_CHANGE,
                requested_on=(SEED_TIMESTAMP - datetime.timedelta(days=rng.randint(1, 20))).date(),
            )
        )
    bulk_insert(transfers)
    ctx.log(f"{len(transfers)} pending transfers")
