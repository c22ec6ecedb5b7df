"""Writes of labour and skills contests (C10): contests and their status, entries and
nominations, stages with rubric and panel, judges' scores, results and awards.

Rules enforced here (see ``contests.models`` for the ranking rule):
- only a stage's judges score it, only while it is scoring, each criterion from 0 to its
  maximum; a judge never scores an entry of their own enterprise or union subtree (回避);
- a round closes only when every judge without a conflict has scored every entry; the top
  ``advance_count`` (and all tied with the last of them) go on to the next round;
- an entry of a lower org's contest can be nominated once into the contest it qualifies for.

Every write validates the whole request first, runs in one transaction, re-checks scope and
writes the audit log.
"""

from __future__ import annotations

import secrets
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from contests import selectors
from contests.choices import (
    CONTEST_TRANSITIONS,
    ROUND_ORDER,
    AwardGrade,
    ContestLevel,
    ContestStatus,
    EntryKind,
    EntryStatus,
    StageStatus,
)
from contests.models import (
    Contest,
    ContestEntry,
    ContestStage,
    Criterion,
    JudgeAssignment,
    Score,
    StageEntry,
)
from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from core.uploads import upload_problem
from orgs.choices import OrgLevel

LEVEL_OF_HOST = {
    OrgLevel.CITY: ContestLevel.CITY,
    OrgLevel.DISTRICT: ContestLevel.DISTRICT,
    OrgLevel.STREET: ContestLevel.STREET,
}
MAX_WEIGHT = Decimal("100")
MAX_POINTS = Decimal("1000")


class Errors(dict):
    """Field errors gathered over the whole request, raised together (nothing is written
    while any remains)."""

    def add(self, field, message):
        self.setdefault(field, []).append(message)

    def raise_if_any(self):
        if self:
            raise ValidationError(dict(self))


def _clean_contest(data: dict, errors: Errors) -> dict:
    data = dict(data)
    for key in ("name", "theme", "trade", "description"):
        data[key] = (data.get(key) or "").strip()
    if not data["name"]:
        errors.add("name", _("Enter the name of the contest."))
    starts, ends = data.get("starts_on"), data.get("ends_on")
    if starts and ends and ends < starts:
        errors.add("ends_on", _("The contest cannot end before it starts."))
    parent = data.get("parent")
    host = data.get("host")
    if parent is not None and host is not None:
        if not (host.path.startswith(parent.host.path) and host.pk != parent.host_id):
            errors.add(
                "parent", _("A contest can only qualify for a contest hosted above its host.")
            )
        elif parent.status == ContestStatus.CLOSED:
            errors.add("parent", _("That contest is closed."))
    return data


@transaction.atomic
def contest_create(*, actor, data: dict) -> Contest:
    """Create a contest hosted by an org within the actor's scope."""
    errors = Errors()
    host = data.get("host")
    if host is None:
        errors.add("host", _("Choose the host."))
    else:
        ensure_org_in_scope(actor, host)
    data = _clean_contest(data, errors)
    errors.raise_if_any()
    if not data.get("level"):
        data["level"] = LEVEL_OF_HOST.get(host.level, ContestLevel.ENTERPRISE)
    contest = Contest.objects.create(**data)
    audit.record(actor, contest, AuditAction.CREATE)
    ensure_in_scope(actor, contest)
    return contest


@transaction.atomic
def contest_update(*, actor, contest: Contest, data: dict) -> Contest:
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    ensure_in_scope(actor, contest)
    errors = Errors()
    if contest.status == ContestStatus.CLOSED:
        errors.add(None, _("The contest is closed; it can no longer be changed."))
    data = _clean_contest({**data, "host": contest.host}, errors)
    data.pop("host")
    judged = contest.stages.exclude(status=StageStatus.SETUP).exists()
    if judged and data.get("aggregation", contest.aggregation) != contest.aggregation:
        errors.add("aggregation", _("Judging has begun; the scoring rule is fixed."))
    errors.raise_if_any()
    before = audit.snapshot(contest)
    for key, value in data.items():
        setattr(contest, key, value)
    contest.save()
    audit.record(actor, contest, AuditAction.UPDATE, before=before)
    return contest


