"""Reads of activities: what a member may register for, a member's participation record,
and the figures of a subtree (activities held, registrations, attendance in 人次)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from activities.choices import ActivityStatus, RegistrationStatus
from activities.models import Activity, Registration, Submission
from core.scoping import path_and_ancestors as ancestor_paths


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


def member_participation(member, user, limit: int = 50):
    """The participation tab of a member page: registrations the cadre may see."""
    return (
        Registration.objects.visible_to(user)
        .filter(member=member)
        .select_related("activity", "activity__org")
        .order_by("-activity__starts_at", "-id")[:limit]
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
        member_id__in=member_ids, checked_in_at__range=day_range(start, end)
    ).values("member_id")
