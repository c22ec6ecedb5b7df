"""Reads of the honours capability: the one-vote veto checks, quotas in use, the
prerequisite title, subtree figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import facts
from honours.choices import (
    LEVEL_RANK,
    HonourLevel,
    NominationStatus,
    NominationStep,
    NomineeKind,
    ObjectionStatus,
    VetoCheck,
    VetoOutcome,
)
from honours.models import (
    HonourTitle,
    ModelWorker,
    Nomination,
    NominationEvent,
    Objection,
    ProgrammeQuota,
)


@dataclass(frozen=True)
class VetoResult:
    check: str
    outcome: str
    evidence: str

    @property
    def label(self) -> str:
        return VetoCheck(self.check).label

    @property
    def outcome_label(self) -> str:
        return VetoOutcome(self.outcome).label

    def as_dict(self) -> dict:
        return {"check": self.check, "outcome": self.outcome, "evidence": self.evidence}


def nominee_enterprise(nomination):
    """The employer the veto looks at: the member's employer, or the collective itself."""
    if nomination.nominee_kind == NomineeKind.PERSON:
        return nomination.member.enterprise if nomination.member_id else None
    return nomination.enterprise


def veto_checks(nominations, on: datetime.date | None = None) -> dict[int, list[VetoResult]]:
    """一票否决 from the platform's own data, per nomination: the employer has no union, no
    工资集体协商 contract in force, open wage arrears, a red early-warning level (DOMAIN
    §2.9). A fact no capability provides reads "no data" and never vetoes. One lookup per
    fact for all nominations together."""
    on = on or timezone.localdate()
    nominations = list(nominations)
    enterprises = {n.pk: nominee_enterprise(n) for n in nominations}
    ids = sorted({e.pk for e in enterprises.values() if e is not None})
    contracts = facts.lookup(facts.CONTRACT_IN_FORCE, ids, on=on)
    arrears = facts.lookup(facts.WAGE_ARREARS, ids, on=on)
    risks = facts.lookup(facts.RISK_LEVEL, ids, on=on)
    no_employer = _("The nominee has no employer on record.")
    no_provider = _("No capability provides this fact yet.")
    results = {}
    for nomination in nominations:
        enterprise = enterprises[nomination.pk]
        if enterprise is None:
            results[nomination.pk] = [
                VetoResult(check, VetoOutcome.NO_DATA, no_employer) for check in VetoCheck.values
            ]
            continue
        rows = []
        if enterprise.covering_union_id:
            rows.append(
                VetoResult(
                    VetoCheck.NO_UNION,
                    VetoOutcome.PASS,
                    _("Covered by %(union)s.") % {"union": enterprise.covering_union},
                )
            )
        else:
            rows.append(
                VetoResult(
                    VetoCheck.NO_UNION,
                    VetoOutcome.VETO,
                    _("%(enterprise)s has no union.") % {"enterprise": enterprise.name},
                )
            )
        if contracts is None:
            rows.append(VetoResult(VetoCheck.NO_CONTRACT, VetoOutcome.NO_DATA, no_provider))
        elif enterprise.pk in contracts:
            fact = contracts[enterprise.pk]
            rows.append(
                VetoResult(
                    VetoCheck.NO_CONTRACT,
                    VetoOutcome.PASS,
                    fact.evidence or _("A contract is in force."),
                )
            )
        else:
            rows.append(
                VetoResult(
                    VetoCheck.NO_CONTRACT,
                    VetoOutcome.VETO,
                    _("No collective wage contract in force on %(day)s.") % {"day": on.isoformat()},
                )
            )
        if arrears is None:
            rows.append(VetoResult(VetoCheck.WAGE_ARREARS, VetoOutcome.NO_DATA, no_provider))
        elif enterprise.pk in arrears:
            fact = arrears[enterprise.pk]
            rows.append(
                VetoResult(
                    VetoCheck.WAGE_ARREARS,
                    VetoOutcome.VETO,
                    fact.evidence or _("Open wage-arrears signals."),
                )
            )
        else:
            rows.append(
                VetoResult(
                    VetoCheck.WAGE_ARREARS, VetoOutcome.PASS, _("No open wage-arrears signals.")
                )
            )
        if risks is None:
            rows.append(VetoResult(VetoCheck.RED_WARNING, VetoOutcome.NO_DATA, no_provider))
        else:
            fact = risks.get(enterprise.pk)
            level = str(fact.value) if fact else ""
            evidence = (fact.evidence if fact else "") or (
                _("Early-warning level: %(level)s.") % {"level": level}
                if level
                else _("No early warning.")
            )
            outcome = VetoOutcome.VETO if level == "red" else VetoOutcome.PASS
            rows.append(VetoResult(VetoCheck.RED_WARNING, outcome, evidence))
        results[nomination.pk] = rows
    return results


def vetoes(results: list[VetoResult]) -> list[VetoResult]:
    return [r for r in results if r.outcome == VetoOutcome.VETO]


