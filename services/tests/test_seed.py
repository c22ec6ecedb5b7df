from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from services import actions
from services.models import PracticalProject, Service, ServiceRequest, ServiceRequestEvent

pytestmark = pytest.mark.django_db


def test_seed_city_fills_services_requests_and_projects():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    assert Service.objects.filter(category="psychological").exists()
    assert set(Service.objects.values_list("eligibility", flat=True)) >= {"all", "women"}
    requests = ServiceRequest.objects.select_related("member__org", "service__org")
    assert requests.count() >= 50
    statuses = set(requests.values_list("status", flat=True))
    assert {"done", "rejected"} <= statuses
    for request in requests[:200]:
        assert request.member.org.path.startswith(request.service.org.path)
        assert request.service.eligibility in actions.member_eligibility(request.member)
        assert request.org_id == request.service.org_id
        assert request.due_on > request.submitted_at.date()
    assert requests.filter(rating__isnull=False).exists()
    assert not ServiceRequest.objects.annotate(n=Count("events")).filter(n=0).exists()
    assert (
        ServiceRequestEvent.objects.filter(kind="escalate").count()
        == requests.filter(escalated_at__isnull=False).count()
    )
    projects = PracticalProject.objects.all()
    assert projects.filter(year=2026).exists() and projects.filter(year=2025).exists()
    for project in projects[:20]:
        total = sum(r.quantity for r in project.progress_reports.all())
        assert total == project.achieved


def test_escalate_command_is_idempotent(city):
    out = StringIO()
    call_command("escalate_overdue_requests", stdout=out)
    assert "0 overdue" in out.getvalue()
