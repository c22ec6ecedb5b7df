"""Writes of grassroots work (C15): venues and bookings, 职工之家 evaluations, tasks.

Every write validates the whole request first (errors in Chinese, by field), runs in one
transaction, re-checks scope and writes the audit log. Deadlines and 公示 periods count
working days through ``core.workdays``.
"""

from __future__ import annotations

import datetime
import re
import secrets
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import audit
from core.choices import Action, AuditAction
from core.scoping import OutOfScope, ensure_in_scope, ensure_org_in_scope, scope_paths
from core.uploads import upload_problem
from core.workdays import add_workdays
from grassroots.choices import (
    BookingStatus,
    EvaluationStatus,
    FieldKind,
    ProgrammeKind,
    ReportStatus,
    TaskStatus,
)
from grassroots.models import (
    Booking,
    EvidenceFile,
    FormTemplate,
    HomeCriterion,
    HomeEvaluation,
    HomeProgramme,
    HomeReReview,
    HomeScore,
    ReportFile,
    Task,
    TaskReport,
    Venue,
)
from orgs.choices import OrgLevel, OrgStatus
from orgs.models import Org


class Errors(dict):
    """Field → messages, raised together once the whole request has been checked."""

    def add(self, field, message):
        self.setdefault(field, []).append(message)

    def raise_if_any(self):
        if self:
            raise ValidationError(dict(self))


def _by(actor):
    return actor if getattr(actor, "pk", None) else None


def _is_below(org: Org, ancestor: Org) -> bool:
    return org.path.startswith(ancestor.path) and org.path != ancestor.path


def _may(actor, org: Org, action: str) -> bool:
    if actor is None or getattr(actor, "is_superuser", False):
        return True
    return any(org.path.startswith(p) for p in scope_paths(actor, action))


# --- uploads -------------------------------------------------------------------------------


def check_upload(upload, errors: Errors, field: str) -> None:
    """Size and type of an uploaded file against ``GONGHUI["UPLOAD_MAX_BYTES"]`` and
    ``GONGHUI["UPLOAD_EXTENSIONS"]``."""
    problem = upload_problem(
        upload,
        extensions=settings.GONGHUI["UPLOAD_EXTENSIONS"],
        max_bytes=settings.GONGHUI["UPLOAD_MAX_BYTES"],
    )
    if problem:
        errors.add(field, problem)


def _owned_row_save(actor, obj, model, data: dict, errors: Errors):
    """Create or edit a row owned by an org (venue, programme, report form): refuse with
    ``errors`` if any, check the actor may change the (new) owner, write and audit."""
    errors.raise_if_any()
    ensure_org_in_scope(actor, data.get("org") or obj.org, Action.CHANGE)
    before = audit.snapshot(obj) if obj else None
    obj = obj or model()
    for key, value in data.items():
        setattr(obj, key, value.strip() if isinstance(value, str) else value)
    obj.save()
    audit.record(actor, obj, AuditAction.UPDATE if before else AuditAction.CREATE, before)
    ensure_in_scope(actor, obj)
    return obj


def _owner_errors(errors: Errors, obj, data: dict):
    if (data.get("org") or getattr(obj, "org", None)) is None:
        errors.add("org", _("Choose the owning organisation."))
    return errors


# --- venues and bookings -------------------------------------------------------------------

WEEKDAYS_RE = re.compile(r"^[1-7]{1,7}$")


def _venue_errors(data: dict) -> Errors:
    errors = Errors()
    if not (data.get("name") or "").strip():
        errors.add("name", _("Enter the name."))
    opens, closes = data.get("opens_at"), data.get("closes_at")
    slot = data.get("slot_minutes") or 0
    if not 15 <= slot <= 720:
        errors.add("slot_minutes", _("A slot lasts between 15 and 720 minutes."))
    if opens is None or closes is None or closes <= opens:
        errors.add("closes_at", _("The closing time must be after the opening time."))
    elif slot and (
        datetime.datetime.combine(datetime.date.min, closes)
        - datetime.datetime.combine(datetime.date.min, opens)
    ) < datetime.timedelta(minutes=slot):
        errors.add("closes_at", _("The opening hours are shorter than one slot."))
    weekdays = "".join(sorted(set(str(data.get("open_weekdays") or ""))))
    if not WEEKDAYS_RE.match(weekdays):
        errors.add("open_weekdays", _("Choose at least one weekday."))
    data["open_weekdays"] = weekdays
    if (data.get("capacity") or 0) < 1:
        errors.add("capacity", _("The capacity must be at least 1."))
    return errors


