"""Writes of the honours capability (选树表彰, DOMAIN §2.9).

The workflow of a nomination, each step by the level entitled to it:

    draft ──submit──▶ in review (at the first reviewing level above the nominating org)
          ──forward──▶ in review at the next level … up to the programme's organiser
          ──open notice──▶ in public notice (公示, N working days, objections may be filed)
          ──approve──▶ approved (period over, no objection open, no one-vote veto)
          ──award──▶ awarded: the title is written into the registry
    any open step ──reject / withdraw──▶ closed, with the reason

Nominating and withdrawing need the *change* right at the nominating org; every decision
needs the *review* right at the level holding the nomination. Each action validates the
whole request first, runs in one transaction, records an audit row and a step of the
nomination's own history.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from honours import rules, selectors
from honours.choices import (
    COLLECTIVE_KINDS,
    CareKind,
    HonourKind,
    HonourLevel,
    NominationStatus,
    NominationStep,
    NomineeKind,
    ObjectionStatus,
    ProgrammeStatus,
)
from honours.models import (
    CareRecord,
    HonourProgramme,
    HonourTitle,
    ModelWorker,
    Nomination,
    NominationEvent,
    Objection,
    ProgrammeQuota,
)
from members.choices import MemberStatus
from orgs.models import Enterprise

MAX_NOTICE_WORKDAYS = 60


def _errors():
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    return errors, fail


def _by(actor):
    return actor if getattr(actor, "pk", None) else None


def _update_fields(actor, obj, fields, data: dict):
    """Write the given editable fields (already validated) and audit the change."""
    before = audit.snapshot(obj)
    for field in fields:
        if field in data:
            setattr(obj, field, data[field])
    obj.save()
    audit.record(actor, obj, AuditAction.UPDATE, before=before)
    return obj


# --- programmes ------------------------------------------------------------------------------

PROGRAMME_FIELDS = (
    "name",
    "kind",
    "level",
    "year",
    "nomination_deadline",
    "notice_workdays",
    "prerequisite_level",
    "min_industrial_share",
    "min_front_line_share",
    "min_migrant_share",
    "min_non_public_share",
    "max_unit_head_share",
    "notes",
    "status",
)


def _check_programme(data: dict, fail) -> None:
    if not (data.get("name") or "").strip():
        fail("name", _("Enter the name of the programme."))
    if data.get("kind") not in HonourKind.values:
        fail("kind", _("Choose the honour."))
    if data.get("level") not in HonourLevel.values:
        fail("level", _("Choose the level."))
    if data.get("status", ProgrammeStatus.OPEN) not in ProgrammeStatus.values:
        fail("status", _("Choose the status."))
    workdays = data.get("notice_workdays")
    if workdays is None or not 1 <= workdays <= MAX_NOTICE_WORKDAYS:
        fail(
            "notice_workdays",
            _("The public notice lasts 1 to %(max)s working days.") % {"max": MAX_NOTICE_WORKDAYS},
        )
    for field in (f for f in PROGRAMME_FIELDS if f.endswith("_share")):
        value = data.get(field)
        if value is not None and not 0 <= value <= 100:
            fail(field, _("Enter a percentage from 0 to 100."))
    if data.get("prerequisite_level") and data.get("prerequisite_level") == data.get("level"):
        fail("prerequisite_level", _("The prerequisite must be a different level."))


@transaction.atomic
def programme_create(*, actor, org, data: dict) -> HonourProgramme:
    """Open a programme at ``org`` (the organiser needs the change right there)."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    errors, fail = _errors()
    _check_programme(data, fail)
    if errors:
        raise ValidationError(errors)
    programme = HonourProgramme.objects.create(
        org=org, **{f: data.get(f) for f in PROGRAMME_FIELDS if f in data}
    )
    audit.record(actor, programme, AuditAction.CREATE)
    return programme


@transaction.atomic
def programme_update(*, actor, programme: HonourProgramme, data: dict) -> HonourProgramme:
    programme = HonourProgramme.objects.select_for_update().get(pk=programme.pk)
    ensure_in_scope(actor, programme, Action.CHANGE)
    errors, fail = _errors()
    _check_programme(data, fail)
    if data.get("kind") != programme.kind and programme.nominations.exists():
        fail("kind", _("The honour cannot change once nominations were made."))
    if errors:
        raise ValidationError(errors)
    return _update_fields(actor, programme, PROGRAMME_FIELDS, data)