@transaction.atomic
def contest_set_status(*, actor, contest: Contest, status: str) -> Contest:
    """Move the contest along its state machine (筹备 → 报名 → 评审 → 结束)."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    ensure_in_scope(actor, contest)
    if status not in CONTEST_TRANSITIONS.get(contest.status, ()):
        raise ValidationError(
            {
                "status": [
                    _("The contest cannot go from “%(from)s” to this status.")
                    % {"from": contest.get_status_display()}
                ]
            }
        )
    if status == ContestStatus.CLOSED:
        raise ValidationError({"status": [_("A contest closes when its awards are given.")]})
    before = audit.snapshot(contest)
    contest.status = status
    contest.save(update_fields=["status", "updated_at"])
    audit.record(actor, contest, AuditAction.UPDATE, before=before)
    return contest


def _next_number(contest: Contest) -> str:
    numbers = ContestEntry.objects.filter(contest=contest).values_list("number", flat=True)
    highest = max((int(n) for n in numbers if n.isdigit()), default=0)
    return f"{highest + 1:04d}"


@transaction.atomic
def entry_create(*, actor, contest: Contest, data: dict, nominated_from=None) -> ContestEntry:
    """Enter an individual, a team or an enterprise through a union of the actor's scope
    that lies under the host. The member's employer and union are taken when not given."""
    contest = (
        Contest.objects.select_for_update(of=("self",)).select_related("host").get(pk=contest.pk)
    )
    visible = Contest.objects.visible_to(actor, Action.VIEW) if actor is not None else None
    if visible is not None and not visible.filter(pk=contest.pk).exists():
        raise PermissionDenied(_("This is outside the organisations you manage."))
    errors = Errors()
    if contest.status not in (ContestStatus.DRAFT, ContestStatus.OPEN):
        errors.add(None, _("The contest takes no more entries."))
    kind = data.get("kind")
    member = data.get("member")
    enterprise = data.get("enterprise") or (member.enterprise if member else None)
    org = data.get("org") or (member.org if member else None)
    name = (data.get("name") or "").strip()
    if kind == EntryKind.INDIVIDUAL and member is None and not name:
        errors.add("member", _("Choose the member or enter the entrant's name."))
    if kind == EntryKind.INDIVIDUAL and member is not None:
        name = name or member.name
    if kind == EntryKind.ENTERPRISE:
        if enterprise is None:
            errors.add("enterprise", _("Choose the enterprise."))
        else:
            name = name or enterprise.name
    if kind == EntryKind.TEAM and not name:
        errors.add("name", _("Enter the team's name."))
    if kind not in EntryKind.values:
        errors.add("kind", _("Choose the entry type."))
    count = data.get("participant_count") or 1
    if kind == EntryKind.INDIVIDUAL and count != 1:
        errors.add("participant_count", _("An individual entry counts one participant."))
    if count < 1:
        errors.add("participant_count", _("At least one worker takes part."))
    if org is None:
        errors.add("org", _("Choose the union the entry comes from."))
    else:
        if not org.path.startswith(contest.host.path):
            errors.add("org", _("The union is not under the contest's host."))
        if nominated_from is None:
            ensure_org_in_scope(actor, org)
    work_file = data.get("work_file")
    if work_file and not isinstance(work_file, str):
        problem = upload_problem(
            work_file,
            extensions=settings.GONGHUI["WORK_EXTENSIONS"],
            max_bytes=settings.GONGHUI["WORK_MAX_BYTES"],
        )
        if problem:
            errors.add("work_file", problem)
    if (
        member is not None
        and contest.entries.filter(member=member, status=EntryStatus.REGISTERED).exists()
    ):
        errors.add("member", _("This member has already entered the contest."))
    errors.raise_if_any()
    entry = ContestEntry.objects.create(
        contest=contest,
        kind=kind,
        name=name,
        member=member,
        enterprise=enterprise,
        org=org,
        team_members=(data.get("team_members") or "").strip(),
        participant_count=count,
        number=_next_number(contest),
        nominated_from=nominated_from,
        work_title=(data.get("work_title") or "").strip(),
        work_text=(data.get("work_text") or "").strip(),
        work_file=data.get("work_file") or "",
    )
    audit.record(actor, entry, AuditAction.CREATE)
    return entry