@transaction.atomic
def venue_save(*, actor, venue: Venue | None = None, **data) -> Venue:
    """Create or edit a venue of an org the actor may change."""
    errors = _owner_errors(_venue_errors(data), venue, data)
    return _owned_row_save(actor, venue, Venue, data, errors)


def slot_problem(venue: Venue, date: datetime.date, starts_at: datetime.time, now) -> str:
    """Why this slot cannot be booked now ("" when it can), whoever holds it."""
    today = timezone.localdate(now)
    if not venue.is_active:
        return _("The venue is closed for booking.")
    if date < today:
        return _("The date has passed.")
    if date > today + datetime.timedelta(days=venue.book_ahead_days):
        return _("The venue can be booked at most %(days)s days ahead.") % {
            "days": venue.book_ahead_days
        }
    if not venue.is_open_on(date):
        return _("The venue is not open on that day.")
    if starts_at not in dict(venue.slots()):
        return _("Choose one of the venue's time slots.")
    if date == today and starts_at <= timezone.localtime(now).time():
        return _("That slot has already begun.")
    return ""


SLOT_TAKEN = "slot_taken"


@transaction.atomic
def booking_create(
    *,
    actor,
    venue: Venue,
    org: Org,
    date: datetime.date,
    starts_at: datetime.time,
    purpose: str,
    headcount: int = 1,
    member=None,
) -> Booking:
    """Book one slot of a venue for a union (or a member of it).

    The union must lie in the venue owner's subtree (a city palace serves the whole city, a
    district reading room its district). Exactly one of two racing requests for the same
    slot succeeds: the partial unique index on (venue, date, start) for active bookings
    refuses the second insert, which becomes the same refusal as a slot seen taken.
    """
    errors = Errors()
    if actor is not None and member is None:
        ensure_org_in_scope(actor, org, Action.CHANGE)
    if not org.path.startswith(venue.org.path) or org.status != OrgStatus.ACTIVE:
        errors.add(
            "org",
            _("This venue serves only the unions under %(owner)s.") % {"owner": venue.org.name},
        )
    if member is not None and member.org_id != org.pk:
        errors.add("member", _("The member does not belong to this union."))
    if problem := slot_problem(venue, date, starts_at, timezone.now()):
        errors.add("starts_at", problem)
    if not (purpose or "").strip():
        errors.add("purpose", _("Say what the venue is booked for."))
    if not 1 <= (headcount or 0) <= venue.capacity:
        errors.add(
            "headcount",
            _("The venue holds at most %(capacity)s people.") % {"capacity": venue.capacity},
        )
    errors.raise_if_any()
    ends_at = dict(venue.slots())[starts_at]
    booking = Booking(
        venue=venue,
        org=org,
        member=member,
        date=date,
        starts_at=starts_at,
        ends_at=ends_at,
        minutes=venue.slot_minutes,
        purpose=purpose.strip(),
        headcount=headcount,
        booked_by=_by(actor),
    )
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        raise ValidationError(
            {"starts_at": _("This slot has just been booked by someone else; choose another.")},
            code=SLOT_TAKEN,
        ) from error
    audit.record(actor, booking, AuditAction.CREATE)
    return booking


def _slot_start(booking: Booking):
    return timezone.make_aware(datetime.datetime.combine(booking.date, booking.starts_at))


@transaction.atomic
def booking_cancel(*, actor, booking: Booking, reason: str = "", by_member=None) -> Booking:
    """Cancel a booking before its slot begins. The booking union (or member) may cancel
    until ``venue.cancel_hours`` before the start; the venue owner any time before the
    start, with a reason."""
    booking = (
        Booking.objects.select_for_update().select_related("venue__org", "org").get(pk=booking.pk)
    )
    errors = Errors()
    now = timezone.now()
    owner_side = by_member is None and _may(actor, booking.venue.org, Action.CHANGE)
    if by_member is not None:
        if booking.member_id != by_member.pk:
            raise OutOfScope()
    elif not owner_side:
        ensure_org_in_scope(actor, booking.org, Action.CHANGE)
    if booking.status != BookingStatus.BOOKED:
        errors.add(None, _("Only a booking that is still open can be cancelled."))
    elif _slot_start(booking) <= now:
        errors.add(None, _("The slot has already begun; it can no longer be cancelled."))
    elif not owner_side and _slot_start(booking) - now < datetime.timedelta(
        hours=booking.venue.cancel_hours
    ):
        errors.add(
            None,
            _("Bookings can be cancelled until %(hours)s hours before the start.")
            % {"hours": booking.venue.cancel_hours},
        )
    if owner_side and not _may(actor, booking.org, Action.CHANGE) and not reason.strip():
        errors.add("reason", _("Give the booking union a reason."))
    errors.raise_if_any()
    before = audit.snapshot(booking)
    booking.status = BookingStatus.CANCELLED
    booking.cancel_reason = reason.strip()
    booking.save(update_fields=["status", "cancel_reason", "updated_at"])
    audit.record(actor, booking, AuditAction.UPDATE, before)
    return booking


