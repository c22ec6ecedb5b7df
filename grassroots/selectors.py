"""Reads of grassroots work: a venue's day plan, usage, task completion and the subtree
figures shown on org pages. Each is a fixed number of queries, whatever the row count."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone

from core.scoping import path_and_ancestors
from dues.participation import RecordRow, among, scoped
from grassroots.choices import (
    ACTIVE_BOOKING_STATUSES,
    BookingStatus,
    EvaluationStatus,
    ReportStatus,
)
from grassroots.models import Booking, HomeEvaluation, TaskReport


def venue_day(venue, day: datetime.date, bookings=None) -> list[dict]:
    """The slots of ``venue`` on ``day``, each with its active booking (or None) — the
    booking is shown only if it is in ``bookings`` (the user's visible bookings); a slot
    taken by someone the user may not see reads as "taken". One query."""
    taken = {
        b.starts_at: b
        for b in Booking.objects.filter(
            venue=venue, date=day, status__in=ACTIVE_BOOKING_STATUSES
        ).select_related("org")
    }
    visible = (
        set()
        if bookings is None
        else set(
            bookings.filter(pk__in=[b.pk for b in taken.values()]).values_list("pk", flat=True)
        )
    )
    return [
        {
            "starts_at": start,
            "ends_at": end,
            "booking": taken.get(start)
            if taken.get(start) and taken[start].pk in visible
            else None,
            "taken": start in taken,
        }
        for start, end in venue.slots()
    ]


def venue_usage(venue, year: int) -> dict:
    """Bookings of one venue in ``year``: by status, hours booked and used. One query."""
    rows = Booking.objects.filter(venue=venue, date__year=year).aggregate(
        booked=Count("pk", filter=Q(status__in=ACTIVE_BOOKING_STATUSES)),
        used=Count("pk", filter=Q(status=BookingStatus.USED)),
        no_show=Count("pk", filter=Q(status=BookingStatus.NO_SHOW)),
        cancelled=Count("pk", filter=Q(status=BookingStatus.CANCELLED)),
        minutes_used=Sum("minutes", filter=Q(status=BookingStatus.USED)),
        people=Sum("headcount", filter=Q(status=BookingStatus.USED)),
    )
    rows["hours_used"] = round((rows.pop("minutes_used") or 0) / 60, 1)
    rows["people"] = rows["people"] or 0
    return rows


REPORT_COUNTS = {
    "total": Count("pk"),
    "submitted": Count("pk", filter=Q(status=ReportStatus.SUBMITTED)),
    "returned": Count("pk", filter=Q(status=ReportStatus.RETURNED)),
}


def _with_rate(counts: dict) -> dict:
    counts["pending"] = counts["total"] - counts["submitted"] - counts["returned"]
    counts["rate"] = (
        round(counts["submitted"] * 100.0 / counts["total"], 1) if counts["total"] else None
    )
    return counts


def report_counts(reports) -> dict:
    """Reports of a task by status, with the share reported. One query."""
    return _with_rate(reports.aggregate(**REPORT_COUNTS))


def report_counts_by_task(reports, task_ids) -> dict[int, dict]:
    """``report_counts`` for many tasks at once (a page of a list). One grouped query."""
    rows = reports.filter(task_id__in=task_ids).values("task_id").annotate(**REPORT_COUNTS)
    found = {row.pop("task_id"): _with_rate(row) for row in rows}
    empty = {"total": 0, "submitted": 0, "returned": 0}
    return {pk: found.get(pk) or _with_rate(dict(empty)) for pk in task_ids}


def booking_participants(member_ids, start: datetime.date, end: datetime.date):
    """``dues.participation`` source: members whose venue booking was used in the window."""
    return Booking.objects.filter(
        among(member_ids), status=BookingStatus.USED, date__gte=start, date__lt=end
    ).values("member_id")


def grassroots_stats(org, today: datetime.date | None = None) -> dict:
    """Figures of a subtree: venue bookings of its unions this year (booked, used, hours),
    awarded 职工之家 by title and stars, and how its orgs are doing with tasks handed down
    to them. Three grouped queries."""
    today = today or timezone.localdate()
    bookings = Booking.objects.filter(
        org__path__startswith=org.path, date__year=today.year
    ).aggregate(
        booked=Count("pk", filter=Q(status__in=ACTIVE_BOOKING_STATUSES)),
        used=Count("pk", filter=Q(status=BookingStatus.USED)),
        minutes=Sum("minutes", filter=Q(status=BookingStatus.USED)),
    )
    homes = (
        HomeEvaluation.objects.filter(
            org__path__startswith=org.path, status=EvaluationStatus.AWARDED
        )
        .values_list("programme__kind", "stars")
        .annotate(n=Count("pk"))
        .order_by("programme__kind", "stars")
    )
    by_kind: dict[str, int] = {}
    by_stars: dict[str, int] = {}
    for kind, stars, n in homes:
        by_kind[kind] = by_kind.get(kind, 0) + n
        if stars:
            by_stars[str(stars)] = by_stars.get(str(stars), 0) + n
    tasks = TaskReport.objects.filter(org__path__startswith=org.path).aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=Q(status=ReportStatus.SUBMITTED)),
        overdue=Count("pk", filter=~Q(status=ReportStatus.SUBMITTED) & Q(task__deadline__lt=today)),
    )
    return {
        "org_id": org.pk,
        "year": today.year,
        "bookings": bookings["booked"] or 0,
        "bookings_used": bookings["used"] or 0,
        "hours_used": round((bookings["minutes"] or 0) / 60, 1),
        "homes_by_kind": by_kind,
        "homes_by_stars": by_stars,
        "homes_awarded": sum(by_kind.values()),
        "task_reports": tasks["total"],
        "task_reports_submitted": tasks["submitted"],
        "task_reports_overdue": tasks["overdue"],
        "task_completion": (
            round(tasks["submitted"] * 100.0 / tasks["total"], 1) if tasks["total"] else None
        ),
    }


def member_venues(member):
    """The venues a member may book: those of the member's union and of every org above
    it (a city's palace, a district's reading room)."""
    from grassroots.models import Venue

    above = path_and_ancestors(member.org.path)
    return Venue.objects.filter(is_active=True, org__path__in=above).select_related("org")


def member_bookings(member):
    return (
        Booking.objects.filter(member=member)
        .select_related("venue")
        .order_by("-date", "-starts_at")
    )


def booking_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): the member's own venue bookings and
    whether they were used (one query)."""
    bookings = (
        scoped(Booking.objects.filter(member=member), user)
        .select_related("venue")
        .order_by("-date", "-starts_at", "-id")[:limit]
    )
    return [
        RecordRow(
            on=booking.date,
            kind=Booking._meta.verbose_name,
            title=f"{booking.venue.name} {booking.starts_at:%H:%M}–{booking.ends_at:%H:%M}",
            status=booking.get_status_display(),
            url=booking.get_absolute_url()
            if user is not None
            else reverse("grassroots:m-venue-day", args=[booking.venue_id]),
        )
        for booking in bookings
    ]
