"""Service figures in the statistics layer (dashboard, stats API, work report)."""

import datetime

import pytest

from reports import figures
from reports.periods import Period
from services import actions
from services.tests.factories import make_project, make_service, service_member, submit

pytestmark = pytest.mark.django_db


def _values(org, period):
    return {key: value.value for key, value in figures.compute(org, period).items()}


def test_requests_done_in_time_satisfaction_and_projects(city, people):
    today = datetime.date.today()
    service = make_service(city.district_a)
    done = submit(service_member(city.union_a), service)
    actions.request_accept(actor=people.district_a_admin, request=done)
    actions.request_complete(actor=people.district_a_admin, request=done, result="好")
    actions.request_rate(member=done.member, request=done, rating=5)
    submit(service_member(city.union_a), service)
    project = make_project(city.district_a, target_quantity=10)
    actions.project_report_progress(
        actor=None, project=project, reported_on=today, quantity=10, note="达标"
    )
    make_project(city.district_a, name="未达标项目")
    period = Period(datetime.date(today.year, 1, 1), today)
    values = _values(city.city, period)
    assert values["services.requests"] == 2 and values["services.done"] == 1
    assert values["services.in_time_rate"] == 100.0
    assert values["services.satisfaction"] == 100.0
    assert values["projects.total"] == 2 and values["projects.at_target"] == 1
    assert _values(city.district_b, period)["services.requests"] == 0