@transaction.atomic
def booking_record_use(*, actor, booking: Booking, used: bool) -> Booking:
    """The venue owner records whether a booked slot was used (counts as taking part for a
    member) once it has begun."""
    booking = Booking.objects.select_for_update().select_related("venue__org").get(pk=booking.pk)
    ensure_org_in_scope(actor, booking.venue.org, Action.CHANGE)
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError(_("Use can be recorded only for an open booking."))
    if _slot_start(booking) > timezone.now():
        raise ValidationError(_("The slot has not begun yet."))
    before = audit.snapshot(booking)
    booking.status = BookingStatus.USED if used else BookingStatus.NO_SHOW
    booking.save(update_fields=["status", "updated_at"])
    audit.record(actor, booking, AuditAction.UPDATE, before)
    return booking


# --- 职工之家 ------------------------------------------------------------------------------

PROGRAMME_LEVELS = (OrgLevel.CITY, OrgLevel.DISTRICT, OrgLevel.STREET, OrgLevel.FEDERATION)
EVALUATED_LEVELS = (OrgLevel.GRASSROOTS, OrgLevel.GROUP, OrgLevel.FEDERATION)


def default_criteria() -> list[dict]:
    """The "六有" of DOMAIN §2.8, with the scores of ``GONGHUI["HOME_DEFAULT_CRITERIA"]``."""
    return [dict(item) for item in settings.GONGHUI["HOME_DEFAULT_CRITERIA"]]


def parse_criteria(text: str) -> list[dict]:
    """``标题 | 满分 | 说明`` per line → criteria; raises ValidationError naming the line."""
    criteria = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.replace("｜", "|").split("|")]
        title = parts[0]
        try:
            score = int(parts[1]) if len(parts) > 1 else 0
        except ValueError:
            score = 0
        if not title or not 1 <= score <= 100:
            raise ValidationError(
                _("Line %(line)s: write 'criterion | full score (1–100) | guidance'.")
                % {"line": number}
            )
        criteria.append(
            {"title": title[:120], "max_score": score, "guidance": "|".join(parts[2:])[:300]}
        )
    if not criteria:
        raise ValidationError(_("Enter at least one criterion."))
    return criteria


def criteria_text(criteria) -> str:
    return "\n".join(
        f"{c['title']} | {c['max_score']} | {c.get('guidance', '')}".rstrip(" |") for c in criteria
    )


def _thresholds_problem(text: str) -> str:
    try:
        values = [int(x) for x in (text or "").replace("，", ",").split(",") if x.strip()]
    except ValueError:
        values = []
    if len(values) != 5 or values != sorted(values) or not all(0 < v <= 1000 for v in values):
        return _("Give five increasing scores, e.g. 60,70,80,90,95.")
    return ""


@transaction.atomic
def programme_save(
    *, actor, programme: HomeProgramme | None = None, criteria: list[dict] | None = None, **data
) -> HomeProgramme:
    """Create or edit a 职工之家 programme. The checklist (default: the 六有) can change
    only while no union has submitted its self-assessment."""
    errors = Errors()
    org = data.get("org") or (programme.org if programme else None)
    if org is None or org.level not in PROGRAMME_LEVELS:
        errors.add("org", _("A programme is run by a city, district, street or joint federation."))
    if not (data.get("name") or "").strip():
        errors.add("name", _("Enter the name."))
    kind = data.get("kind") or (programme.kind if programme else "")
    if kind == ProgrammeKind.STAR_HOME and (
        problem := _thresholds_problem(data.get("star_thresholds", "60,70,80,90,95"))
    ):
        errors.add("star_thresholds", problem)
    if not 1 <= (data.get("publicity_workdays") or 0) <= 30:
        errors.add("publicity_workdays", _("The public notice lasts 1 to 30 working days."))
    locked = (
        programme is not None
        and programme.evaluations.exclude(status=EvaluationStatus.DRAFT).exists()
    )
    if criteria is not None and locked and _criteria_of(programme) != criteria:
        errors.add(
            "criteria",
            _("Self-assessments have been submitted; the checklist can no longer change."),
        )
    if criteria is not None:
        total = sum(c["max_score"] for c in criteria)
        if (data.get("pass_score") or 0) > total:
            errors.add(
                "pass_score",
                _("The score needed is above the full score (%(total)s).") % {"total": total},
            )
    programme = _owned_row_save(actor, programme, HomeProgramme, data, errors)
    if criteria is not None and not locked and criteria != _criteria_of(programme):
        # Only drafts exist: their scores (and evidence links) follow the new checklist.
        HomeScore.objects.filter(evaluation__programme=programme).delete()
        EvidenceFile.objects.filter(evaluation__programme=programme).update(criterion=None)
        programme.criteria.all().delete()
        HomeCriterion.objects.bulk_create(
            HomeCriterion(programme=programme, position=i, **c) for i, c in enumerate(criteria)
        )
        new_criteria = list(programme.criteria.all())
        HomeScore.objects.bulk_create(
            HomeScore(evaluation=evaluation, criterion=c)
            for evaluation in programme.evaluations.all()
            for c in new_criteria
        )
        audit.record(actor, programme, AuditAction.UPDATE, extra={"checklist": ["", "changed"]})
    return programme