@transaction.atomic
def quota_set(
    *, actor, programme: HonourProgramme, org, places: int | None
) -> ProgrammeQuota | None:
    """Set (or with ``places`` None, remove) the places of ``org`` in ``programme``. The org
    must be able to nominate for the programme; fewer places than already used is refused."""
    programme = HonourProgramme.objects.select_for_update().get(pk=programme.pk)
    ensure_in_scope(actor, programme, Action.CHANGE)
    errors, fail = _errors()
    if org is None or not rules.may_nominate(programme, org):
        fail("org", _("This organisation does not nominate for this programme."))
    elif places is not None:
        used = selectors.places_used(programme, org)
        if places < used:
            fail(
                "places",
                _("%(org)s has already sent up %(used)s nominees; give at least that many places.")
                % {"org": org, "used": used},
            )
    if errors:
        raise ValidationError(errors)
    quota = ProgrammeQuota.objects.filter(programme=programme, org=org).first()
    before = {"quota": quota.places if quota else None}
    if places is None:
        if quota:
            quota.delete()
        quota = None
    elif quota:
        quota.places = places
        quota.save(update_fields=["places"])
    else:
        quota = ProgrammeQuota.objects.create(programme=programme, org=org, places=places)
    audit.record(
        actor,
        programme,
        AuditAction.UPDATE,
        extra={f"quota:{org.code}": [before["quota"], places]},
    )
    return quota


# --- nominations -----------------------------------------------------------------------------

NOMINATION_FIELDS = (
    "nominee_kind",
    "member",
    "enterprise",
    "team_name",
    "is_front_line",
    "is_industrial_worker",
    "is_unit_head",
    "deeds",
    "meeting_kind",
    "meeting_date",
    "votes_for",
    "votes_cast",
)


def expected_nominee_kind(programme) -> tuple[str, ...]:
    if programme.kind == HonourKind.LABOUR_AWARD:
        return (NomineeKind.ENTERPRISE,)
    if programme.kind == HonourKind.PIONEER_TEAM:
        return (NomineeKind.TEAM,)
    return (NomineeKind.PERSON,)


