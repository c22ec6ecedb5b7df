"""Writes on employment services (就业服务, seed 001's "会聘上海"): job postings that
enterprises publish through the union covering them, members' applications (one per member
and job), job fairs (incl. 劳模先进送岗位) with participating enterprises and members'
registrations, and 就业帮扶 records of members who lost their jobs until they work again.

Every write validates the whole request first, runs in one transaction, re-checks scope
(for cadres) and writes an audit row, so the history tab shows who did what when.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import audit
from core.choices import AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from employment.choices import (
    APPLICATION_TRANSITIONS,
    AidStatus,
    ApplicationStatus,
    FairKind,
    FairStatus,
    JobLossReason,
    PostingStatus,
)
from employment.models import EmploymentAid, FairRegistration, JobApplication, JobFair, JobPosting
from members.selectors import CARD_VALID_STATUSES
from orgs.choices import EnterpriseStatus, OrgStatus

POSTING_FIELDS = (
    "enterprise",
    "title",
    "positions",
    "salary_min",
    "salary_max",
    "location",
    "requirements",
    "contact",
    "expires_on",
)
FAIR_FIELDS = ("org", "title", "kind", "held_on", "hours", "place", "capacity", "description")
# Monthly pay above this is a typing error (an annual figure, an extra zero).
MAX_MONTHLY_PAY = 500_000


def _strip(data: dict, names) -> dict:
    return {
        name: (data[name].strip() if isinstance(data[name], str) else data[name])
        for name in names
        if name in data
    }


def _clean_posting(data: dict, errors: dict) -> None:
    def fail(field, message):
        errors.setdefault(field, []).append(message)

    enterprise = data.get("enterprise")
    if enterprise is None:
        fail("enterprise", pgettext("employment", "Choose the employer."))
    elif enterprise.status != EnterpriseStatus.ACTIVE:
        fail("enterprise", _("The employer is closed."))
    elif enterprise.covering_union_id is None or (
        enterprise.covering_union.status != OrgStatus.ACTIVE
    ):
        fail(
            "enterprise",
            _("The employer has no union; jobs are posted through the union that covers it."),
        )
    if not data.get("title"):
        fail("title", _("Enter the job title."))
    if not data.get("location"):
        fail("location", _("Enter the place of work."))
    positions = data.get("positions")
    if positions is None or positions < 1:
        fail("positions", _("Enter how many people are wanted (at least 1)."))
    low, high = data.get("salary_min"), data.get("salary_max")
    if low is None or low < 1:
        fail("salary_min", _("Enter the lowest monthly pay in yuan."))
    if high is None or high < 1:
        fail("salary_max", _("Enter the highest monthly pay in yuan."))
    elif high > MAX_MONTHLY_PAY:
        fail("salary_max", _("This monthly pay is not plausible."))
    if low and high and low > high:
        fail("salary_max", _("The highest pay cannot be lower than the lowest."))
    expires_on = data.get("expires_on")
    if expires_on is None:
        fail("expires_on", _("Enter the last day the job is open."))
    elif expires_on < timezone.localdate():
        fail("expires_on", _("The last day cannot be in the past."))


@transaction.atomic
def job_posting_create(*, actor, data: dict, publish: bool = False) -> JobPosting:
    """A job of an enterprise, posted by the union that covers it (as a draft, or open)."""
    data = _strip(data, POSTING_FIELDS)
    errors: dict[str, list[str]] = {}
    _clean_posting(data, errors)
    if errors:
        raise ValidationError(errors)
    union = data["enterprise"].covering_union
    ensure_org_in_scope(actor, union)
    posting = JobPosting(org=union, **data)
    if publish:
        posting.status = PostingStatus.OPEN
        posting.published_on = timezone.localdate()
    posting.save()
    audit.record(actor, posting, AuditAction.CREATE)
    ensure_in_scope(actor, posting)
    return posting


@transaction.atomic
def job_posting_update(*, actor, posting: JobPosting, data: dict) -> JobPosting:
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    ensure_in_scope(actor, posting)
    data = _strip(data, POSTING_FIELDS)
    errors: dict[str, list[str]] = {}
    if posting.status == PostingStatus.CLOSED:
        errors.setdefault("title", []).append(_("The job is closed; it can no longer change."))
    _clean_posting(data, errors)
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, data["enterprise"].covering_union)
    before = audit.snapshot(posting)
    for name, value in data.items():
        setattr(posting, name, value)
    posting.org = data["enterprise"].covering_union
    posting.save()
    audit.record(actor, posting, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, posting)
    return posting


@transaction.atomic
def job_posting_set_status(*, actor, posting: JobPosting, status: str) -> JobPosting:
    """Publish a draft (draft → open) or close a job (draft/open → closed); a closed job
    stays closed."""
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    ensure_in_scope(actor, posting)
    allowed = {
        PostingStatus.DRAFT: (PostingStatus.OPEN, PostingStatus.CLOSED),
        PostingStatus.OPEN: (PostingStatus.CLOSED,),
    }
    if status not in allowed.get(posting.status, ()):
        raise ValidationError(
            {
                "status": [
                    _("A job that is %(now)s cannot become that.")
                    % {"now": posting.get_status_display()}
                ]
            }
        )
    if status == PostingStatus.OPEN and posting.expires_on < timezone.localdate():
        raise ValidationError({"status": [_("The last day has passed; set a new one first.")]})
    before = audit.snapshot(posting)
    posting.status = status
    if status == PostingStatus.OPEN:
        posting.published_on = timezone.localdate()
    posting.save(update_fields=["status", "published_on", "updated_at"])
    audit.record(actor, posting, AuditAction.UPDATE, before=before)
    return posting


def _member_may_take_part(member) -> None:
    if member.status not in CARD_VALID_STATUSES:
        raise ValidationError(_("Only members of the union can do this."))


@transaction.atomic
def job_apply(*, member, posting: JobPosting, message: str = "") -> JobApplication:
    """A member applies for an open job, once. A second application for the same job is
    refused with a clear message, also when two arrive at the same moment."""
    _member_may_take_part(member)
    posting = JobPosting.objects.select_related("enterprise").get(pk=posting.pk)
    if posting.status != PostingStatus.OPEN or posting.expires_on < timezone.localdate():
        raise ValidationError(_("This job is no longer open for applications."))
    if JobApplication.objects.filter(posting=posting, member=member).exists():
        raise ValidationError(_("You have already applied for this job."))
    try:
        with transaction.atomic():
            application = JobApplication.objects.create(
                posting=posting,
                member=member,
                message=(message or "").strip()[:300],
                applied_at=timezone.now(),
            )
    except IntegrityError as error:
        raise ValidationError(_("You have already applied for this job.")) from error
    audit.record(None, application, AuditAction.CREATE, extra={"by_member": [None, member.pk]})
    return application


@transaction.atomic
def application_withdraw(*, member, application: JobApplication) -> JobApplication:
    application = JobApplication.objects.select_for_update().get(pk=application.pk)
    if application.member_id != member.pk:
        raise ValidationError(_("Not found."))
    if application.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.REFERRED):
        raise ValidationError(_("This application is already decided."))
    before = audit.snapshot(application)
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    audit.record(None, application, AuditAction.UPDATE, before=before)
    return application


@transaction.atomic
def application_decide(
    *, actor, application: JobApplication, status: str, note: str = ""
) -> JobApplication:
    """The posting union records what became of an application: referred to the
    employer, hired, or not taken."""
    application = (
        JobApplication.objects.select_for_update(of=("self",))
        .select_related("posting__org", "member__org")
        .get(pk=application.pk)
    )
    ensure_org_in_scope(actor, application.posting.org)
    if status not in APPLICATION_TRANSITIONS.get(application.status, ()):
        raise ValidationError(
            {
                "status": [
                    _("An application that is %(now)s cannot become that.")
                    % {"now": application.get_status_display()}
                ]
            }
        )
    before = audit.snapshot(application)
    application.status = status
    application.note = (note or "").strip()
    application.decided_at = timezone.now()
    application.decided_by = actor if getattr(actor, "pk", None) else None
    application.save(update_fields=["status", "note", "decided_at", "decided_by"])
    audit.record(actor, application, AuditAction.UPDATE, before=before)
    return application


def _clean_fair(data: dict, enterprises, errors: dict, *, new: bool) -> None:
    def fail(field, message):
        errors.setdefault(field, []).append(message)

    org = data.get("org")
    if org is None or org.status != OrgStatus.ACTIVE:
        fail("org", _("Choose the organising union."))
    if not data.get("title"):
        fail("title", pgettext("employment", "Enter the title."))
    if data.get("kind") not in FairKind.values:
        fail("kind", _("Choose the kind of fair."))
    if not data.get("place"):
        fail("place", _("Enter the place."))
    held_on = data.get("held_on")
    if held_on is None:
        fail("held_on", pgettext("employment", "Enter the date."))
    elif new and held_on < timezone.localdate():
        fail("held_on", _("A new fair cannot be in the past."))
    capacity = data.get("capacity")
    if capacity is not None and capacity < 1:
        fail("capacity", _("Enter at least 1 place, or leave it empty for no limit."))
    closed = [e.name for e in enterprises if e.status != EnterpriseStatus.ACTIVE]
    if closed:
        fail(
            "enterprises",
            _("Closed enterprises cannot take part: %(names)s.") % {"names": "、".join(closed)},
        )


@transaction.atomic
def job_fair_create(*, actor, data: dict, enterprises=()) -> JobFair:
    data = _strip(data, FAIR_FIELDS)
    enterprises = list(enterprises or [])
    errors: dict[str, list[str]] = {}
    _clean_fair(data, enterprises, errors, new=True)
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, data["org"])
    fair = JobFair.objects.create(**data)
    fair.enterprises.set(enterprises)
    audit.record(
        actor,
        fair,
        AuditAction.CREATE,
        extra={"enterprises": [None, [e.name for e in enterprises]]},
    )
    ensure_in_scope(actor, fair)
    return fair


@transaction.atomic
def job_fair_update(*, actor, fair: JobFair, data: dict) -> JobFair:
    """Change a fair's details; the participating enterprises change on their own."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    ensure_in_scope(actor, fair)
    data = _strip(data, FAIR_FIELDS)
    errors: dict[str, list[str]] = {}
    if fair.status != FairStatus.PLANNED:
        errors["title"] = [_("Only a planned fair can be changed.")]
    _clean_fair(data, [], errors, new=False)
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, data["org"])
    before = audit.snapshot(fair)
    for name, value in data.items():
        setattr(fair, name, value)
    fair.save()
    audit.record(actor, fair, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, fair)
    return fair