def _criteria_of(programme) -> list[dict]:
    return [
        {"title": c.title, "max_score": c.max_score, "guidance": c.guidance}
        for c in programme.criteria.all()
    ]


@transaction.atomic
def evaluation_start(*, actor, programme: HomeProgramme, org: Org) -> HomeEvaluation:
    """A union below the programme's org opens its self-assessment (one per programme)."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    errors = Errors()
    if not _is_below(org, programme.org):
        errors.add("org", _("Only unions under %(org)s take part.") % {"org": programme.org})
    elif org.level not in EVALUATED_LEVELS or org.status != OrgStatus.ACTIVE:
        errors.add("org", _("Only an active grassroots union or union group takes part."))
    elif HomeEvaluation.objects.filter(programme=programme, org=org).exists():
        errors.add("org", _("This union already takes part in the programme."))
    if timezone.localdate() > programme.apply_until:
        errors.add(
            None,
            _("Self-assessments closed on %(date)s.") % {"date": programme.apply_until.isoformat()},
        )
    errors.raise_if_any()
    evaluation = HomeEvaluation.objects.create(programme=programme, org=org)
    HomeScore.objects.bulk_create(
        HomeScore(evaluation=evaluation, criterion=c) for c in programme.criteria.all()
    )
    audit.record(actor, evaluation, AuditAction.CREATE)
    return evaluation


def _score(value, maximum, errors: Errors, field: str):
    if value in (None, ""):
        return None
    try:
        score = Decimal(str(value)).quantize(Decimal("0.1"))
    except InvalidOperation:
        errors.add(field, _("Enter a number."))
        return None
    if not 0 <= score <= maximum:
        errors.add(field, _("Between 0 and %(max)s.") % {"max": maximum})
        return None
    return score


def _locked_evaluation(evaluation, action=Action.CHANGE) -> HomeEvaluation:
    return (
        HomeEvaluation.objects.select_for_update()
        .select_related("programme__org", "org")
        .get(pk=evaluation.pk)
    )


@transaction.atomic
def evaluation_self_assess(
    *, actor, evaluation: HomeEvaluation, scores: dict, summary: str = ""
) -> HomeEvaluation:
    """Save the union's own scores and notes (``{criterion_id: (score, note)}``) while the
    self-assessment is open."""
    evaluation = _locked_evaluation(evaluation)
    ensure_org_in_scope(actor, evaluation.org, Action.CHANGE)
    if evaluation.status != EvaluationStatus.DRAFT:
        raise ValidationError(_("The self-assessment has been submitted; it cannot change now."))
    errors = Errors()
    rows = list(evaluation.scores.select_related("criterion"))
    for row in rows:
        value, note = scores.get(row.criterion_id, (None, ""))
        row.self_score = _score(value, row.criterion.max_score, errors, f"score_{row.criterion_id}")
        row.self_note = (note or "").strip()[:500]
    errors.raise_if_any()
    HomeScore.objects.bulk_update(rows, ["self_score", "self_note"])
    before = audit.snapshot(evaluation)
    evaluation.summary = (summary or "").strip()
    evaluation.self_score = sum((r.self_score or 0 for r in rows), Decimal("0"))
    evaluation.save(update_fields=["summary", "self_score", "updated_at"])
    audit.record(
        actor, evaluation, AuditAction.UPDATE, before, extra={"self_assessment": ["", "saved"]}
    )
    return evaluation


@transaction.atomic
def evidence_add(*, actor, evaluation: HomeEvaluation, upload, criterion=None) -> EvidenceFile:
    """Attach an evidence file (size and type checked) to an open self-assessment."""
    evaluation = _locked_evaluation(evaluation)
    ensure_org_in_scope(actor, evaluation.org, Action.CHANGE)
    errors = Errors()
    if evaluation.status != EvaluationStatus.DRAFT:
        errors.add(None, _("The self-assessment has been submitted; it cannot change now."))
    if criterion is not None and criterion.programme_id != evaluation.programme_id:
        errors.add("criterion", _("Choose a criterion of this programme."))
    check_upload(upload, errors, "file")
    errors.raise_if_any()
    evidence = EvidenceFile(
        evaluation=evaluation,
        criterion=criterion,
        token=secrets.token_hex(16),
        name=upload.name[-200:],
        size=upload.size,
        uploaded_by=_by(actor),
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    audit.record(actor, evidence, AuditAction.CREATE)
    return evidence


@transaction.atomic
def evidence_remove(*, actor, evidence: EvidenceFile) -> None:
    evaluation = _locked_evaluation(evidence.evaluation)
    ensure_org_in_scope(actor, evaluation.org, Action.CHANGE)
    if evaluation.status != EvaluationStatus.DRAFT:
        raise ValidationError(_("The self-assessment has been submitted; it cannot change now."))
    audit.record(actor, evidence, AuditAction.DELETE)
    stored = evidence.file
    evidence.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


@transaction.atomic
def evaluation_submit(*, actor, evaluation: HomeEvaluation) -> HomeEvaluation:
    """Send the self-assessment up for review: every criterion scored, at least one file."""
    evaluation = _locked_evaluation(evaluation)
    ensure_org_in_scope(actor, evaluation.org, Action.CHANGE)
    errors = Errors()
    if evaluation.status != EvaluationStatus.DRAFT:
        errors.add(None, _("The self-assessment has already been submitted."))
    if evaluation.scores.filter(self_score__isnull=True).exists():
        errors.add(None, _("Score every criterion before submitting."))
    if not evaluation.evidence.exists():
        errors.add(None, _("Attach at least one evidence file."))
    errors.raise_if_any()
    before = audit.snapshot(evaluation)
    evaluation.status = EvaluationStatus.SUBMITTED
    evaluation.submitted_at = timezone.now()
    evaluation.save(update_fields=["status", "submitted_at", "updated_at"])
    audit.record(actor, evaluation, AuditAction.UPDATE, before)
    return evaluation


class Decision:
    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"


@transaction.atomic
def evaluation_review(
    *, actor, evaluation: HomeEvaluation, decision: str, scores: dict, comment: str = ""
) -> HomeEvaluation:
    """The programme's org reviews a submitted self-assessment: approve with its own scores
    (reaching the score needed) → 公示 for ``publicity_workdays`` working days; return for
    correction (comment required); or reject (comment required)."""
    evaluation = _locked_evaluation(evaluation)
    programme = evaluation.programme
    ensure_org_in_scope(actor, programme.org, Action.REVIEW)
    errors = Errors()
    if evaluation.status != EvaluationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted self-assessment can be reviewed."))
    rows = list(evaluation.scores.select_related("criterion"))
    if decision == Decision.APPROVE:
        for row in rows:
            field = f"score_{row.criterion_id}"
            row.review_score = _score(
                scores.get(row.criterion_id), row.criterion.max_score, errors, field
            )
            if row.review_score is None and field not in errors:
                errors.add(field, _("Score this criterion."))
        total = sum((r.review_score or 0 for r in rows), Decimal("0"))
        if not errors and total < programme.pass_score:
            errors.add(
                None,
                _("The review score %(score)s is below the %(needed)s needed; return or reject.")
                % {"score": total, "needed": programme.pass_score},
            )
    elif decision in (Decision.RETURN, Decision.REJECT):
        if not comment.strip():
            errors.add("comment", pgettext("grassroots", "Say why."))
    else:
        errors.add("decision", _("Choose a decision."))
    errors.raise_if_any()
    before = audit.snapshot(evaluation)
    evaluation.review_comment = comment.strip()
    if decision == Decision.APPROVE:
        HomeScore.objects.bulk_update(rows, ["review_score"])
        today = timezone.localdate()
        evaluation.review_score = total
        evaluation.stars = programme.stars_for(total)
        evaluation.status = EvaluationStatus.PUBLICITY
        evaluation.publicity_from = today
        evaluation.publicity_until = add_workdays(today, programme.publicity_workdays)
    elif decision == Decision.RETURN:
        evaluation.status = EvaluationStatus.DRAFT
    else:
        evaluation.status = EvaluationStatus.REJECTED
    evaluation.save()
    audit.record(actor, evaluation, AuditAction.UPDATE, before)
    return evaluation


@transaction.atomic
def evaluation_conclude(
    *, actor, evaluation: HomeEvaluation, award: bool, comment: str = ""
) -> HomeEvaluation:
    """After the 公示 has run its working days without a valid objection, award the title
    (and stars); an objection upheld during or after the 公示 ends it without award."""
    evaluation = _locked_evaluation(evaluation)
    ensure_org_in_scope(actor, evaluation.programme.org, Action.REVIEW)
    if evaluation.status != EvaluationStatus.PUBLICITY:
        raise ValidationError(_("Only an evaluation under public notice can be concluded."))
    today = timezone.localdate()
    errors = Errors()
    if award and today <= evaluation.publicity_until:
        errors.add(
            None,
            _("The public notice runs until %(date)s; the title is awarded after it ends.")
            % {"date": evaluation.publicity_until.isoformat()},
        )
    if not award and not comment.strip():
        errors.add("comment", _("Say which objection was upheld."))
    errors.raise_if_any()
    before = audit.snapshot(evaluation)
    if award:
        evaluation.status = EvaluationStatus.AWARDED
        evaluation.awarded_on = today
    else:
        evaluation.status = EvaluationStatus.REJECTED
        evaluation.stars = 0
        evaluation.review_comment = comment.strip()
    evaluation.save()
    audit.record(actor, evaluation, AuditAction.UPDATE, before)
    return evaluation


@transaction.atomic
def evaluation_rereview(
    *, actor, evaluation: HomeEvaluation, year: int, lapsed: list, note: str = ""
) -> HomeReReview:
    """Yearly re-review (复核) of an awarded home: each lapsed criterion costs a star; a
    home left with no star, or a 模范之家 with any lapsed criterion, loses its title."""
    evaluation = _locked_evaluation(evaluation)
    ensure_org_in_scope(actor, evaluation.programme.org, Action.REVIEW)
    errors = Errors()
    if evaluation.status != EvaluationStatus.AWARDED:
        errors.add(None, _("Only an awarded home is re-reviewed."))
    elif year <= evaluation.awarded_on.year or year > timezone.localdate().year:
        errors.add(
            "year",
            _("Re-review a year after the award (%(year)s) and not in the future.")
            % {"year": evaluation.awarded_on.year},
        )
    elif evaluation.rereviews.filter(year=year).exists():
        errors.add("year", _("This year's re-review has been recorded."))
    if any(c.programme_id != evaluation.programme_id for c in lapsed):
        errors.add("lapsed", _("Choose criteria of this programme."))
    if lapsed and not note.strip():
        errors.add("note", _("Say what lapsed."))
    errors.raise_if_any()
    before = audit.snapshot(evaluation)
    star_home = evaluation.programme.kind == ProgrammeKind.STAR_HOME
    stars_after = max(0, evaluation.stars - len(lapsed)) if star_home else 0
    withdrawn = bool(lapsed) and (not star_home or stars_after == 0)
    rereview = HomeReReview.objects.create(
        evaluation=evaluation,
        year=year,
        stars_before=evaluation.stars,
        stars_after=stars_after if star_home else 0,
        withdrawn=withdrawn,
        note=note.strip(),
        reviewed_by=_by(actor),
    )
    rereview.lapsed.set(lapsed)
    evaluation.stars = stars_after if star_home else evaluation.stars
    evaluation.last_rereview_year = year
    if withdrawn:
        evaluation.status = EvaluationStatus.REVOKED
    evaluation.save()
    audit.record(actor, evaluation, AuditAction.UPDATE, before, extra={"rereview": ["", year]})
    return rereview


# --- 上下联动 tasks --------------------------------------------------------------------------

KIND_WORDS = {
    "数字": FieldKind.NUMBER,
    "number": FieldKind.NUMBER,
    "文本": FieldKind.TEXT,
    "text": FieldKind.TEXT,
    "日期": FieldKind.DATE,
    "date": FieldKind.DATE,
    "选项": FieldKind.CHOICE,
    "choice": FieldKind.CHOICE,
    "文件": FieldKind.FILE,
    "file": FieldKind.FILE,
}
MAX_FIELDS = 50


def parse_fields(text: str) -> list[dict]:
    """``名称 | 类型 | 必填/选填 | 选项、选项`` per line → form fields (see ``FormTemplate``)."""
    fields, labels = [], set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.replace("｜", "|").split("|")]
        label = parts[0][:80]
        kind = KIND_WORDS.get(parts[1].lower() if len(parts) > 1 else "文本")
        required = (parts[2] if len(parts) > 2 else "必填") not in ("选填", "optional", "否")
        choices = (
            [c.strip() for c in re.split("[、,，]", parts[3]) if c.strip()]
            if len(parts) > 3
            else []
        )
        problem = ""
        if not label:
            problem = _("the name is missing")
        elif label in labels:
            problem = _("the name is used twice")
        elif kind is None:
            problem = _("the type must be 数字, 文本, 日期, 选项 or 文件")
        elif kind == FieldKind.CHOICE and len(choices) < 2:
            problem = _("a choice needs at least two options, separated by 、")
        if problem:
            raise ValidationError(
                _("Line %(line)s: %(problem)s.") % {"line": number, "problem": problem}
            )
        labels.add(label)
        fields.append(
            {
                "key": f"f{len(fields) + 1}",
                "label": label,
                "kind": str(kind),
                "required": required,
                "choices": choices if kind == FieldKind.CHOICE else [],
            }
        )
    if len(fields) > MAX_FIELDS:
        raise ValidationError(_("A form has at most %(n)s fields.") % {"n": MAX_FIELDS})
    return fields


REQUIRED_WORD = {True: "必填", False: "选填"}
KIND_WORD = {
    FieldKind.NUMBER: "数字",
    FieldKind.TEXT: "文本",
    FieldKind.DATE: "日期",
    FieldKind.CHOICE: "选项",
    FieldKind.FILE: "文件",
}


def fields_text(fields: list[dict]) -> str:
    lines = []
    for f in fields:
        parts = [f["label"], KIND_WORD[f["kind"]], REQUIRED_WORD[bool(f["required"])]]
        if f.get("choices"):
            parts.append("、".join(f["choices"]))
        lines.append(" | ".join(parts))
    return "\n".join(lines)


@transaction.atomic
def template_save(*, actor, template: FormTemplate | None = None, **data) -> FormTemplate:
    errors = _owner_errors(Errors(), template, data)
    if not (data.get("name") or "").strip():
        errors.add("name", _("Enter the name."))
    if not data.get("fields"):
        errors.add("fields", _("Enter at least one field."))
    return _owned_row_save(actor, template, FormTemplate, data, errors)


@transaction.atomic
def task_issue(
    *,
    actor,
    org: Org,
    title: str,
    deadline: datetime.date,
    recipients,
    instructions: str = "",
    fields: list[dict] | None = None,
    template: FormTemplate | None = None,
    parent: Task | None = None,
) -> Task:
    """Hand a task down to chosen active orgs below ``org`` (each gets one report to fill
    in). A forwarded task (``parent``) comes from an org the parent task was sent to, and is
    due no later than the parent."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    errors = Errors()
    recipients = list({o.pk: o for o in recipients}.values())
    today = timezone.localdate()
    if not (title or "").strip():
        errors.add("title", _("Enter the title."))
    if deadline is None or deadline < today:
        errors.add("deadline", _("The deadline cannot be in the past."))
    if not recipients:
        errors.add("recipients", _("Choose at least one organisation to send the task to."))
    outside = [o.name for o in recipients if not _is_below(o, org) or o.status != "active"]
    if outside:
        errors.add(
            "recipients",
            _("Tasks go only to active organisations under %(org)s: %(names)s.")
            % {"org": org.name, "names": "、".join(outside[:5])},
        )
    if parent is not None:
        if not parent.reports.filter(org=org).exists():
            errors.add(None, _("Only an organisation the task was sent to can forward it."))
        elif deadline is not None and deadline > parent.deadline:
            errors.add(
                "deadline",
                _("The forwarded task is due by %(date)s at the latest.")
                % {"date": parent.deadline.isoformat()},
            )
        fields = parent.fields
    elif template is not None:
        fields = template.fields
    errors.raise_if_any()
    task = Task.objects.create(
        org=org,
        title=title.strip(),
        instructions=(instructions or "").strip(),
        deadline=deadline,
        fields=fields or [],
        template=template,
        parent=parent,
        created_by=_by(actor),
    )
    TaskReport.objects.bulk_create(TaskReport(task=task, org=o) for o in recipients)
    audit.record(actor, task, AuditAction.CREATE, extra={"recipients": ["", len(recipients)]})
    return task


