"""Reads of skills improvement: subtree figures and participation."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum

from dues.participation import RecordRow, among, scoped
from skills.choices import EnrolmentStatus, SkillAwardKind
from skills.models import Enrolment, SkillAward, Training


def trainings_with_counts(queryset=None):
    """Trainings annotated with ``enrolled`` and ``completed`` (one grouped query)."""
    queryset = Training.objects.all() if queryset is None else queryset
    return queryset.select_related("org").annotate(
        enrolled=Count("enrolments"),
        completed=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.COMPLETED)),
    )


def skills_stats(org) -> dict:
    """Trainings hosted in the subtree, enrolments and completions of its members, and the
    skills awards its unions paid, by kind. Three grouped queries."""
    trainings = Training.objects.filter(org__path__startswith=org.path).aggregate(
        trainings=Count("pk"), camps=Count("pk", filter=Q(kind="camp"))
    )
    enrolments = Enrolment.objects.filter(member__org__path__startswith=org.path).aggregate(
        enrolled=Count("pk"),
        completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
    )
    awards = {
        row["kind"]: row
        for row in SkillAward.objects.filter(org__path__startswith=org.path)
        .values("kind")
        .annotate(n=Count("pk"), amount=Sum("amount"))
        .order_by()
    }
    total = sum((row["amount"] or Decimal("0") for row in awards.values()), Decimal("0"))
    return {
        "org_id": org.pk,
        "trainings": trainings["trainings"],
        "camps": trainings["camps"],
        "enrolments": enrolments["enrolled"],
        "completions": enrolments["completed"],
        "awards": sum(row["n"] for row in awards.values()),
        "award_amount": str(total.quantize(Decimal("0.01"))),
        "awards_by_kind": {
            kind: awards.get(kind, {}).get("n", 0) for kind in SkillAwardKind.values
        },
    }


def took_part(member_ids, start, end):
    """Members enrolled on a training running in ``[start, end)`` (six-month review)."""
    return (
        Enrolment.objects.filter(
            among(member_ids),
            training__starts_on__lt=end,
            training__ends_on__gte=start,
        )
        .exclude(status=EnrolmentStatus.DROPPED)
        .values("member_id")
    )


def enrolment_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): the member's trainings and how far
    they got (one query)."""
    enrolments = (
        scoped(Enrolment.objects.filter(member=member), user)
        .select_related("training")
        .order_by("-training__starts_on", "-id")[:limit]
    )
    return [
        RecordRow(
            on=enrolment.training.starts_on,
            kind=Enrolment._meta.verbose_name,
            title=enrolment.training.name,
            status=enrolment.get_status_display(),
            url=enrolment.training.get_absolute_url() if user is not None else None,
        )
        for enrolment in enrolments
    ]
