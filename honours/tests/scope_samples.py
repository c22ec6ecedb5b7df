"""Scope-test samples of the honours app (see core/tests/test_scope.py)."""

import datetime

from honours import actions
from honours.models import (
    CareRecord,
    HonourProgramme,
    HonourTitle,
    ModelWorker,
    Nomination,
    Objection,
)
from honours.tests.factories import make_nominee, make_programme, nominate


def _side(district, union, enterprise, tag):
    programme = make_programme(district, name=f"{tag}区劳模评选", level="district")
    person = make_nominee(union, enterprise, name=f"{tag}劳模")
    nomination = nominate(programme, union, person)
    actions.nomination_submit(actor=None, nomination=nomination)
    objection = Objection.objects.create(
        nomination=nomination,
        received_on=datetime.date(2026, 3, 16),
        objector=f"{tag}异议人",
        content="反映情况",
    )
    worker = actions.model_worker_create(
        actor=None,
        member=person,
        data={"kind": "model_worker", "level": "district", "year": 2020},
    )
    care = actions.care_record(
        actor=None,
        model_worker=worker,
        kind="visit",
        on=datetime.date(2026, 1, 20),
        visitors="区总工会主席",
    )
    return programme, nomination, objection, worker, worker.titles.get(), care


def samples(city, people):
    a = _side(city.district_a, city.union_a, city.enterprise_a, "钱甲")
    b = _side(city.district_b, city.union_b, city.enterprise_b, "赵乙")
    models = (HonourProgramme, Nomination, Objection, ModelWorker, HonourTitle, CareRecord)
    markers = {
        HonourProgramme: ("钱甲区劳模评选", "赵乙区劳模评选"),
    }
    return {
        model: (row_a, row_b, *markers.get(model, ("钱甲劳模", "赵乙劳模")))
        for model, row_a, row_b in zip(models, a, b, strict=True)
    }
