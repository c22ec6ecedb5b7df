"""Writes of the services capability: the service catalogue, members' requests moving
through their state machine, overdue escalation, and the yearly practical projects.

Request life (订单式服务, seed 003 "办得了事"): a member submits a request for a service of
their union or of a union above it; the publishing union accepts it, works on it and
completes it, or declines it with a reason; a request nobody has accepted yet may be
withdrawn by the member. The answer is due ``deadline_workdays`` working days after the
request (``core.workdays``: holidays and 调休 count as they should). A request still open
after its deadline is escalated to the nearest active union above the handling one, which
then sees it on its own to-do list. After completion the member rates the result (1–5).

Every action validates the whole request first, runs in one transaction, writes a
``ServiceRequestEvent`` for every step and an audit row for every change.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import audit
from core.choices import Action, AuditAction
from core.models import AuditEntry
from core.scoping import ensure_in_scope, ensure_org_in_scope, path_and_ancestors
from core.workdays import WorkdayCalendar, add_workdays
from members.choices import NEW_EMPLOYMENT_FORMS, Gender
from members.models import Member
from members.selectors import CARD_VALID_STATUSES
from orgs.choices import OrgStatus
from orgs.models import Org
from services.choices import (
    COUNTED_STATUSES,
    OPEN_STATUSES,
    CapacityPeriod,
    Eligibility,
    RequestEventKind,
    RequestStatus,
    ServiceCategory,
    ServiceStatus,
)
from services.models import (
    PracticalProject,
    ProjectMilestone,
    ProjectProgress,
    Service,
    ServiceRequest,
    ServiceRequestEvent,
)

SERVICE_FIELDS = (
    "org",
    "name",
    "category",
    "description",
    "eligibility",
    "how_to_apply",
    "capacity",
    "capacity_period",
    "deadline_workdays",
    "contact",
    "status",
)
PROJECT_FIELDS = (
    "org",
    "year",
    "name",
    "category",
    "description",
    "target_quantity",
    "target_unit",
    "budget",
    "responsible_org",
)
MAX_DEADLINE_WORKDAYS = 60


# --- who may ask for what -----------------------------------------------------------------


def member_eligibility(member: Member) -> list[str]:
    """The eligibility groups ``member`` belongs to, read from the member record."""
    groups = [Eligibility.ALL]
    if member.gender == Gender.FEMALE:
        groups.append(Eligibility.WOMEN)
    if member.is_migrant_worker:
        groups.append(Eligibility.MIGRANT)
    if member.employment_form in NEW_EMPLOYMENT_FORMS:
        groups.append(Eligibility.NEW_FORMS)
    return [str(group) for group in groups]


def ancestor_paths(org: Org) -> list[str]:
    """Paths of ``org`` and every org above it, top first."""
    return path_and_ancestors(org.path)


def capacity_window(period: str, now: datetime.datetime):
    """``[start, end)`` of the capacity period containing ``now`` (local time), or
    ``(None, None)`` for a capacity over the service's whole life."""
    local = timezone.localtime(now)
    if period == CapacityPeriod.TOTAL:
        return None, None
    if period == CapacityPeriod.YEAR:
        start = local.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        return start, start.replace(year=start.year + 1)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
    return start, end


def places_taken(service: Service, now: datetime.datetime) -> int:
    """Requests counting against the service's capacity in the period containing ``now``."""
    requests = ServiceRequest.objects.filter(service=service, status__in=COUNTED_STATUSES)
    start, end = capacity_window(service.capacity_period, now)
    if start is not None:
        requests = requests.filter(submitted_at__gte=start, submitted_at__lt=end)
    return requests.count()


def request_problem(member: Member, service: Service) -> str:
    """Why ``member`` may not request ``service`` ("" when they may), without capacity."""
    if member.status not in CARD_VALID_STATUSES:
        return _("Only members of the union can request services.")
    if service.status != ServiceStatus.OPEN or service.org.status != OrgStatus.ACTIVE:
        return _("This service is not taking requests at the moment.")
    if not member.org.path.startswith(service.org.path):
        return _("This service is offered to members of another union.")
    if service.eligibility not in member_eligibility(member):
        return _("This service is for %(group)s only.") % {
            "group": service.get_eligibility_display()
        }
    return ""