def prior_titles(nomination_like) -> QuerySet[HonourTitle]:  # noqa: F821
    """Titles the nominee already holds (a person through the registry, a collective by
    employer and team name)."""
    kind = nomination_like.nominee_kind
    if kind == NomineeKind.PERSON:
        return HonourTitle.objects.filter(model_worker__member=nomination_like.member)
    condition = Q(enterprise=nomination_like.enterprise)
    if kind == NomineeKind.TEAM:
        condition &= Q(team_name=nomination_like.team_name)
    else:
        condition &= Q(team_name="")
    return HonourTitle.objects.filter(condition)


def holds_prerequisite(programme, nomination_like) -> bool:
    """A higher honour requires the lower title first: the nominee holds the programme's
    honour at ``prerequisite_level`` or above."""
    if not programme.prerequisite_level:
        return True
    rank = LEVEL_RANK[programme.prerequisite_level]
    levels = [level for level, r in LEVEL_RANK.items() if r >= rank]
    return prior_titles(nomination_like).filter(kind=programme.kind, level__in=levels).exists()


def _places_taken(programme):
    """Send-up steps of the programme's nominations that still hold a place (a nomination
    leaves each org once, so one step is one place of that org)."""
    return NominationEvent.objects.filter(
        nomination__programme=programme,
        step__in=(NominationStep.SUBMITTED, NominationStep.FORWARDED),
    ).exclude(nomination__status__in=(NominationStatus.REJECTED, NominationStatus.WITHDRAWN))


def places_used(programme, org) -> int:
    """Nominations ``org`` has sent up for ``programme`` that still hold a place."""
    return _places_taken(programme).filter(from_org=org).values("nomination").distinct().count()


def quota_usage(programme) -> list[dict]:
    """Each quota of the programme with the places used (one grouped query)."""
    quotas = list(ProgrammeQuota.objects.filter(programme=programme).select_related("org"))
    used = dict(
        _places_taken(programme)
        .filter(from_org__in=[q.org_id for q in quotas])
        .values_list("from_org")
        .annotate(n=Count("nomination", distinct=True))
        .order_by()
    )
    return [{"quota": q, "used": used.get(q.org_id, 0)} for q in quotas]


def open_objections(nomination) -> int:
    return nomination.objections.filter(status=ObjectionStatus.OPEN).count()


def honour_stats(org) -> dict:
    """Titles held in the subtree by level and by honour, model workers on file (and in
    hardship), nominations in review and in public notice. Grouped queries only."""
    titles = HonourTitle.objects.filter(org__path__startswith=org.path)
    by_level = dict(titles.values_list("level").annotate(n=Count("pk")))
    by_kind = dict(titles.values_list("kind").annotate(n=Count("pk")))
    workers = ModelWorker.objects.filter(org__path__startswith=org.path).aggregate(
        total=Count("pk"), hardship=Count("pk", filter=Q(in_hardship=True))
    )
    nominations = Nomination.objects.filter(
        Q(org__path__startswith=org.path) | Q(stage_org__path__startswith=org.path)
    ).aggregate(
        in_review=Count("pk", filter=Q(status=NominationStatus.IN_REVIEW)),
        in_notice=Count("pk", filter=Q(status=NominationStatus.IN_NOTICE)),
    )
    return {
        "org_id": org.pk,
        "titles": sum(by_level.values()),
        "titles_by_level": {level: by_level.get(level, 0) for level in HonourLevel.values},
        "titles_by_kind": {kind: n for kind, n in sorted(by_kind.items())},
        "model_workers": workers["total"],
        "model_workers_in_hardship": workers["hardship"],
        "nominations_in_review": nominations["in_review"],
        "nominations_in_notice": nominations["in_notice"],
    }


def objections_of(nomination):
    return Objection.objects.filter(nomination=nomination).order_by("received_on", "id")


def model_workers_of_members(member_ids) -> dict[int, ModelWorker]:
    """Hook for other capabilities (assistance: 困难劳模): which of these members are on
    the model-worker registry, in one query."""
    rows = ModelWorker.objects.filter(member_id__in=list(member_ids))
    return {row.member_id: row for row in rows}


def programmes_open_to(user):
    """Open programmes the user's organisations may nominate for: those organised at or
    above any org where the user may make changes (a call goes down the tree, so a
    grassroots cadre is offered the city's programme although the programme itself is the
    city's row)."""
    from core.choices import Action
    from core.scoping import scope_paths
    from honours.choices import ProgrammeStatus
    from honours.models import HonourProgramme
    from orgs.models import Org

    programmes = HonourProgramme.objects.filter(status=ProgrammeStatus.OPEN).select_related("org")
    if getattr(user, "is_superuser", False):
        return programmes
    paths = scope_paths(user, Action.CHANGE)
    prefixes = {p[:end] for p in paths for end in range(Org.steplen, len(p) + 1, Org.steplen)}
    below = Q(pk__in=[])
    for path in paths:
        below |= Q(org__path__startswith=path)
    return programmes.filter(Q(org__path__in=prefixes) | below)
