"""Online joining (入会申请): routing, the SMS code, submission, decisions, transfers."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F
from django.utils import translation

from core.choices import Role
from core.models import AuditEntry, RoleAssignment
from core.scoping import OutOfScope
from members import actions, joining
from members.choices import JoinKind, JoinRoute, JoinStatus
from members.models import JoinApplication, Member, PhoneCode, Transfer
from members.tests.factories import (
    join_data,
    last_sms_code,
    make_id_number,
    make_member,
    submit_join_application,
)
from orgs.choices import OrgLevel
from orgs.tests.factories import EnterpriseFactory, make_org

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def _fresh(org):
    org.refresh_from_db()
    return org


@pytest.fixture
def feds(city):
    """District A: an express federation at district level and an area federation in
    street A. District B has neither (its applicants fall back to the street or district)."""
    express = make_org(
        _fresh(city.district_a),
        OrgLevel.FEDERATION,
        name="东湖区快递行业工会联合会",
        code="FEXP",
        federation_kind="industry",
        sector="express",
    )
    area = make_org(
        _fresh(city.street_a),
        OrgLevel.FEDERATION,
        name="东湖街道和兴社区区域联合工会",
        code="FAREA",
        federation_kind="area",
    )
    return SimpleNamespace(express=express, area=area)


@pytest.fixture
def reviewer(feds):
    """A reviewer (review rights only) of the express federation."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="fed_reviewer", password="pw-12345678")
    RoleAssignment.objects.create(user=user, org=feds.express, role=Role.REVIEWER)
    return user


# --- routing ---------------------------------------------------------------------------------


def _route(**kwargs):
    kwargs.setdefault("employment_form", "standard")
    routing = joining.route_application(**kwargs)
    return routing.org.code, routing.route


def test_employee_of_a_covered_employer_joins_its_union(city, feds):
    assert _route(enterprise=city.enterprise_a) == ("UA", JoinRoute.EMPLOYER_UNION)
    assert _route(enterprise=city.enterprise_b, work_area=city.district_a) == (
        "UB",
        JoinRoute.EMPLOYER_UNION,
    )


def test_employee_of_an_employer_without_union_joins_the_area_federation_of_its_street(city, feds):
    assert _route(enterprise=city.enterprise_a2) == ("FAREA", JoinRoute.AREA_FEDERATION)


def test_courier_joins_the_express_federation_of_the_district_where_they_work(city, feds):
    assert _route(employment_form="courier", work_area=city.street_a) == (
        "FEXP",
        JoinRoute.SECTOR_FEDERATION,
    )
    # A new-form worker goes to the sector even when the employer has a union, and the place
    # they name wins over where the employer is registered.
    assert _route(
        employment_form="courier", enterprise=city.enterprise_b, work_area=city.district_a
    ) == ("FEXP", JoinRoute.SECTOR_FEDERATION)


def test_worker_of_a_platform_company_goes_to_a_federation_even_if_the_platform_has_a_union(
    city, feds
):
    platform = EnterpriseFactory(
        name="快送平台科技有限公司", territory=city.street_a, covering_union=city.union_a
    )
    platform.is_platform = True
    platform.save()
    assert _route(enterprise=platform) == ("FAREA", JoinRoute.AREA_FEDERATION)
    assert _route(employment_form="delivery_rider", enterprise=platform) == (
        "FAREA",  # no food-delivery federation in district A: the area federation
        JoinRoute.AREA_FEDERATION,
    )


def test_without_federations_the_street_then_the_district_takes_the_worker(city, feds):
    assert _route(employment_form="courier", work_area=city.street_b) == (
        "SB",
        JoinRoute.STREET_UNION,
    )
    assert _route(employment_form="courier", work_area=city.district_b) == (
        "DB",
        JoinRoute.DISTRICT_UNION,
    )


