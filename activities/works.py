"""Calls for works (职工文化作品征集: 诗歌征集, 摄影, 视频大赛): members send in a work from the
portal while the call runs; afterwards the host sends the works to judging, where each work
becomes an entry of a contest of kind "culture" and is judged by the contests' panels
(rubric, judges, blind codes, 回避, trimmed mean; see ``contests.actions``). The entry's
award is the work's result, shown to the member.

Rules:
- a member of the call's audience sends one work (a title with a text and/or a file) from
  the start of the call until its end, and may replace or withdraw it until then;
- each work takes one of the call's places (the same conditional UPDATE as registrations,
  so the last place goes to exactly one of two members racing for it);
- once sent to judging the works are fixed; sending twice is refused.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.actions import take_place
from activities.choices import ActivityStatus, SubmissionStatus
from activities.models import Activity, Submission
from contests import actions as contest_actions
from contests.choices import ContestKind, ContestStatus, EntryKind
from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope
from core.uploads import upload_problem
from members.models import Member
from members.selectors import CARD_VALID_STATUSES


def submission_problem(activity: Activity, member: Member, now) -> str:
    """Why ``member`` cannot send (or change) a work for ``activity`` now ("" when they can)."""
    if not activity.is_works_call:
        return _("This activity takes registrations, not works.")
    if activity.status != ActivityStatus.OPEN:
        return _("The activity was cancelled.")
    if activity.contest_id:
        return _("The works have been sent to judging; they can no longer be changed.")
    if now < activity.starts_at:
        return _("The call for works opens on %(date)s.") % {
            "date": timezone.localtime(activity.starts_at).strftime("%Y-%m-%d %H:%M")
        }
    if now >= activity.ends_at:
        return _("The call for works closed on %(date)s.") % {
            "date": timezone.localtime(activity.ends_at).strftime("%Y-%m-%d %H:%M")
        }
    if member.status not in CARD_VALID_STATUSES:
        return _("Only members of the union may send works.")
    if not member.org.path.startswith(activity.audience.path):
        return _("This call is for the members of %(audience)s.") % {
            "audience": activity.audience.name
        }
    return ""


def _clean_work(title: str, text: str, upload, *, keeps_file: bool) -> tuple[str, str]:
    errors: dict[str, list] = {}
    title, text = (title or "").strip(), (text or "").strip()
    if not title:
        errors["title"] = [_("Give your work a title.")]
    if not text and upload is None and not keeps_file:
        errors.setdefault("text", []).append(_("Write the work here or attach its file."))
    if upload is not None:
        problem = upload_problem(
            upload,
            extensions=settings.GONGHUI["WORK_EXTENSIONS"],
            max_bytes=settings.GONGHUI["WORK_MAX_BYTES"],
        )
        if problem:
            errors["file"] = [problem]
    if errors:
        raise ValidationError(errors)
    return title, text


@transaction.atomic
def submission_save(
    *, member: Member, activity: Activity, title: str, text: str = "", upload=None
) -> Submission:
    """Send a work, or replace the one sent before (a new file replaces the old one; no new
    file keeps it). A first work, or one sent again after a withdrawal, takes a place."""
    member = Member.objects.select_related("org").get(pk=member.pk)
    activity = Activity.objects.select_related("audience").get(pk=activity.pk)
    problem = submission_problem(activity, member, timezone.now())
    if problem:
        raise ValidationError(problem)
    existing = Submission.objects.filter(activity=activity, member=member).first()
    keeps_file = (
        upload is None
        and existing is not None
        and existing.status == SubmissionStatus.SUBMITTED
        and bool(existing.file)
    )
    title, text = _clean_work(title, text, upload, keeps_file=keeps_file)
    taking_place = existing is None or existing.status == SubmissionStatus.WITHDRAWN
    if taking_place and not take_place(activity.pk):
        raise ValidationError(_("The call has received all the works it takes."))
    before = audit.snapshot(existing) if existing else None
    submission = existing or Submission(activity=activity, member=member)
    submission.title = title
    submission.text = text
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = timezone.now()
    if upload is not None:
        submission.file = upload
        submission.file_name = upload.name[-200:]
    elif taking_place:
        submission.file, submission.file_name = "", ""
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError as error:  # the same member sending twice at once
        raise ValidationError(_("You have already sent a work to this call.")) from error
    audit.record(None, submission, AuditAction.UPDATE if existing else AuditAction.CREATE, before)
    return submission


@transaction.atomic
def submission_withdraw(*, member: Member, submission: Submission) -> Submission:
    """The member takes their work back before the call ends; its place is freed."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk, member=member)
    activity = (
        Activity.objects.select_for_update()
        .select_related("audience")
        .get(pk=submission.activity_id)
    )
    if submission.status == SubmissionStatus.WITHDRAWN:
        raise ValidationError(_("The work was already withdrawn."))
    problem = submission_problem(activity, submission.member, timezone.now())
    if problem:
        raise ValidationError(problem)
    before = audit.snapshot(submission)
    submission.status = SubmissionStatus.WITHDRAWN
    submission.save(update_fields=["status", "updated_at"])
    Activity.objects.filter(pk=activity.pk).update(places_taken=F("places_taken") - 1)
    audit.record(None, submission, AuditAction.UPDATE, before)
    return submission


@transaction.atomic
def works_send_to_judging(*, actor, activity: Activity):
    """After the call closes, the host makes a contest of kind "culture" with one entry per
    work (title, text and the same stored file); the host then sets up its rounds, rubric
    and panel on the contest's page. Returns the contest."""
    activity = Activity.objects.select_for_update().select_related("org").get(pk=activity.pk)
    ensure_in_scope(actor, activity, Action.CHANGE)
    if not activity.is_works_call:
        raise ValidationError(_("This activity takes registrations, not works."))
    if activity.contest_id:
        raise ValidationError(_("The works were already sent to judging."))
    if activity.status != ActivityStatus.OPEN:
        raise ValidationError(_("The activity was cancelled."))
    if timezone.now() < activity.ends_at:
        raise ValidationError(
            _("The works can be sent to judging once the call closes on %(date)s.")
            % {"date": timezone.localtime(activity.ends_at).strftime("%Y-%m-%d %H:%M")}
        )
    submissions = list(
        Submission.objects.select_for_update(of=("self",))
        .filter(activity=activity, status=SubmissionStatus.SUBMITTED)
        .select_related("member", "member__org")
        .order_by("submitted_at", "id")
    )
    if not submissions:
        raise ValidationError(_("No work was sent to this call."))
    contest = contest_actions.contest_create(
        actor=actor,
        data={
            "host": activity.org,
            "name": activity.title,
            "year": timezone.localtime(activity.starts_at).year,
            "kind": ContestKind.CULTURE,
            "starts_on": timezone.localtime(activity.starts_at).date(),
            "ends_on": timezone.localtime(activity.ends_at).date(),
            "description": activity.description,
        },
    )
    contest = contest_actions.contest_set_status(
        actor=actor, contest=contest, status=ContestStatus.OPEN
    )
    for submission in submissions:
        submission.entry = contest_actions.entry_create(
            actor=actor,
            contest=contest,
            data={
                "kind": EntryKind.INDIVIDUAL,
                "member": submission.member,
                "org": submission.member.org,
                "work_title": submission.title,
                "work_text": submission.text,
                "work_file": submission.file.name if submission.file else "",
            },
        )
    Submission.objects.bulk_update(submissions, ["entry"])
    before = audit.snapshot(activity)
    activity.contest = contest
    activity.save(update_fields=["contest", "updated_at"])
    audit.record(actor, activity, AuditAction.UPDATE, before)
    return contest
