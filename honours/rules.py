"""Pure rules of the honours workflow that actions, selectors and pages share: the route a
nomination takes up the tree, the public-notice window, and the composition of a slate."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from core.workdays import WorkdayCalendar
from orgs.choices import TERRITORY_LEVELS
from orgs.models import Org


def area_root(programme) -> Org:
    """The organisation whose subtree may nominate: the organiser itself when it is an area
    federation (city, district, street), else (an industry or park federation) its parent."""
    org = programme.org
    if org.level in TERRITORY_LEVELS or org.depth == 1:
        return org
    return Org.objects.get_parent(org)


def may_nominate(programme, org) -> bool:
    return org.path.startswith(area_root(programme).path)


def review_route(programme, org) -> list[Org]:
    """The levels a nomination from ``org`` passes, lowest first, ending at the organiser:
    every ancestor of ``org`` below the area root whose level reviews nominations
    (``HONOURS_REVIEW_LEVELS``), then the organiser. Empty when ``org`` is the organiser."""
    if org.pk == programme.org_id:
        return []
    root = area_root(programme)
    levels = set(settings.GONGHUI["HONOURS_REVIEW_LEVELS"])
    prefixes = [org.path[:end] for end in range(Org.steplen, len(org.path), Org.steplen)]
    ancestors = Org.objects.filter(path__in=prefixes, depth__gt=root.depth, level__in=levels)
    route = sorted(ancestors, key=lambda o: -o.depth)
    return [*route, programme.org]


def next_stop(nomination) -> Org | None:
    """Where the nomination goes when the level now holding it sends it up (None: it is at
    the organiser already)."""
    route = review_route(nomination.programme, nomination.org)
    if nomination.stage_org_id == nomination.org_id:
        return route[0] if route else None
    ids = [o.pk for o in route]
    if nomination.stage_org_id not in ids:
        return None
    position = ids.index(nomination.stage_org_id)
    return route[position + 1] if position + 1 < len(route) else None


def notice_window(start: datetime.date, workdays: int, calendar=None) -> tuple:
    """The public notice opened on ``start``: it begins on that day (or the next working day)
    and lasts ``workdays`` working days, so holidays such as 国庆 and 春节 do not count."""
    calendar = calendar or WorkdayCalendar()
    first = calendar.add_workdays(start, 0)
    last = calendar.add_workdays(first, max(workdays, 1) - 1)
    return first, last


@dataclass(frozen=True)
class ShareRule:
    field: str  # the programme's setting
    attribute: str  # the nomination's flag
    minimum: bool  # at least (True) or at most (False)

    def label(self) -> str:
        return {
            "is_industrial_worker": _("industrial workers"),
            "is_front_line": _("front-line workers"),
            "is_migrant_worker": _("migrant workers"),
            "is_non_public": _("nominees from the non-public sector"),
            "is_unit_head": _("heads of units"),
        }[self.attribute]


SHARE_RULES = (
    ShareRule("min_industrial_share", "is_industrial_worker", True),
    ShareRule("min_front_line_share", "is_front_line", True),
    ShareRule("min_migrant_share", "is_migrant_worker", True),
    ShareRule("min_non_public_share", "is_non_public", True),
    ShareRule("max_unit_head_share", "is_unit_head", False),
)


def composition(programme, slate) -> list[dict]:
    """Each share rule of ``programme`` against ``slate`` (the nominations going to notice
    with those already in notice, approved or awarded): counts, share and whether it holds."""
    total = len(slate)
    rows = []
    for rule in SHARE_RULES:
        bound = getattr(programme, rule.field)
        if bound is None:
            continue
        count = sum(1 for n in slate if getattr(n, rule.attribute))
        share = 100 * count / total if total else 0.0
        holds = share >= bound if rule.minimum else share <= bound
        rows.append(
            {
                "rule": rule,
                "label": rule.label(),
                "bound": bound,
                "minimum": rule.minimum,
                "count": count,
                "total": total,
                "share": share,
                "holds": holds,
            }
        )
    return rows


def composition_problems(programme, slate) -> list[str]:
    problems = []
    for row in composition(programme, slate):
        if row["holds"]:
            continue
        values = {
            "label": row["label"],
            "count": row["count"],
            "total": row["total"],
            "share": f"{row['share']:.0f}",
            "bound": row["bound"],
        }
        if row["minimum"]:
            message = _(
                "The share of %(label)s would be %(share)s%% (%(count)s of %(total)s), "
                "below the required %(bound)s%%."
            )
        else:
            message = _(
                "The share of %(label)s would be %(share)s%% (%(count)s of %(total)s), "
                "above the allowed %(bound)s%%."
            )
        problems.append(message % values)
    return problems


def is_non_public(enterprise) -> bool:
    return bool(
        enterprise and enterprise.category in settings.GONGHUI["HONOURS_NON_PUBLIC_CATEGORIES"]
    )
