"""Builders for honours tests: a programme, a nomination taken to any step."""

import datetime

from honours import actions
from members.tests.factories import make_member


def make_programme(org, actor=None, **overrides):
    data = {
        "name": "2026年市五一劳动奖章",
        "kind": "labour_medal",
        "level": "city",
        "year": 2026,
        "notice_workdays": 5,
        "prerequisite_level": "",
    }
    data.update(overrides)
    return actions.programme_create(actor=actor, org=org, data=data)


def recommendation(**overrides):
    data = {
        "deeds": "带领班组攻克关键工艺难题，年节约成本300万元。",
        "meeting_kind": "congress",
        "meeting_date": datetime.date(2026, 3, 2),
        "votes_for": 86,
        "votes_cast": 100,
        "is_front_line": True,
        "is_industrial_worker": True,
        "is_unit_head": False,
    }
    data.update(overrides)
    return data


def make_nominee(org, enterprise, name="钱甲劳模", **overrides):
    return make_member(org, name=name, enterprise=enterprise, **overrides)


def nominate(programme, org, member, actor=None, **overrides):
    data = recommendation(member=member, **overrides)
    return actions.nomination_create(actor=actor, programme=programme, org=org, data=data)