@transaction.atomic
def job_fair_add_enterprise(*, actor, fair: JobFair, enterprise) -> JobFair:
    """An enterprise takes part in the fair (brings its jobs)."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    ensure_in_scope(actor, fair)
    if enterprise.status != EnterpriseStatus.ACTIVE:
        raise ValidationError({"enterprise": [_("The enterprise is closed.")]})
    if fair.enterprises.filter(pk=enterprise.pk).exists():
        raise ValidationError({"enterprise": [_("The enterprise already takes part.")]})
    fair.enterprises.add(enterprise)
    audit.record(actor, fair, AuditAction.UPDATE, extra={"enterprises": [None, enterprise.name]})
    return fair


@transaction.atomic
def job_fair_remove_enterprise(*, actor, fair: JobFair, enterprise) -> JobFair:
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    ensure_in_scope(actor, fair)
    if not fair.enterprises.filter(pk=enterprise.pk).exists():
        raise ValidationError(_("The enterprise does not take part."))
    fair.enterprises.remove(enterprise)
    audit.record(actor, fair, AuditAction.UPDATE, extra={"enterprises": [enterprise.name, None]})
    return fair


@transaction.atomic
def job_fair_set_status(*, actor, fair: JobFair, status: str) -> JobFair:
    """A planned fair is held or cancelled; nothing else changes its status."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    ensure_in_scope(actor, fair)
    if fair.status != FairStatus.PLANNED or status not in (FairStatus.HELD, FairStatus.CANCELLED):
        raise ValidationError(
            {"status": [_("Only a planned fair can be marked held or cancelled.")]}
        )
    if status == FairStatus.HELD and fair.held_on > timezone.localdate():
        raise ValidationError({"status": [_("The fair has not taken place yet.")]})
    before = audit.snapshot(fair)
    fair.status = status
    fair.save(update_fields=["status", "updated_at"])
    audit.record(actor, fair, AuditAction.UPDATE, before=before)
    return fair


