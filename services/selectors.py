"""Reads of the services capability: a member's catalogue and requests, overdue flags,
the cadre's to-do counts and the subtree figures. Each is a constant number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Least
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from core.choices import Action
from core.todos import Todo
from dues.participation import RecordRow, among, scoped
from orgs.choices import OrgStatus
from orgs.models import Org
from services.actions import ancestor_paths, member_eligibility
from services.choices import (
    OPEN_STATUSES,
    RequestStatus,
    ServiceCategory,
    ServiceStatus,
)
from services.models import PracticalProject, Service, ServiceRequest

# --- the member's side --------------------------------------------------------------------


def catalogue_for(member, category: str = ""):
    """Open services of the member's union and every union above it that the member is
    eligible for, nearest union first."""
    services = (
        Service.objects.filter(
            org__path__in=ancestor_paths(member.org),
            org__status=OrgStatus.ACTIVE,
            status=ServiceStatus.OPEN,
            eligibility__in=member_eligibility(member),
        )
        .select_related("org")
        .order_by("-org__depth", "category", "name", "pk")
    )
    if category in ServiceCategory.values:
        services = services.filter(category=category)
    return services


def member_requests(member):
    return (
        ServiceRequest.objects.filter(member=member)
        .select_related("service", "org")
        .order_by("-submitted_at", "-pk")
    )


def member_request(member, pk) -> ServiceRequest | None:
    """One of the member's own requests, or ``None`` (also for someone else's)."""
    try:
        return member_requests(member).get(pk=int(pk))
    except (ServiceRequest.DoesNotExist, TypeError, ValueError):
        return None


# --- the cadre's side ---------------------------------------------------------------------


def overdue_condition(today: datetime.date) -> Q:
    return Q(status__in=OPEN_STATUSES, due_on__lt=today)


def with_overdue(queryset, today: datetime.date | None = None):
    """Annotate ``overdue`` (computed on read, whether or not escalation has run)."""
    today = today or timezone.localdate()
    return queryset.annotate(
        overdue=Case(
            When(overdue_condition(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def escalated_to_user(user):
    """Open requests escalated to a union where ``user`` may act: the parent's to-do."""
    return ServiceRequest.objects.filter(
        status__in=OPEN_STATUSES,
        escalated_to__in=Org.objects.visible_to(user, Action.CHANGE).values("pk"),
    )


def workbench_todos(user, today: datetime.date) -> list[Todo]:
    """Requests waiting to be accepted, overdue, and escalated to the user's unions."""
    mine = ServiceRequest.objects.visible_to(user, Action.CHANGE)
    counts = mine.aggregate(
        waiting=Count("pk", filter=Q(status=RequestStatus.SUBMITTED)),
        overdue=Count("pk", filter=overdue_condition(today)),
    )
    escalated = escalated_to_user(user).count()
    url = reverse("services:request-list")
    items = [
        Todo(
            "service-waiting",
            ngettext(
                "%(n)s service request is waiting to be accepted.",
                "%(n)s service requests are waiting to be accepted.",
                counts["waiting"],
            )
            % {"n": counts["waiting"]},
            counts["waiting"],
            f"{url}?status=submitted",
        ),
        Todo(
            "service-overdue",
            ngettext(
                "%(n)s service request is past its deadline.",
                "%(n)s service requests are past their deadline.",
                counts["overdue"],
            )
            % {"n": counts["overdue"]},
            counts["overdue"],
            f"{url}?overdue=true",
            "danger",
        ),
        Todo(
            "service-escalated",
            ngettext(
                "%(n)s overdue service request was escalated to your union.",
                "%(n)s overdue service requests were escalated to your unions.",
                escalated,
            )
            % {"n": escalated},
            escalated,
            f"{url}?escalated=mine",
            "warning",
        ),
    ]
    return items


def _rate(part: int, whole: int) -> float | None:
    return round(part * 100.0 / whole, 1) if whole else None


COMPLETION = ExpressionWrapper(
    Least(F("achieved") * 100 / F("target_quantity"), Value(Decimal("100"))),
    output_field=DecimalField(max_digits=12, decimal_places=2),
)


