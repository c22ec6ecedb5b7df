"""Join applications for cadres (list, detail, decisions, workbench) and the API."""

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from members import actions
from members.choices import JoinStatus
from members.models import JoinApplication, Member
from members.tests.factories import join_data, last_sms_code, submit_join_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def test_list_is_masked_searchable_exportable_and_query_count_flat(
    client_for, people, city, django_assert_max_num_queries
):
    for n in range(30):
        submit_join_application(name=f"申请{n}", enterprise=city.enterprise_a)
    submit_join_application(name="别区申请", enterprise=city.enterprise_b)
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("members:join-list"))
    html = page.content.decode()
    assert page.status_code == 200 and "申请1" in html and "别区申请" not in html
    assert "**********" in html and "1390000" not in html
    found = client.get(reverse("members:join-list"), {"q": "申请2"}).content.decode()
    assert "申请2" in found and "申请3" not in found
    pending = client.get(reverse("members:join-list"), {"status": "approved"}).content.decode()
    assert "申请2" not in pending
    export = client.get(reverse("members:join-list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    text = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    assert "申请29" in text and "**********" in text
    for application in JoinApplication.objects.filter(org=city.union_a)[:3]:
        assert actions.pii.decrypt(application.id_number_cipher) not in text


def test_menu_and_workbench_show_pending_applications_to_reviewers(client_for, people, city):
    submit_join_application(enterprise=city.enterprise_a)
    home = client_for(people.district_a_admin).get(reverse("home")).content.decode()
    assert reverse("members:join-list") in home and 'data-testid="join-pending"' in home
    other = client_for(people.district_b_admin).get(reverse("home")).content.decode()
    assert 'data-testid="join-pending"' not in other
    viewer = client_for(people.district_a_viewer).get(reverse("home")).content.decode()
    assert 'data-testid="join-pending"' not in viewer  # viewers do not review


def test_detail_and_approval_through_the_pages(client_for, people, city):
    member = actions.member_create(
        actor=None,
        data={
            **join_data(name="周已入会"),
            "org": city.union_b,
            "joined_on": city.union_b.created_at.date(),
            "card_number": "",
            "employment_status": "1",
            "skill_level": "",
        },
    )
    plain = actions.pii.decrypt(member.id_number_cipher)
    application = submit_join_application(
        name="周已入会", id_number=plain, enterprise=city.enterprise_a
    )
    client = client_for(people.district_a_admin)
    detail = client.get(application.get_absolute_url()).content.decode()
    assert 'data-testid="existing-member"' in detail and "乙公司工会" in detail
    assert 'data-testid="approve"' in detail
    viewer = client_for(people.district_a_viewer)
    assert (
        'data-testid="approve"' not in viewer.get(application.get_absolute_url()).content.decode()
    )
    assert viewer.get(reverse("members:join-approve", args=[application.pk])).status_code == 404
    client = client_for(people.district_a_admin)
    form = client.get(reverse("members:join-approve", args=[application.pk]))
    assert form.status_code == 200
    response = client.post(reverse("members:join-approve", args=[application.pk]), {})
    assert response.status_code == 302
    assert Member.objects.get(pk=member.pk).org == city.union_a
    history = client.get(application.get_absolute_url(), {"tab": "history"}).content.decode()
    assert "applicant" in history and "district_a_admin" in history


def test_reject_page_requires_a_reason(client_for, people, city):
    application = submit_join_application(enterprise=city.enterprise_a)
    client = client_for(people.district_a_admin)
    url = reverse("members:join-reject", args=[application.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and 'data-testid="field-error"' in response.content.decode()
    assert JoinApplication.objects.get().status == JoinStatus.SUBMITTED
    assert client.post(url, {"reason": "重复申请"}).status_code == 302
    assert JoinApplication.objects.get().rejection_reason == "重复申请"
    again = client.post(url, {"reason": "再拒"})
    assert again.status_code == 200 and JoinApplication.objects.get().rejection_reason == "重复申请"


# --- API -------------------------------------------------------------------------------------


def test_api_join_without_an_account(client, city, sms_outbox):
    sent = client.post(
        "/api/v1/join-applications/send-code/", {"phone": "13912340000"}, "application/json"
    )
    assert sent.status_code == 202, sent.content
    assert sms_outbox[-1].phone == "13912340000"
    payload = {
        **join_data(phone="13912340000", enterprise=city.enterprise_a.pk),
        "code": last_sms_code(),
    }
    created = client.post("/api/v1/join-applications/", payload, "application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "submitted" and body["org_name"] == "甲公司工会"
    assert body["status_url"].endswith(f"/join/status/{body['token']}/")
    assert "id_number" not in body and body["id_number_masked"].count("*") == 10
    assert payload["id_number"] not in created.content.decode()
    assert client.get("/api/v1/join-applications/").status_code in (401, 403)


def test_api_reports_every_problem_and_a_wrong_code(client, city):
    client.post(
        "/api/v1/join-applications/send-code/", {"phone": "13912340001"}, "application/json"
    )
    bad = client.post(
        "/api/v1/join-applications/",
        {**join_data(phone="13912340001", name="", enterprise=None), "code": "12"},
        "application/json",
    )
    assert bad.status_code == 400
    assert set(bad.json()) >= {"name", "enterprise", "code"}
    right = last_sms_code()
    wrong = client.post(
        "/api/v1/join-applications/",
        {
            **join_data(phone="13912340001", enterprise=city.enterprise_a.pk),
            "code": "000000" if right != "000000" else "111111",
        },
        "application/json",
    )
    assert wrong.status_code == 400 and "code" in wrong.json()
    assert not JoinApplication.objects.exists()


def test_api_throttles_code_requests_and_submissions(client, city, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"join_code": "2/hour", "join_submit": "1/hour"},
    }
    answers = [
        client.post(
            "/api/v1/join-applications/send-code/", {"phone": f"1391234000{n}"}, "application/json"
        ).status_code
        for n in range(3)
    ]
    assert answers == [202, 202, 429]
    submits = [
        client.post(
            "/api/v1/join-applications/", {"code": "123456"}, "application/json"
        ).status_code
        for _ in range(2)
    ]
    assert submits == [400, 429]


def test_api_list_is_scoped_masked_and_query_count_flat(
    api_for, people, city, django_assert_max_num_queries
):
    for n in range(10):
        submit_join_application(name=f"接口申请{n}", enterprise=city.enterprise_a)
    submit_join_application(name="别区接口", enterprise=city.enterprise_b)
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(6):
        body = api.get("/api/v1/join-applications/").json()
    assert body["count"] == 10
    assert "别区接口" not in str(body) and "id_number" not in body["results"][0]
    assert body["results"][0]["id_number_masked"].count("*") == 10


def test_api_approve_and_reject(api_for, people, city):
    first = submit_join_application(enterprise=city.enterprise_a)
    second = submit_join_application(enterprise=city.enterprise_a)
    api = api_for(people.district_a_admin)
    approved = api.post(f"/api/v1/join-applications/{first.pk}/approve/", {}, format="json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["member"] == Member.objects.get().pk
    again = api.post(f"/api/v1/join-applications/{first.pk}/approve/", {}, format="json")
    assert again.status_code == 400
    no_reason = api.post(f"/api/v1/join-applications/{second.pk}/reject/", {}, format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    rejected = api.post(
        f"/api/v1/join-applications/{second.pk}/reject/", {"reason": "信息不实"}, format="json"
    )
    assert rejected.json()["rejection_reason"] == "信息不实"
    viewer = api_for(people.district_a_viewer)
    assert viewer.get(f"/api/v1/join-applications/{second.pk}/").status_code == 200
    assert (
        viewer.post(f"/api/v1/join-applications/{second.pk}/reject/", {}, format="json")
    ).status_code == 404