def test_a_dissolved_union_or_federation_is_skipped(city, feds):
    city.union_a.status = "dissolved"
    city.union_a.save()
    feds.express.status = "dissolved"
    feds.express.save()
    assert _route(enterprise=city.enterprise_a) == ("FAREA", JoinRoute.AREA_FEDERATION)
    assert _route(employment_form="courier", work_area=city.district_a)[0] == "FAREA"


def test_routing_is_deterministic_nearest_place_then_tree_order(city, feds):
    second = make_org(
        _fresh(city.district_a),
        OrgLevel.FEDERATION,
        code="FEXP2",
        federation_kind="industry",
        sector="express",
    )
    in_street = make_org(
        _fresh(city.street_a),
        OrgLevel.FEDERATION,
        code="FEXP3",
        federation_kind="industry",
        sector="express",
    )
    assert feds.express.path < second.path
    for _ in range(3):
        assert _route(employment_form="courier", work_area=city.district_a)[0] == "FEXP"
        assert _route(employment_form="courier", work_area=city.street_a)[0] == in_street.code


def test_routing_needs_a_place_of_work(city, feds):
    with pytest.raises(ValidationError) as error:
        joining.route_application(employment_form="ride_hailing")
    assert "work_area" in error.value.message_dict


# --- the SMS code ----------------------------------------------------------------------------


def test_code_is_texted_and_stored_only_as_a_keyed_hash(city, sms_outbox):
    joining.phone_code_send(phone="139 0000 1234")
    assert [m.phone for m in sms_outbox] == ["13900001234"]
    code = last_sms_code()
    record = PhoneCode.objects.get()
    assert code not in record.code_hash and len(record.code_hash) == 64
    assert (record.expires_at - record.created_at) == datetime.timedelta(minutes=5)


def test_one_code_per_phone_a_minute_and_a_daily_cap(city, settings, sms_outbox):
    joining.phone_code_send(phone="13900001234")
    with pytest.raises(ValidationError) as error:
        joining.phone_code_send(phone="13900001234")
    assert "phone" in error.value.message_dict
    joining.phone_code_send(phone="13900005678")  # another phone is not held up
    PhoneCode.objects.update(created_at=F("created_at") - datetime.timedelta(seconds=61))
    joining.phone_code_send(phone="13900001234")
    settings.GONGHUI_SMS_CODES = {**settings.GONGHUI_SMS_CODES, "PER_PHONE_PER_DAY": 2}
    PhoneCode.objects.update(created_at=F("created_at") - datetime.timedelta(seconds=61))
    with pytest.raises(ValidationError):
        joining.phone_code_send(phone="13900001234")
    assert len(sms_outbox) == 3


def test_codes_older_than_two_days_are_purged(city):
    joining.phone_code_send(phone="13900001234")
    PhoneCode.objects.update(created_at=F("created_at") - datetime.timedelta(days=3))
    joining.phone_code_send(phone="13900005678")
    assert PhoneCode.objects.count() == 1


def test_a_bad_phone_gets_no_code(city, sms_outbox):
    with pytest.raises(ValidationError) as error:
        joining.phone_code_send(phone="12345")
    assert "phone" in error.value.message_dict
    assert sms_outbox == [] and not PhoneCode.objects.exists()


def test_wrong_codes_use_up_tries_and_then_even_the_right_code_is_refused(city, feds):
    data = join_data(enterprise=city.enterprise_a)
    joining.phone_code_send(phone=data["phone"])
    right = last_sms_code()
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(5):
        with pytest.raises(ValidationError) as error:
            joining.join_application_submit(data=data, code=wrong)
        assert "code" in error.value.message_dict
    assert PhoneCode.objects.get().attempts == 5
    with pytest.raises(ValidationError):
        joining.join_application_submit(data=data, code=right)
    assert not JoinApplication.objects.exists()


def test_expired_code_is_refused(city, feds):
    data = join_data(enterprise=city.enterprise_a)
    joining.phone_code_send(phone=data["phone"])
    PhoneCode.objects.update(expires_at=F("created_at"))
    with pytest.raises(ValidationError) as error:
        joining.join_application_submit(data=data, code=last_sms_code())
    assert "code" in error.value.message_dict