@transaction.atomic
def fair_register(*, member, fair: JobFair) -> FairRegistration:
    """A member signs up for a planned fair, once, while places last."""
    _member_may_take_part(member)
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    if fair.status != FairStatus.PLANNED or fair.held_on < timezone.localdate():
        raise ValidationError(_("Registration for this fair is closed."))
    if FairRegistration.objects.filter(fair=fair, member=member).exists():
        raise ValidationError(_("You have already registered for this fair."))
    if fair.capacity is not None and fair.registrations.count() >= fair.capacity:
        raise ValidationError(_("The fair is full."))
    try:
        with transaction.atomic():
            registration = FairRegistration.objects.create(
                fair=fair, member=member, registered_at=timezone.now()
            )
    except IntegrityError as error:
        raise ValidationError(_("You have already registered for this fair.")) from error
    audit.record(None, registration, AuditAction.CREATE, extra={"by_member": [None, member.pk]})
    return registration


@transaction.atomic
def aid_open(
    *,
    actor,
    member,
    lost_job_on: datetime.date,
    reason: str,
    former_employer: str = "",
    help_given: str = "",
) -> EmploymentAid:
    """Open a 就业帮扶 record for a member of a union in the actor's scope who lost their
    job. One open record per member."""
    ensure_in_scope(actor, member)
    errors: dict[str, list[str]] = {}
    if member.status not in CARD_VALID_STATUSES:
        errors["member"] = [_("The membership has ended.")]
    elif EmploymentAid.objects.filter(member=member, status=AidStatus.HELPING).exists():
        errors["member"] = [_("The member already has an open aid record; add to that one.")]
    if lost_job_on is None:
        errors["lost_job_on"] = [_("Enter the date the job was lost.")]
    elif lost_job_on > timezone.localdate():
        errors["lost_job_on"] = [_("The date cannot be in the future.")]
    if reason not in JobLossReason.values:
        errors["reason"] = [_("Choose the reason.")]
    if errors:
        raise ValidationError(errors)
    aid = EmploymentAid.objects.create(
        member=member,
        org=member.org,
        lost_job_on=lost_job_on,
        reason=reason,
        former_employer=(former_employer or "").strip(),
        help_given=_dated(help_given),
    )
    audit.record(actor, aid, AuditAction.CREATE)
    ensure_in_scope(actor, aid)
    return aid


