"""Reads on employment services: what workers see (open jobs, fairs to come), a member's
own applications and registrations, and the subtree figures."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.urls import reverse
from django.utils import timezone

from dues.participation import RecordRow, among, scoped
from employment.choices import AidStatus, ApplicationStatus, FairStatus, PostingStatus
from employment.models import EmploymentAid, FairRegistration, JobApplication, JobFair, JobPosting


def open_postings(today: datetime.date | None = None):
    """Jobs workers can apply for: open and not past their last day."""
    today = today or timezone.localdate()
    return JobPosting.objects.filter(status=PostingStatus.OPEN, expires_on__gte=today)


def upcoming_fairs(today: datetime.date | None = None):
    today = today or timezone.localdate()
    return JobFair.objects.filter(status=FairStatus.PLANNED, held_on__gte=today)


def postings_for_member(member, queryset=None):
    """``queryset`` (default: open jobs) with ``applied``: whether ``member`` applied."""
    queryset = open_postings() if queryset is None else queryset
    if member is None:
        return queryset
    return queryset.annotate(
        applied=Exists(JobApplication.objects.filter(posting=OuterRef("pk"), member=member))
    )


def fairs_for_member(member, queryset=None):
    queryset = upcoming_fairs() if queryset is None else queryset
    queryset = queryset.annotate(registered_count=Count("registrations"))
    if member is None:
        return queryset
    return queryset.annotate(
        registered=Exists(FairRegistration.objects.filter(fair=OuterRef("pk"), member=member))
    )


def member_applications(member):
    return JobApplication.objects.filter(member=member).select_related(
        "posting", "posting__enterprise"
    )


def member_registrations(member):
    return FairRegistration.objects.filter(member=member).select_related("fair")


def employment_stats(org, today: datetime.date | None = None) -> dict:
    """Employment services of a subtree this year: open jobs and positions, applications
    and hires, fairs held or planned, registrations, people in 就业帮扶 and those helped
    into work. Four queries."""
    today = today or timezone.localdate()
    year_start = datetime.date(today.year, 1, 1)
    subtree = Q(org__path__startswith=org.path)
    jobs = JobPosting.objects.filter(subtree).aggregate(
        open=Count("pk", filter=Q(status=PostingStatus.OPEN, expires_on__gte=today)),
        positions=Sum(
            "positions", filter=Q(status=PostingStatus.OPEN, expires_on__gte=today), default=0
        ),
    )
    applications = JobApplication.objects.filter(
        posting__org__path__startswith=org.path, applied_at__date__gte=year_start
    ).aggregate(
        total=Count("pk"),
        hired=Count("pk", filter=Q(status=ApplicationStatus.HIRED)),
    )
    fairs = JobFair.objects.filter(subtree, held_on__gte=year_start).aggregate(
        total=Count("pk", filter=~Q(status=FairStatus.CANCELLED), distinct=True),
        registrations=Count("registrations", filter=~Q(status=FairStatus.CANCELLED)),
    )
    aid = EmploymentAid.objects.filter(subtree).aggregate(
        helping=Count("pk", filter=Q(status=AidStatus.HELPING)),
        reemployed=Count(
            "pk", filter=Q(status=AidStatus.REEMPLOYED, reemployed_on__gte=year_start)
        ),
    )
    return {
        "org_id": org.pk,
        "year": today.year,
        "open_jobs": jobs["open"],
        "open_positions": jobs["positions"] or 0,
        "applications": applications["total"],
        "hired": applications["hired"],
        "fairs": fairs["total"],
        "fair_registrations": fairs["registrations"],
        "aid_open": aid["helping"],
        "helped_into_jobs": aid["reemployed"],
    }


def took_part_in_fairs(member_ids, start: datetime.date, end: datetime.date):
    """Members of ``member_ids`` registered for a fair held (not cancelled) in
    ``[start, end)``: taking part in union life for the six-month review
    (``dues.participation``). A queryset of member ids."""
    return (
        FairRegistration.objects.filter(
            among(member_ids), fair__held_on__gte=start, fair__held_on__lt=end
        )
        .exclude(fair__status=FairStatus.CANCELLED)
        .values("member_id")
    )


def fair_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): job fairs the member signed up for,
    with the fair's state (one query)."""
    registrations = (
        scoped(FairRegistration.objects.filter(member=member), user)
        .select_related("fair")
        .order_by("-fair__held_on", "-id")[:limit]
    )
    return [
        RecordRow(
            on=registration.fair.held_on,
            kind=FairRegistration._meta.verbose_name,
            title=registration.fair.title,
            status=registration.fair.get_status_display(),
            url=registration.fair.get_absolute_url()
            if user is not None
            else reverse("employment:m-fairs"),
        )
        for registration in registrations
    ]
