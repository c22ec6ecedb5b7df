import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from core.models import AuditEntry
from orgs.models import Enterprise, Org
from orgs.tests.factories import valid_uscc

pytestmark = pytest.mark.django_db


def token_client(username):
    from io import StringIO

    out = StringIO()
    call_command("issue_token", username, stdout=out)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {out.getvalue().strip()}")
    return client


def test_token_auth_lists_orgs_of_scope(people, city):
    client = token_client("district_a_admin")
    body = client.get("/api/v1/orgs/").json()
    names = {row["name"] for row in body["results"]}
    assert names == {"东湖区总工会", "东湖街道总工会", "甲公司工会"}
    assert body["count"] == 3


def test_api_without_token_is_refused(city):
    assert APIClient().get("/api/v1/orgs/").status_code == 401


def test_org_list_query_count(api_for, people, city, django_assert_max_num_queries):
    api = api_for(people.city_admin)
    with django_assert_max_num_queries(6):
        response = api.get("/api/v1/orgs/")
    assert response.json()["count"] == 7
    assert {row["parent_id"] for row in response.json()["results"]} >= {city.city.pk}


def test_stats_endpoint(api_for, people, city):
    body = api_for(people.district_a_admin).get(f"/api/v1/orgs/{city.district_a.pk}/stats/").json()
    assert body["coverage"]["enterprises"] == 2
    assert body["coverage"]["coverage_rate"] == 50.0
    assert body["coverage"]["orgs_by_level"]["grassroots"] == 1


def test_create_org_via_api_validates_level_in_chinese(api_for, people, city):
    api = api_for(people.district_a_admin)
    response = api.post(
        "/api/v1/orgs/",
        {"parent": city.street_a.pk, "code": "API1", "name": "接口工会", "level": "district"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert "不能设在" in str(response.json())
    response = api.post(
        "/api/v1/orgs/",
        {
            "parent": city.street_a.pk,
            "code": "API1",
            "name": "接口工会",
            "level": "grassroots",
            "grassroots_type": "joint",
        },
        format="json",
    )
    assert response.status_code == 201
    assert Org.objects.get(code="API1").depth == city.street_a.depth + 1


def test_create_under_other_district_reads_like_missing_parent(api_for, people, city):
    api = api_for(people.district_a_admin)
    other = api.post(
        "/api/v1/orgs/",
        {"parent": city.street_b.pk, "code": "X", "name": "x", "level": "grassroots"},
        format="json",
    )
    missing = api.post(
        "/api/v1/orgs/",
        {"parent": 99999, "code": "X", "name": "x", "level": "grassroots"},
        format="json",
    )
    assert other.status_code == missing.status_code == 400
    assert other.json()["parent"][0].replace(str(city.street_b.pk), "N") == missing.json()[
        "parent"
    ][0].replace("99999", "N")


def test_move_via_api_refuses_descendant(api_for, people, city):
    api = api_for(people.city_admin)
    response = api.post(
        f"/api/v1/orgs/{city.district_a.pk}/move/", {"parent": city.union_a.pk}, format="json"
    )
    assert response.status_code == 400
    ok = api.post(
        f"/api/v1/orgs/{city.street_a.pk}/move/", {"parent": city.district_b.pk}, format="json"
    )
    assert ok.status_code == 200
    assert ok.json()["parent_id"] == city.district_b.pk


def test_enterprise_create_and_link_via_api(api_for, people, city):
    api = api_for(people.district_a_admin)
    bad = api.post(
        "/api/v1/enterprises/",
        {
            "uscc": "91330100000000000A",
            "name": "坏代码",
            "category": "170",
            "industry": "C",
            "employee_count": 3,
            "territory": city.street_a.pk,
        },
        format="json",
    )
    assert bad.status_code == 400 and "uscc" in bad.json()
    good = api.post(
        "/api/v1/enterprises/",
        {
            "uscc": valid_uscc(777),
            "name": "好公司",
            "category": "170",
            "industry": "C",
            "employee_count": 30,
            "territory": city.street_a.pk,
            "covering_union": city.union_a.pk,
        },
        format="json",
    )
    assert good.status_code == 201, good.json()
    patched = api.patch(
        f"/api/v1/enterprises/{good.json()['id']}/", {"covering_union": None}, format="json"
    )
    assert patched.status_code == 200
    assert Enterprise.objects.get(name="好公司").covering_union is None
    assert AuditEntry.objects.filter(object_repr="好公司").count() == 2


def test_enterprise_api_filters(api_for, people, city):
    api = api_for(people.city_admin)
    body = api.get("/api/v1/enterprises/", {"coverage": "none"}).json()
    assert [row["name"] for row in body["results"]] == ["丙商贸有限公司"]
    body = api.get("/api/v1/enterprises/", {"org": city.district_b.pk}).json()
    assert [row["name"] for row in body["results"]] == ["乙物流有限公司"]


def test_schema_and_docs(api_for, people):
    api = api_for(people.city_admin)
    schema = api.get("/api/v1/schema/")
    assert schema.status_code == 200 and b"/api/v1/orgs/{id}/stats/" in schema.content
    assert api.get("/api/v1/docs/").status_code == 200


def test_healthz(client, db):
    body = client.get(reverse("healthz")).json()
    assert body["status"] == "ok" and body["database"] == "ok"


def test_audit_entries_cannot_be_written_through_admin(client, people):
    client.force_login(people.superuser)
    assert client.get("/admin/core/auditentry/add/").status_code == 403
