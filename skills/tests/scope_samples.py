"""Scope-test samples of the skills app (see core/tests/test_scope.py)."""

import datetime

from members.tests.factories import make_member
from skills import actions
from skills.models import Enrolment, SkillAward, Training


def _pair(marker, org):
    training = actions.training_save(
        actor=None,
        data={
            "org": org,
            "name": f"{marker}培训班",
            "kind": "course",
            "trade": "电工",
            "starts_on": datetime.date(2025, 3, 1),
            "ends_on": datetime.date(2025, 3, 31),
            "hours": 40,
            "capacity": None,
            "description": "",
        },
    )
    member = make_member(org, name=f"{marker}学员")
    enrolment = actions.enrol(
        actor=None, training=training, member=member, enrolled_on=datetime.date(2025, 2, 1)
    )
    award = actions.award_grant(
        actor=None,
        data={
            "org": org,
            "member": member,
            "kind": "technician",
            "amount": "2000",
            "fund": "union_funds",
            "granted_on": datetime.date(2025, 6, 1),
            "reference": f"{marker}证书",
        },
    )
    return training, enrolment, award


def samples(city, people):
    a = _pair("钱甲", city.union_a)
    b = _pair("赵乙", city.union_b)
    return {
        Training: (a[0], b[0], "钱甲培训班", "赵乙培训班"),
        Enrolment: (a[1], b[1], "钱甲学员", "赵乙学员"),
        SkillAward: (a[2], b[2], "钱甲学员", "赵乙学员"),
    }
