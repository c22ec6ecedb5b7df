"""Worker pages (anonymous complaint with follow-up code, member filing, legal aid, rate
limits) and the API (cadre steps, public submit and follow)."""

import pytest
from django.urls import reverse

from members.tests.factories import make_member
from portal.tests.helpers import login_member
from rights import actions
from rights.models import LegalAidCase, Ticket
from rights.tests.factories import make_lawyer, make_legal_aid, make_ticket

pytestmark = pytest.mark.django_db


def _complaint(city, **overrides):
    data = {
        "kind": "complaint",
        "category": "wage_arrears",
        "subject": "欠薪",
        "content": "三个月没发工资",
        "enterprise": city.enterprise_a.pk,
        "workers_involved": "1",
        "is_anonymous": "on",
    }
    data.update(overrides)
    return data


def test_anonymous_complaint_shows_the_code_once_and_follows(client, city):
    assert client.get(reverse("rights:m-home")).status_code == 200
    assert client.get(reverse("rights:m-complaint")).status_code == 200
    response = client.post(reverse("rights:m-complaint"), _complaint(city))
    html = response.content.decode()
    ticket = Ticket.objects.get()
    assert ticket.is_anonymous and ticket.org == city.union_a and ticket.channel == "online"
    code = html.split('data-testid="follow-code">')[1].split("<")[0]
    assert selectors_find(code) == ticket
    status = client.post(reverse("rights:m-follow"), {"code": code}).content.decode()
    assert "已受理" in status and "甲公司工会" in status
    assert "applicant" not in status  # no internal names on the worker's page
    wrong = client.post(reverse("rights:m-follow"), {"code": "AAAA-BBBB-CCCC"}).content.decode()
    assert "没有与该查询码对应" in wrong


def selectors_find(code):
    from rights.selectors import ticket_by_follow_code

    return ticket_by_follow_code(code)


def test_complaint_errors_in_chinese_and_nothing_written(client, city):
    response = client.post(reverse("rights:m-complaint"), {"category": "", "is_anonymous": "on"})
    html = response.content.decode()
    assert "请用一句话概括诉求" in html and "请描述具体情况" in html
    assert not Ticket.objects.exists()


def test_public_complaints_are_rate_limited_per_address(client, city, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "rights_submit": "2/hour",
        },
    }
    # DRF reloads its settings on setting_changed; the fixture restores them afterwards.
    for _ in range(2):
        client.post(reverse("rights:m-complaint"), _complaint(city))
    third = client.post(reverse("rights:m-complaint"), _complaint(city))
    assert "分钟后再试" in third.content.decode()
    assert Ticket.objects.count() == 2


def test_member_files_under_their_name_and_sees_their_cases(client, city):
    member = make_member(
        city.union_a, name="钱会员", phone="13811112222", enterprise=city.enterprise_a
    )
    login_member(client, member)
    form = client.get(reverse("rights:m-complaint")).content.decode()
    assert 'data-testid="as-member"' in form
    client.post(reverse("rights:m-complaint"), _complaint(city, is_anonymous="on"))
    ticket = Ticket.objects.get()
    assert ticket.member == member and not ticket.is_anonymous
    assert ticket.caller_name == "钱会员" and ticket.caller_phone_masked == "138****2222"
    client.post(
        reverse("rights:m-legal-aid"),
        {"category": "contract", "matter": "被违法解除", "enterprise": city.enterprise_a.pk},
    )
    case = LegalAidCase.objects.get()
    assert case.member == member and case.eligible and case.is_member_applicant
    home = client.get(reverse("rights:m-home")).content.decode()
    assert ticket.number in home and case.number in home
    mine = client.get(reverse("rights:m-mine", args=["legal-aid", case.pk]))
    assert case.number in mine.content.decode()
    stranger = make_legal_aid(None, enterprise=city.enterprise_a, org=city.union_a)
    assert client.get(reverse("rights:m-mine", args=["legal-aid", stranger.pk])).status_code == 404
    portal_home = client.get(reverse("portal:home")).content.decode()
    assert reverse("rights:m-home") in portal_home


def test_legal_aid_application_without_login(client, city):
    response = client.post(
        reverse("rights:m-legal-aid"),
        {
            "caller_name": "吴师傅",
            "phone": "13655556666",
            "category": "contract",
            "matter": "未签合同",
            "work_area": city.street_b.pk,
            "employer_name": "某加工厂",
        },
    )
    case = LegalAidCase.objects.get()
    assert case.org == city.street_b and not case.eligible
    assert 'data-testid="follow-code"' in response.content.decode()


