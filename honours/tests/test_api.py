"""The scoped API: honour-programmes/, nominations/ (with every step), model-workers/."""

import datetime

import pytest

from honours import actions
from honours.models import Nomination
from honours.tests.factories import make_nominee, nominate, recommendation

pytestmark = pytest.mark.django_db


def test_nomination_travels_up_through_the_api(
    api_for, city, people, programme, nominee, time_machine
):
    body = recommendation(member=nominee.pk, programme=programme.pk, org=city.union_a.pk)
    body["meeting_date"] = "2026-03-02"
    grassroots = api_for(people.union_a_admin)
    created = grassroots.post("/api/v1/nominations/", body, format="json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert grassroots.post(f"/api/v1/nominations/{pk}/submit/").json()["stage_org"] == (
        city.district_a.pk
    )
    assert api_for(people.district_b_admin).get(f"/api/v1/nominations/{pk}/").status_code == 404
    district = api_for(people.district_a_admin)
    assert district.post(f"/api/v1/nominations/{pk}/forward/").json()["stage_org"] == city.city.pk
    organiser = api_for(people.city_admin)
    opened = organiser.post(f"/api/v1/nominations/{pk}/notice/", {"start": "2026-03-16"})
    assert opened.json()["notice_end"] == "2026-03-20"
    early = organiser.post(f"/api/v1/nominations/{pk}/approve/", {}, format="json")
    assert early.status_code == 400 and "2026-03-20" in early.content.decode()
    time_machine.move_to(datetime.datetime(2026, 3, 23, 9, 0, tzinfo=datetime.UTC))
    approved = organiser.post(f"/api/v1/nominations/{pk}/approve/", {}, format="json")
    assert approved.json()["status"] == "approved"
    assert approved.json()["veto"][0]["outcome"] == "pass"
    awarded = organiser.post(
        f"/api/v1/nominations/{pk}/award/", {"awarded_on": "2026-03-23"}, format="json"
    )
    assert awarded.json()["status"] == "awarded"
    registry = grassroots.get("/api/v1/model-workers/").json()
    assert registry["count"] == 1
    assert registry["results"][0]["titles"][0]["level"] == "city"


def test_a_reviewer_decides_but_does_not_nominate(api_for, city, people, programme, nominee):
    from core.models import RoleAssignment

    RoleAssignment.objects.create(user=people.worker, org=city.district_a, role="reviewer")
    nomination = nominate(programme, city.union_a, nominee)
    actions.nomination_submit(actor=None, nomination=nomination)
    reviewer = api_for(people.worker)
    response = reviewer.post(
        f"/api/v1/nominations/{nomination.pk}/reject/", {"reason": "事迹不突出"}
    )
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    other = make_nominee(city.union_a, city.enterprise_a, name="孙二")
    body = recommendation(member=other.pk, programme=programme.pk, org=city.union_a.pk)
    body["meeting_date"] = "2026-03-02"
    # No change right: the programme is not open to a reviewer, so nothing is created.
    assert reviewer.post("/api/v1/nominations/", body, format="json").status_code in (400, 403)
    assert Nomination.objects.count() == 1


def test_programme_list_is_scoped(api_for, people, programme):
    assert api_for(people.city_admin).get("/api/v1/honour-programmes/").json()["count"] == 1
    assert api_for(people.district_a_admin).get("/api/v1/honour-programmes/").json()["count"] == 0


def test_api_lists_use_a_fixed_number_of_queries(
    api_for, city, people, programme, django_assert_max_num_queries
):
    for index in range(3):
        member = make_nominee(city.union_a, city.enterprise_a, name=f"劳模{index}")
        nominate(programme, city.union_a, member)
        actions.model_worker_create(
            actor=None, member=member, data={"kind": "craftsman", "level": "city", "year": 2024}
        )
    api = api_for(people.city_admin)
    for url in ("/api/v1/nominations/", "/api/v1/model-workers/", "/api/v1/honour-programmes/"):
        with django_assert_max_num_queries(6):
            assert api.get(url).status_code == 200
