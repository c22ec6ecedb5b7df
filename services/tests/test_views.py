"""Cadre pages: lists with filters and exports, the request's steps, projects."""

import datetime
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from services import actions
from services.models import PracticalProject, Service, ServiceRequest
from services.tests.factories import make_project, make_service, service_member, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_a(city):
    service = make_service(city.district_a, name="东湖心理咨询")
    return [submit(service_member(city.union_a, name=f"会员{i}"), service) for i in range(4)]


def test_request_list_filters_exports_and_stays_within_query_budget(
    client_for, people, requests_a, django_assert_max_num_queries
):
    client = client_for(people.district_a_admin)
    url = reverse("services:request-list")
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.status_code == 200 and "东湖心理咨询" in page.content.decode()
    assert "会员3" in client.get(url, {"q": "会员3"}).content.decode()
    assert "会员3" not in client.get(url, {"status": "done"}).content.decode()
    export = client.get(url, {"export": "xlsx"})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
    )
    assert len(rows) == 5


def test_overdue_filter_and_badge_after_the_working_day_deadline(client_for, people, city):
    service = make_service(city.district_a, name="春节前心理咨询")
    with time_machine.travel(datetime.datetime(2026, 2, 13, 16, tzinfo=datetime.UTC), tick=False):
        submit(service_member(city.union_a), service)
    client = client_for(people.district_a_admin)
    url = reverse("services:request-list")
    with time_machine.travel(datetime.datetime(2026, 2, 26, 9, tzinfo=datetime.UTC), tick=False):
        assert "春节前心理咨询" not in client.get(url, {"overdue": "true"}).content.decode()
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        html = client.get(url, {"overdue": "true"}).content.decode()
        assert "春节前心理咨询" in html and 'data-testid="overdue-row"' in html
        home = client.get(reverse("home")).content.decode()
        assert 'data-testid="todo-service-overdue"' in home


def test_cadre_walks_a_request_through_its_steps(client_for, people, requests_a):
    client = client_for(people.district_a_admin)
    request = requests_a[0]
    detail = client.get(request.get_absolute_url()).content.decode()
    assert 'data-testid="accept"' in detail and 'data-testid="complete"' not in detail
    url = reverse("services:request-accept", args=[request.pk])
    assert client.post(url, {"note": "已安排"}).status_code == 302
    response = client.post(reverse("services:request-complete", args=[request.pk]), {"result": ""})
    assert response.status_code == 200  # the result is required
    client.post(reverse("services:request-complete", args=[request.pk]), {"result": "已完成"})
    request.refresh_from_db()
    assert request.status == "done" and request.handler == people.district_a_admin
    # A second accept is refused with a message, nothing changes.
    response = client.post(url, {"note": ""})
    assert response.status_code == 200 and "不能执行" in response.content.decode()


def test_viewer_sees_requests_but_cannot_move_them(client_for, people, requests_a):
    client = client_for(people.district_a_viewer)
    request = requests_a[0]
    assert client.get(request.get_absolute_url()).status_code == 200
    url = reverse("services:request-accept", args=[request.pk])
    assert client.post(url, {}).status_code == 404
    request.refresh_from_db()
    assert request.status == "submitted"


def test_workbench_shows_no_service_todo_when_nothing_waits(client_for, people, city):
    make_service(city.district_a)
    home = client_for(people.district_a_admin).get(reverse("home")).content.decode()
    assert 'data-testid="todo-service' not in home


def test_escalated_request_is_on_the_parent_todo(client_for, people, city):
    service = make_service(city.street_a, name="街道便民服务")
    with time_machine.travel(datetime.datetime(2026, 2, 13, 8, tzinfo=datetime.UTC), tick=False):
        request = submit(service_member(city.union_a), service)
    with time_machine.travel(datetime.datetime(2026, 3, 3, 8, tzinfo=datetime.UTC), tick=False):
        actions.escalate_overdue()
        client = client_for(people.district_a_admin)
        home = client.get(reverse("home")).content.decode()
        assert 'data-testid="todo-service-escalated"' in home
        listing = client.get(reverse("services:request-list"), {"escalated": "mine"})
        assert request.number in listing.content.decode()
        detail = client.get(request.get_absolute_url()).content.decode()
        assert 'data-testid="escalated"' in detail


