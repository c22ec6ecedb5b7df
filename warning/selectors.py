"""Reads of early warning: the risk list and its counts by level, the alert trend, the
subtree figures and the facts other capabilities ask for (``core.facts``)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from core import facts
from dues.months import add_months, first_of_month
from orgs.models import Org
from warning.choices import OPEN_ALERT_STATUSES, WARNING_LEVELS, SignalKind, SignalStatus
from warning.models import Alert, RiskScore, RiskSignal


def in_subtree(queryset, org: Org, prefix: str = "enterprise__"):
    """Rows of enterprises located in or covered by ``org``'s subtree."""
    return queryset.filter(
        Q(**{f"{prefix}territory__path__startswith": org.path})
        | Q(**{f"{prefix}covering_union__path__startswith": org.path})
    )


def level_counts(scores) -> dict[str, int]:
    """Enterprises per warning level among ``scores``. One grouped query."""
    counts = dict(scores.values_list("level").annotate(n=Count("pk")).order_by())
    return {str(level): counts.get(str(level), 0) for level in WARNING_LEVELS}


def alert_trend(alerts, today: datetime.date, months: int = 6) -> list[dict]:
    """Alerts opened per month and level over the last ``months`` months (this one
    included). One grouped query."""
    start = add_months(first_of_month(today), -(months - 1))
    rows = (
        alerts.filter(opened_at__date__gte=start)
        .annotate(month=TruncMonth("opened_at"))
        .values_list("month", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table: dict[tuple, int] = {}
    for month, level, n in rows:
        key = month.date() if isinstance(month, datetime.datetime) else month
        table[(key, level)] = n
    trend = []
    for k in range(months):
        month = add_months(start, k)
        counts = {str(level): table.get((month, str(level)), 0) for level in WARNING_LEVELS}
        trend.append({"month": f"{month:%Y-%m}", **counts, "total": sum(counts.values())})
    return trend


def warning_stats(org: Org, today: datetime.date | None = None) -> dict:
    """Enterprises by level and open alerts by level in a subtree. Two queries."""
    scores = in_subtree(RiskScore.objects.all(), org)
    alerts = Alert.objects.filter(
        Q(org__path__startswith=org.path) | Q(origin_org__path__startswith=org.path),
        status__in=OPEN_ALERT_STATUSES,
    )
    open_alerts = dict(alerts.values_list("level").annotate(n=Count("pk")).order_by())
    return {
        "org_id": org.pk,
        "enterprises_by_level": level_counts(scores),
        "open_alerts_by_level": {
            str(level): open_alerts.get(str(level), 0) for level in WARNING_LEVELS
        },
        "open_alerts": sum(open_alerts.values()),
    }


def can_change(model, user, obj) -> bool:
    """Whether ``user`` may change ``obj`` (a page shows its buttons only then)."""
    from core.choices import Action

    return model.objects.visible_to(user, Action.CHANGE).filter(pk=obj.pk).exists()


def open_alerts_for(user):
    return Alert.objects.visible_to(user).filter(status__in=OPEN_ALERT_STATUSES)


# --- facts for other capabilities ------------------------------------------------------------


def wage_arrears_fact(enterprise_ids, on) -> dict[int, facts.Fact]:
    """Open 欠薪 signals observed on or before ``on``, with what a reviewer reads."""
    rows = (
        RiskSignal.objects.filter(
            enterprise_id__in=list(enterprise_ids),
            kind=SignalKind.WAGE_ARREARS,
            status=SignalStatus.OPEN,
            observed_on__lte=on,
        )
        .order_by("enterprise_id", "-observed_on", "pk")
        .values_list("enterprise_id", "observed_on", "months", "workers", "amount")
    )
    found: dict[int, list[str]] = {}
    for enterprise_id, observed_on, months, workers, amount in rows:
        parts = [f"{observed_on:%Y-%m-%d} 欠薪"]
        if months:
            parts.append(f"{months} 个月")
        if workers:
            parts.append(f"涉及 {workers} 人")
        if amount:
            parts.append(f"金额 {amount:,.2f} 元")
        found.setdefault(enterprise_id, []).append("，".join(parts))
    return {eid: facts.Fact(True, "；".join(items)) for eid, items in found.items()}


def risk_level_fact(enterprise_ids, on) -> dict[int, facts.Fact]:
    """The current warning level (blue and above) with its score and reasons."""
    rows = RiskScore.objects.filter(
        enterprise_id__in=list(enterprise_ids), level__in=[str(lv) for lv in WARNING_LEVELS]
    )
    return {
        row.enterprise_id: facts.Fact(
            row.level, f"{row.get_level_display()} {row.score} 分：{row.reasons_text()}"
        )
        for row in rows
    }


def assignable_cadres(user):
    """Users holding a role within the subtrees ``user`` may change (the people a campaign
    may assign inspections to)."""
    from django.contrib.auth import get_user_model

    from core.choices import Action
    from core.models import RoleAssignment
    from core.scoping import scope_paths

    users = get_user_model().objects.filter(is_active=True)
    if getattr(user, "is_superuser", False):
        return users.filter(pk__in=RoleAssignment.objects.values("user")).order_by("username")
    condition = Q(pk__in=[])
    for path in scope_paths(user, Action.CHANGE):
        condition |= Q(org__path__startswith=path)
    holders = RoleAssignment.objects.filter(condition).values("user")
    return users.filter(pk__in=holders).order_by("username")


def levels_by_child(org: Org, user) -> list[dict]:
    """Enterprises per warning level for each direct sub-unit of ``org`` that ``user``
    sees. One grouped query: each score is keyed to the child whose subtree holds the
    enterprise's area (or, failing that, its covering union), by cutting the path."""
    from django.db.models import Case, CharField, Value, When
    from django.db.models.functions import Substr

    children = list(
        Org.objects.visible_to(user).filter(path__startswith=org.path, depth=org.depth + 1)
    )
    if not children:
        return []
    length = len(org.path) + Org.steplen
    key = Case(
        When(
            enterprise__territory__path__startswith=org.path,
            enterprise__territory__depth__gt=org.depth,
            then=Substr("enterprise__territory__path", 1, length),
        ),
        When(
            enterprise__covering_union__path__startswith=org.path,
            enterprise__covering_union__depth__gt=org.depth,
            then=Substr("enterprise__covering_union__path", 1, length),
        ),
        default=Value(""),
        output_field=CharField(),
    )
    rows = (
        in_subtree(RiskScore.objects.filter(level__in=[str(lv) for lv in WARNING_LEVELS]), org)
        .annotate(child_path=key)
        .values_list("child_path", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table: dict[tuple[str, str], int] = {(path, level): n for path, level, n in rows}
    result = []
    for child in children:
        counts = [table.get((child.path, str(level)), 0) for level in WARNING_LEVELS]
        result.append({"org": child, "counts": counts, "total": sum(counts)})
    return result
