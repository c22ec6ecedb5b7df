"""Judging rules of contests: who may score, 回避, aggregation, ties, results, awards."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from contests import actions, scoring, selectors
from contests.choices import Aggregation, AwardGrade, ContestStatus, StageRound, StageStatus
from contests.models import Score, StageEntry
from contests.tests.factories import (
    make_contest,
    make_entry,
    make_stage,
    make_user,
    open_contest,
    score,
    seat,
)

pytestmark = pytest.mark.django_db

D = Decimal


def test_trimmed_mean_worked_example():
    totals = [D("9.0"), D("8.5"), D("9.6"), D("7.2"), D("8.8")]
    assert scoring.aggregate(totals, Aggregation.TRIMMED) == D("8.77")
    assert scoring.aggregate(totals, Aggregation.MEAN) == D("8.62")
    # With fewer than three totals nothing is dropped.
    assert scoring.aggregate([D("80"), D("90")], Aggregation.TRIMMED) == D("85.00")
    assert scoring.aggregate([], Aggregation.TRIMMED) is None


def test_ranking_ties_are_broken_by_heaviest_criterion_then_shared():
    results = [
        scoring.Result(key=1, score=D("90"), tie_break=D("88")),
        scoring.Result(key=2, score=D("92"), tie_break=D("80")),
        scoring.Result(key=3, score=D("90"), tie_break=D("91")),
        scoring.Result(key=4, score=D("90"), tie_break=D("88")),
        scoring.Result(key=5, score=D("85"), tie_break=D("99")),
        scoring.Result(key=6, score=None),
    ]
    ranked = scoring.rank(results)
    assert [(r.key, r.rank) for r in ranked] == [(2, 1), (3, 2), (1, 3), (4, 3), (5, 5), (6, None)]


@pytest.fixture
def judged(city, people):
    """A city contest, round one with two criteria (实操 0.7, 理论 0.3), three judges and
    entries from union A (enterprise A) and union B."""
    admin = people.city_admin
    contest = make_contest(admin, city.city, name="市焊工技能大赛")
    open_contest(admin, contest)
    entries = {
        "a": make_entry(admin, contest, city.union_a, "张甲", enterprise=city.enterprise_a),
        "b": make_entry(admin, contest, city.union_b, "李乙", enterprise=city.enterprise_b),
        "c": make_entry(admin, contest, city.union_b, "王丙"),
    }
    stage = make_stage(admin, contest, advance=2, blind=True)
    users = [make_user(f"judge{i}") for i in range(3)]
    judges = [seat(admin, stage, u, name=f"评委{i}") for i, u in enumerate(users)]
    return {
        "admin": admin,
        "contest": contest,
        "stage": stage,
        "entries": entries,
        "users": users,
        "judges": judges,
    }


def _se(stage, entry):
    return StageEntry.objects.get(stage=stage, entry=entry)


def test_only_the_stage_judges_score_and_only_while_scoring(judged, people):
    stage, entries = judged["stage"], judged["entries"]
    with pytest.raises(ValidationError):
        actions.stage_close(actor=judged["admin"], stage=stage)
    actions.stage_open(actor=judged["admin"], stage=stage)
    se = _se(stage, entries["a"])
    for outsider in (people.city_admin, people.district_a_admin, make_user("expert")):
        with pytest.raises(PermissionDenied):
            score(outsider, se, 80, 80)
    assert not Score.objects.exists()
    # A judge of another stage of the same contest is not a judge of this one.
    final = make_stage(judged["admin"], judged["contest"], round=StageRound.FINAL)
    other = make_user("final_judge")
    seat(judged["admin"], final, other)
    with pytest.raises(PermissionDenied):
        score(other, se, 80, 80)
    score(judged["users"][0], se, "80.5", 70)
    assert Score.objects.count() == 2


def test_scores_are_validated_against_each_criterion_maximum(judged):
    actions.stage_open(actor=judged["admin"], stage=judged["stage"])
    se = _se(judged["stage"], judged["entries"]["a"])
    user = judged["users"][0]
    for bad in [(101, 50), (-1, 50), ("8.123", 50), ("abc", 50)]:
        with pytest.raises(ValidationError):
            score(user, se, *bad)
    assert not Score.objects.exists()
    score(user, se, "100", "0")
    score(user, se, "99.5", "10")  # a later sheet replaces the judge's scores
    assert sorted(Score.objects.values_list("value", flat=True)) == [D("10"), D("99.5")]


def test_judge_from_the_entrants_enterprise_or_union_subtree_is_refused(judged, city):
    admin, stage = judged["admin"], judged["stage"]
    own_enterprise = seat(admin, stage, make_user("from_a"), enterprise=city.enterprise_a)
    own_district = seat(admin, stage, make_user("from_db"), org=city.district_b)
    actions.stage_open(actor=admin, stage=stage)
    se_a, se_b = _se(stage, judged["entries"]["a"]), _se(stage, judged["entries"]["b"])
    with pytest.raises(ValidationError, match="回避"):
        score(own_enterprise.user, se_a, 90, 90)
    with pytest.raises(ValidationError, match="回避"):
        score(own_district.user, se_b, 90, 90)
    assert not Score.objects.exists()
    score(own_enterprise.user, se_b, 90, 90)
    score(own_district.user, se_a, 90, 90)
    sheet = {
        row["stage_entry"].entry.name: row["recused"] for row in selectors.judge_sheet(own_district)
    }
    assert sheet == {"张甲": False, "李乙": True, "王丙": True}


def test_conflict_is_derived_from_a_linked_member(judged, city):
    from members.tests.factories import make_member

    member = make_member(city.union_a, enterprise=city.enterprise_a)
    judge = seat(judged["admin"], judged["stage"], make_user("linked"), member=member)
    assert (judge.enterprise, judge.org) == (city.enterprise_a, city.union_a)
    assert judge.conflicts_with(judged["entries"]["a"])
    assert not judge.conflicts_with(judged["entries"]["b"])


def test_results_use_the_trimmed_mean_advance_ties_and_give_awards(judged):
    admin, stage, entries, users = (
        judged["admin"],
        judged["stage"],
        judged["entries"],
        judged["users"],
    )
    actions.stage_open(actor=admin, stage=stage)
    sheets = {
        # judge totals = 0.7 × 实操 + 0.3 × 理论
        "a": [(90, 80), (100, 100), (60, 50)],  # 87, 100, 57 → trimmed 87.00
        "b": [(90, 80), (90, 80), (90, 80)],  # 87 ×3 → 87.00; heaviest 90 > 90? equal
        "c": [(80, 100), (80, 100), (80, 100)],  # 86 → 86.00
    }
    for key, rows in sheets.items():
        se = _se(stage, entries[key])
        for user, values in zip(users, rows, strict=True):
            score(user, se, *values)
    rows = selectors.stage_results(stage)
    by_name = {r.stage_entry.entry.name: r for r in rows}
    assert by_name["张甲"].score == D("87.00") and by_name["李乙"].score == D("87.00")
    # Equal on score; 张甲's 实操 average (90+100+60)/3 = 83.33 < 李乙's 90.00.
    assert by_name["张甲"].result.tie_break == D("83.33")
    assert [(r.stage_entry.entry.name, r.rank) for r in rows] == [
        ("李乙", 1),
        ("张甲", 2),
        ("王丙", 3),
    ]
    actions.stage_close(actor=admin, stage=stage)
    stage.refresh_from_db()
    assert stage.status == StageStatus.CLOSED
    advanced = set(
        StageEntry.objects.filter(stage=stage, advanced=True).values_list("entry__name", flat=True)
    )
    assert advanced == {"李乙", "张甲"}
    awarded = actions.contest_award(
        actor=admin, contest=judged["contest"], first=1, second=1, third=1
    )
    assert awarded == 3
    entries["b"].refresh_from_db()
    assert (entries["b"].award, entries["b"].final_rank) == (AwardGrade.FIRST, 1)
    judged["contest"].refresh_from_db()
    assert judged["contest"].status == ContestStatus.CLOSED


def test_round_closes_only_when_every_sheet_is_in(judged):
    actions.stage_open(actor=judged["admin"], stage=judged["stage"])
    se = _se(judged["stage"], judged["entries"]["a"])
    score(judged["users"][0], se, 50, 50)
    with pytest.raises(ValidationError, match="8"):
        actions.stage_close(actor=judged["admin"], stage=judged["stage"])


def test_full_tie_shares_rank_and_both_advance(judged):
    admin, stage, entries, users = (
        judged["admin"],
        judged["stage"],
        judged["entries"],
        judged["users"],
    )
    stage.advance_count = 1
    stage.save()
    actions.stage_open(actor=admin, stage=stage)
    for key, values in {"a": (90, 90), "b": (90, 90), "c": (10, 10)}.items():
        for user in users:
            score(user, _se(stage, entries[key]), *values)
    actions.stage_close(actor=admin, stage=stage)
    ranks = dict(StageEntry.objects.filter(stage=stage).values_list("entry__name", "rank"))
    assert ranks == {"张甲": 1, "李乙": 1, "王丙": 3}
    assert StageEntry.objects.filter(stage=stage, advanced=True).count() == 2
    final = make_stage(admin, judged["contest"], round=StageRound.FINAL)
    seat(admin, final, users[0])
    actions.stage_open(actor=admin, stage=final)
    assert set(final.stage_entries.values_list("entry__name", flat=True)) == {"张甲", "李乙"}


def test_rubric_and_panel_are_fixed_once_scoring_begins(judged):
    actions.stage_open(actor=judged["admin"], stage=judged["stage"])
    with pytest.raises(ValidationError):
        actions.criterion_add(
            actor=judged["admin"], stage=judged["stage"], name="新", weight=1, max_score=10
        )
    with pytest.raises(ValidationError):
        actions.judge_remove(actor=judged["admin"], judge=judged["judges"][0])


def test_blind_codes_do_not_follow_entry_order(judged):
    actions.stage_open(actor=judged["admin"], stage=judged["stage"])
    codes = sorted(judged["stage"].stage_entries.values_list("code", flat=True))
    assert codes == ["A0001", "A0002", "A0003"]


def test_scoring_rule_is_fixed_once_judging_begins(judged):
    from contests.tests.factories import contest_data

    actions.stage_open(actor=judged["admin"], stage=judged["stage"])
    data = contest_data(judged["contest"], aggregation=Aggregation.MEAN)
    with pytest.raises(ValidationError) as error:
        actions.contest_update(actor=judged["admin"], contest=judged["contest"], data=data)
    assert "aggregation" in error.value.message_dict
    data["aggregation"] = Aggregation.TRIMMED
    data["theme"] = "弘扬工匠精神"
    assert actions.contest_update(actor=judged["admin"], contest=judged["contest"], data=data).theme