def _answer(field: dict, raw, errors: Errors):
    key, kind = field["key"], field["kind"]
    empty = raw in (None, "") or (isinstance(raw, str) and not raw.strip())
    if empty:
        if field["required"] and kind != FieldKind.FILE:
            errors.add(key, _("Fill in this field."))
        return None
    raw = raw.strip() if isinstance(raw, str) else raw
    if kind == FieldKind.NUMBER:
        try:
            number = Decimal(str(raw).replace(",", ""))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) >= Decimal("1e15"):
            errors.add(key, _("Enter a number."))
            return None
        return str(number.normalize()) if number == number.to_integral() else str(number)
    if kind == FieldKind.DATE:
        try:
            return (
                raw.isoformat()
                if isinstance(raw, datetime.date)
                else datetime.date.fromisoformat(str(raw)).isoformat()
            )
        except ValueError:
            errors.add(key, _("Enter a date, e.g. 2026-03-31."))
            return None
    if kind == FieldKind.CHOICE:
        if raw not in field["choices"]:
            errors.add(key, _("Choose one of the options."))
            return None
        return raw
    if kind == FieldKind.TEXT:
        if len(str(raw)) > 2000:
            errors.add(key, _("At most 2000 characters."))
            return None
        return str(raw)
    return None


def _locked_report(report) -> TaskReport:
    return (
        TaskReport.objects.select_for_update().select_related("task__org", "org").get(pk=report.pk)
    )