# --- the catalogue ------------------------------------------------------------------------


def _clean_service(actor, data: dict) -> dict:
    errors: dict[str, list[str]] = {}
    defaults = {
        "eligibility": Eligibility.ALL,
        "capacity_period": CapacityPeriod.MONTH,
        "deadline_workdays": settings.GONGHUI["SERVICE_DEADLINE_WORKDAYS"],
        "status": ServiceStatus.OPEN,
    }
    cleaned = {key: data.get(key) for key in SERVICE_FIELDS}
    for key, value in defaults.items():
        if cleaned[key] in (None, ""):
            cleaned[key] = value
    for key in ("name", "description", "how_to_apply", "contact"):
        cleaned[key] = (cleaned[key] or "").strip()
    for key, choices in (
        ("category", ServiceCategory),
        ("eligibility", Eligibility),
        ("capacity_period", CapacityPeriod),
        ("status", ServiceStatus),
    ):
        if cleaned[key] not in choices.values:
            errors[key] = [_("Choose one of the options.")]
    if not cleaned.get("name"):
        errors["name"] = [_("Enter the name of the service.")]
    if not cleaned.get("description"):
        errors["description"] = [_("Say what the service offers.")]
    org = cleaned.get("org")
    if org is None:
        errors["org"] = [_("Choose the union that offers the service.")]
    elif org.status != OrgStatus.ACTIVE:
        errors["org"] = [_("This union is dissolved.")]
    capacity = cleaned.get("capacity")
    if capacity is not None and capacity < 1:
        errors["capacity"] = [_("The capacity must be at least 1, or empty for no limit.")]
    deadline = cleaned.get("deadline_workdays")
    if deadline is None or not 1 <= deadline <= MAX_DEADLINE_WORKDAYS:
        errors["deadline_workdays"] = [
            _("The deadline must be between 1 and %(max)s working days.")
            % {"max": MAX_DEADLINE_WORKDAYS}
        ]
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, org)
    return cleaned


@transaction.atomic
def service_create(*, actor, data: dict) -> Service:
    """Publish a service of a union in the actor's scope."""
    cleaned = _clean_service(actor, data)
    service = Service.objects.create(**cleaned)
    audit.record(actor, service, AuditAction.CREATE)
    ensure_in_scope(actor, service)
    return service


@transaction.atomic
def service_update(*, actor, service: Service, data: dict) -> Service:
    """Change a service; requests already made keep their deadline."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    ensure_in_scope(actor, service)
    cleaned = _clean_service(actor, data)
    before = audit.snapshot(service)
    for key, value in cleaned.items():
        setattr(service, key, value)
    service.save()
    audit.record(actor, service, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, service)
    return service


# --- requests -----------------------------------------------------------------------------


def member_actor(member: Member):
    """How a member appears in the audit log (members have no user account)."""
    return SimpleNamespace(pk=None, username=_("Member %(name)s") % {"name": member.name})


def _event(request, kind, from_status, actor, note="", actor_name=""):
    name = actor_name or getattr(actor, "username", "") or _("System")
    if getattr(actor, "pk", None):
        name = actor.get_full_name() or actor.username
    return ServiceRequestEvent.objects.create(
        request=request,
        kind=kind,
        from_status=from_status,
        to_status=request.status,
        note=note,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=name[:150],
    )


@transaction.atomic
def request_submit(*, member: Member, service: Service, details: str, actor=None) -> ServiceRequest:
    """A member asks for a service. Refused when the member is not eligible, already has an
    open request for it, or the service's capacity for the period is taken. The service row
    is locked while places are counted, so two requests for the last place cannot both win.

    ``actor``: a cadre recording the request for the member (at the service window or from
    a 12351 call); the service must be one the cadre's unions publish."""
    service = Service.objects.select_for_update().select_related("org").get(pk=service.pk)
    if actor is not None:
        ensure_in_scope(actor, service, Action.CHANGE)
    member = Member.objects.select_related("org").get(pk=member.pk)
    details = (details or "").strip()
    errors: dict[str, list[str]] = {}
    if problem := request_problem(member, service):
        errors["__all__"] = [problem]
    elif ServiceRequest.objects.filter(
        service=service, member=member, status__in=OPEN_STATUSES
    ).exists():
        errors["__all__"] = [
            _("You already have an open request for this service; follow it under My requests.")
        ]
    if not details:
        errors["details"] = [_("Describe what you need, so the union can prepare.")]
    elif len(details) > 1000:
        errors["details"] = [_("Please keep it under 1000 characters.")]
    now = timezone.now()
    full = service.capacity is not None and places_taken(service, now) >= service.capacity
    if not errors and full:
        errors["__all__"] = [full_message(service)]
    if errors:
        raise ValidationError(errors)
    request = ServiceRequest.objects.create(
        service=service,
        member=member,
        org=service.org,
        details=details,
        submitted_at=now,
        due_on=add_workdays(timezone.localdate(now), service.deadline_workdays),
    )
    by = actor if actor is not None else member_actor(member)
    note = _("Recorded by the union for the member.") if actor is not None else ""
    _event(request, RequestEventKind.SUBMIT, "", by, note)
    audit.record(by, request, AuditAction.CREATE)
    return request


