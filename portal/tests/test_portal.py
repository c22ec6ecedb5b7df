"""Worker-facing pages without login: the join form with its phone code, the status page,
the e-membership card and the check of its QR code."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from members import joining, selectors
from members.choices import JoinStatus
from members.models import JoinApplication, Member, PhoneCode
from members.tests.factories import join_data, last_sms_code, submit_join_application
from orgs.tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def _form(city, **overrides) -> dict:
    data = join_data(enterprise=city.enterprise_a.pk, consent="on", **overrides)
    data["enterprise"] = data["enterprise"] or ""
    data["work_area"] = data["work_area"] or ""
    return {key: value for key, value in data.items() if value is not None}


def test_join_form_offers_districts_and_streets_as_places(client, city):
    page = client.get(reverse("portal:join"))
    html = page.content.decode()
    assert page.status_code == 200 and 'data-testid="join-form"' in html
    assert '<optgroup label="东湖区">' in html and ">东湖街道</option>" in html
    assert "login" not in page.request["PATH_INFO"]


def test_sending_the_code_keeps_what_was_typed(client, city, sms_outbox):
    data = _form(city, name="钱填表")
    page = client.post(reverse("portal:join"), {**data, "send_code": "1"})
    html = page.content.decode()
    assert page.status_code == 200 and 'data-testid="code-status"' in html
    assert sms_outbox[-1].phone == data["phone"]
    assert 'value="钱填表"' in html and "甲科技有限公司" in html  # the chosen employer stays
    fragment = client.post(
        reverse("portal:join"),
        {**data, "phone": "12", "send_code": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert fragment.startswith('<div class="small mt-1 text-danger" data-testid="code-status">')
    assert "12" in fragment and len(sms_outbox) == 1


def test_apply_with_the_code_then_follow_the_application(client, city, sms_outbox):
    data = _form(city, name="钱申请")
    client.post(reverse("portal:join"), {**data, "send_code": "1"})
    response = client.post(reverse("portal:join"), {**data, "code": last_sms_code()})
    application = JoinApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:join-status", args=[application.token])
    status = client.get(response["Location"])
    html = status.content.decode()
    assert "甲公司工会" in html and 'data-testid="withdraw"' in html
    assert "钱*" in html and "钱申请" not in html  # the name is masked on the status page
    assert "no-store" in status["Cache-Control"]
    client.post(reverse("portal:join-withdraw", args=[application.token]))
    assert JoinApplication.objects.get().status == JoinStatus.WITHDRAWN


def test_errors_are_shown_per_field_in_chinese(client, city):
    data = _form(city, id_number="110101199003074211", name="")
    html = client.post(reverse("portal:join"), {**data, "code": "123456"}).content.decode()
    assert "请更正下列错误。" in html
    assert "身份证号码 110101199003074211 无效：校验码错误。" in html
    assert "请填写名称。" in html
    assert not JoinApplication.objects.exists()


def test_a_courier_names_the_place_instead_of_an_employer(client, city, sms_outbox):
    data = _form(city, employment_form="courier", work_area=city.street_b.pk)
    data["enterprise"] = ""
    client.post(reverse("portal:join"), {**data, "send_code": "1"})
    client.post(reverse("portal:join"), {**data, "code": last_sms_code()})
    application = JoinApplication.objects.get()
    assert application.org == city.street_b and application.enterprise is None


def test_the_employer_picker_shows_operating_employers_by_name_only(client, city):
    closed = EnterpriseFactory(name="甲科技关闭公司", territory=city.street_a, status="closed")
    html = client.get(reverse("portal:join-employers"), {"q": "甲科技"}).content.decode()
    assert "甲科技有限公司" in html and closed.name not in html
    assert city.enterprise_a.uscc not in html and "甲公司工会" not in html
    by_code = client.get(reverse("portal:join-employers"), {"q": city.enterprise_b.uscc})
    assert "乙物流有限公司" in by_code.content.decode()
    short = client.get(reverse("portal:join-employers"), {"q": "甲"}).content.decode()
    assert '<option value="' + str(city.enterprise_a.pk) not in short


def test_rejected_application_shows_the_reason(client, city, people):
    application = submit_join_application(enterprise=city.enterprise_a)
    joining.join_application_reject(
        actor=people.district_a_admin, application=application, reason="请由本单位工会办理"
    )
    html = client.get(reverse("portal:join-status", args=[application.token])).content.decode()
    assert "请由本单位工会办理" in html and 'data-testid="card-link"' not in html
    assert client.get(reverse("portal:card", args=[application.token])).status_code == 404


def test_unknown_tokens_are_404(client, city):
    for name in ("portal:join-status", "portal:card"):
        assert client.get(reverse(name, args=["nope" * 8])).status_code == 404
    assert client.post(reverse("portal:join-withdraw", args=["nope"])).status_code == 404


def test_e_card_with_a_qr_code_that_verifies(client, client_for, city, people):
    application = submit_join_application(name="孙持卡", enterprise=city.enterprise_a)
    assert client.get(reverse("portal:card", args=[application.token])).status_code == 404
    joining.join_application_approve(actor=people.district_a_admin, application=application)
    member = Member.objects.get()
    status = client.get(reverse("portal:join-status", args=[application.token])).content.decode()
    assert reverse("portal:card", args=[application.token]) in status
    card = client.get(reverse("portal:card", args=[application.token]))
    html = card.content.decode()
    assert "孙持卡" in html and member.card_number in html and "甲公司工会" in html
    assert re.search(r"<svg[^>]*class=\"segno\"", html)
    value = selectors.card_verification_value(member)
    assert card.context["verify_url"].endswith(reverse("portal:verify", args=[value]))
    assert member.id_number_masked[:4] not in value and "孙" not in value

    anonymous = client.get(reverse("portal:verify", args=[value])).content.decode()
    assert 'data-testid="verdict"' in anonymous and "甲公司工会" in anonymous
    assert member.card_number not in anonymous and "孙" not in anonymous
    cadre = client_for(people.district_b_admin).get(reverse("portal:verify", args=[value]))
    html = cadre.content.decode()
    assert member.card_number in html and "孙**" in html and "孙持卡" not in html
    assert cadre.context["valid"] is True


def test_forged_or_lapsed_cards_are_not_valid(client, city, people):
    application = submit_join_application(enterprise=city.enterprise_a)
    joining.join_application_approve(actor=people.district_a_admin, application=application)
    member = Member.objects.get()
    value = selectors.card_verification_value(member)
    forged = value[:-1] + ("A" if value[-1] != "A" else "B")
    response = client.get(reverse("portal:verify", args=[forged]))
    assert response.context["valid"] is False and "甲公司工会" not in response.content.decode()
    member.status = "left"
    member.save()
    lapsed = client.get(reverse("portal:verify", args=[value]))
    assert lapsed.context["valid"] is False


def test_portal_submissions_are_rate_limited(client, city, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"join_code": "1/hour", "join_submit": "1/hour"},
    }
    data = _form(city)
    client.post(reverse("portal:join"), {**data, "send_code": "1"})
    second = client.post(
        reverse("portal:join"),
        {**data, "phone": "13900000001", "send_code": "1"},
        headers={"HX-Request": "true"},
    )
    assert "text-danger" in second.content.decode()
    client.post(reverse("portal:join"), {**data, "code": "000001"})
    third = client.post(reverse("portal:join"), {**data, "code": "000002"})
    assert 'data-testid="form-errors"' in third.content.decode()
    # The second submission never reached the code: only one try was used.
    assert PhoneCode.objects.get().attempts == 1
