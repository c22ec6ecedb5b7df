"""The nomination workflow: route up the tree, quotas, composition, the public notice in
working days (国庆/春节 skipped), objections, approval, award into the registry."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.models import AuditEntry
from honours import actions, rules
from honours.models import HonourTitle, ModelWorker, Nomination, NominationEvent
from honours.tests.factories import make_nominee, make_programme, nominate

pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def _to_organiser(nomination, people):
    actions.nomination_submit(actor=people.union_a_admin, nomination=nomination)
    return actions.nomination_forward(actor=people.district_a_admin, nomination=nomination)


def test_route_goes_through_the_district_to_the_city(city, programme):
    route = rules.review_route(programme, city.union_a)
    assert route == [city.district_a, city.city]


def test_grassroots_nominates_district_forwards_city_holds(city, people, programme, nominee):
    nomination = nominate(programme, city.union_a, nominee, actor=people.union_a_admin)
    assert (nomination.status, nomination.stage_org) == ("draft", city.union_a)
    assert nomination.is_migrant_worker is False and nomination.is_non_public is True
    actions.nomination_submit(actor=people.union_a_admin, nomination=nomination)
    nomination.refresh_from_db()
    assert (nomination.status, nomination.stage_org) == ("in_review", city.district_a)
    with pytest.raises(PermissionDenied):  # the grassroots union does not decide for the district
        actions.nomination_forward(actor=people.union_a_admin, nomination=nomination)
    with pytest.raises(PermissionDenied):
        actions.nomination_forward(actor=people.district_b_admin, nomination=nomination)
    actions.nomination_forward(actor=people.district_a_admin, nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.stage_org == city.city
    with pytest.raises(ValidationError, match="open the public notice instead"):
        actions.nomination_forward(actor=people.city_admin, nomination=nomination)
    steps = list(
        NominationEvent.objects.filter(nomination=nomination).values_list("step", flat=True)
    )
    assert steps == ["created", "submitted", "forwarded"]
    audited = AuditEntry.objects.filter(
        object_id=str(nomination.pk), content_type__model="nomination"
    )
    assert audited.count() == 3


def test_forwarded_row_is_visible_upward_and_never_to_the_sibling_district(
    city, people, programme, nominee
):
    nomination = nominate(programme, city.union_a, nominee, actor=people.union_a_admin)
    _to_organiser(nomination, people)
    for user in (people.city_admin, people.district_a_admin, people.union_a_admin):
        assert Nomination.objects.visible_to(user).filter(pk=nomination.pk).exists()
    assert not Nomination.objects.visible_to(people.district_b_admin).exists()


def test_an_industry_federation_organiser_sees_a_nomination_once_forwarded_to_it(
    city, people, nominee
):
    from core.models import RoleAssignment
    from orgs.choices import OrgLevel
    from orgs.tests.factories import make_org

    city.city.refresh_from_db()
    federation = make_org(city.city, OrgLevel.FEDERATION, name="市机械冶金工会", code="FED")
    RoleAssignment.objects.create(user=people.worker, org=federation, role="admin")
    programme = make_programme(federation, name="机冶系统技术能手", kind="technical_expert")
    nomination = nominate(programme, city.union_a, nominee, actor=people.union_a_admin)
    actions.nomination_submit(actor=people.union_a_admin, nomination=nomination)
    assert not Nomination.objects.visible_to(people.worker).exists()
    actions.nomination_forward(actor=people.district_a_admin, nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.stage_org == federation
    assert Nomination.objects.visible_to(people.worker).filter(pk=nomination.pk).exists()
    assert not Nomination.objects.visible_to(people.district_b_admin).exists()


def test_quota_of_the_district_is_enforced_with_a_clear_message(city, people, programme):
    actions.quota_set(actor=people.city_admin, programme=programme, org=city.district_a, places=1)
    first = nominate(programme, city.union_a, make_nominee(city.union_a, city.enterprise_a))
    second = nominate(
        programme, city.union_a, make_nominee(city.union_a, city.enterprise_a, name="孙甲二")
    )
    _to_organiser(first, people)
    actions.nomination_submit(actor=people.union_a_admin, nomination=second)
    with pytest.raises(ValidationError) as error:
        actions.nomination_forward(actor=people.district_a_admin, nomination=second)
    assert "has 1 places in this programme and has already sent up 1 nominees" in messages(
        error.value
    )
    second.refresh_from_db()
    assert second.stage_org == city.district_a  # nothing moved
    with pytest.raises(ValidationError, match="give at least that many places"):
        actions.quota_set(
            actor=people.city_admin, programme=programme, org=city.district_a, places=0
        )
    # A withdrawn nomination gives its place back.
    actions.nomination_reject(actor=people.city_admin, nomination=first, reason="材料不全")
    actions.nomination_forward(actor=people.district_a_admin, nomination=second)


def test_front_line_share_is_enforced_when_the_notice_opens(city, people):
    programme = make_programme(city.city, min_front_line_share=60)
    office = nominate(
        programme,
        city.union_a,
        make_nominee(city.union_a, city.enterprise_a, name="周科长"),
        is_front_line=False,
    )
    worker = nominate(programme, city.union_a, make_nominee(city.union_a, city.enterprise_a))
    for nomination in (office, worker):
        _to_organiser(nomination, people)
    with pytest.raises(ValidationError) as error:
        actions.notice_open(actor=people.city_admin, programme=programme, nominations=[office])
    assert "share of front-line workers would be 0% (0 of 1), below the required 60%" in (
        messages(error.value)
    )
    with pytest.raises(ValidationError, match="50%"):
        actions.notice_open(
            actor=people.city_admin, programme=programme, nominations=[office, worker]
        )
    actions.notice_open(actor=people.city_admin, programme=programme, nominations=[worker])
    assert Nomination.objects.get(pk=office.pk).status == "in_review"


def test_recommendation_needs_a_majority_and_a_past_meeting(city, people, programme, nominee):
    with pytest.raises(ValidationError) as error:
        nominate(
            programme,
            city.union_a,
            nominee,
            votes_for=50,
            votes_cast=100,
            meeting_date=datetime.date(2027, 1, 1),
        )
    assert set(error.value.message_dict) == {"votes_for", "meeting_date"}
    assert not Nomination.objects.exists()


def test_member_of_another_union_cannot_be_nominated(city, people, programme):
    outsider = make_nominee(city.union_b, city.enterprise_b, name="赵乙劳模")
    with pytest.raises(ValidationError, match="does not belong to"):
        nominate(programme, city.union_a, outsider, actor=people.union_a_admin)


def test_a_higher_honour_requires_the_lower_title_first(city, people, nominee):
    provincial = make_programme(
        city.city,
        name="省劳动模范推荐",
        kind="model_worker",
        level="provincial",
        prerequisite_level="city",
    )
    with pytest.raises(ValidationError, match="must first hold the City"):
        nominate(provincial, city.union_a, nominee)
    worker = actions.model_worker_create(
        actor=people.union_a_admin,
        member=nominee,
        data={"kind": "model_worker", "level": "city", "year": 2021},
    )
    assert worker.titles.count() == 1
    assert nominate(provincial, city.union_a, nominee).status == "draft"


def test_notice_skips_national_day_and_approval_waits_for_the_period_and_objections(
    city, people, programme, nominee, time_machine
):
    nomination = nominate(programme, city.union_a, nominee, actor=people.union_a_admin)
    _to_organiser(nomination, people)
    time_machine.move_to(datetime.datetime(2026, 9, 28, 9, 0, tzinfo=datetime.UTC))
    actions.notice_open(actor=people.city_admin, programme=programme, nominations=[nomination])
    nomination.refresh_from_db()
    # 9-28, 9-29, 9-30, then 国庆 1–7 October, then 10-8 and 10-9.
    assert (nomination.notice_start, nomination.notice_end) == (
        datetime.date(2026, 9, 28),
        datetime.date(2026, 10, 9),
    )
    time_machine.move_to(datetime.datetime(2026, 9, 29, 9, 0, tzinfo=datetime.UTC))
    objection = actions.objection_file(
        actor=people.city_admin,
        nomination=nomination,
        received_on=datetime.date(2026, 9, 29),
        objector="匿名",
        content="反映其事迹材料中的节约成本数据有夸大。",
    )
    time_machine.move_to(datetime.datetime(2026, 10, 5, 9, 0, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError) as error:
        actions.nomination_approve(actor=people.city_admin, nomination=nomination)
    assert "runs until 2026-10-09" in messages(error.value)
    assert "objection(s) are still open" in messages(error.value)
    time_machine.move_to(datetime.datetime(2026, 10, 9, 15, 0, tzinfo=datetime.UTC))
    assert "runs until" in " ".join(
        actions.approval_problems(nomination, datetime.date(2026, 10, 9))
    )
    time_machine.move_to(datetime.datetime(2026, 10, 12, 9, 0, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError) as error:
        actions.nomination_approve(actor=people.city_admin, nomination=nomination)
    assert "runs until" not in messages(error.value)
    assert "still open" in messages(error.value)
    actions.objection_resolve(
        actor=people.city_admin, objection=objection, upheld=False, finding="经核实数据属实。"
    )
    actions.nomination_approve(actor=people.city_admin, nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.status == "approved"
    assert [row["outcome"] for row in nomination.veto_snapshot] == [
        "pass",
        "no_data",
        "no_data",
        "no_data",
    ]
    title = actions.nomination_award(
        actor=people.city_admin,
        nomination=nomination,
        awarded_on=datetime.date(2026, 10, 12),
        document_number="示工发〔2026〕18号",
    )
    worker = ModelWorker.objects.get(member=nominee)
    assert title.model_worker == worker and worker.org == city.union_a
    assert (title.kind, title.level, title.year) == ("labour_medal", "city", 2026)
    assert Nomination.objects.get(pk=nomination.pk).status == "awarded"


def test_notice_skips_the_spring_festival(city):
    start, end = rules.notice_window(datetime.date(2026, 2, 12), 5)
    # 2-12, 2-13, 2-14 (调休上班), then 春节 15–23 February, then 2-24 and 2-25.
    assert (start, end) == (datetime.date(2026, 2, 12), datetime.date(2026, 2, 25))
    assert rules.notice_window(datetime.date(2026, 2, 15), 1) == (
        datetime.date(2026, 2, 24),
        datetime.date(2026, 2, 24),
    )


def test_an_upheld_objection_ends_the_nomination(city, people, programme, nominee, time_machine):
    nomination = nominate(programme, city.union_a, nominee)
    _to_organiser(nomination, people)
    actions.notice_open(actor=people.city_admin, programme=programme, nominations=[nomination])
    objection = actions.objection_file(
        actor=people.city_admin,
        nomination=nomination,
        received_on=datetime.date(2026, 3, 16),
        objector="张某",
        content="存在违纪问题。",
    )
    actions.objection_resolve(
        actor=people.city_admin, objection=objection, upheld=True, finding="情况属实。"
    )
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_note) == ("rejected", "情况属实。")
    with pytest.raises(ValidationError, match="already resolved"):
        actions.objection_resolve(
            actor=people.city_admin, objection=objection, upheld=False, finding="x"
        )


def test_objection_outside_the_notice_period_is_refused(city, people, programme, nominee):
    nomination = nominate(programme, city.union_a, nominee)
    _to_organiser(nomination, people)
    actions.notice_open(actor=people.city_admin, programme=programme, nominations=[nomination])
    with pytest.raises(ValidationError) as error:
        actions.objection_file(
            actor=people.city_admin,
            nomination=nomination,
            received_on=datetime.date(2026, 3, 13),
            objector="",
            content="x",
        )
    assert "during the public notice" in messages(error.value)
    assert not nomination.objections.exists()


def test_collective_award_goes_to_the_employer(city, people, spring):
    programme = make_programme(city.city, name="市五一劳动奖状", kind="labour_award")
    nomination = actions.nomination_create(
        actor=people.union_a_admin,
        programme=programme,
        org=city.union_a,
        data={
            "enterprise": city.enterprise_a,
            "deeds": "安全生产十年无事故。",
            "meeting_kind": "congress",
            "meeting_date": datetime.date(2026, 3, 2),
            "votes_for": 90,
            "votes_cast": 100,
        },
    )
    assert (nomination.nominee_kind, nomination.nominee_name) == ("enterprise", "甲科技有限公司")
    _to_organiser(nomination, people)
    actions.notice_open(actor=people.city_admin, programme=programme, nominations=[nomination])
    Nomination.objects.filter(pk=nomination.pk).update(notice_end=datetime.date(2026, 3, 13))
    actions.nomination_approve(actor=people.city_admin, nomination=nomination)
    title = actions.nomination_award(
        actor=people.city_admin, nomination=nomination, awarded_on=datetime.date(2026, 3, 16)
    )
    assert title.model_worker is None and title.enterprise == city.enterprise_a
    assert HonourTitle.objects.filter(enterprise=city.enterprise_a).count() == 1
