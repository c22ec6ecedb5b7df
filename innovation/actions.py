"""Writes of worker technical innovation (C11): submit, review (采纳/不采纳), implement,
forward upward to the next level's selection (逐级推荐), award; studios.

Rules: a 发明创造 carries a valid Chinese patent number (ZL + 8 or 12 digits + check digit);
a "五小" names which of the five smalls it is; the estimated benefit is in 万元 and not
negative. The union an innovation was submitted through reviews it; whichever union holds
it now (the submitting one, or the one it was forwarded to) awards it or forwards it to its
own parent. Each write validates the whole request, runs in one transaction, re-checks
scope and writes the audit log.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from contests.actions import Errors
from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from innovation.choices import AwardGrade, InnovationKind, InnovationStatus, SubmitterKind
from innovation.models import Innovation, Studio

MAX_BENEFIT = Decimal("1000000")  # 万元: above 100亿 is a typing error
_PATENT = re.compile(r"^(?:ZL)?(\d{8}|\d{12})\.?([\dX])$")
_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9)


def patent_check_digit(digits: str) -> str:
    """Check digit of a CNIPA application number: Σ digit × 2,3,…,9,2,3,… mod 11 (10 → X)."""
    total = sum(int(d) * _WEIGHTS[i % len(_WEIGHTS)] for i, d in enumerate(digits))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def clean_patent_number(value: str) -> str:
    """``ZL202310123456.7`` from forgiving input (spaces, lower case, no dot, no ZL);
    raises ValueError with the message to show."""
    text = re.sub(r"[\s　]", "", value or "").upper().replace("．", ".")
    match = _PATENT.match(text)
    if not match:
        raise ValueError(_("Enter the patent number, e.g. ZL202310123456.7."))
    digits, check = match.groups()
    if patent_check_digit(digits) != check:
        raise ValueError(_("The check digit of the patent number is wrong."))
    return f"ZL{digits}.{check}"


def clean_benefit(value, errors: Errors) -> Decimal:
    try:
        benefit = Decimal(str(value)) if value not in (None, "") else Decimal("0")
    except InvalidOperation:
        benefit = None
    if benefit is None or not benefit.is_finite():
        errors.add("estimated_benefit", _("Enter the benefit in 10k yuan, e.g. 12.5."))
        return Decimal("0")
    if benefit < 0 or benefit > MAX_BENEFIT:
        errors.add("estimated_benefit", _("The benefit must be from 0 to 1,000,000 (10k yuan)."))
    return benefit.quantize(Decimal("0.01"))


@transaction.atomic
def innovation_submit(*, actor, data: dict) -> Innovation:
    """Record a submission through a union of the actor's scope."""
    errors = Errors()
    data = dict(data)
    member = data.get("member")
    if member is not None:
        data["org"] = data.get("org") or member.org
        data["enterprise"] = data.get("enterprise") or member.enterprise
        data["authors"] = (data.get("authors") or "").strip() or member.name
    org = data.get("org")
    if org is None:
        errors.add("org", _("Choose the union it is submitted through."))
    else:
        ensure_org_in_scope(actor, org)
    for key in ("title", "authors", "description"):
        data[key] = (data.get(key) or "").strip()
    if not data["title"]:
        errors.add("title", pgettext("innovation", "Enter the title."))
    if not data["authors"]:
        errors.add("authors", _("Enter the authors."))
    if not data["description"]:
        errors.add("description", _("Describe the innovation."))
    kind = data.get("kind")
    if kind == InnovationKind.FIVE_SMALL and not data.get("five_small"):
        errors.add("five_small", _("Say which of the five smalls it is."))
    if kind != InnovationKind.FIVE_SMALL:
        data["five_small"] = ""
    patent = (data.get("patent_number") or "").strip()
    if patent:
        try:
            data["patent_number"] = clean_patent_number(patent)
        except ValueError as error:
            errors.add("patent_number", str(error))
    elif kind == InnovationKind.INVENTION:
        errors.add("patent_number", _("An invention needs its patent number."))
    if (
        data.get("submitter_kind") == SubmitterKind.TEAM
        and not (data.get("team_name") or "").strip()
    ):
        errors.add("team_name", _("Enter the team's name."))
    data["estimated_benefit"] = clean_benefit(data.get("estimated_benefit"), errors)
    studio = data.get("studio")
    if (
        studio is not None
        and org is not None
        and not org.path.startswith(studio.org.path)
        and not studio.org.path.startswith(org.path)
    ):
        errors.add("studio", _("The studio belongs to another organisation."))
    submitted_on = data.get("submitted_on") or timezone.localdate()
    if submitted_on > timezone.localdate():
        errors.add("submitted_on", _("The date cannot be in the future."))
    errors.raise_if_any()
    data["submitted_on"] = submitted_on
    data["year"] = data.get("year") or submitted_on.year
    innovation = Innovation.objects.create(**data)
    audit.record(actor, innovation, AuditAction.CREATE)
    ensure_in_scope(actor, innovation)
    return innovation