def test_publish_and_edit_a_service(client_for, people, city):
    client = client_for(people.district_a_admin)
    data = {
        "org": city.district_a.pk,
        "name": "女职工心理关爱",
        "category": "psychological",
        "description": "心理疏导",
        "eligibility": "women",
        "how_to_apply": "",
        "capacity": "10",
        "capacity_period": "month",
        "deadline_workdays": "5",
        "contact": "",
        "status": "open",
    }
    response = client.post(reverse("services:create"), data)
    service = Service.objects.get(name="女职工心理关爱")
    assert response.status_code == 302 and service.capacity == 10
    data.update(name="", deadline_workdays="0")
    response = client.post(reverse("services:edit", args=[service.pk]), data)
    assert response.status_code == 200
    service.refresh_from_db()
    assert service.name == "女职工心理关爱"
    other = client.post(reverse("services:create"), {**data, "org": city.district_b.pk})
    assert other.status_code == 200 and not Service.objects.filter(org=city.district_b).exists()


def test_project_list_shows_completion_by_category_over_the_subtree(
    client_for, people, city, django_assert_max_num_queries
):
    year = datetime.date.today().year
    project = make_project(city.district_a, name="心理服务进企业", target_quantity=40)
    make_project(city.union_a, name="基层心理讲座", target_quantity=10)
    make_project(city.district_b, name="西山项目")
    actions.project_report_progress(
        actor=people.district_a_admin,
        project=project,
        reported_on=datetime.date.today(),
        quantity=30,
        spent=100,
        note="30场",
    )
    project.refresh_from_db()
    assert project.completion == 75.0
    client = client_for(people.district_a_admin)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("services:project-list"), {"year": year})
    html = page.content.decode()
    assert "心理服务进企业" in html and "基层心理讲座" in html and "西山项目" not in html
    assert "37.5%" in html  # (75 % + 0 %) / 2 for the psychological category


def test_project_progress_and_milestones_through_pages(client_for, people, city):
    project = make_project(city.district_a, responsible_org=city.street_a)
    street_admin = people.union_a_admin  # below the responsible street: sees nothing
    assert client_for(street_admin).get(project.get_absolute_url()).status_code == 404
    client = client_for(people.district_a_admin)
    today = datetime.date.today()
    url = reverse("services:project-progress", args=[project.pk])
    bad = client.post(
        url, {"reported_on": today + datetime.timedelta(days=2), "quantity": "5", "note": "x"}
    )
    assert bad.status_code == 200
    client.post(url, {"reported_on": today, "quantity": "5", "spent": "200", "note": "完成5人次"})
    project.refresh_from_db()
    assert project.achieved == 5 and project.spent == 200
    client.post(
        reverse("services:milestone-add", args=[project.pk]),
        {"title": "启动", "due_on": today, "note": ""},
    )
    milestone = project.milestones.get()
    client.post(reverse("services:milestone-reach", args=[milestone.pk]), {"done_on": today})
    milestone.refresh_from_db()
    assert milestone.done_on == today
    detail = client.get(project.get_absolute_url(), {"tab": "progress"}).content.decode()
    assert "完成5人次" in detail


def test_responsible_union_must_be_in_the_subtree(people, city):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        make_project(city.district_a, responsible_org=city.union_b)
    assert not PracticalProject.objects.exists()


def test_stats_section_on_the_org_page(client_for, people, requests_a, city):
    client = client_for(people.district_a_admin)
    html = client.get(city.district_a.get_absolute_url()).content.decode()
    assert 'data-testid="services-stats"' in html
    assert ServiceRequest.objects.count() == 4


def test_cadre_records_a_request_for_a_walk_in_member(client_for, people, city):
    service = make_service(city.district_a, name="法律咨询窗口")
    member = service_member(city.union_a, name="窗口会员")
    client = client_for(people.district_a_admin)
    options = client.get(reverse("services:pick"), {"q": "法律"}).content.decode()
    assert "法律咨询窗口" in options
    url = reverse("services:request-record")
    data = {"service": service.pk, "member": member.pk, "details": "来访咨询欠薪"}
    response = client.post(url, data)
    request = ServiceRequest.objects.get()
    assert response["Location"] == request.get_absolute_url()
    event = request.events.get()
    assert event.actor == people.district_a_admin and event.note
    # Another district's cadre can pick neither the service nor the member.
    other = client_for(people.district_b_admin).post(url, {**data, "details": "再来一次"})
    assert other.status_code == 200 and ServiceRequest.objects.count() == 1
