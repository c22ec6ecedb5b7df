"""Reads on the organisation tree: coverage figures, to-do lists, subtree queries."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Case, CharField, Count, Q, Sum, Value, When
from django.db.models.functions import Substr

from core.choices import Action
from orgs.choices import EnterpriseStatus, GrassrootsType, OrgLevel, OrgStatus
from orgs.models import Enterprise, Org


def enterprises_of_subtree(org: Org):
    """Operating enterprises located in ``org``'s area or covered by a union in its subtree.

    Both sides join on the materialised path, so figures stay right after a subtree moves.
    """
    return Enterprise.objects.filter(
        Q(territory__path__startswith=org.path) | Q(covering_union__path__startswith=org.path),
        status=EnterpriseStatus.ACTIVE,
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part * 100.0 / whole, 1) if whole else None


def coverage_stats(org: Org) -> dict:
    """建会率, 单独建会率 (≥25 employees), small/micro and platform coverage for a subtree.

    One aggregate query over enterprises plus one over orgs. An enterprise counts as
    covered when its covering union is active; as 单独建会 when that union is a standalone
    grassroots union of its own.
    """
    conf = settings.GONGHUI
    threshold = conf["SEPARATE_UNION_EMPLOYEE_THRESHOLD"]
    small_max = conf["SMALL_MICRO_MAX_EMPLOYEES"]
    covered = Q(covering_union__status=OrgStatus.ACTIVE)
    separate = covered & Q(
        covering_union__level=OrgLevel.GRASSROOTS,
        covering_union__grassroots_type=GrassrootsType.STANDALONE,
    )
    large = Q(employee_count__gte=threshold)
    small = Q(employee_count__lte=small_max)
    platform = Q(is_platform=True)
    figures = enterprises_of_subtree(org).aggregate(
        enterprises=Count("pk"),
        covered=Count("pk", filter=covered),
        separate=Count("pk", filter=separate),
        employees=Sum("employee_count"),
        employees_covered=Sum("employee_count", filter=covered),
        large=Count("pk", filter=large),
        large_separate=Count("pk", filter=large & separate),
        small=Count("pk", filter=small),
        small_covered=Count("pk", filter=small & covered),
        platform=Count("pk", filter=platform),
        platform_covered=Count("pk", filter=platform & covered),
    )
    figures = {key: value or 0 for key, value in figures.items()}
    figures["uncovered"] = figures["enterprises"] - figures["covered"]
    figures["joint"] = figures["covered"] - figures["separate"]
    figures["coverage_rate"] = _rate(figures["covered"], figures["enterprises"])
    figures["large_separate_rate"] = _rate(figures["large_separate"], figures["large"])
    figures["small_coverage_rate"] = _rate(figures["small_covered"], figures["small"])
    figures["platform_coverage_rate"] = _rate(figures["platform_covered"], figures["platform"])
    figures["separate_union_threshold"] = threshold
    figures["small_micro_max_employees"] = small_max
    counts = dict(
        Org.objects.filter(path__startswith=org.path, status=OrgStatus.ACTIVE)
        .values_list("level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    figures["orgs_by_level"] = {level: counts.get(level, 0) for level in OrgLevel.values}
    return figures


def elections_todo(user, today: datetime.date | None = None):
    """Active orgs in the user's scope whose election is overdue or falls due soon."""
    today = today or datetime.date.today()
    horizon = today + datetime.timedelta(days=settings.GONGHUI["ELECTION_DUE_WARNING_DAYS"])
    return (
        Org.objects.visible_to(user, Action.VIEW)
        .filter(status=OrgStatus.ACTIVE, next_election_due__lte=horizon)
        .order_by("next_election_due", "path")
    )


def user_scope_roots(user):
    """The top orgs of the user's grants, for the home page and the scope shown in the bar."""
    from core.models import RoleAssignment

    assignments = (
        RoleAssignment.objects.filter(user=user, org__status=OrgStatus.ACTIVE)
        .select_related("org")
        .order_by("org__path", "role")
    )
    roots: dict[int, dict] = {}
    for assignment in assignments:
        entry = roots.setdefault(assignment.org_id, {"org": assignment.org, "roles": []})
        entry["roles"].append(assignment.get_role_display())
    return list(roots.values())


def enterprise_child_path(org: Org):
    """For each enterprise of ``org``'s subtree, the path of the direct child of ``org``
    whose subtree holds its area (or, failing that, its covering union); "" for none."""
    length = len(org.path) + Org.steplen
    return Case(
        When(
            territory__path__startswith=org.path,
            territory__depth__gt=org.depth,
            then=Substr("territory__path", 1, length),
        ),
        When(
            covering_union__path__startswith=org.path,
            covering_union__depth__gt=org.depth,
            then=Substr("covering_union__path", 1, length),
        ),
        default=Value(""),
        output_field=CharField(),
    )


def children_with_coverage(org: Org, user) -> list[dict]:
    """Direct sub-units visible to the user, each with enterprises, covered and 建会率.

    One grouped query: each enterprise is keyed to the child whose subtree holds its
    area (or, failing that, its covering union), by cutting the path to the child's length.
    """
    children = list(
        Org.objects.visible_to(user).filter(path__startswith=org.path, depth=org.depth + 1)
    )
    if not children:
        return []
    rows = (
        enterprises_of_subtree(org)
        .annotate(child_path=enterprise_child_path(org))
        .values("child_path")
        .annotate(
            enterprises=Count("pk"),
            covered=Count("pk", filter=Q(covering_union__status=OrgStatus.ACTIVE)),
        )
        .order_by()
    )
    by_path = {row["child_path"]: row for row in rows}
    result = []
    for child in children:
        row = by_path.get(child.path, {})
        enterprises, covered = row.get("enterprises", 0), row.get("covered", 0)
        result.append(
            {
                "org": child,
                "enterprises": enterprises,
                "covered": covered,
                "coverage_rate": _rate(covered, enterprises),
            }
        )
    return result
