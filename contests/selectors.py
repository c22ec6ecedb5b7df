"""Reads of contests: stage results (provisional while judges score, stored once the round
closes), a judge's sheet, and the contest figures of a subtree."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from contests import scoring
from contests.choices import EntryStatus, StageStatus
from contests.models import (
    Contest,
    ContestEntry,
    ContestStage,
    Criterion,
    JudgeAssignment,
    Score,
    StageEntry,
)
from dues.participation import RecordRow, among, scoped


@dataclass
class StageRow:
    """A line of the ranking: the stage entry, its judges' totals and its standing."""

    stage_entry: StageEntry
    result: scoring.Result
    recused: int  # judges who stood aside for a conflict of interest
    advanced: bool = False

    @property
    def rank(self):
        return self.result.rank

    @property
    def score(self):
        return self.result.score


def stage_results(stage: ContestStage) -> list[StageRow]:
    """Every entry of the stage ranked from the scores entered so far: a judge's total
    counts once the judge scored every criterion of the entry. Four queries."""
    criteria = list(stage.criteria.order_by("id").values_list("id", "weight"))
    weights = dict(criteria)
    top = scoring.heaviest(criteria)
    judges = list(JudgeAssignment.objects.filter(stage=stage).select_related("org"))
    entries = list(
        StageEntry.objects.filter(stage=stage).select_related(
            "entry", "entry__org", "entry__enterprise"
        )
    )
    sheets: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    for se_id, judge_id, cid, value in Score.objects.filter(stage_entry__stage=stage).values_list(
        "stage_entry_id", "judge_id", "criterion_id", "value"
    ):
        sheets[(se_id, judge_id)][cid] = value
    rows = []
    for se in entries:
        result = scoring.Result(key=se.pk)
        heaviest_scores = []
        recused = 0
        for judge in judges:
            if judge.conflicts_with(se.entry):
                recused += 1
                continue
            sheet = sheets.get((se.pk, judge.pk), {})
            if weights and set(sheet) >= set(weights):
                result.totals.append(scoring.judge_total(sheet, weights))
                heaviest_scores.append(sheet[top])
        result.score = scoring.aggregate(result.totals, stage.contest.aggregation)
        result.tie_break = scoring.mean(heaviest_scores)
        rows.append(StageRow(se, result, recused))
    by_key = {row.result.key: row for row in rows}
    ranked = scoring.rank([row.result for row in rows])
    ordered = [by_key[result.key] for result in ranked]
    if stage.status == StageStatus.CLOSED:
        for row in ordered:
            row.advanced = row.stage_entry.advanced
    return ordered


def missing_scores(stage: ContestStage) -> int:
    """How many (entry, judge) sheets are still incomplete; conflicts need no sheet."""
    count = 0
    criteria = stage.criteria.count()
    judges = list(JudgeAssignment.objects.filter(stage=stage).select_related("org"))
    done = {
        (se_id, judge_id)
        for se_id, judge_id, n in Score.objects.filter(stage_entry__stage=stage)
        .values_list("stage_entry_id", "judge_id")
        .annotate(n=Count("pk"))
        if n >= criteria
    }
    for se in StageEntry.objects.filter(stage=stage).select_related("entry", "entry__org"):
        for judge in judges:
            if not judge.conflicts_with(se.entry) and (se.pk, judge.pk) not in done:
                count += 1
    return count


def judge_sheet(judge: JudgeAssignment) -> list[dict]:
    """The entries of the judge's stage with what the judge entered and whether the judge
    must stand aside. Three queries."""
    criteria = list(judge.stage.criteria.order_by("id"))
    entered: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for se_id, cid, value in Score.objects.filter(judge=judge).values_list(
        "stage_entry_id", "criterion_id", "value"
    ):
        entered[se_id][cid] = value
    weights = {c.pk: c.weight for c in criteria}
    rows = []
    for se in (
        StageEntry.objects.filter(stage=judge.stage)
        .select_related("entry", "entry__org", "entry__enterprise")
        .order_by("code")
    ):
        values = entered.get(se.pk, {})
        complete = bool(weights) and set(values) >= set(weights)
        rows.append(
            {
                "stage_entry": se,
                "recused": judge.conflicts_with(se.entry),
                "values": [values.get(c.pk) for c in criteria],
                "total": scoring.judge_total(values, weights) if complete else None,
            }
        )
    return rows


def seat_of(user, stage: ContestStage) -> JudgeAssignment | None:
    return (
        JudgeAssignment.objects.of_user(user)
        .filter(stage=stage)
        .select_related("stage", "stage__contest", "org", "enterprise")
        .first()
    )


def contest_stats(org) -> dict:
    """Contests hosted in the subtree, and entries and participants from its unions
    (whoever hosted the contest). Two grouped queries."""
    hosted = Contest.objects.filter(host__path__startswith=org.path).aggregate(
        contests=Count("pk"), open=Count("pk", filter=Q(status__in=("open", "judging")))
    )
    entries = ContestEntry.objects.filter(
        org__path__startswith=org.path, status=EntryStatus.REGISTERED
    ).aggregate(
        entries=Count("pk"),
        participants=Sum("participant_count"),
        awarded=Count("pk", filter=~Q(award="")),
    )
    return {
        "org_id": org.pk,
        "contests": hosted["contests"],
        "contests_running": hosted["open"],
        "entries": entries["entries"],
        "participants": entries["participants"] or 0,
        "awarded_entries": entries["awarded"],
    }


def participants_by_kind(contests) -> list[dict]:
    """Participants of the given contests by contest kind, for the list page. One query."""
    return list(
        ContestEntry.objects.filter(contest__in=contests, status=EntryStatus.REGISTERED)
        .values("contest__kind")
        .annotate(entries=Count("pk"), participants=Sum("participant_count"))
        .order_by("contest__kind")
    )


def took_part(member_ids, start, end):
    """Members who entered a contest running in ``[start, end)`` (six-month review)."""
    return ContestEntry.objects.filter(
        among(member_ids),
        status=EntryStatus.REGISTERED,
        contest__starts_on__lt=end,
        contest__ends_on__gte=start,
    ).values("member_id")


def criteria_of(stage) -> list[Criterion]:
    return list(stage.criteria.order_by("id"))


def entry_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): the member's own entries, the award
    (or the entry's status) as the result (one query). No member page of contests exists,
    so the member's rows link nowhere."""
    entries = (
        scoped(ContestEntry.objects.filter(member=member), user)
        .select_related("contest")
        .order_by("-contest__starts_on", "-id")[:limit]
    )
    return [
        RecordRow(
            on=entry.contest.starts_on,
            kind=ContestEntry._meta.verbose_name,
            title=entry.contest.name,
            status=entry.get_award_display() if entry.award else entry.get_status_display(),
            url=entry.get_absolute_url() if user is not None else None,
        )
        for entry in entries
    ]
