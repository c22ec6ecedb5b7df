"""Scope-test samples of the contests app (see core/tests/test_scope.py)."""

from contests import actions
from contests.models import (
    Contest,
    ContestEntry,
    ContestStage,
    Criterion,
    JudgeAssignment,
    Score,
    StageEntry,
)
from contests.tests.factories import (
    make_contest,
    make_entry,
    make_stage,
    make_user,
    open_contest,
    score,
    seat,
)


def _district(org, district_admin, marker):
    contest = make_contest(None, org, name=f"{marker}竞赛")
    open_contest(None, contest)
    entry = make_entry(None, contest, org, f"{marker}选手")
    stage = make_stage(None, contest, criteria=((f"{marker}实操", "1", "100"),))
    judge_user = make_user(f"judge_{marker}")
    judge = seat(None, stage, judge_user, name=f"{marker}评委")
    actions.stage_open(actor=None, stage=stage)
    stage_entry = StageEntry.objects.get(stage=stage)
    (value,) = score(judge_user, stage_entry, "88")
    return contest, entry, stage, stage.criteria.get(), judge, stage_entry, value


def samples(city, people):
    a = _district(city.union_a, people.district_a_admin, "钱甲")
    b = _district(city.union_b, people.district_b_admin, "赵乙")
    models = [Contest, ContestEntry, ContestStage, Criterion, JudgeAssignment, StageEntry, Score]
    markers = {
        Contest: "竞赛",
        ContestEntry: "选手",
        ContestStage: "竞赛",
        Criterion: "实操",
        JudgeAssignment: "评委",
        StageEntry: "选手",
        Score: "实操",
    }
    return {
        model: (row_a, row_b, f"钱甲{markers[model]}", f"赵乙{markers[model]}")
        for model, row_a, row_b in zip(models, a, b, strict=True)
    }
