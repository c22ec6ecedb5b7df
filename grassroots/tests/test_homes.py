import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from grassroots import actions
from grassroots.choices import EvaluationStatus
from grassroots.models import EvidenceFile

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=8))


def _pdf(name="台账.pdf", size=100):
    return SimpleUploadedFile(name, b"%PDF" + b"x" * size)


def _self_assess(evaluation, people, value=None):
    scores = {
        row.criterion_id: (value if value is not None else row.criterion.max_score, "已达标")
        for row in evaluation.scores.select_related("criterion")
    }
    return actions.evaluation_self_assess(
        actor=people.union_a_admin, evaluation=evaluation, scores=scores, summary="建家工作总结"
    )


def _submitted(programme, city, people):
    evaluation = actions.evaluation_start(
        actor=people.union_a_admin, programme=programme, org=city.union_a
    )
    _self_assess(evaluation, people)
    actions.evidence_add(actor=people.union_a_admin, evaluation=evaluation, upload=_pdf())
    return actions.evaluation_submit(actor=people.union_a_admin, evaluation=evaluation)


def test_default_checklist_is_the_six_criteria(programme):
    titles = [c.title for c in programme.criteria.all()]
    assert len(titles) == 6 and titles[0].startswith("有依法选举")
    assert programme.max_score == 100


def test_only_unions_below_the_programme_org_take_part(programme, city, people):
    with pytest.raises(ValidationError):
        actions.evaluation_start(actor=None, programme=programme, org=city.union_b)
    with pytest.raises(ValidationError):
        actions.evaluation_start(actor=None, programme=programme, org=city.street_a)


def test_submit_needs_every_score_and_evidence(programme, city, people):
    evaluation = actions.evaluation_start(
        actor=people.union_a_admin, programme=programme, org=city.union_a
    )
    with pytest.raises(ValidationError) as refused:
        actions.evaluation_submit(actor=people.union_a_admin, evaluation=evaluation)
    assert len(refused.value.messages) == 2
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT


def test_scores_above_the_full_score_are_refused_and_nothing_changes(programme, city, people):
    evaluation = actions.evaluation_start(actor=None, programme=programme, org=city.union_a)
    with pytest.raises(ValidationError):
        _self_assess(evaluation, people, value=99)
    assert not evaluation.scores.filter(self_score__isnull=False).exists()


def test_evidence_type_and_size_are_checked(programme, city, people, settings):
    evaluation = actions.evaluation_start(actor=None, programme=programme, org=city.union_a)
    with pytest.raises(ValidationError):
        actions.evidence_add(
            actor=people.union_a_admin, evaluation=evaluation, upload=_pdf("脚本.exe")
        )
    settings.GONGHUI = {**settings.GONGHUI, "UPLOAD_MAX_BYTES": 50}
    with pytest.raises(ValidationError):
        actions.evidence_add(actor=people.union_a_admin, evaluation=evaluation, upload=_pdf())
    assert not EvidenceFile.objects.exists()


def test_publicity_counts_working_days_across_national_day(programme, city, people, time_machine):
    time_machine.move_to(datetime.datetime(2026, 9, 29, 10, tzinfo=TZ))
    evaluation = _submitted(programme, city, people)
    scores = {row.criterion_id: row.criterion.max_score for row in evaluation.scores.all()}
    scores[next(iter(scores))] = 10  # 95 of 100
    evaluation = actions.evaluation_review(
        actor=people.district_a_admin,
        evaluation=evaluation,
        decision=actions.Decision.APPROVE,
        scores=scores,
    )
    assert evaluation.status == EvaluationStatus.PUBLICITY
    assert evaluation.review_score == Decimal("95.0") and evaluation.stars == 5
    # 5 working days after Tue 29 Sep 2026: 30 Sep, then 国庆 1–7 Oct, then 8, 9 (Fri),
    # 10 Oct (Sat, an adjusted working day in 2026), 12 Oct.
    assert evaluation.publicity_until > datetime.date(2026, 10, 7)
    with pytest.raises(ValidationError):
        actions.evaluation_conclude(
            actor=people.district_a_admin, evaluation=evaluation, award=True
        )
    time_machine.move_to(
        datetime.datetime.combine(
            evaluation.publicity_until + datetime.timedelta(days=1), datetime.time(9), tzinfo=TZ
        )
    )
    evaluation = actions.evaluation_conclude(
        actor=people.district_a_admin, evaluation=evaluation, award=True
    )
    assert evaluation.status == EvaluationStatus.AWARDED


def test_the_union_cannot_review_itself(programme, city, people):
    evaluation = _submitted(programme, city, people)
    with pytest.raises(Exception):  # noqa: B017 (OutOfScope is a PermissionDenied)
        actions.evaluation_review(
            actor=people.union_a_admin,
            evaluation=evaluation,
            decision=actions.Decision.RETURN,
            scores={},
            comment="x",
        )


def test_return_sends_it_back_to_draft_with_the_reason(programme, city, people):
    evaluation = _submitted(programme, city, people)
    with pytest.raises(ValidationError):
        actions.evaluation_review(
            actor=people.district_a_admin, evaluation=evaluation, decision="return", scores={}
        )
    evaluation = actions.evaluation_review(
        actor=people.district_a_admin,
        evaluation=evaluation,
        decision="return",
        scores={},
        comment="补充经审会材料",
    )
    assert evaluation.status == EvaluationStatus.DRAFT
    assert evaluation.review_comment == "补充经审会材料"


def test_yearly_rereview_lowers_stars_for_lapsed_criteria(programme, city, people, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 10, tzinfo=TZ))
    evaluation = _submitted(programme, city, people)
    scores = {row.criterion_id: row.criterion.max_score for row in evaluation.scores.all()}
    evaluation = actions.evaluation_review(
        actor=people.district_a_admin, evaluation=evaluation, decision="approve", scores=scores
    )
    time_machine.move_to(datetime.datetime(2026, 4, 1, 10, tzinfo=TZ))
    evaluation = actions.evaluation_conclude(
        actor=people.district_a_admin, evaluation=evaluation, award=True
    )
    assert evaluation.stars == 5
    time_machine.move_to(datetime.datetime(2027, 3, 1, 10, tzinfo=TZ))
    lapsed = list(programme.criteria.all()[:2])
    with pytest.raises(ValidationError):  # a lapse needs a note
        actions.evaluation_rereview(
            actor=people.district_a_admin, evaluation=evaluation, year=2027, lapsed=lapsed
        )
    rereview = actions.evaluation_rereview(
        actor=people.district_a_admin,
        evaluation=evaluation,
        year=2027,
        lapsed=lapsed,
        note="经审会未换届；经费未独立建账",
    )
    evaluation.refresh_from_db()
    assert (rereview.stars_before, rereview.stars_after) == (5, 3)
    assert evaluation.stars == 3 and evaluation.status == EvaluationStatus.AWARDED
    with pytest.raises(ValidationError):
        actions.evaluation_rereview(
            actor=people.district_a_admin, evaluation=evaluation, year=2027, lapsed=[]
        )


def test_checklist_is_locked_once_a_self_assessment_is_submitted(programme, city, people):
    _submitted(programme, city, people)
    data = {
        f: getattr(programme, f)
        for f in ("org", "name", "kind", "year", "apply_until", "pass_score", "publicity_workdays")
    }
    with pytest.raises(ValidationError) as refused:
        actions.programme_save(
            actor=people.district_a_admin,
            programme=programme,
            criteria=[{"title": "只有一条", "max_score": 100, "guidance": ""}],
            **data,
        )
    assert "criteria" in refused.value.error_dict