@transaction.atomic
def entry_withdraw(*, actor, entry: ContestEntry) -> ContestEntry:
    entry = ContestEntry.objects.select_for_update().select_related("contest").get(pk=entry.pk)
    ensure_in_scope(actor, entry)
    if entry.status == EntryStatus.WITHDRAWN:
        raise ValidationError(_("The entry is already withdrawn."))
    if entry.stage_entries.filter(stage__status=StageStatus.CLOSED).exists():
        raise ValidationError(_("A round with this entry has results; it cannot be withdrawn."))
    before = audit.snapshot(entry)
    entry.status = EntryStatus.WITHDRAWN
    entry.save(update_fields=["status", "updated_at"])
    entry.stage_entries.filter(stage__status=StageStatus.SCORING).delete()
    audit.record(actor, entry, AuditAction.UPDATE, before=before)
    return entry


@transaction.atomic
def entry_nominate(*, actor, entry: ContestEntry) -> ContestEntry:
    """Nominate an entry of a qualifying contest into the higher contest (选拔推荐); the
    lower contest's host decides."""
    entry = ContestEntry.objects.select_related("contest", "contest__parent").get(pk=entry.pk)
    ensure_in_scope(actor, entry.contest)
    target = entry.contest.parent
    if target is None:
        raise ValidationError(_("This contest qualifies for no higher contest."))
    if entry.status != EntryStatus.REGISTERED:
        raise ValidationError(_("A withdrawn entry cannot be nominated."))
    if ContestEntry.objects.filter(contest=target, nominated_from=entry).exists():
        raise ValidationError(_("This entry is already nominated."))
    data = {
        "kind": entry.kind,
        "name": entry.name,
        "member": entry.member,
        "enterprise": entry.enterprise,
        "org": entry.org,
        "team_members": entry.team_members,
        "participant_count": entry.participant_count,
    }
    return entry_create(actor=actor, contest=target, data=data, nominated_from=entry)


def _host_stage(actor, stage: ContestStage, *, lock=True) -> ContestStage:
    queryset = ContestStage.objects.select_related("contest", "contest__host")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    stage = queryset.get(pk=stage.pk)
    ensure_in_scope(actor, stage)
    return stage


@transaction.atomic
def stage_create(*, actor, contest: Contest, data: dict) -> ContestStage:
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    ensure_in_scope(actor, contest)
    errors = Errors()
    if contest.status == ContestStatus.CLOSED:
        errors.add(None, _("The contest is closed."))
    round_ = data.get("round")
    if round_ not in ROUND_ORDER:
        errors.add("round", _("Choose the round."))
    elif contest.stages.filter(round=round_).exists():
        errors.add("round", _("This round already exists."))
    elif any(
        ROUND_ORDER[s] > ROUND_ORDER[round_] for s in contest.stages.values_list("round", flat=True)
    ):
        errors.add("round", _("A later round already exists; add the rounds in order."))
    errors.raise_if_any()
    stage = ContestStage.objects.create(
        contest=contest,
        round=round_,
        held_on=data.get("held_on"),
        blind=bool(data.get("blind")),
        advance_count=data.get("advance_count"),
    )
    audit.record(actor, stage, AuditAction.CREATE)
    return stage


def _setup_only(stage, errors):
    if stage.status != StageStatus.SETUP:
        errors.add(None, _("Scoring has begun; the rubric and the panel are fixed."))


