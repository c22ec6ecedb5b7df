"""Members sign in to the worker portal with their phone and an SMS code."""

import pytest
from django.urls import reverse
from django.utils import translation

from members import actions
from members.choices import ChangeType
from members.tests.factories import last_sms_code, make_member
from portal import home
from portal.auth import SESSION_KEY
from portal.tests.helpers import login_member

pytestmark = pytest.mark.django_db

PHONE = "13912345678"


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def member(city):
    return make_member(city.union_a, name="孙会员", phone=PHONE)


def _send(client, phone=PHONE):
    return client.post(reverse("portal:login"), {"phone": phone, "send_code": "1"})


def test_member_signs_in_with_the_code_and_lands_on_home(client, member, sms_outbox):
    page = _send(client)
    assert "验证码" in page.content.decode()
    assert sms_outbox[-1].phone == PHONE and "登录" in sms_outbox[-1].text
    response = client.post(reverse("portal:login"), {"phone": PHONE, "code": last_sms_code()})
    assert response.status_code == 302 and response.url == reverse("portal:home")
    assert client.session[SESSION_KEY] == member.pk
    html = client.get(reverse("portal:home")).content.decode()
    assert "孙会员" in html and "甲公司工会" in html and member.card_number in html
    assert 'data-testid="home-card"' in html


def test_a_stranger_number_gets_the_same_answer_and_no_text(client, member, sms_outbox):
    headers = {"HX-Request": "true"}
    url = reverse("portal:login")
    stranger = client.post(url, {"phone": "13700001111", "send_code": "1"}, headers=headers)
    known = client.post(url, {"phone": PHONE, "send_code": "1"}, headers=headers)
    assert len(sms_outbox) == 1 and sms_outbox[0].phone == PHONE
    # The same words either way (only the masked number differs).
    assert stranger.content.decode().replace("137****1111", "X") == known.content.decode().replace(
        "139****5678", "X"
    )


def test_wrong_code_is_refused_and_signs_nobody_in(client, member, sms_outbox):
    _send(client)
    wrong = "000000" if last_sms_code() != "000000" else "111111"
    page = client.post(reverse("portal:login"), {"phone": PHONE, "code": wrong})
    assert page.status_code == 200 and "验证码错误" in page.content.decode()
    assert SESSION_KEY not in client.session


def test_bad_phone_is_a_clear_error(client, member, sms_outbox):
    page = _send(client, "12")
    assert page.status_code == 200 and not sms_outbox
    assert "手机号" in page.content.decode()


def test_pages_for_members_send_visitors_to_sign_in_and_back(client, member):
    response = client.get(reverse("portal:my-card"))
    assert response.status_code == 302
    assert response.url == f"{reverse('portal:login')}?next=%2Fm%2Fcard%2F"
    login_member(client, member)
    card = client.get(reverse("portal:my-card")).content.decode()
    assert member.card_number in card and 'data-testid="card-qr"' in card


def test_next_goes_back_only_to_this_site(client, member, sms_outbox):
    _send(client)
    data = {"phone": PHONE, "code": last_sms_code(), "next": "https://evil.example/x"}
    response = client.post(reverse("portal:login"), data)
    assert response.url == reverse("portal:home")


def test_a_member_who_left_is_signed_out(client, member):
    login_member(client, member)
    assert client.get(reverse("portal:home")).status_code == 200
    actions.member_change_status(
        actor=None, member=member, change_type=ChangeType.LEFT, reason="5", on=member.joined_on
    )
    assert client.get(reverse("portal:home")).status_code == 302


def test_sign_out(client, member):
    login_member(client, member)
    response = client.post(reverse("portal:logout"))
    assert response.status_code == 302
    assert client.get(reverse("portal:home")).status_code == 302


def test_a_cadre_login_is_not_a_member_session(client, people):
    client.force_login(people.district_a_admin)
    assert client.get(reverse("portal:home")).status_code == 302


def test_capabilities_add_their_entries_to_home(client, member):
    home.register("test-entry", "测试办事", "portal:my-card", order=5)
    try:
        login_member(client, member)
        html = client.get(reverse("portal:home")).content.decode()
        assert html.index("home-card") < html.index("测试办事")
    finally:
        home._entries.pop("test-entry")


def test_an_account_without_a_cadre_role_is_pointed_to_the_member_sign_in(client, people):
    client.force_login(people.worker)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("portal:login")}"' in html and "会员请登录职工服务" in html
