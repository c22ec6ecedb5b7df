"""Reads of activities: what a member may register for, a member's participation record
(registrations and quiz papers, for ``dues.participation``), and the figures of a subtree
(activities held, registrations, attendance in 人次)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from activities.choices import ActivityStatus, RegistrationStatus, SubmissionStatus
from activities.models import Activity, QuizAttempt, Registration, Submission
from core.scoping import path_and_ancestors as ancestor_paths
from dues.participation import RecordRow, among, scoped


def activities_for_member(member, now: datetime.datetime | None = None):
    """Open activities yet to start whose audience includes the member's union."""
    now = now or timezone.now()
    return (
        Activity.objects.filter(
            status=ActivityStatus.OPEN,
            ends_at__gte=now,
            audience__path__in=ancestor_paths(member.org.path),
        )
        .select_related("org")
        .order_by("starts_at", "id")
    )


def registrations_of_member(member):
    """The member's own registrations (portal), newest activity first."""
    return (
        Registration.objects.filter(member=member)
        .select_related("activity", "activity__org")
        .order_by("-activity__starts_at", "-id")
    )


def activity_registrations(activity, user):
    return (
        Registration.objects.visible_to(user)
        .filter(activity=activity)
        .select_related("member", "member__org", "checked_in_by")
        .order_by("status", "waiting_since", "registered_at", "id")
    )


def activity_submissions(activity, user):
    """The works sent to a call that the cadre may see, with their contest result."""
    return (
        Submission.objects.visible_to(user)
        .filter(activity=activity)
        .select_related("member", "member__org", "entry")
        .order_by("status", "submitted_at", "id")
    )


def submission_of(activity, member):
    """The member's own work for a call (portal), with its contest result."""
    return (
        Submission.objects.filter(activity=activity, member=member).select_related("entry").first()
    )


def activity_counts(activity) -> dict:
    """Registered, waiting and checked-in numbers of one activity (one query)."""
    return Registration.objects.filter(activity=activity).aggregate(
        registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )


def activity_stats(org, today: datetime.date | None = None) -> dict:
    """This year's activities hosted in the subtree, and the registrations and attendance
    (人次) of the subtree's members at any host's activities. Two queries."""
    today = today or timezone.localdate()
    start = datetime.datetime(today.year, 1, 1, tzinfo=timezone.get_current_timezone())
    held = Activity.objects.filter(
        org__path__startswith=org.path, starts_at__gte=start, starts_at__lt=timezone.now()
    ).exclude(status=ActivityStatus.CANCELLED)
    people = Registration.objects.filter(
        member__org__path__startswith=org.path, activity__starts_at__gte=start
    ).aggregate(
        registrations=Count("pk", filter=~Q(status=RegistrationStatus.CANCELLED)),
        attendance=Count("pk", filter=Q(checked_in_at__isnull=False)),
        people=Count("member", filter=Q(checked_in_at__isnull=False), distinct=True),
    )
    return {
        "org_id": org.pk,
        "year": today.year,
        "activities_held": held.count(),
        "registrations": people["registrations"] or 0,
        "attendance": people["attendance"] or 0,
        "attendees": people["people"] or 0,
    }


def day_range(start: datetime.date, end: datetime.date) -> tuple:
    """The instants of the days ``[start, end)`` in local time, for a ``__range`` lookup
    (the upper bound one microsecond before ``end`` begins)."""
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time(), tz),
        datetime.datetime.combine(end, datetime.time(), tz) - datetime.timedelta(microseconds=1),
    )


def took_part(member_ids, start: datetime.date, end: datetime.date):
    """Participation source of the six-month rule: members checked in at an activity."""
    return Registration.objects.filter(
        among(member_ids), checked_in_at__range=day_range(start, end)
    ).values("member_id")


def registration_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): the member's registrations, the
    check-in shown as the status (one query)."""
    registrations = (
        scoped(Registration.objects.filter(member=member), user)
        .select_related("activity")
        .order_by("-activity__starts_at", "-id")[:limit]
    )
    return [
        RecordRow(
            on=registration.activity.starts_at,
            kind=Registration._meta.verbose_name,
            title=registration.activity.title,
            status=gettext("Checked in")
            if registration.checked_in_at
            else registration.get_status_display(),
            url=registration.activity.get_absolute_url()
            if user is not None
            else reverse("activities:m-detail", args=[registration.activity_id]),
        )
        for registration in registrations
    ]


def works_sent(member_ids, start: datetime.date, end: datetime.date):
    """Participation source of the six-month rule: members who sent a work to a call."""
    return Submission.objects.filter(
        among(member_ids),
        status=SubmissionStatus.SUBMITTED,
        submitted_at__range=day_range(start, end),
    ).values("member_id")


def work_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record: the works the member sent, with their award (one query)."""
    submissions = (
        scoped(Submission.objects.filter(member=member), user)
        .select_related("activity", "entry")
        .order_by("-submitted_at", "-id")[:limit]
    )
    return [
        RecordRow(
            on=submission.submitted_at,
            kind=Submission._meta.verbose_name,
            title=f"{submission.activity.title}《{submission.title}》",
            status=submission.entry.get_award_display()
            if submission.entry and submission.entry.award
            else submission.get_status_display(),
            url=submission.activity.get_absolute_url()
            if user is not None
            else reverse("activities:m-detail", args=[submission.activity_id]),
        )
        for submission in submissions
    ]


def quiz_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record: the member's quiz papers with their score (one query)."""
    attempts = (
        scoped(QuizAttempt.objects.filter(member=member), user)
        .select_related("quiz")
        .defer("paper", "answers")  # the drawn questions are not needed for the record
        .order_by("-started_at", "-id")[:limit]
    )
    return [
        RecordRow(
            on=attempt.submitted_at or attempt.started_at,
            kind=QuizAttempt._meta.verbose_name,
            title=attempt.quiz.title,
            status=_attempt_result(attempt),
            url=attempt.quiz.get_absolute_url()
            if user is not None
            else reverse("activities:m-quiz", args=[attempt.quiz_id]),
        )
        for attempt in attempts
    ]


def _attempt_result(attempt) -> str:
    if attempt.submitted_at is None:
        return pgettext("activities", "In progress")
    if attempt.late or attempt.score is None:
        return gettext("Late; not scored")
    return gettext("Score: %(score)s") % {"score": attempt.score}
