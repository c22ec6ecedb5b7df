import datetime

import pytest

from services.models import ServiceRequest
from services.tests.factories import make_project, make_service, service_member, submit

pytestmark = pytest.mark.django_db


def test_request_steps_through_the_api(api_for, people, city, django_assert_max_num_queries):
    service = make_service(city.district_a)
    requests = [submit(service_member(city.union_a), service) for _ in range(3)]
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(8):
        listing = api.get("/api/v1/service-requests/")
    assert listing.json()["count"] == 3
    target = requests[0]
    url = f"/api/v1/service-requests/{target.pk}/"
    assert api.post(url + "complete/", {"result": "x"}, format="json").status_code == 400
    assert api.post(url + "accept/", {}, format="json").json()["status"] == "accepted"
    body = api.post(url + "complete/", {"result": "已完成"}, format="json").json()
    assert body["status"] == "done" and [e["kind"] for e in body["events"]] == [
        "submit",
        "accept",
        "complete",
    ]
    assert (
        api_for(people.district_b_admin).post(url + "reject/", {"reason": "x"}).status_code == 404
    )


def test_services_and_projects_through_the_api(api_for, people, city):
    api = api_for(people.district_a_admin)
    created = api.post(
        "/api/v1/services/",
        {
            "org": city.district_a.pk,
            "name": "法律援助",
            "category": "rights",
            "description": "咨询",
            "eligibility": "all",
            "capacity_period": "month",
            "deadline_workdays": 5,
            "status": "open",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    refused = api.post(
        "/api/v1/services/", {**created.json(), "org": city.district_b.pk}, format="json"
    )
    assert refused.status_code == 400
    project = make_project(city.district_a)
    url = f"/api/v1/practical-projects/{project.pk}/progress/"
    body = api.post(
        url,
        {"reported_on": datetime.date.today().isoformat(), "quantity": "50", "note": "过半"},
        format="json",
    ).json()
    assert body["completion"] == 50.0
    assert ServiceRequest.objects.count() == 0


def test_api_service_defaults_and_choices_are_checked(api_for, people, city, settings):
    settings.GONGHUI = {**settings.GONGHUI, "SERVICE_DEADLINE_WORKDAYS": 7}
    api = api_for(people.district_a_admin)
    minimal = {"org": city.district_a.pk, "name": "便民服务", "category": "living"}
    created = api.post("/api/v1/services/", {**minimal, "description": "理发"}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["deadline_workdays"] in (5, 7)
    assert created.json()["eligibility"] == "all" and created.json()["status"] == "open"