@transaction.atomic
def nomination_create(*, actor, programme: HonourProgramme, org, data: dict) -> Nomination:
    """Nominate from ``org`` with the 民主推荐 record (meeting, date, votes). The nominee is
    a member of the org's subtree, or (for 奖状/工人先锋号) an employer there or one of its
    teams. The recommendation needs more than half of the votes cast; a programme with a
    prerequisite level needs the nominee to hold that title first."""
    programme = HonourProgramme.objects.select_related("org").get(pk=programme.pk)
    ensure_org_in_scope(actor, org, Action.CHANGE)
    today = timezone.localdate()
    errors, fail = _errors()
    if programme.status != ProgrammeStatus.OPEN:
        fail(NON_FIELD_ERRORS, _("The programme no longer takes nominations."))
    elif programme.nomination_deadline and today > programme.nomination_deadline:
        fail(
            NON_FIELD_ERRORS,
            _("Nominations were due by %(day)s.")
            % {"day": programme.nomination_deadline.isoformat()},
        )
    if not rules.may_nominate(programme, org):
        fail(NON_FIELD_ERRORS, _("%(org)s does not nominate for this programme.") % {"org": org})
    kind = data.get("nominee_kind")
    if kind not in expected_nominee_kind(programme):
        kind = expected_nominee_kind(programme)[0]
    member = data.get("member") if kind == NomineeKind.PERSON else None
    enterprise = data.get("enterprise") if kind != NomineeKind.PERSON else None
    team_name = (data.get("team_name") or "").strip() if kind == NomineeKind.TEAM else ""
    if kind == NomineeKind.PERSON:
        if member is None:
            fail("member", _("Choose the member nominated."))
        else:
            if not member.org.path.startswith(org.path):
                fail("member", _("The member does not belong to %(org)s.") % {"org": org})
            if member.status != MemberStatus.ACTIVE:
                fail("member", _("Only active members can be nominated."))
            live = Nomination.objects.filter(programme=programme, member=member).exclude(
                status__in=(NominationStatus.REJECTED, NominationStatus.WITHDRAWN)
            )
            if live.exists():
                fail("member", _("This member is already nominated for this programme."))
        enterprise_of_nominee = member.enterprise if member else None
    else:
        if enterprise is None:
            fail("enterprise", _("Choose the employer."))
        elif not _enterprise_under(enterprise, org):
            fail("enterprise", _("The employer is not within %(org)s.") % {"org": org})
        if kind == NomineeKind.TEAM and not team_name:
            fail("team_name", _("Enter the name of the team (班组)."))
        enterprise_of_nominee = enterprise
    _check_recommendation(data, today, fail)
    if not errors:
        probe = Nomination(
            nominee_kind=kind, member=member, enterprise=enterprise, team_name=team_name
        )
        if not selectors.holds_prerequisite(programme, probe):
            fail(
                NON_FIELD_ERRORS,
                _("The nominee must first hold the %(level)s %(kind)s title.")
                % {
                    "level": programme.get_prerequisite_level_display(),
                    "kind": programme.get_kind_display(),
                },
            )
    if errors:
        raise ValidationError(errors)
    nomination = Nomination.objects.create(
        programme=programme,
        org=org,
        stage_org=org,
        nominee_kind=kind,
        member=member,
        enterprise=enterprise,
        team_name=team_name,
        nominee_name=_nominee_name(kind, member, enterprise, team_name),
        is_front_line=bool(data.get("is_front_line")),
        is_industrial_worker=bool(data.get("is_industrial_worker")),
        is_unit_head=bool(data.get("is_unit_head")),
        is_migrant_worker=bool(member and member.is_migrant_worker),
        is_non_public=rules.is_non_public(enterprise_of_nominee),
        deeds=data["deeds"].strip(),
        meeting_kind=data["meeting_kind"],
        meeting_date=data["meeting_date"],
        votes_for=data["votes_for"],
        votes_cast=data["votes_cast"],
        created_by=_by(actor),
    )
    _step(actor, nomination, NominationStep.CREATED, org)
    audit.record(actor, nomination, AuditAction.CREATE)
    ensure_in_scope(actor, nomination, Action.VIEW)
    return nomination


def _enterprise_under(enterprise: Enterprise, org) -> bool:
    paths = [enterprise.territory.path]
    if enterprise.covering_union_id:
        paths.append(enterprise.covering_union.path)
    return any(path.startswith(org.path) for path in paths)


def _nominee_name(kind, member, enterprise, team_name) -> str:
    if kind == NomineeKind.PERSON:
        return member.name
    if kind == NomineeKind.TEAM:
        return f"{enterprise.name}{team_name}"
    return enterprise.name


def _check_recommendation(data: dict, today: datetime.date, fail) -> None:
    if not (data.get("deeds") or "").strip():
        fail("deeds", _("Describe the nominee's main deeds."))
    if data.get("meeting_kind") is None:
        fail("meeting_kind", _("Say which meeting recommended the nominee."))
    meeting_date = data.get("meeting_date")
    if meeting_date is None:
        fail("meeting_date", _("Enter the date of the meeting."))
    elif meeting_date > today:
        fail("meeting_date", _("The meeting cannot be in the future."))
    votes_for, votes_cast = data.get("votes_for"), data.get("votes_cast")
    if votes_cast is None or votes_cast < 1:
        fail("votes_cast", _("Enter the number of votes cast."))
    elif votes_for is None or votes_for < 0:
        fail("votes_for", _("Enter the votes for the nominee."))
    elif votes_for > votes_cast:
        fail("votes_for", _("The votes for cannot exceed the votes cast."))
    elif votes_for * 2 <= votes_cast:
        fail(
            "votes_for",
            _("The recommendation needs more than half of the votes cast (%(for)s of %(cast)s).")
            % {"for": votes_for, "cast": votes_cast},
        )


def _lock(nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("programme", "programme__org", "org", "stage_org", "member", "enterprise")
        .get(pk=nomination.pk)
    )


def _step(actor, nomination, step, from_org, to_org=None, note=""):
    NominationEvent.objects.create(
        nomination=nomination,
        step=step,
        from_org=from_org,
        to_org=to_org,
        note=note[:300],
        actor=_by(actor),
    )


def _require_status(nomination, *statuses):
    if nomination.status not in statuses:
        raise ValidationError(
            _("The nomination is %(status)s; this step is not possible now.")
            % {"status": nomination.get_status_display()}
        )