def _decimal(value, field, errors, *, low, high, label):
    try:
        number = Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        errors.add(field, _("Enter %(what)s as a number.") % {"what": label})
        return None
    if number <= low or number > high:
        errors.add(
            field,
            _("%(what)s must be above %(low)s and at most %(high)s.")
            % {"what": label, "low": low, "high": high},
        )
        return None
    if number.as_tuple().exponent < -2:
        errors.add(field, _("Use at most two decimal places."))
        return None
    return number


@transaction.atomic
def criterion_add(*, actor, stage: ContestStage, name: str, weight, max_score) -> Criterion:
    stage = _host_stage(actor, stage)
    errors = Errors()
    _setup_only(stage, errors)
    name = (name or "").strip()
    if not name:
        errors.add("name", _("Enter the criterion."))
    elif stage.criteria.filter(name=name).exists():
        errors.add("name", _("The rubric already has this criterion."))
    weight = _decimal(weight, "weight", errors, low=0, high=MAX_WEIGHT, label=_("The weight"))
    max_score = _decimal(
        max_score, "max_score", errors, low=0, high=MAX_POINTS, label=_("The maximum score")
    )
    errors.raise_if_any()
    criterion = Criterion.objects.create(stage=stage, name=name, weight=weight, max_score=max_score)
    audit.record(actor, criterion, AuditAction.CREATE)
    return criterion


def _remove_from_setup(actor, obj) -> ContestStage:
    """Take a criterion or a judge off a round that is still being set up."""
    stage = _host_stage(actor, obj.stage)
    errors = Errors()
    _setup_only(stage, errors)
    errors.raise_if_any()
    audit.record(actor, obj, AuditAction.DELETE)
    obj.delete()
    return stage


@transaction.atomic
def criterion_remove(*, actor, criterion: Criterion) -> ContestStage:
    return _remove_from_setup(actor, criterion)


@transaction.atomic
def judge_add(
    *,
    actor,
    stage: ContestStage,
    username: str,
    name="",
    title="",
    member=None,
    enterprise=None,
    org=None,
) -> JudgeAssignment:
    """Seat a user account on the stage's panel. The judge's own enterprise and union come
    from the form or, failing that, from the linked member."""
    stage = _host_stage(actor, stage)
    errors = Errors()
    _setup_only(stage, errors)
    user = get_user_model().objects.filter(username=(username or "").strip()).first()
    if user is None:
        errors.add("username", _("No user account has this name."))
    elif stage.judges.filter(user=user).exists():
        errors.add("username", _("This user is already on the panel."))
    errors.raise_if_any()
    if member is not None:
        enterprise = enterprise or member.enterprise
        org = org or member.org
    judge = JudgeAssignment.objects.create(
        stage=stage,
        user=user,
        name=(name or "").strip() or user.get_full_name() or user.username,
        title=(title or "").strip(),
        member=member,
        enterprise=enterprise,
        org=org,
    )
    audit.record(actor, judge, AuditAction.CREATE)
    return judge


@transaction.atomic
def judge_remove(*, actor, judge: JudgeAssignment) -> ContestStage:
    return _remove_from_setup(actor, judge)


def _previous_stage(stage: ContestStage) -> ContestStage | None:
    earlier = [
        s for s in stage.contest.stages.all() if ROUND_ORDER[s.round] < ROUND_ORDER[stage.round]
    ]
    return max(earlier, key=lambda s: ROUND_ORDER[s.round]) if earlier else None