def project_summary(projects) -> list[dict]:
    """Per category: projects, completed, average completion against target (each project
    capped at 100 %), budget and spending. One grouped query."""
    rows = (
        projects.order_by()
        .values("category")
        .annotate(
            projects=Count("pk"),
            completed=Count("pk", filter=Q(achieved__gte=F("target_quantity"))),
            completion=Avg(COMPLETION),
            budget=Sum("budget"),
            spent=Sum("spent"),
        )
    )
    by_category = {row["category"]: row for row in rows}
    summary = []
    for value, label in ServiceCategory.choices:
        row = by_category.get(value)
        if row is None:
            continue
        summary.append(
            {
                "category": value,
                "label": str(label),
                "projects": row["projects"],
                "completed": row["completed"],
                "completion": round(float(row["completion"] or 0), 1),
                "budget": float(row["budget"] or 0),
                "spent": float(row["spent"] or 0),
            }
        )
    return summary


def services_stats(org: Org) -> dict:
    """Requests by status, answered within the deadline, average rating (all requests
    handled in the subtree) and this year's practical projects by category."""
    today = timezone.localdate()
    requests = ServiceRequest.objects.filter(org__path__startswith=org.path)
    done = Q(status=RequestStatus.DONE)
    figures = requests.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=overdue_condition(today)),
        escalated=Count("pk", filter=Q(status__in=OPEN_STATUSES, escalated_at__isnull=False)),
        done_in_time=Count("pk", filter=done & Q(closed_at__date__lte=F("due_on"))),
        rated=Count("rating"),
        average_rating=Avg("rating"),
        services=Count("service", distinct=True),
        **{
            f"status_{status}": Count("pk", filter=Q(status=status))
            for status in RequestStatus.values
        },
    )
    by_status = {status: figures.pop(f"status_{status}") for status in RequestStatus.values}
    average = figures.pop("average_rating")
    projects = PracticalProject.objects.filter(org__path__startswith=org.path, year=today.year)
    categories = project_summary(projects)
    total_projects = sum(row["projects"] for row in categories)
    return {
        "org_id": org.pk,
        **figures,
        "by_status": by_status,
        "open": sum(by_status[s] for s in OPEN_STATUSES),
        "done": by_status[RequestStatus.DONE],
        "done_in_time_rate": _rate(figures["done_in_time"], by_status[RequestStatus.DONE]),
        "average_rating": round(float(average), 2) if average is not None else None,
        "year": today.year,
        "projects": total_projects,
        "projects_completed": sum(row["completed"] for row in categories),
        "project_completion": round(
            sum(row["completion"] * row["projects"] for row in categories) / total_projects, 1
        )
        if total_projects
        else None,
        "projects_by_category": categories,
    }


def members_who_requested_services(member_ids, start: datetime.date, end: datetime.date):
    """Participation for the six-month review: members who asked the union for a service
    in ``[start, end)`` (and did not withdraw it)."""
    return (
        ServiceRequest.objects.filter(
            among(member_ids),
            submitted_at__date__gte=start,
            submitted_at__date__lt=end,
        )
        .exclude(status=RequestStatus.WITHDRAWN)
        .values("member_id")
    )


def request_counts_of_service(service: Service) -> list[tuple[str, int]]:
    """(status label, number) of one service's requests, in the order of the workflow."""
    counts = dict(service.requests.order_by().values_list("status").annotate(n=Count("pk")))
    return [(label, counts[value]) for value, label in RequestStatus.choices if value in counts]


def request_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): the member's service requests and
    where each stands (one query)."""
    requests = (
        scoped(ServiceRequest.objects.filter(member=member), user)
        .select_related("service")
        .order_by("-submitted_at", "-id")[:limit]
    )
    return [
        RecordRow(
            on=request.submitted_at,
            kind=ServiceRequest._meta.verbose_name,
            title=request.service.name,
            status=request.get_status_display(),
            url=request.get_absolute_url()
            if user is not None
            else reverse("services:m-request", args=[request.pk]),
        )
        for request in requests
    ]