def _check_quota(nomination, sender) -> None:
    quota = ProgrammeQuota.objects.filter(programme=nomination.programme, org=sender).first()
    if quota is None:
        return
    used = selectors.places_used(nomination.programme, sender)
    if used >= quota.places:
        raise ValidationError(
            _(
                "%(org)s has %(places)s places in this programme and has already sent up "
                "%(used)s nominees; it cannot send up another."
            )
            % {"org": sender, "places": quota.places, "used": used}
        )


def _send_up(actor, nomination, step) -> Nomination:
    sender = nomination.stage_org
    target = rules.next_stop(nomination)
    _check_quota(nomination, sender)
    before = audit.snapshot(nomination)
    nomination.status = NominationStatus.IN_REVIEW
    nomination.stage_org = target or sender
    nomination.save(update_fields=["status", "stage_org", "updated_at"])
    _step(actor, nomination, step, sender, nomination.stage_org)
    audit.record(actor, nomination, AuditAction.UPDATE, before=before)
    return nomination


@transaction.atomic
def nomination_submit(*, actor, nomination: Nomination) -> Nomination:
    """The nominating org sends its draft to the first reviewing level (its own places, if
    it has a quota, count)."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.org, Action.CHANGE)
    _require_status(nomination, NominationStatus.DRAFT)
    return _send_up(actor, nomination, NominationStep.SUBMITTED)


@transaction.atomic
def nomination_forward(*, actor, nomination: Nomination) -> Nomination:
    """The reviewing level holding the nomination agrees and sends it to the next level; the
    level's quota, if any, is enforced. The organiser does not forward: it opens the notice."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.stage_org, Action.REVIEW)
    _require_status(nomination, NominationStatus.IN_REVIEW)
    if nomination.stage_org_id == nomination.programme.org_id:
        raise ValidationError(
            _("The nomination is with the organiser; open the public notice instead.")
        )
    return _send_up(actor, nomination, NominationStep.FORWARDED)


