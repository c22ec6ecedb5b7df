"""Seed generator of contests: a city year (the year before the reference date) of labour
and skills contests — the city's "安康杯" with whole enterprises taking part (tens of
thousands of workers at demo size), city skills contests fed by district qualifiers whose
entries were nominated upward, team labour and merit contests — with judged rounds (five
seeded judge accounts, weighted rubrics, trimmed means), results and awards. One skills
contest is still being scored, so the judges' pages have work to show.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from contests import scoring, selectors
from contests.choices import (
    Aggregation,
    AwardGrade,
    ContestKind,
    ContestLevel,
    ContestStatus,
    EntryKind,
    StageRound,
    StageStatus,
)
from contests.models import (
    Contest,
    ContestEntry,
    ContestStage,
    Criterion,
    JudgeAssignment,
    Score,
    StageEntry,
)
from core.bulk import reserve_ids
from core.seeding import REFERENCE_DATE, SEED_TIMESTAMP, SeedContext, bulk_insert, register
from members.choices import MemberStatus
from members.models import Member
from orgs.choices import EnterpriseStatus
from orgs.seed import DEMO_PASSWORD

YEAR = REFERENCE_DATE.year - 1
JUDGES = [
    ("judge1", "钱振华", "高级技师"),
    ("judge2", "孙丽萍", "高级工程师"),
    ("judge3", "周国强", "首席技师"),
    ("judge4", "吴春燕", "职业技能鉴定考评员"),
    ("judge5", "郑光明", "全国技术能手"),
]
JUDGE_USERNAMES = tuple(username for username, _, _ in JUDGES)
TRADES = ("数控车工", "焊工", "电工", "钳工", "汽车维修工", "育婴员")
CRITERIA = (("实际操作", Decimal("0.70")), ("理论知识", Decimal("0.30")))


def sample_members(rng, count: int, path: str = "") -> list[tuple]:
    """About ``count`` active members (id, org id, enterprise id, name) of the subtree at
    ``path``, taken as a few runs of consecutive ids from random starting points — fast at
    a million members, deterministic for a seed."""
    members = Member.objects.filter(status=MemberStatus.ACTIVE)
    if path:
        members = members.filter(org__path__startswith=path)
    bounds = members.order_by("pk").values_list("pk", flat=True)
    first, last = bounds.first(), members.order_by("-pk").values_list("pk", flat=True).first()
    if first is None or count <= 0:
        return []
    runs = max(1, min(10, count // 5))
    found: dict[int, tuple] = {}
    for _ in range(runs):
        start = rng.randint(first, last)
        rows = (
            members.filter(pk__gte=start)
            .order_by("pk")
            .values_list("pk", "org_id", "enterprise_id", "name")[: count // runs + 1]
        )
        found.update({row[0]: row for row in rows})
    return sorted(found.values())[:count]


def _flush_judges(ctx: SeedContext) -> None:
    deleted, _ = get_user_model().objects.filter(username__in=JUDGE_USERNAMES).delete()
    ctx.stdout.write(f"  deleted seeded judges ({deleted} rows incl. related)\n")


def _judge_users():
    User = get_user_model()
    users = []
    password = make_password(DEMO_PASSWORD)
    for username, name, _ in JUDGES:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.password, user.date_joined = name, password, SEED_TIMESTAMP
        user.save()
        users.append(user)
    return users


class Builder:
    """Collects rows of every contest model and writes each model in one bulk insert."""

    def __init__(self, rng):
        self.rng = rng
        self.level: dict[int, float] = {}  # an entrant's true form, around which judges score
        self.rows: dict[type, list] = {
            model: []
            for model in (
                Contest,
                ContestEntry,
                ContestStage,
                Criterion,
                JudgeAssignment,
                StageEntry,
                Score,
            )
        }

    def add(self, obj):
        self.rows[type(obj)].append(obj)
        return obj

    def contest(self, host, name, kind, level, trade="", parent=None, status=ContestStatus.CLOSED):
        start = datetime.date(YEAR, self.rng.randint(3, 5), 1)
        return self.add(
            Contest(
                host=host,
                name=name,
                year=YEAR,
                level=level,
                kind=kind,
                theme="",
                trade=trade,
                starts_on=start,
                ends_on=datetime.date(YEAR, self.rng.randint(9, 11), 28),
                aggregation=Aggregation.TRIMMED,
                parent=parent,
                status=status,
                description=f"{YEAR}年度{name}。",
            )
        )

    def entry(
        self,
        contest,
        kind,
        name,
        org_id,
        count=1,
        member_id=None,
        enterprise_id=None,
        team="",
        nominated_from=None,
    ):
        number = f"{len([e for e in self.rows[ContestEntry] if e.contest is contest]) + 1:04d}"
        return self.add(
            ContestEntry(
                contest=contest,
                kind=kind,
                name=name,
                org_id=org_id,
                participant_count=count,
                member_id=member_id,
                enterprise_id=enterprise_id,
                team_members=team,
                number=number,
                nominated_from=nominated_from,
            )
        )

    def write(self):
        for model, objects in self.rows.items():
            # Ids first, so rows of the same model can point at each other (nominations).
            for obj, pk in zip(objects, reserve_ids(model, len(objects)), strict=True):
                obj.pk = pk
            for obj in objects:  # links given as objects take the ids of those objects
                for field in model._meta.concrete_fields:
                    related = obj._state.fields_cache.get(field.name) if field.is_relation else None
                    if related is not None:
                        setattr(obj, field.attname, related.pk)
            bulk_insert(objects)


def _judged_rounds(b: Builder, contest, entries, judges, rounds, scoring_last=False):
    """Rounds with a five-judge panel; every judge scores every entry of a round around the
    entry's own level; the top of each round goes on."""
    level = b.level
    level.update({id(e): b.rng.gauss(75, 9) for e in entries})
    field = entries
    plan = []
    for index, round_ in enumerate(rounds):
        last = index == len(rounds) - 1
        stage = b.add(
            ContestStage(
                contest=contest,
                round=round_,
                held_on=contest.starts_on + datetime.timedelta(days=30 * (index + 1)),
                blind=round_ == StageRound.PRELIMINARY,
                advance_count=None if last else max(3, len(field) // 4),
                status=StageStatus.SCORING if (last and scoring_last) else StageStatus.CLOSED,
            )
        )
        criteria = [
            b.add(Criterion(stage=stage, name=n, weight=w, max_score=Decimal(100)))
            for n, w in CRITERIA
        ]
        seats = [
            b.add(JudgeAssignment(stage=stage, user=u, name=u.first_name, title=t))
            for u, (_, _, t) in zip(judges, JUDGES, strict=True)
        ]
        codes = list(range(1, len(field) + 1))
        b.rng.shuffle(codes)
        stage_entries = [
            b.add(StageEntry(stage=stage, entry=e, code=f"{'ABC'[index]}{c:04d}"))
            for e, c in zip(field, codes, strict=True)
        ]
        scored = (
            stage_entries[: len(stage_entries) // 2]
            if stage.status == StageStatus.SCORING
            else stage_entries
        )
        weights = {id(c): c.weight for c in criteria}
        heaviest = id(criteria[0])  # 实际操作 carries the largest weight
        results = []
        for se in scored:
            result = scoring.Result(key=id(se))
            on_heaviest = []
            for seat in seats:
                sheet = {}
                for criterion in criteria:
                    value = min(100.0, max(0.0, b.rng.gauss(level[id(se.entry)], 5)))
                    score = b.add(
                        Score(
                            stage_entry=se,
                            judge=seat,
                            criterion=criterion,
                            value=Decimal(f"{value:.1f}"),
                        )
                    )
                    sheet[id(criterion)] = score.value
                result.totals.append(scoring.judge_total(sheet, weights))
                on_heaviest.append(sheet[heaviest])
            result.score = scoring.aggregate(result.totals, contest.aggregation)
            result.tie_break = scoring.mean(on_heaviest)
            results.append(result)
        plan.append(stage)
        if stage.status == StageStatus.SCORING:
            return plan, []
        # The same arithmetic as the ranking page, so the seeded advancement matches it.
        entry_of = {id(se): se.entry for se in stage_entries}
        ranked = scoring.rank(results)
        cut = stage.advance_count
        field = [entry_of[r.key] for r in ranked if not cut or r.rank <= cut]
    return plan, [entry_of[r.key] for r in ranked]


def _results(stages, awards: bool) -> None:
    """Store ranks and scores of the closed rounds (the same selector as the pages) and the
    awards of the last round."""
    updates, entry_updates = [], []
    for stage in stages:
        if stage.status != StageStatus.CLOSED:
            continue
        rows = selectors.stage_results(
            ContestStage.objects.select_related("contest").get(pk=stage.pk)
        )
        for row in rows:
            se = row.stage_entry
            se.score, se.rank = row.result.score, row.result.rank
            se.advanced = (
                bool(stage.advance_count) and se.rank is not None and se.rank <= stage.advance_count
            )
            updates.append(se)
        if awards and stage is stages[-1]:
            for row in rows:
                entry = row.stage_entry.entry
                entry.final_rank = row.rank
                entry.award = (
                    AwardGrade.FIRST
                    if row.rank == 1
                    else AwardGrade.SECOND
                    if row.rank <= 3
                    else AwardGrade.THIRD
                    if row.rank <= 6
                    else ""
                )
                entry_updates.append(entry)
    StageEntry.objects.bulk_update(updates, ["score", "rank", "advanced"], batch_size=1000)
    ContestEntry.objects.bulk_update(entry_updates, ["final_rank", "award"], batch_size=1000)


def _award(rank: int | None, field: int) -> str:
    """About a third of a final's field is awarded: one first prize per 15 entrants."""
    if rank is None:
        return ""
    if rank <= max(1, field // 15):
        return AwardGrade.FIRST
    if rank <= max(2, field // 6):
        return AwardGrade.SECOND
    if rank <= max(3, field // 3):
        return AwardGrade.THIRD
    return ""


@register("contests", order=60, flush=_flush_judges)
def seed_contests(ctx: SeedContext) -> None:
    rng = ctx.rng
    city, districts = ctx.data["city"], ctx.data["districts"]
    judges = _judge_users()
    b = Builder(rng)
    covered = [
        e
        for e in ctx.data["enterprises"]
        if e.covering_union_id and e.status == EnterpriseStatus.ACTIVE
    ]
    # 安康杯: whole enterprises take part with all their workers.
    ankang = b.contest(city, f"{YEAR}年度“安康杯”竞赛", ContestKind.ANKANG, ContestLevel.CITY)
    for e in rng.sample(covered, min(len(covered), max(30, ctx.members // 150))):
        b.entry(
            ankang,
            EntryKind.ENTERPRISE,
            e.name,
            e.covering_union_id,
            count=e.employee_count,
            enterprise_id=e.pk,
        )
    # Labour and merit contests: teams (班组) of key projects.
    for kind, name in (
        (ContestKind.LABOUR, "重点工程建设劳动竞赛"),
        (ContestKind.MERIT, "建功新时代立功竞赛"),
    ):
        contest = b.contest(city, f"{YEAR}年{name}", kind, ContestLevel.CITY)
        for e in rng.sample(covered, min(len(covered), max(10, ctx.members // 1000))):
            size = rng.randint(5, 40)
            b.entry(
                contest,
                EntryKind.TEAM,
                f"{e.name}{rng.choice(['一', '二', '三'])}班组",
                e.covering_union_id,
                count=size,
                enterprise_id=e.pk,
            )
    stages_done = []
    for index, trade in enumerate(TRADES[:3]):
        still_scoring = index == 2
        city_contest = b.contest(
            city,
            f"{YEAR}年职工职业技能大赛（{trade}）",
            ContestKind.SKILL,
            ContestLevel.CITY,
            trade=trade,
            status=ContestStatus.JUDGING if still_scoring else ContestStatus.CLOSED,
        )
        finalists = []
        for district in districts:
            qualifier = b.contest(
                district,
                f"{district.name}{trade}技能比武",
                ContestKind.SKILL,
                ContestLevel.DISTRICT,
                trade=trade,
                parent=city_contest,
            )
            people = sample_members(
                rng, max(8, ctx.members // (600 * len(districts))), district.path
            )
            entries = [
                b.entry(
                    qualifier,
                    EntryKind.INDIVIDUAL,
                    name,
                    org_id,
                    member_id=pk,
                    enterprise_id=enterprise_id,
                )
                for pk, org_id, enterprise_id, name in people
            ]
            if len(entries) < 3:
                continue
            stages, ranked = _judged_rounds(b, qualifier, entries, judges, [StageRound.PRELIMINARY])
            stages_done.append((stages, True))
            winners = ranked[:3]
            finalists += [
                b.entry(
                    city_contest,
                    EntryKind.INDIVIDUAL,
                    w.name,
                    w.org_id,
                    member_id=w.member_id,
                    enterprise_id=w.enterprise_id,
                    nominated_from=w,
                )
                for w in winners
            ]
        if len(finalists) >= 3:
            stages, _ = _judged_rounds(
                b,
                city_contest,
                finalists,
                judges,
                [StageRound.PRELIMINARY, StageRound.FINAL],
                scoring_last=still_scoring,
            )
            stages_done.append((stages, not still_scoring))
    b.write()
    for stages, awards in stages_done:
        _results(stages, awards)
    entries = b.rows[ContestEntry]
    ctx.log(
        f"{len(b.rows[Contest])} contests, {len(entries):,} entries, "
        f"{sum(e.participant_count for e in entries):,} participants, "
        f"{len(b.rows[Score]):,} scores by {len(judges)} judges"
    )