@transaction.atomic
def report_submit(
    *, actor, report: TaskReport, answers: dict, files: dict | None = None, note: str = ""
) -> TaskReport:
    """A recipient reports back: every answer checked against its field; file answers are
    stored (size/type checked). It may report again while the task is open, replacing its
    answers."""
    report = _locked_report(report)
    ensure_org_in_scope(actor, report.org, Action.CHANGE)
    task = report.task
    errors = Errors()
    files = files or {}
    if task.status != TaskStatus.OPEN:
        raise ValidationError(_("The task is closed."))
    cleaned = {}
    for field in task.fields:
        key = field["key"]
        if field["kind"] == FieldKind.FILE:
            upload = files.get(key)
            if upload is not None:
                check_upload(upload, errors, key)
            elif field["required"] and not (report.answers or {}).get(key):
                errors.add(key, _("Attach the file."))
            continue
        cleaned[key] = _answer(field, answers.get(key), errors)
    errors.raise_if_any()
    before = audit.snapshot(report)
    for field in task.fields:
        key = field["key"]
        if field["kind"] != FieldKind.FILE:
            continue
        upload = files.get(key)
        if upload is None:
            cleaned[key] = (report.answers or {}).get(key)
            continue
        stored = ReportFile(
            report=report,
            field_key=key,
            token=secrets.token_hex(16),
            name=upload.name[-200:],
            size=upload.size,
        )
        stored.file.save(upload.name, upload, save=False)
        stored.save()
        cleaned[key] = {"file": stored.pk, "name": stored.name}
    report.answers = cleaned
    report.note = (note or "").strip()
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = _by(actor)
    report.return_reason = ""
    report.save()
    audit.record(actor, report, AuditAction.UPDATE, before)
    return report