@transaction.atomic
def nomination_reject(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """The level holding the nomination does not recommend it (the reason is required)."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.stage_org, Action.REVIEW)
    _require_status(
        nomination,
        NominationStatus.IN_REVIEW,
        NominationStatus.IN_NOTICE,
        NominationStatus.APPROVED,
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason.")]})
    return _close(actor, nomination, NominationStatus.REJECTED, NominationStep.REJECTED, reason)


@transaction.atomic
def nomination_withdraw(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """The nominating org withdraws its nomination before the public notice."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.org, Action.CHANGE)
    _require_status(nomination, NominationStatus.DRAFT, NominationStatus.IN_REVIEW)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason.")]})
    return _close(actor, nomination, NominationStatus.WITHDRAWN, NominationStep.WITHDRAWN, reason)


def _close(actor, nomination, status, step, reason) -> Nomination:
    before = audit.snapshot(nomination)
    nomination.status = status
    nomination.decision_note = reason[:200]
    nomination.save(update_fields=["status", "decision_note", "updated_at"])
    _step(actor, nomination, step, nomination.stage_org, note=reason)
    audit.record(actor, nomination, AuditAction.UPDATE, before=before)
    return nomination


@transaction.atomic
def notice_open(
    *, actor, programme: HonourProgramme, nominations, start: datetime.date | None = None
) -> list[Nomination]:
    """The organiser puts nominations that reached it into public notice (公示) for the
    programme's number of working days from ``start`` (today by default; holidays skipped).
    The slate — these with those already in notice, approved or awarded — must meet the
    programme's composition rules (e.g. 产业工人 ≥ 35 %)."""
    programme = HonourProgramme.objects.select_related("org").get(pk=programme.pk)
    ensure_org_in_scope(actor, programme.org, Action.REVIEW)
    today = timezone.localdate()
    start = start or today
    ids = {getattr(n, "pk", n) for n in nominations}
    errors, fail = _errors()
    if not ids:
        fail(NON_FIELD_ERRORS, _("Choose the nominations to put into public notice."))
    if start < today:
        fail("start", _("The notice cannot start in the past."))
    found = list(
        Nomination.objects.select_for_update(of=("self",))
        .select_related("org", "stage_org")
        .filter(pk__in=ids, programme=programme)
    )
    if len(found) != len(ids):
        fail(NON_FIELD_ERRORS, _("Some chosen nominations do not belong to this programme."))
    for nomination in found:
        if (
            nomination.status != NominationStatus.IN_REVIEW
            or nomination.stage_org_id != programme.org_id
        ):
            fail(
                NON_FIELD_ERRORS,
                _("%(name)s has not reached %(org)s for review.")
                % {"name": nomination.nominee_name, "org": programme.org},
            )
    if not errors and not programme.is_collective:
        standing = list(
            programme.nominations.filter(
                status__in=(
                    NominationStatus.IN_NOTICE,
                    NominationStatus.APPROVED,
                    NominationStatus.AWARDED,
                )
            )
        )
        for problem in rules.composition_problems(programme, standing + found):
            fail(NON_FIELD_ERRORS, problem)
    if errors:
        raise ValidationError(errors)
    first, last = rules.notice_window(start, programme.notice_workdays)
    for nomination in found:
        before = audit.snapshot(nomination)
        nomination.status = NominationStatus.IN_NOTICE
        nomination.notice_start, nomination.notice_end = first, last
        nomination.save(update_fields=["status", "notice_start", "notice_end", "updated_at"])
        _step(
            actor,
            nomination,
            NominationStep.NOTICE_OPENED,
            programme.org,
            note=f"{first.isoformat()} – {last.isoformat()}",
        )
        audit.record(actor, nomination, AuditAction.UPDATE, before=before)
    return found


@transaction.atomic
def objection_file(
    *, actor, nomination: Nomination, received_on: datetime.date, objector: str, content: str
) -> Objection:
    """Record an objection received during the public notice."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.stage_org, Action.REVIEW)
    _require_status(nomination, NominationStatus.IN_NOTICE)
    errors, fail = _errors()
    today = timezone.localdate()
    if not (content or "").strip():
        fail("content", _("Enter what the objection says."))
    if received_on is None:
        fail("received_on", _("Enter the date the objection was received."))
    elif received_on > today:
        fail("received_on", _("The date cannot be in the future."))
    elif not nomination.notice_start <= received_on <= nomination.notice_end:
        fail(
            "received_on",
            _("Objections are received during the public notice (%(start)s to %(end)s).")
            % {
                "start": nomination.notice_start.isoformat(),
                "end": nomination.notice_end.isoformat(),
            },
        )
    if errors:
        raise ValidationError(errors)
    objection = Objection.objects.create(
        nomination=nomination,
        received_on=received_on,
        objector=(objector or "").strip(),
        content=content.strip(),
        created_by=_by(actor),
    )
    _step(actor, nomination, NominationStep.OBJECTION_FILED, nomination.stage_org)
    audit.record(actor, objection, AuditAction.CREATE)
    return objection


@transaction.atomic
def objection_resolve(*, actor, objection: Objection, upheld: bool, finding: str) -> Objection:
    """Record the finding on an objection. An upheld objection ends the nomination."""
    objection = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("nomination")
        .get(pk=objection.pk)
    )
    nomination = _lock(objection.nomination)
    ensure_org_in_scope(actor, nomination.stage_org, Action.REVIEW)
    if objection.status != ObjectionStatus.OPEN:
        raise ValidationError(_("This objection is already resolved."))
    finding = (finding or "").strip()
    if not finding:
        raise ValidationError({"finding": [_("Enter the finding of the check.")]})
    before = audit.snapshot(objection)
    objection.status = ObjectionStatus.UPHELD if upheld else ObjectionStatus.DISMISSED
    objection.resolution = finding
    objection.resolved_on = timezone.localdate()
    objection.resolved_by = _by(actor)
    objection.save()
    audit.record(actor, objection, AuditAction.UPDATE, before=before)
    _step(
        actor,
        nomination,
        NominationStep.OBJECTION_RESOLVED,
        nomination.stage_org,
        note=f"{objection.get_status_display()}：{finding}",
    )
    if upheld and nomination.status in (NominationStatus.IN_NOTICE, NominationStatus.APPROVED):
        _close(actor, nomination, NominationStatus.REJECTED, NominationStep.REJECTED, finding)
    return objection


def approval_problems(nomination, today: datetime.date) -> list[str]:
    """Why the nomination cannot be approved today (empty when it can)."""
    problems = []
    if nomination.status != NominationStatus.IN_NOTICE:
        return [
            _("The nomination is %(status)s; only a nomination in public notice is approved.")
            % {"status": nomination.get_status_display()}
        ]
    if today <= nomination.notice_end:
        problems.append(
            _("The public notice runs until %(end)s; approve after it ends.")
            % {"end": nomination.notice_end.isoformat()}
        )
    open_count = selectors.open_objections(nomination)
    if open_count:
        problems.append(
            _("%(count)s objection(s) are still open; resolve them first.") % {"count": open_count}
        )
    for result in selectors.vetoes(selectors.veto_checks([nomination], on=today)[nomination.pk]):
        problems.append(
            _("One-vote veto: %(check)s — %(evidence)s")
            % {"check": result.label, "evidence": result.evidence}
        )
    if not selectors.holds_prerequisite(nomination.programme, nomination):
        problems.append(_("The nominee does not hold the prerequisite title."))
    return problems


@transaction.atomic
def nomination_approve(*, actor, nomination: Nomination, note: str = "") -> Nomination:
    """Approve after the public notice: the period is over, every objection is resolved and
    the one-vote veto finds nothing. The veto checks as seen are kept with the nomination."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.stage_org, Action.REVIEW)
    today = timezone.localdate()
    problems = approval_problems(nomination, today)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(nomination)
    checks = selectors.veto_checks([nomination], on=today)[nomination.pk]
    nomination.status = NominationStatus.APPROVED
    nomination.veto_snapshot = [r.as_dict() for r in checks]
    nomination.decision_note = (note or "").strip()[:200]
    nomination.save(update_fields=["status", "veto_snapshot", "decision_note", "updated_at"])
    _step(actor, nomination, NominationStep.APPROVED, nomination.stage_org, note=note or "")
    audit.record(actor, nomination, AuditAction.UPDATE, before=before)
    return nomination


@transaction.atomic
def nomination_award(
    *, actor, nomination: Nomination, awarded_on: datetime.date, document_number: str = ""
) -> HonourTitle:
    """表彰: confer the title. A person's title goes into their model-worker record (created
    on their first title); a collective's title is recorded for the employer or team."""
    nomination = _lock(nomination)
    ensure_org_in_scope(actor, nomination.stage_org, Action.REVIEW)
    _require_status(nomination, NominationStatus.APPROVED)
    if awarded_on is None:
        raise ValidationError({"awarded_on": [_("Enter the date of the award.")]})
    if awarded_on > timezone.localdate():
        raise ValidationError({"awarded_on": [_("The date cannot be in the future.")]})
    programme = nomination.programme
    model_worker = None
    if nomination.nominee_kind == NomineeKind.PERSON:
        member = nomination.member
        model_worker = ModelWorker.objects.filter(member=member).first()
        if model_worker is None:
            model_worker = ModelWorker.objects.create(
                org=member.org,
                member=member,
                name=member.name,
                enterprise=member.enterprise,
                employer_name=member.enterprise.name if member.enterprise else "",
            )
            audit.record(actor, model_worker, AuditAction.CREATE)
        keeper = model_worker.org
    else:
        keeper = nomination.org
    title = HonourTitle.objects.create(
        org=keeper,
        kind=programme.kind,
        level=programme.level,
        year=programme.year,
        model_worker=model_worker,
        enterprise=nomination.enterprise if model_worker is None else model_worker.enterprise,
        team_name=nomination.team_name,
        holder_name=nomination.nominee_name,
        nomination=nomination,
        awarded_on=awarded_on,
        document_number=(document_number or "").strip(),
    )
    audit.record(actor, title, AuditAction.CREATE)
    before = audit.snapshot(nomination)
    nomination.status = NominationStatus.AWARDED
    nomination.save(update_fields=["status", "updated_at"])
    _step(actor, nomination, NominationStep.AWARDED, nomination.stage_org, note=document_number)
    audit.record(actor, nomination, AuditAction.UPDATE, before=before)
    return title


# --- registry ------------------------------------------------------------------------------


@transaction.atomic
def title_record(*, actor, model_worker: ModelWorker, data: dict) -> HonourTitle:
    """Enter a title conferred outside the platform (e.g. a provincial title of 2015) into
    a model worker's record, so that prerequisites and the registry know it."""
    model_worker = ModelWorker.objects.select_for_update().get(pk=model_worker.pk)
    ensure_in_scope(actor, model_worker, Action.CHANGE)
    errors, fail = _errors()
    if data.get("kind") not in HonourKind.values or data.get("kind") in COLLECTIVE_KINDS:
        fail("kind", _("Choose an honour for a person."))
    year = data.get("year")
    if year is None or not 1950 <= year <= timezone.localdate().year:
        fail("year", _("Enter the year the title was conferred."))
    if errors:
        raise ValidationError(errors)
    duplicate = HonourTitle.objects.filter(
        model_worker=model_worker, kind=data["kind"], level=data["level"], year=year
    )
    if duplicate.exists():
        raise ValidationError({"year": [_("This title is already on the record.")]})
    title = HonourTitle.objects.create(
        org=model_worker.org,
        kind=data["kind"],
        level=data["level"],
        year=year,
        model_worker=model_worker,
        enterprise=model_worker.enterprise,
        holder_name=model_worker.name,
        awarded_on=data.get("awarded_on"),
        document_number=(data.get("document_number") or "").strip(),
    )
    audit.record(actor, title, AuditAction.CREATE)
    return title


@transaction.atomic
def model_worker_create(*, actor, member, data: dict) -> ModelWorker:
    """Put a member titled outside the platform on the registry with that first title."""
    ensure_in_scope(actor, member, Action.CHANGE)
    if ModelWorker.objects.filter(member=member).exists():
        raise ValidationError({"member": [_("This member is already on the registry.")]})
    model_worker = ModelWorker.objects.create(
        org=member.org,
        member=member,
        name=member.name,
        enterprise=member.enterprise,
        employer_name=member.enterprise.name if member.enterprise else "",
    )
    audit.record(actor, model_worker, AuditAction.CREATE)
    title_record(actor=actor, model_worker=model_worker, data=data)
    return model_worker


MODEL_WORKER_FIELDS = ("status", "in_hardship", "hardship_note", "notes")


@transaction.atomic
def model_worker_update(*, actor, model_worker: ModelWorker, data: dict) -> ModelWorker:
    model_worker = ModelWorker.objects.select_for_update().get(pk=model_worker.pk)
    ensure_in_scope(actor, model_worker, Action.CHANGE)
    if data.get("in_hardship") and not (data.get("hardship_note") or "").strip():
        raise ValidationError({"hardship_note": [_("Describe the hardship.")]})
    return _update_fields(actor, model_worker, MODEL_WORKER_FIELDS, data)


@transaction.atomic
def care_record(
    *,
    actor,
    model_worker: ModelWorker,
    kind: str,
    on: datetime.date,
    amount=None,
    visitors: str = "",
    note: str = "",
    assistance_ref: str = "",
) -> CareRecord:
    """Record an allowance, health check, 疗休养, visit (走访慰问) or hardship assistance.

    This is also the hook for the assistance module: when it pays a 困难劳模, it calls this
    with ``kind="hardship_aid"`` and its case number as ``assistance_ref``."""
    model_worker = ModelWorker.objects.select_related("org").get(pk=model_worker.pk)
    ensure_in_scope(actor, model_worker, Action.CHANGE)
    errors, fail = _errors()
    if kind not in CareKind.values:
        fail("kind", _("Choose the kind of record."))
    if on is None:
        fail("on", _("Enter the date."))
    elif on > timezone.localdate():
        fail("on", _("The date cannot be in the future."))
    if amount is not None and amount < 0:
        fail("amount", _("The amount cannot be negative."))
    if kind == CareKind.VISIT and not (visitors or "").strip():
        fail("visitors", _("Say who visited."))
    if kind in (CareKind.ALLOWANCE, CareKind.HARDSHIP_AID) and amount is None:
        fail("amount", _("Enter the amount."))
    if errors:
        raise ValidationError(errors)
    record = CareRecord.objects.create(
        model_worker=model_worker,
        kind=kind,
        on=on,
        amount=amount,
        visitors=(visitors or "").strip(),
        note=(note or "").strip(),
        assistance_ref=(assistance_ref or "").strip(),
        created_by=_by(actor),
    )
    audit.record(actor, record, AuditAction.CREATE)
    return record