def test_api_cadre_ticket_steps(api_for, people, city, django_assert_max_num_queries):
    api = api_for(people.union_a_admin)
    created = api.post(
        "/api/v1/tickets/",
        {
            "kind": "complaint",
            "channel": "hotline",
            "category": "wage_arrears",
            "caller_name": "郑师傅",
            "phone": "13512345678",
            "enterprise": city.enterprise_a.pk,
            "subject": "欠薪",
            "content": "两个月",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["follow_code"] and body["caller_phone_masked"] == "135****5678"
    assert "13512345678" not in created.content.decode()
    pk = body["id"]
    assert api.post(f"/api/v1/tickets/{pk}/start/", {}, format="json").status_code == 200
    replied = api.post(
        f"/api/v1/tickets/{pk}/reply/", {"reply": "已处理", "resolved": True}, format="json"
    )
    assert replied.json()["status"] == "replied"
    refused = api.post(f"/api/v1/tickets/{pk}/start/", {}, format="json")
    assert refused.status_code == 400
    for n in range(4):
        make_ticket(people.union_a_admin, enterprise=city.enterprise_a, subject=f"工单{n}")
    with django_assert_max_num_queries(8):
        listed = api.get("/api/v1/tickets/")
    assert listed.json()["count"] == 5
    out_of_scope = api.post(
        "/api/v1/tickets/",
        {"kind": "complaint", "channel": "hotline", "category": "other", "subject": "x",
         "content": "y", "enterprise": city.enterprise_b.pk},
        format="json",
    )  # fmt: skip
    assert out_of_scope.status_code in (400, 403)


def test_api_public_submit_and_follow(client, city):
    response = client.post(
        "/api/v1/tickets/submit/",
        {"category": "wage_arrears", "subject": "欠薪", "content": "没发工资",
         "enterprise": city.enterprise_a.pk, "is_anonymous": True},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    code = response.json()["follow_code"]
    followed = client.post(
        "/api/v1/tickets/follow/", {"code": code}, content_type="application/json"
    )
    assert followed.status_code == 200 and followed.json()["status"] == "received"
    assert (
        client.post(
            "/api/v1/tickets/follow/", {"code": "XXXX"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert client.get("/api/v1/tickets/").status_code in (401, 403)
    aid = client.post(
        "/api/v1/legal-aid/submit/",
        {"caller_name": "何师傅", "phone": "13544445555", "category": "work_injury",
         "matter": "工伤未赔", "enterprise": city.enterprise_b.pk},
        content_type="application/json",
    )  # fmt: skip
    assert aid.status_code == 201, aid.content
    status = client.post(
        "/api/v1/legal-aid/follow/",
        {"code": aid.json()["follow_code"]},
        content_type="application/json",
    )
    assert status.json()["eligible"] is True


def test_api_legal_aid_and_disputes(api_for, people, city):
    admin = people.district_a_admin
    api = api_for(admin)
    case = make_legal_aid(admin, enterprise=city.enterprise_a)
    lawyer = make_lawyer(city.district_a, admin)
    assert api.post(f"/api/v1/legal-aid/{case.pk}/accept/", {}, format="json").status_code == 200
    assigned = api.post(
        f"/api/v1/legal-aid/{case.pk}/assign/", {"lawyer": lawyer.pk}, format="json"
    )
    assert assigned.json()["lawyer_name"] == lawyer.name
    concluded = api.post(
        f"/api/v1/legal-aid/{case.pk}/conclude/",
        {"outcome": "upheld", "amount_recovered": "5000"},
        format="json",
    )
    assert concluded.json()["status"] == "concluded"
    created = api.post(
        "/api/v1/disputes/",
        {"legal_aid": case.pk, "workers": "李师傅", "category": "wage_arrears", "claims": "工资",
         "enterprise": city.enterprise_a.pk},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    session = api.post(
        f"/api/v1/disputes/{pk}/session/",
        {"held_on": created.json()["registered_on"], "summary": "调解"},
        format="json",
    )
    assert session.json()["status"] == "mediating" and len(session.json()["sessions"]) == 1
    closed = api.post(f"/api/v1/disputes/{pk}/close/", {"outcome": "withdrawn"}, format="json")
    assert closed.json()["outcome"] == "withdrawn"
    assert api.get("/api/v1/lawyers/").json()["count"] == 1
    assert actions.group_threshold() == 10