@transaction.atomic
def stage_open(*, actor, stage: ContestStage) -> ContestStage:
    """Start scoring: the rubric and panel are fixed and the entries get their codes, in a
    random order so a code says nothing about who is behind it."""
    stage = _host_stage(actor, stage)
    errors = Errors()
    if stage.status != StageStatus.SETUP:
        errors.add(None, _("Scoring has already begun."))
    if stage.contest.status not in (ContestStatus.OPEN, ContestStatus.JUDGING):
        errors.add(None, _("Open the contest for entries before judging it."))
    if not stage.criteria.exists():
        errors.add(None, _("Add at least one criterion to the rubric."))
    if not stage.judges.exists():
        errors.add(None, _("Seat at least one judge."))
    previous = _previous_stage(stage)
    if previous is not None and previous.status != StageStatus.CLOSED:
        errors.add(None, _("The previous round has no results yet."))
    if previous is None:
        entry_ids = list(
            stage.contest.entries.filter(status=EntryStatus.REGISTERED).values_list("pk", flat=True)
        )
    else:
        entry_ids = list(
            previous.stage_entries.filter(
                advanced=True, entry__status=EntryStatus.REGISTERED
            ).values_list("entry_id", flat=True)
        )
    if not entry_ids:
        errors.add(None, _("No entry takes part in this round."))
    errors.raise_if_any()
    secrets.SystemRandom().shuffle(entry_ids)
    prefix = "ABC"[ROUND_ORDER[stage.round] - 1]
    StageEntry.objects.bulk_create(
        StageEntry(stage=stage, entry_id=entry_id, code=f"{prefix}{n:04d}")
        for n, entry_id in enumerate(entry_ids, start=1)
    )
    before = audit.snapshot(stage)
    stage.status = StageStatus.SCORING
    stage.save(update_fields=["status"])
    audit.record(
        actor, stage, AuditAction.UPDATE, before=before, extra={"entries": [None, len(entry_ids)]}
    )
    if stage.contest.status == ContestStatus.OPEN:
        contest_before = audit.snapshot(stage.contest)
        stage.contest.status = ContestStatus.JUDGING
        stage.contest.save(update_fields=["status", "updated_at"])
        audit.record(actor, stage.contest, AuditAction.UPDATE, before=contest_before)
    return stage


def clean_scores(criteria: list[Criterion], values: dict) -> dict[int, Decimal]:
    """Each criterion's score as a decimal from 0 to its maximum, two places at most;
    raises ValidationError keyed ``criterion_<id>``."""
    errors = Errors()
    cleaned = {}
    for criterion in criteria:
        key = f"criterion_{criterion.pk}"
        raw = values.get(criterion.pk, values.get(str(criterion.pk), values.get(key)))
        try:
            value = Decimal(str(raw).strip()) if raw not in (None, "") else None
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            errors.add(key, _("Enter a score for “%(name)s”.") % {"name": criterion.name})
        elif value < 0 or value > criterion.max_score:
            errors.add(
                key,
                _("The score for “%(name)s” must be from 0 to %(max)s.")
                % {"name": criterion.name, "max": criterion.max_score},
            )
        elif value.as_tuple().exponent < -2:
            errors.add(key, _("Use at most two decimal places."))
        else:
            cleaned[criterion.pk] = value
    errors.raise_if_any()
    return cleaned


@transaction.atomic
def score_submit(*, actor, stage_entry: StageEntry, values: dict) -> list[Score]:
    """A judge scores one entry on every criterion (a later submission replaces theirs).
    Only judges of that stage, only while it is scoring, never for an entry of their own
    enterprise or union subtree."""
    stage_entry = StageEntry.objects.select_related(
        "stage", "stage__contest", "entry", "entry__org"
    ).get(pk=stage_entry.pk)
    judge = selectors.seat_of(actor, stage_entry.stage)
    if judge is None:
        raise PermissionDenied(_("Only the judges of this round can score it."))
    if stage_entry.stage.status != StageStatus.SCORING:
        raise ValidationError(_("This round is not open for scoring."))
    if stage_entry.entry.status != EntryStatus.REGISTERED:
        raise ValidationError(_("The entry was withdrawn."))
    if judge.conflicts_with(stage_entry.entry):
        raise ValidationError(
            _("You must stand aside: this entry comes from your own enterprise or union.")
        )
    criteria = selectors.criteria_of(stage_entry.stage)
    cleaned = clean_scores(criteria, values)
    existing = {
        s.criterion_id: s for s in Score.objects.filter(stage_entry=stage_entry, judge=judge)
    }
    saved = []
    for criterion in criteria:
        score = existing.get(criterion.pk)
        if score is None:
            score = Score.objects.create(
                stage_entry=stage_entry,
                judge=judge,
                criterion=criterion,
                value=cleaned[criterion.pk],
            )
            audit.record(actor, score, AuditAction.CREATE)
        elif score.value != cleaned[criterion.pk]:
            before = audit.snapshot(score)
            score.value = cleaned[criterion.pk]
            score.save(update_fields=["value", "entered_at"])
            audit.record(actor, score, AuditAction.UPDATE, before=before)
        saved.append(score)
    return saved


