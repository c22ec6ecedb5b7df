"""Legal aid (eligibility, lawyer, progress, outcome) and labour-dispute mediation (from a
ticket, sessions, outcome), and their subtree figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.scoping import OutOfScope
from rights import actions, selectors
from rights.choices import DisputeStatus, LegalAidStatus
from rights.models import DisputeCase, LegalAidCase
from rights.tests.factories import make_dispute, make_lawyer, make_legal_aid, make_ticket

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("is_member", "category", "hardship", "eligible"),
    [
        (True, "contract", False, True),
        (False, "contract", True, True),
        (False, "wage_arrears", False, True),
        (False, "work_injury", False, True),
        (False, "contract", False, False),
    ],
)
def test_eligibility(is_member, category, hardship, eligible):
    ok, note = actions.legal_aid_eligibility(
        is_member=is_member, category=category, in_hardship=hardship
    )
    assert ok is eligible and note


def test_open_categories_are_a_setting(settings):
    settings.GONGHUI = {**settings.GONGHUI, "LEGAL_AID_OPEN_CATEGORIES": ("contract",)}
    assert actions.legal_aid_eligibility(is_member=False, category="contract", in_hardship=False)[0]
    assert not actions.legal_aid_eligibility(
        is_member=False, category="wage_arrears", in_hardship=False
    )[0]


def test_online_application_is_routed_checked_and_followed(city):
    case, code = actions.legal_aid_submit(
        data={
            "caller_name": "陈师傅",
            "phone": "13700001234",
            "category": "wage_arrears",
            "matter": "工地拖欠工资",
            "enterprise": city.enterprise_a2,
        }
    )
    assert case.org == city.street_a and case.eligible and case.channel == "online"
    assert case.caller_phone_masked == "137****1234"
    assert selectors.legal_aid_by_follow_code(code) == case
    with pytest.raises(ValidationError) as error:
        actions.legal_aid_submit(data={"category": "contract", "enterprise": city.enterprise_a})
    assert {"caller_name", "phone", "matter"} <= set(error.value.message_dict)


def test_legal_aid_lifecycle_with_lawyer_and_recovered_amount(city, people):
    admin = people.district_a_admin
    case = make_legal_aid(admin, enterprise=city.enterprise_a, amount="30000")
    lawyer = make_lawyer(city.district_a, admin)
    with pytest.raises(ValidationError):
        actions.legal_aid_assign(actor=admin, case=case, lawyer=lawyer)
    case = actions.legal_aid_accept(actor=admin, case=case)
    assert case.status == LegalAidStatus.ACCEPTED
    other = make_lawyer(city.district_b, people.district_b_admin, name="西山律师")
    with pytest.raises(OutOfScope):
        actions.legal_aid_assign(actor=admin, case=case, lawyer=other)
    case = actions.legal_aid_assign(actor=admin, case=case, lawyer=lawyer)
    assert case.status == LegalAidStatus.ASSIGNED
    with pytest.raises(ValidationError) as error:
        actions.legal_aid_progress(
            actor=admin, case=case, on=datetime.date.today() + datetime.timedelta(days=3), note=""
        )
    assert set(error.value.message_dict) == {"on", "note"}
    actions.legal_aid_progress(actor=admin, case=case, on=datetime.date.today(), note="已申请仲裁")
    case = actions.legal_aid_conclude(
        actor=admin, case=case, outcome="upheld", amount_recovered="28000"
    )
    assert case.status == LegalAidStatus.CONCLUDED
    assert [step.note for step in case.progress.all()][-1] == "已申请仲裁"
    figures = selectors.rights_stats(city.district_a)
    assert figures["legal_aid_concluded"] == 1
    assert figures["legal_aid_recovered"] == "28000.00"


def test_ineligible_application_cannot_be_accepted_but_can_be_declined(city, people):
    admin = people.district_a_admin
    case = make_legal_aid(admin, enterprise=city.enterprise_a, category="contract")
    assert not case.eligible
    with pytest.raises(ValidationError):
        actions.legal_aid_accept(actor=admin, case=case)
    assert LegalAidCase.objects.get(pk=case.pk).status == LegalAidStatus.SUBMITTED
    case = actions.legal_aid_accept(actor=admin, case=case, in_hardship=True)
    assert case.eligible and case.status == LegalAidStatus.ACCEPTED
    second = make_legal_aid(admin, enterprise=city.enterprise_a, category="contract")
    with pytest.raises(ValidationError):
        actions.legal_aid_reject(actor=admin, case=second, reason=" ")
    second = actions.legal_aid_reject(actor=admin, case=second, reason="非会员，建议先入会")
    assert second.status == LegalAidStatus.REJECTED


def test_legal_aid_from_a_ticket_keeps_the_link(city, people):
    admin = people.district_a_admin
    ticket = make_ticket(admin, enterprise=city.enterprise_a)
    case = make_legal_aid(admin, ticket=ticket, enterprise=city.enterprise_a)
    assert case.ticket == ticket and case.channel == "ticket" and case.org == ticket.org
    foreign = make_ticket(people.city_admin, enterprise=city.enterprise_b)
    with pytest.raises(OutOfScope):
        make_legal_aid(admin, ticket=foreign, enterprise=city.enterprise_a, org=city.union_a)


def test_dispute_from_ticket_with_sessions_and_outcome(city, people):
    admin = people.district_a_admin
    ticket = make_ticket(admin, enterprise=city.enterprise_a, workers_involved=15)
    case = make_dispute(admin, ticket=ticket, enterprise=city.enterprise_a)
    assert case.org == ticket.org and case.status == DisputeStatus.REGISTERED
    with pytest.raises(ValidationError):
        actions.dispute_session_add(
            actor=admin, case=case, held_on=datetime.date(2026, 1, 1), summary="早于立案"
        )
    actions.dispute_session_add(
        actor=admin, case=case, held_on=datetime.date(2026, 1, 8), summary="双方陈述"
    )
    case.refresh_from_db()
    assert case.status == DisputeStatus.MEDIATING
    with pytest.raises(ValidationError) as error:
        actions.dispute_close(actor=admin, case=case, outcome="arbitration", amount_agreed="100")
    assert "amount_agreed" in error.value.message_dict
    case = actions.dispute_close(
        actor=admin, case=case, outcome="mediated", amount_agreed="45000", note="分两期支付"
    )
    assert case.status == DisputeStatus.CLOSED and case.amount_agreed == Decimal("45000.00")
    with pytest.raises(ValidationError):
        actions.dispute_session_add(
            actor=admin, case=case, held_on=datetime.date(2026, 1, 9), summary="再次调解"
        )
    make_dispute(admin, org=city.union_a, enterprise=city.enterprise_a)
    closed = make_dispute(admin, org=city.union_a, employer_name="某小厂")
    actions.dispute_close(actor=admin, case=closed, outcome="arbitration")
    figures = selectors.rights_stats(city.district_a)
    assert figures["disputes"] == 3 and figures["disputes_closed"] == 2
    assert figures["mediation_success_rate"] == 50.0
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 1, 31)
    assert selectors.disputes_by_enterprise(None, start, end) == {city.enterprise_a.pk: 2}


def test_dispute_is_refused_whole_and_out_of_scope(city, people):
    with pytest.raises(ValidationError) as error:
        actions.dispute_create(actor=people.district_a_admin, data={"org": city.union_a})
    assert {"employer_name", "workers", "category", "claims"} <= set(error.value.message_dict)
    with pytest.raises(OutOfScope):
        make_dispute(people.district_a_admin, org=city.union_b, employer_name="某厂")
    assert not DisputeCase.objects.exists()