@transaction.atomic
def report_return(*, actor, report: TaskReport, reason: str) -> TaskReport:
    """The issuer sends a report back for correction, saying why."""
    report = _locked_report(report)
    ensure_org_in_scope(actor, report.task.org, Action.CHANGE)
    errors = Errors()
    if report.status != ReportStatus.SUBMITTED:
        errors.add(None, _("Only a submitted report can be returned."))
    if not (reason or "").strip():
        errors.add("reason", _("Say what to correct."))
    errors.raise_if_any()
    before = audit.snapshot(report)
    report.status = ReportStatus.RETURNED
    report.return_reason = reason.strip()[:300]
    report.save(update_fields=["status", "return_reason", "updated_at"])
    audit.record(actor, report, AuditAction.UPDATE, before)
    return report


@transaction.atomic
def task_remind(*, actor, task: Task) -> int:
    """Remind every recipient that has not reported (or must correct): counted on each
    report and shown on the recipient's list. Returns how many were reminded."""
    task = Task.objects.select_for_update().select_related("org").get(pk=task.pk)
    ensure_org_in_scope(actor, task.org, Action.CHANGE)
    if task.status != TaskStatus.OPEN:
        raise ValidationError(_("The task is closed."))
    from django.db.models import F

    waiting = task.reports.exclude(status=ReportStatus.SUBMITTED)
    count = waiting.update(reminders=F("reminders") + 1, last_reminded_at=timezone.now())
    audit.record(actor, task, AuditAction.UPDATE, extra={"reminded": ["", count]})
    return count


@transaction.atomic
def task_close(*, actor, task: Task) -> Task:
    task = Task.objects.select_for_update().select_related("org").get(pk=task.pk)
    ensure_org_in_scope(actor, task.org, Action.CHANGE)
    if task.status != TaskStatus.OPEN:
        raise ValidationError(_("The task is already closed."))
    before = audit.snapshot(task)
    task.status = TaskStatus.CLOSED
    task.save(update_fields=["status", "updated_at"])
    audit.record(actor, task, AuditAction.UPDATE, before)
    return task