@transaction.atomic
def stage_close(*, actor, stage: ContestStage) -> ContestStage:
    """Publish the round's results: scores and ranks are stored, and the top
    ``advance_count`` entries (with all tied with the last of them) go on."""
    stage = _host_stage(actor, stage)
    if stage.status != StageStatus.SCORING:
        raise ValidationError(_("Only a round being scored can be closed."))
    missing = selectors.missing_scores(stage)
    if missing:
        raise ValidationError(
            _(
                "%(count)s score sheets are still missing; every judge must score every entry "
                "they need not stand aside from."
            )
            % {"count": missing}
        )
    rows = selectors.stage_results(stage)
    cut = stage.advance_count
    updated = []
    for row in rows:
        se = row.stage_entry
        se.score, se.rank = row.result.score, row.result.rank
        se.advanced = bool(cut) and se.rank is not None and se.rank <= cut
        updated.append(se)
    StageEntry.objects.bulk_update(updated, ["score", "rank", "advanced"], batch_size=500)
    before = audit.snapshot(stage)
    stage.status = StageStatus.CLOSED
    stage.save(update_fields=["status"])
    audit.record(actor, stage, AuditAction.UPDATE, before=before)
    return stage


@transaction.atomic
def contest_award(*, actor, contest: Contest, first: int, second: int, third: int) -> int:
    """Give the awards from the last round's ranks and close the contest: ranks 1..first
    一等奖, then second 二等奖, third 三等奖. Entries sharing a rank share the prize, so a
    tie at a boundary gives the better prize to all of them. Returns the number awarded."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    ensure_in_scope(actor, contest)
    errors = Errors()
    if contest.status != ContestStatus.JUDGING:
        errors.add(None, _("Awards are given while the contest is being judged."))
    stages = sorted(contest.stages.all(), key=lambda s: ROUND_ORDER[s.round])
    last = stages[-1] if stages else None
    if last is None or last.status != StageStatus.CLOSED:
        errors.add(None, _("The last round has no results yet."))
    counts = [first or 0, second or 0, third or 0]
    if any(n < 0 for n in counts) or sum(counts) == 0:
        errors.add(None, _("Give at least one prize."))
    errors.raise_if_any()
    bounds = [
        (counts[0], AwardGrade.FIRST),
        (counts[0] + counts[1], AwardGrade.SECOND),
        (sum(counts), AwardGrade.THIRD),
    ]
    awarded = 0
    for se in last.stage_entries.select_related("entry", "entry__contest", "entry__org"):
        entry = se.entry
        grade = next((g for bound, g in bounds if se.rank is not None and se.rank <= bound), "")
        before = audit.snapshot(entry)
        entry.award, entry.final_rank = grade, se.rank
        entry.save(update_fields=["award", "final_rank", "updated_at"])
        audit.record(actor, entry, AuditAction.UPDATE, before=before)
        awarded += bool(grade)
    before = audit.snapshot(contest)
    contest.status = ContestStatus.CLOSED
    contest.save(update_fields=["status", "updated_at"])
    audit.record(actor, contest, AuditAction.UPDATE, before=before)
    return awarded
