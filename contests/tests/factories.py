"""Builders of contests for tests: a contest with a round, its rubric, panel and entries."""

import datetime

from django.contrib.auth import get_user_model

from contests import actions
from contests.choices import ContestStatus, EntryKind, StageRound


def make_user(username):
    return get_user_model().objects.create_user(username=username, password="pw-12345678")


def make_contest(actor, host, name="技能大赛", **overrides):
    data = {
        "host": host,
        "name": name,
        "year": 2026,
        "kind": "skill",
        "level": "",
        "theme": "",
        "trade": "焊工",
        "starts_on": datetime.date(2026, 3, 1),
        "ends_on": datetime.date(2026, 6, 30),
        "aggregation": "trimmed",
        "parent": None,
        "description": "",
    }
    data.update(overrides)
    return actions.contest_create(actor=actor, data=data)


def contest_data(contest, **overrides):
    """The edit form's data of ``contest``."""
    fields = [
        "name",
        "year",
        "kind",
        "level",
        "theme",
        "trade",
        "starts_on",
        "ends_on",
        "aggregation",
        "parent",
        "description",
    ]
    return {name: getattr(contest, name) for name in fields} | overrides


def open_contest(actor, contest):
    return actions.contest_set_status(actor=actor, contest=contest, status=ContestStatus.OPEN)


def make_entry(actor, contest, org, name, enterprise=None, kind=EntryKind.INDIVIDUAL, count=1):
    return actions.entry_create(
        actor=actor,
        contest=contest,
        data={
            "kind": kind,
            "name": name,
            "member": None,
            "enterprise": enterprise,
            "org": org,
            "team_members": "",
            "participant_count": count,
        },
    )


def make_stage(
    actor,
    contest,
    round=StageRound.PRELIMINARY,
    blind=False,
    advance=None,
    criteria=(("实操", "0.7", "100"), ("理论", "0.3", "100")),
):
    stage = actions.stage_create(
        actor=actor,
        contest=contest,
        data={"round": round, "held_on": None, "blind": blind, "advance_count": advance},
    )
    for name, weight, top in criteria:
        actions.criterion_add(actor=actor, stage=stage, name=name, weight=weight, max_score=top)
    return stage


def seat(actor, stage, user, **links):
    return actions.judge_add(actor=actor, stage=stage, username=user.username, **links)


def score(judge_user, stage_entry, *values):
    criteria = list(stage_entry.stage.criteria.order_by("id"))
    return actions.score_submit(
        actor=judge_user,
        stage_entry=stage_entry,
        values={c.pk: str(v) for c, v in zip(criteria, values, strict=True)},
    )
