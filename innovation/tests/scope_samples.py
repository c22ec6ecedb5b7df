"""Scope-test samples of the innovation app (see core/tests/test_scope.py)."""

import datetime

from innovation import actions
from innovation.models import Innovation, Studio


def _pair(city, marker, org):
    studio = actions.studio_save(
        actor=None,
        data={
            "org": org,
            "name": f"{marker}工作室",
            "kind": "craftsman",
            "level": "district",
            "leader_name": f"{marker}",
            "named_on": datetime.date(2025, 1, 1),
        },
    )
    innovation = actions.innovation_submit(
        actor=None,
        data={
            "org": org,
            "kind": "renovation",
            "title": f"{marker}革新",
            "submitter_kind": "individual",
            "authors": f"{marker}",
            "description": "改进",
            "estimated_benefit": "3.5",
            "submitted_on": datetime.date(2025, 5, 1),
            "studio": studio,
        },
    )
    return innovation, studio


def samples(city, people):
    innovation_a, studio_a = _pair(city, "钱甲", city.union_a)
    innovation_b, studio_b = _pair(city, "赵乙", city.union_b)
    return {
        Innovation: (innovation_a, innovation_b, "钱甲革新", "赵乙革新"),
        Studio: (studio_a, studio_b, "钱甲工作室", "赵乙工作室"),
    }