def test_an_application_needs_a_code_sent_to_its_phone_and_uses_it_up(city, feds):
    data = join_data(enterprise=city.enterprise_a)
    joining.phone_code_send(phone="13900009999")  # someone else's phone
    with pytest.raises(ValidationError) as error:
        joining.join_application_submit(data=data, code=last_sms_code())
    assert "code" in error.value.message_dict
    joining.phone_code_send(phone=data["phone"])
    code = last_sms_code()
    joining.join_application_submit(data=data, code=code)
    with pytest.raises(ValidationError):  # used up
        joining.join_application_submit(data={**data, "id_number": make_id_number()}, code=code)


def test_invalid_data_is_reported_whole_and_costs_no_try(city, feds):
    data = join_data(name="", id_number="123", education="", consent=False)
    joining.phone_code_send(phone=data["phone"])
    with pytest.raises(ValidationError) as error:
        joining.join_application_submit(data=data, code=last_sms_code())
    assert set(error.value.message_dict) >= {"name", "id_number", "education", "consent"}
    assert "enterprise" in error.value.message_dict  # an employee names the employer
    assert PhoneCode.objects.get().attempts == 0 and PhoneCode.objects.get().used_at is None


# --- submission ------------------------------------------------------------------------------


def test_submission_is_routed_masked_encrypted_and_audited(city, feds):
    application = submit_join_application(
        name="王快递", employment_form="courier", work_area=city.district_a
    )
    assert application.org == feds.express and application.route == JoinRoute.SECTOR_FEDERATION
    assert application.status == JoinStatus.SUBMITTED and application.kind == JoinKind.NEW
    assert application.id_number_masked.count("*") == 10
    assert application.phone_masked.startswith("139") and "****" in application.phone_masked
    assert (application.name_pinyin, application.name_initials) == ("wangkuaidi", "wkd")
    assert len(application.token) >= 32
    entry = AuditEntry.objects.get(object_repr=str(application))
    assert entry.actor_name == "applicant" and entry.scope_path == feds.express.path
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM members_joinapplication")
        raw = repr(cursor.fetchall())
        cursor.execute("SELECT changes FROM core_auditentry")
        raw += repr(cursor.fetchall())
    plain = actions.pii.decrypt(application.id_number_cipher)
    assert plain not in raw and actions.pii.decrypt(application.phone_cipher) not in raw


def test_a_pending_application_for_the_same_id_number_blocks_a_second_one(city, feds):
    first = submit_join_application(enterprise=city.enterprise_a)
    plain = actions.pii.decrypt(first.id_number_cipher)
    with pytest.raises(ValidationError) as error:
        submit_join_application(id_number=plain, employment_form="courier", work_area=city.street_a)
    assert "甲公司工会" in error.value.message_dict["id_number"][0]
    joining.join_application_withdraw(application=first)
    again = submit_join_application(id_number=plain, enterprise=city.enterprise_a)
    assert again.status == JoinStatus.SUBMITTED


def test_an_active_member_elsewhere_applies_as_a_transfer(city, feds, people):
    member = make_member(city.union_b, name="赵转会")
    plain = actions.pii.decrypt(member.id_number_cipher)
    application = submit_join_application(
        name="赵转会", id_number=plain, enterprise=city.enterprise_a
    )
    assert application.kind == JoinKind.TRANSFER and application.existing_member == member
    joining.join_application_approve(actor=people.district_a_admin, application=application)
    application.refresh_from_db()
    moved = Member.objects.get(pk=member.pk)
    assert Member.objects.count() == 1 and moved.org == city.union_a
    assert moved.enterprise == city.enterprise_a
    assert application.member == moved and application.status == JoinStatus.APPROVED
    transfer = Transfer.objects.get()
    assert (transfer.from_org, transfer.to_org, transfer.status) == (
        city.union_b,
        city.union_a,
        "accepted",
    )
    assert application.transfer == transfer
    assert [c.change_type for c in moved.changes.order_by("id")] == ["1", "4", "2"]