def full_message(service: Service) -> str:
    if service.capacity_period == CapacityPeriod.MONTH:
        return _(
            "All %(capacity)s places of this service for this month are taken; "
            "please try again next month."
        ) % {"capacity": service.capacity}
    if service.capacity_period == CapacityPeriod.YEAR:
        return _(
            "All %(capacity)s places of this service for this year are taken; "
            "please try again next year."
        ) % {"capacity": service.capacity}
    return _("All %(capacity)s places of this service are taken.") % {"capacity": service.capacity}


def _locked(request: ServiceRequest) -> ServiceRequest:
    return (
        ServiceRequest.objects.select_for_update(of=("self",))
        .select_related("service", "member", "org")
        .get(pk=request.pk)
    )


def _move(request, *, actor, kind, allowed, to_status, note="", actor_name="", **fields):
    """Move a locked request to ``to_status`` if its status is one of ``allowed``."""
    if request.status not in allowed:
        raise ValidationError(
            _("This request is %(status)s; it cannot be %(step)s.")
            % {
                "status": request.get_status_display(),
                "step": RequestEventKind(kind).label,
            }
        )
    before = audit.snapshot(request)
    from_status = request.status
    request.status = to_status
    for key, value in fields.items():
        setattr(request, key, value)
    request.save()
    _event(request, kind, from_status, actor, note, actor_name)
    audit.record(actor, request, AuditAction.UPDATE, before=before)
    return request


def _cadre_request(actor, request) -> ServiceRequest:
    request = _locked(request)
    ensure_in_scope(actor, request, Action.CHANGE)
    return request


def _handler(actor, request):
    return actor if getattr(actor, "pk", None) else request.handler


@transaction.atomic
def request_accept(*, actor, request: ServiceRequest, note: str = "") -> ServiceRequest:
    """The handling union takes the request on."""
    request = _cadre_request(actor, request)
    return _move(
        request,
        actor=actor,
        kind=RequestEventKind.ACCEPT,
        allowed=(RequestStatus.SUBMITTED,),
        to_status=RequestStatus.ACCEPTED,
        note=(note or "").strip(),
        accepted_at=timezone.now(),
        handler=_handler(actor, request),
    )


@transaction.atomic
def request_start(*, actor, request: ServiceRequest, note: str = "") -> ServiceRequest:
    """Work on an accepted request has begun (an appointment made, a counsellor assigned)."""
    request = _cadre_request(actor, request)
    return _move(
        request,
        actor=actor,
        kind=RequestEventKind.START,
        allowed=(RequestStatus.ACCEPTED,),
        to_status=RequestStatus.IN_PROGRESS,
        note=(note or "").strip(),
        started_at=timezone.now(),
        handler=_handler(actor, request),
    )


