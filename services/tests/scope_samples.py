"""Rows of the services app for the scope test (core/tests/test_scope.py)."""

import datetime

from services import actions
from services.models import (
    PracticalProject,
    ProjectMilestone,
    ProjectProgress,
    Service,
    ServiceRequest,
    ServiceRequestEvent,
)
from services.tests.factories import make_project, make_service, service_member, submit


def samples(city, people) -> dict:
    service_a = make_service(city.district_a, name="钱甲心理服务")
    service_b = make_service(city.district_b, name="赵乙心理服务")
    request_a = submit(service_member(city.union_a, name="钱甲申请服务"), service_a)
    request_b = submit(service_member(city.union_b, name="赵乙申请服务"), service_b)
    project_a = make_project(city.district_a, name="钱甲实事项目", responsible_org=city.union_a)
    project_b = make_project(city.district_b, name="赵乙实事项目", responsible_org=city.union_b)
    milestones = [
        actions.milestone_add(
            actor=None, project=p, title=f"{p.name}启动", due_on=datetime.date(2026, 3, 1)
        )
        for p in (project_a, project_b)
    ]
    reports = [
        actions.project_report_progress(
            actor=None,
            project=p,
            reported_on=datetime.date(p.year, 1, 1),
            quantity=10,
            spent=1000,
            note=f"{p.name}首批",
        )
        for p in (project_a, project_b)
    ]
    return {
        Service: (service_a, service_b, "钱甲心理服务", "赵乙心理服务"),
        ServiceRequest: (request_a, request_b, "钱甲心理服务", "赵乙心理服务"),
        ServiceRequestEvent: (
            ServiceRequestEvent.objects.get(request=request_a),
            ServiceRequestEvent.objects.get(request=request_b),
            "钱甲申请服务",
            "赵乙申请服务",
        ),
        PracticalProject: (project_a, project_b, "钱甲实事项目", "赵乙实事项目"),
        ProjectMilestone: (*milestones, "钱甲实事项目启动", "赵乙实事项目启动"),
        ProjectProgress: (*reports, "钱甲实事项目首批", "赵乙实事项目首批"),
    }
