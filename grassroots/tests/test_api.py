import datetime

import pytest
from django.utils import timezone

from grassroots import actions
from grassroots.models import Booking, Task, TaskReport
from grassroots.tests import scope_samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(city, people):
    return scope_samples.samples(city, people)


def test_union_books_through_the_api_and_the_second_request_is_refused(api_for, people, city, rows):
    venue = rows[Booking][0].venue
    api = api_for(people.union_a_admin)
    payload = {
        "venue": venue.pk,
        "org": city.union_a.pk,
        "date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        "starts_at": "15:00",
        "purpose": "会员读书会",
        "headcount": 8,
    }
    first = api.post("/api/v1/bookings/", payload, format="json")
    assert first.status_code == 201, first.content
    assert first.json()["ends_at"] == "16:00:00"
    second = api.post("/api/v1/bookings/", payload, format="json")
    assert second.status_code == 400 and "starts_at" in second.json()
    assert Booking.objects.filter(purpose="会员读书会").count() == 1
    cancelled = api.post(f"/api/v1/bookings/{first.json()['id']}/cancel/", {}, format="json")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"


def test_district_cannot_book_for_another_districts_union(api_for, people, city, rows):
    venue = rows[Booking][0].venue
    response = api_for(people.district_a_admin).post(
        "/api/v1/bookings/",
        {
            "venue": venue.pk,
            "org": city.union_b.pk,
            "date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
            "starts_at": "15:00",
            "purpose": "越权",
        },
        format="json",
    )
    assert response.status_code == 400 and "org" in response.json()


def test_city_issues_a_task_by_api_and_a_district_reports(api_for, people, city, rows):
    response = api_for(people.city_admin).post(
        "/api/v1/tasks/",
        {
            "org": city.city.pk,
            "title": "季度职工人数统计",
            "deadline": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
            "recipients": [city.district_a.pk, city.district_b.pk],
            "fields": [{"label": "职工人数", "kind": "number", "required": True}],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    task = Task.objects.get(title="季度职工人数统计")
    assert task.fields[0]["key"] == "f1"
    district_api = api_for(people.district_a_admin)
    listed = district_api.get("/api/v1/tasks/").json()
    assert "季度职工人数统计" in {t["title"] for t in listed["results"]}
    report = TaskReport.objects.get(task=task, org=city.district_a)
    bad = district_api.post(
        f"/api/v1/task-reports/{report.pk}/submit/", {"answers": {"f1": "多"}}, format="json"
    )
    assert bad.status_code == 400 and "f1" in bad.json()
    ok = district_api.post(
        f"/api/v1/task-reports/{report.pk}/submit/", {"answers": {"f1": 321}}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["status"] == "submitted"
    detail = api_for(people.city_admin).get(f"/api/v1/tasks/{task.pk}/").json()
    assert detail["completion"]["submitted"] == 1 and detail["completion"]["total"] == 2
    # the district may not remind on the city's task
    assert district_api.post(f"/api/v1/tasks/{task.pk}/remind/").status_code == 404
    assert api_for(people.city_admin).post(f"/api/v1/tasks/{task.pk}/remind/").json() == {
        "reminded": 1
    }


@pytest.mark.parametrize("url", ["venues", "bookings", "home-evaluations", "tasks", "task-reports"])
def test_api_lists_use_a_fixed_number_of_queries(
    api_for, people, city, rows, url, django_assert_max_num_queries
):
    for day in range(4):
        actions.task_issue(
            actor=None,
            org=city.district_a,
            title=f"任务{day}",
            deadline=timezone.localdate(),
            recipients=[city.street_a, city.union_a],
        )
    api = api_for(people.district_a_admin)
    with django_assert_max_num_queries(10):
        response = api.get(f"/api/v1/{url}/")
    assert response.status_code == 200 and response.json()["count"] >= 1