@transaction.atomic
def request_complete(*, actor, request: ServiceRequest, result: str) -> ServiceRequest:
    """The service was delivered; the result is what the member reads and rates."""
    result = (result or "").strip()
    if not result:
        raise ValidationError({"result": [_("Say what was done for the member.")]})
    request = _cadre_request(actor, request)
    return _move(
        request,
        actor=actor,
        kind=RequestEventKind.COMPLETE,
        allowed=(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS),
        to_status=RequestStatus.DONE,
        note=result,
        result=result,
        closed_at=timezone.now(),
        handler=_handler(actor, request),
    )


@transaction.atomic
def request_reject(*, actor, request: ServiceRequest, reason: str) -> ServiceRequest:
    """Decline a request that is not done yet; the member reads the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason, the member will read it.")]})
    if len(reason) > 300:
        raise ValidationError({"reason": [_("Please keep it under 300 characters.")]})
    request = _cadre_request(actor, request)
    return _move(
        request,
        actor=actor,
        kind=RequestEventKind.REJECT,
        allowed=OPEN_STATUSES,
        to_status=RequestStatus.REJECTED,
        note=reason,
        reason=reason,
        closed_at=timezone.now(),
        handler=_handler(actor, request),
    )


def _member_request(member, request) -> ServiceRequest:
    request = _locked(request)
    if request.member_id != member.pk:
        # The same answer as for a request that does not exist.
        raise ServiceRequest.DoesNotExist
    return request


@transaction.atomic
def request_withdraw(*, member: Member, request: ServiceRequest) -> ServiceRequest:
    """The member takes back a request the union has not accepted yet."""
    request = _member_request(member, request)
    by = member_actor(member)
    return _move(
        request,
        actor=by,
        kind=RequestEventKind.WITHDRAW,
        allowed=(RequestStatus.SUBMITTED,),
        to_status=RequestStatus.WITHDRAWN,
        closed_at=timezone.now(),
    )


@transaction.atomic
def request_rate(
    *, member: Member, request: ServiceRequest, rating, comment: str = ""
) -> ServiceRequest:
    """The requesting member rates a completed request, once: 1 (poor) to 5 (excellent)."""
    request = _member_request(member, request)
    comment = (comment or "").strip()
    errors: dict[str, list[str]] = {}
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = None
    if rating is None or not 1 <= rating <= 5:
        errors["rating"] = [_("Choose from 1 to 5 stars.")]
    if len(comment) > 300:
        errors["comment"] = [_("Please keep it under 300 characters.")]
    if request.status != RequestStatus.DONE:
        errors["__all__"] = [_("Only a completed request can be rated.")]
    elif request.rating is not None:
        errors["__all__"] = [_("You have already rated this request.")]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(request)
    request.rating, request.rating_comment, request.rated_at = rating, comment, timezone.now()
    request.save()
    by = member_actor(member)
    note = f"{'★' * rating}{'☆' * (5 - rating)} {comment}".strip()
    _event(request, RequestEventKind.RATE, request.status, by, note)
    audit.record(by, request, AuditAction.UPDATE, before=before)
    return request


def _escalation_targets(orgs: list[Org]) -> dict[int, Org]:
    """For each org, the nearest active org above it (none for the top of the tree)."""
    paths = {path for org in orgs for path in ancestor_paths(org)[:-1]}
    active = {o.path: o for o in Org.objects.filter(path__in=paths, status=OrgStatus.ACTIVE)}
    targets = {}
    for org in orgs:
        for path in reversed(ancestor_paths(org)[:-1]):
            if path in active:
                targets[org.pk] = active[path]
                break
    return targets


@transaction.atomic
def escalate_overdue(*, today: datetime.date | None = None) -> int:
    """Escalate every open request past its deadline and not yet escalated to the nearest
    active union above the handling one. Run daily (``manage.py escalate_overdue_requests``);
    pages compute "overdue" themselves, so nothing waits for this run to be flagged.
    Idempotent: a request is escalated once. Returns the number escalated."""
    today = today or timezone.localdate()
    overdue = list(
        ServiceRequest.objects.select_for_update(of=("self",))
        .select_related("org", "service", "member")
        .filter(status__in=OPEN_STATUSES, due_on__lt=today, escalated_at__isnull=True)
    )
    if not overdue:
        return 0
    targets = _escalation_targets(list({r.org_id: r.org for r in overdue}.values()))
    now = timezone.now()
    system = _("System")
    events, entries = [], []
    content_type = ContentType.objects.get_for_model(ServiceRequest)
    for request in overdue:
        target = targets.get(request.org_id)
        before = audit.snapshot(request)
        request.escalated_to, request.escalated_at = target, now
        note = (
            _("Not answered by %(due)s; escalated to %(org)s.")
            % {"due": request.due_on.isoformat(), "org": target.name}
            if target
            else _("Not answered by %(due)s.") % {"due": request.due_on.isoformat()}
        )
        events.append(
            ServiceRequestEvent(
                request=request,
                kind=RequestEventKind.ESCALATE,
                from_status=request.status,
                to_status=request.status,
                note=note,
                actor_name=system,
                at=now,
            )
        )
        entries.append(
            AuditEntry(
                content_type=content_type,
                object_id=str(request.pk),
                object_repr=str(request)[:255],
                action=AuditAction.UPDATE,
                changes=audit.diff(before, audit.snapshot(request)),
                actor_name="system",
                request_id=audit.current_request_id.get(),
                scope_path=request.org.path,
            )
        )
    by_target: dict[int | None, list[int]] = {}
    for request in overdue:
        by_target.setdefault(request.escalated_to_id, []).append(request.pk)
    for target_id, ids in by_target.items():
        for start in range(0, len(ids), 500):
            ServiceRequest.objects.filter(pk__in=ids[start : start + 500]).update(
                escalated_to_id=target_id, escalated_at=now, updated_at=now
            )
    ServiceRequestEvent.objects.bulk_create(events, batch_size=500)
    AuditEntry.objects.bulk_create(entries, batch_size=500)
    return len(overdue)


def workdays_left(request: ServiceRequest, today: datetime.date, calendar=None) -> int:
    """Working days from ``today`` to the deadline (negative when overdue)."""
    calendar = calendar or WorkdayCalendar()
    return calendar.workdays_between(today, request.due_on)


# --- practical projects -------------------------------------------------------------------


def _decimal(value, field, errors, *, positive=False, label=""):
    try:
        number = Decimal(str(value).strip()) if value not in (None, "") else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        errors[field] = [pgettext("services", "Enter a number.")]
        return None
    if positive and number <= 0:
        errors[field] = [_("Must be more than 0.")]
    elif number < 0:
        errors[field] = [_("Cannot be negative.")]
    return number


def _clean_project(data: dict) -> dict:
    errors: dict[str, list[str]] = {}
    cleaned = {key: data.get(key) for key in PROJECT_FIELDS}
    for key in ("name", "description", "target_unit"):
        cleaned[key] = (cleaned[key] or "").strip()
    if not cleaned["name"]:
        errors["name"] = [_("Enter the name of the project.")]
    if not cleaned["target_unit"]:
        errors["target_unit"] = [_("Enter the unit of the target, e.g. 人次.")]
    year = cleaned["year"]
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = [_("Enter a year such as 2026.")]
    cleaned["target_quantity"] = _decimal(
        cleaned["target_quantity"], "target_quantity", errors, positive=True
    )
    cleaned["budget"] = _decimal(cleaned["budget"] or 0, "budget", errors)
    if cleaned["category"] not in ServiceCategory.values:
        errors["category"] = [_("Choose one of the options.")]
    org, responsible = cleaned["org"], cleaned["responsible_org"]
    if org is None:
        errors["org"] = [_("Choose the union whose project this is.")]
    if responsible is None:
        errors["responsible_org"] = [_("Choose the union responsible for it.")]
    elif org is not None and not responsible.path.startswith(org.path):
        errors["responsible_org"] = [
            _("The responsible union must be %(org)s or a union under it.") % {"org": org}
        ]
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def project_create(*, actor, data: dict) -> PracticalProject:
    """Add a yearly practical project (实事项目) of a union in the actor's scope."""
    cleaned = _clean_project(data)
    ensure_org_in_scope(actor, cleaned["org"])
    project = PracticalProject.objects.create(**cleaned)
    audit.record(actor, project, AuditAction.CREATE)
    ensure_in_scope(actor, project)
    return project