def _locked(innovation: Innovation) -> Innovation:
    return (
        Innovation.objects.select_for_update(of=("self",))
        .select_related("org", "forwarded_to")
        .get(pk=innovation.pk)
    )


def _save(actor, innovation, before, fields):
    innovation.save(update_fields=[*fields, "updated_at"])
    audit.record(actor, innovation, AuditAction.UPDATE, before=before)
    return innovation


@transaction.atomic
def innovation_review(
    *, actor, innovation: Innovation, adopted: bool, note: str = ""
) -> Innovation:
    """The submitting union adopts (采纳) or turns down a submission, with a note."""
    innovation = _locked(innovation)
    ensure_org_in_scope(actor, innovation.org, Action.REVIEW)
    errors = Errors()
    if innovation.status != InnovationStatus.SUBMITTED:
        errors.add(None, _("Only a submission awaiting review can be reviewed."))
    note = (note or "").strip()
    if not adopted and not note:
        errors.add("note", _("Say why it is not adopted."))
    errors.raise_if_any()
    before = audit.snapshot(innovation)
    innovation.status = InnovationStatus.ADOPTED if adopted else InnovationStatus.REJECTED
    innovation.review_note = note
    innovation.reviewed_on = timezone.localdate()
    return _save(actor, innovation, before, ["status", "review_note", "reviewed_on"])


@transaction.atomic
def innovation_implement(*, actor, innovation: Innovation) -> Innovation:
    innovation = _locked(innovation)
    ensure_org_in_scope(actor, innovation.org)
    if innovation.status != InnovationStatus.ADOPTED:
        raise ValidationError(_("Only an adopted innovation can be marked implemented."))
    before = audit.snapshot(innovation)
    innovation.status = InnovationStatus.IMPLEMENTED
    return _save(actor, innovation, before, ["status"])


@transaction.atomic
def innovation_forward(*, actor, innovation: Innovation) -> Innovation:
    """The union holding an adopted innovation recommends it to its parent's selection;
    the parent's cadres see it from then on (``forwarded_to`` is a scope field)."""
    innovation = _locked(innovation)
    holder = innovation.holder
    ensure_org_in_scope(actor, holder)
    errors = Errors()
    if innovation.status not in (InnovationStatus.ADOPTED, InnovationStatus.IMPLEMENTED):
        errors.add(None, _("Only an adopted innovation can be forwarded."))
    parent = type(holder).objects.get_parent(holder)
    if parent is None:
        errors.add(None, _("It is already at the top level."))
    errors.raise_if_any()
    before = audit.snapshot(innovation)
    innovation.forwarded_to = parent
    innovation.forwarded_on = timezone.localdate()
    return _save(actor, innovation, before, ["forwarded_to", "forwarded_on"])


@transaction.atomic
def innovation_award(*, actor, innovation: Innovation, award: str) -> Innovation:
    """The union holding the innovation gives it an award in its selection."""
    innovation = _locked(innovation)
    holder = innovation.holder
    ensure_org_in_scope(actor, holder, Action.REVIEW)
    errors = Errors()
    if innovation.status not in (InnovationStatus.ADOPTED, InnovationStatus.IMPLEMENTED):
        errors.add(None, _("Only an adopted innovation can be awarded."))
    if award not in AwardGrade.values:
        errors.add("award", _("Choose the award."))
    errors.raise_if_any()
    before = audit.snapshot(innovation)
    innovation.award, innovation.award_org = award, holder
    return _save(actor, innovation, before, ["award", "award_org"])


@transaction.atomic
def studio_save(*, actor, data: dict, studio: Studio | None = None) -> Studio:
    """Register a studio (or correct one) at a union of the actor's scope."""
    errors = Errors()
    data = dict(data)
    leader = data.get("leader")
    if leader is not None:
        data["leader_name"] = (data.get("leader_name") or "").strip() or leader.name
        data["enterprise"] = data.get("enterprise") or leader.enterprise
        data["org"] = data.get("org") or leader.org
    for key in ("name", "leader_name", "team", "speciality", "named_by"):
        data[key] = (data.get(key) or "").strip()
    if not data["name"]:
        errors.add("name", _("Enter the name of the studio."))
    if not data["leader_name"]:
        errors.add("leader_name", _("Enter the leader."))
    org = data.get("org") if studio is None else studio.org
    if org is None:
        errors.add("org", _("Choose the union."))
    else:
        ensure_org_in_scope(actor, org)
    if data.get("named_on") and data["named_on"] > timezone.localdate():
        errors.add("named_on", _("The date cannot be in the future."))
    errors.raise_if_any()
    if studio is None:
        studio = Studio.objects.create(**data)
        audit.record(actor, studio, AuditAction.CREATE)
    else:
        studio = Studio.objects.select_for_update().get(pk=studio.pk)
        ensure_in_scope(actor, studio)
        before = audit.snapshot(studio)
        data.pop("org", None)
        for key, value in data.items():
            setattr(studio, key, value)
        studio.save()
        audit.record(actor, studio, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, studio)
    return studio