def _dated(text: str) -> str:
    text = (text or "").strip()
    return f"{timezone.localdate():%Y-%m-%d} {text}" if text else ""


def _open_aid(actor, aid: EmploymentAid) -> EmploymentAid:
    aid = (
        EmploymentAid.objects.select_for_update(of=("self",))
        .select_related("member")
        .get(pk=aid.pk)
    )
    ensure_in_scope(actor, aid)
    if aid.status != AidStatus.HELPING:
        raise ValidationError(_("The record is closed."))
    return aid


@transaction.atomic
def aid_add_help(*, actor, aid: EmploymentAid, help_given: str) -> EmploymentAid:
    """Add a dated line of help (a referral, training, a fair, a subsidy) to the record."""
    aid = _open_aid(actor, aid)
    line = _dated(help_given)
    if not line:
        raise ValidationError({"help_given": [_("Describe the help given.")]})
    before = audit.snapshot(aid)
    aid.help_given = f"{aid.help_given}\n{line}".strip()
    aid.save(update_fields=["help_given", "updated_at"])
    audit.record(actor, aid, AuditAction.UPDATE, before=before)
    return aid


@transaction.atomic
def aid_reemployed(
    *, actor, aid: EmploymentAid, reemployed_on: datetime.date, new_employer: str
) -> EmploymentAid:
    """The member works again: the day and the employer close the record."""
    aid = _open_aid(actor, aid)
    errors: dict[str, list[str]] = {}
    if reemployed_on is None:
        errors["reemployed_on"] = [pgettext("employment", "Enter the date.")]
    elif reemployed_on > timezone.localdate():
        errors["reemployed_on"] = [_("The date cannot be in the future.")]
    elif reemployed_on < aid.lost_job_on:
        errors["reemployed_on"] = [_("The date cannot be before the job was lost.")]
    if not (new_employer or "").strip():
        errors["new_employer"] = [_("Enter the new employer.")]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(aid)
    aid.status = AidStatus.REEMPLOYED
    aid.reemployed_on = reemployed_on
    aid.new_employer = new_employer.strip()
    aid.save(update_fields=["status", "reemployed_on", "new_employer", "updated_at"])
    audit.record(actor, aid, AuditAction.UPDATE, before=before)
    return aid


@transaction.atomic
def aid_close(*, actor, aid: EmploymentAid, closed_reason: str) -> EmploymentAid:
    """Close a record without a job (moved away, retired, no longer wants help)."""
    aid = _open_aid(actor, aid)
    if not (closed_reason or "").strip():
        raise ValidationError({"closed_reason": [_("Say why the record is closed.")]})
    before = audit.snapshot(aid)
    aid.status = AidStatus.CLOSED
    aid.closed_reason = closed_reason.strip()
    aid.save(update_fields=["status", "closed_reason", "updated_at"])
    audit.record(actor, aid, AuditAction.UPDATE, before=before)
    return aid