def test_a_member_of_the_same_union_or_a_former_member_cannot_apply(city, feds, people):
    member = make_member(city.union_a, name="钱老会员")
    plain = actions.pii.decrypt(member.id_number_cipher)
    with pytest.raises(ValidationError) as error:
        submit_join_application(id_number=plain, enterprise=city.enterprise_a)
    assert "甲公司工会" in error.value.message_dict["id_number"][0]
    actions.member_change_status(
        actor=people.district_a_admin,
        member=member,
        change_type="6",
        reason="5",
        on=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        submit_join_application(id_number=plain, employment_form="courier", work_area=city.street_a)
    assert "甲公司工会" in error.value.message_dict["id_number"][0]
    assert not JoinApplication.objects.exists()


# --- decisions -------------------------------------------------------------------------------


def test_reviewer_of_the_federation_approves_and_the_member_is_created_with_a_card(
    city, feds, reviewer
):
    application = submit_join_application(
        name="孙骑手", employment_form="courier", work_area=city.street_a
    )
    approved = joining.join_application_approve(actor=reviewer, application=application)
    member = approved.member
    assert member.org == feds.express and member.employment_form == "courier"
    assert member.joined_on == datetime.date.today()
    assert member.card_number == f"{member.joined_on:%Y}{member.pk:08d}"
    assert member.id_number_hash == application.id_number_hash
    assert member.phone_hash == application.phone_hash
    assert member.changes.get().change_type == "1"
    assert approved.reviewer == reviewer and approved.decided_at is not None
    decision = AuditEntry.objects.filter(object_repr=str(application), action="update").get()
    assert decision.actor == reviewer and decision.changes["status"] == ["submitted", "approved"]
    assert AuditEntry.objects.filter(object_repr=str(member), action="create").get().actor == (
        reviewer
    )


def test_only_reviewers_of_the_routed_union_decide(city, feds, people):
    application = submit_join_application(employment_form="courier", work_area=city.street_a)
    operator = people.district_a_viewer
    RoleAssignment.objects.create(user=operator, org=city.district_a, role=Role.OPERATOR)
    for outsider in (people.district_b_admin, people.union_a_admin, operator):
        with pytest.raises(OutOfScope):
            joining.join_application_approve(actor=outsider, application=application)
        with pytest.raises(OutOfScope):
            joining.join_application_reject(actor=outsider, application=application, reason="x")
    assert JoinApplication.objects.get().status == JoinStatus.SUBMITTED
    assert not Member.objects.exists()


def test_reject_needs_a_reason_and_decisions_are_final(city, feds, reviewer):
    application = submit_join_application(employment_form="courier", work_area=city.street_a)
    with pytest.raises(ValidationError) as error:
        joining.join_application_reject(actor=reviewer, application=application, reason=" ")
    assert "reason" in error.value.message_dict
    assert JoinApplication.objects.get().status == JoinStatus.SUBMITTED
    rejected = joining.join_application_reject(
        actor=reviewer, application=application, reason="不在本行业"
    )
    assert rejected.rejection_reason == "不在本行业"
    with pytest.raises(ValidationError):
        joining.join_application_approve(actor=reviewer, application=application)
    with pytest.raises(ValidationError):
        joining.join_application_withdraw(application=application)
    assert not Member.objects.exists()


def test_a_withdrawn_application_cannot_be_approved(city, feds, reviewer):
    application = submit_join_application(employment_form="courier", work_area=city.street_a)
    joining.join_application_withdraw(application=application)
    with pytest.raises(ValidationError):
        joining.join_application_approve(actor=reviewer, application=application)
    entry = AuditEntry.objects.filter(action="update").get()
    assert entry.actor_name == "applicant" and entry.changes["status"][1] == "withdrawn"