@transaction.atomic
def project_update(*, actor, project: PracticalProject, data: dict) -> PracticalProject:
    project = PracticalProject.objects.select_for_update().get(pk=project.pk)
    ensure_in_scope(actor, project)
    cleaned = _clean_project(data)
    ensure_org_in_scope(actor, cleaned["org"])
    before = audit.snapshot(project)
    for key, value in cleaned.items():
        setattr(project, key, value)
    project.save()
    audit.record(actor, project, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, project)
    return project


@transaction.atomic
def project_report_progress(
    *, actor, project: PracticalProject, reported_on, quantity, spent=0, note: str
) -> ProjectProgress:
    """Record what was achieved and spent since the last report; the project's totals
    (and so its completion) follow in the same transaction."""
    project = PracticalProject.objects.select_for_update().get(pk=project.pk)
    ensure_in_scope(actor, project)
    errors: dict[str, list[str]] = {}
    quantity = _decimal(quantity, "quantity", errors)
    spent = _decimal(spent if spent not in (None, "") else 0, "spent", errors)
    note = (note or "").strip()
    if not note:
        errors["note"] = [_("Say what was done.")]
    today = timezone.localdate()
    if reported_on is None:
        errors["reported_on"] = [_("Enter the date.")]
    elif reported_on > today:
        errors["reported_on"] = [_("The date cannot be in the future.")]
    elif reported_on.year != project.year:
        errors["reported_on"] = [
            _("The project is for %(year)s; report within that year.") % {"year": project.year}
        ]
    if not errors and quantity == 0 and spent == 0:
        errors["quantity"] = [_("Report some achievement or some spending.")]
    if errors:
        raise ValidationError(errors)
    report = ProjectProgress.objects.create(
        project=project,
        reported_on=reported_on,
        quantity=quantity,
        spent=spent,
        note=note,
        reported_by=actor if getattr(actor, "pk", None) else None,
    )
    before = audit.snapshot(project)
    PracticalProject.objects.filter(pk=project.pk).update(
        achieved=F("achieved") + quantity, spent=F("spent") + spent, updated_at=timezone.now()
    )
    project.refresh_from_db()
    audit.record(actor, report, AuditAction.CREATE)
    audit.record(actor, project, AuditAction.UPDATE, before=before)
    return report


@transaction.atomic
def milestone_add(*, actor, project: PracticalProject, title: str, due_on, note: str = ""):
    project = PracticalProject.objects.select_for_update().get(pk=project.pk)
    ensure_in_scope(actor, project)
    title = (title or "").strip()
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Enter the milestone.")]
    if due_on is None:
        errors["due_on"] = [_("Enter the date.")]
    if errors:
        raise ValidationError(errors)
    milestone = ProjectMilestone.objects.create(
        project=project, title=title, due_on=due_on, note=(note or "").strip()
    )
    audit.record(actor, milestone, AuditAction.CREATE)
    return milestone


@transaction.atomic
def milestone_reach(*, actor, milestone: ProjectMilestone, done_on, note: str = ""):
    milestone = (
        ProjectMilestone.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=milestone.pk)
    )
    ensure_in_scope(actor, milestone)
    if done_on is None:
        raise ValidationError({"done_on": [_("Enter the date.")]})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": [_("The date cannot be in the future.")]})
    before = audit.snapshot(milestone)
    milestone.done_on = done_on
    if note:
        milestone.note = note.strip()
    milestone.save()
    audit.record(actor, milestone, AuditAction.UPDATE, before=before)
    return milestone
