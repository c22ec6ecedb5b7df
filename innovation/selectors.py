"""Reads of worker technical innovation: subtree figures and participation."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum

from dues.participation import RecordRow, among, scoped
from innovation.choices import InnovationKind, InnovationStatus
from innovation.models import Innovation, Studio

ADOPTED = (InnovationStatus.ADOPTED, InnovationStatus.IMPLEMENTED)


def innovation_stats(org) -> dict:
    """Innovations submitted through the subtree's unions, by kind and status, their
    estimated benefit, and the subtree's studios. Two grouped queries."""
    rows = (
        Innovation.objects.filter(org__path__startswith=org.path)
        .values("kind", "status")
        .annotate(n=Count("pk"), benefit=Sum("estimated_benefit"))
        .order_by()
    )
    by_kind = dict.fromkeys(InnovationKind.values, 0)
    by_status = dict.fromkeys(InnovationStatus.values, 0)
    benefit = Decimal("0")
    for row in rows:
        by_kind[row["kind"]] += row["n"]
        by_status[row["status"]] += row["n"]
        if row["status"] in ADOPTED:
            benefit += row["benefit"] or 0
    studios = Studio.objects.filter(org__path__startswith=org.path).aggregate(
        studios=Count("pk"), model_worker=Count("pk", filter=Q(kind="model_worker"))
    )
    return {
        "org_id": org.pk,
        "innovations": sum(by_kind.values()),
        "by_kind": by_kind,
        "kind_rows": [[str(label), by_kind[kind]] for kind, label in InnovationKind.choices],
        "by_status": by_status,
        "adopted": by_status[InnovationStatus.ADOPTED] + by_status[InnovationStatus.IMPLEMENTED],
        "adopted_benefit": str(benefit.quantize(Decimal("0.01"))),
        "studios": studios["studios"],
    }


def took_part(member_ids, start, end):
    """Members who submitted an innovation in ``[start, end)`` (six-month review)."""
    return Innovation.objects.filter(
        among(member_ids), submitted_on__gte=start, submitted_on__lt=end
    ).values("member_id")


def innovation_record(member, user, limit: int) -> list[RecordRow]:
    """Participation record (``dues.participation``): innovations the member submitted,
    with the award or the review status (one query)."""
    innovations = scoped(Innovation.objects.filter(member=member), user).order_by(
        "-submitted_on", "-id"
    )[:limit]
    return [
        RecordRow(
            on=innovation.submitted_on,
            kind=Innovation._meta.verbose_name,
            title=innovation.title,
            status=innovation.get_award_display()
            if innovation.award
            else innovation.get_status_display(),
            url=innovation.get_absolute_url() if user is not None else None,
        )
        for innovation in innovations
    ]
