"""Writes of skills improvement (C13): trainings, enrolments and completions, awards.

Rules: a training ends on or after its start and never takes more members than its places;
a member enrols once per training; only an enrolled member completes (not before the start);
an award is positive and at most ``SKILL_AWARD_MAX_YUAN``; a promotion award (技师/高级技师)
is paid once per member, a patent award once per patent number. Each write validates the
whole request, runs in one transaction, re-checks scope and writes the audit log.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.actions import Errors
from core import audit
from core.choices import AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from innovation.actions import clean_patent_number
from skills.choices import ONCE_PER_MEMBER, EnrolmentStatus, SkillAwardKind
from skills.models import Enrolment, SkillAward, Training


def _clean_training(data, errors):
    data = dict(data)
    for key in ("name", "trade", "description"):
        data[key] = (data.get(key) or "").strip()
    if not data["name"]:
        errors.add("name", _("Enter the name of the training."))
    if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
        errors.add("ends_on", _("The training cannot end before it starts."))
    return data


@transaction.atomic
def training_save(*, actor, data: dict, training: Training | None = None) -> Training:
    errors = Errors()
    data = _clean_training(data, errors)
    if training is None:
        if data.get("org") is None:
            errors.add("org", _("Choose the host."))
        else:
            ensure_org_in_scope(actor, data["org"])
    else:
        training = Training.objects.select_for_update().get(pk=training.pk)
        ensure_in_scope(actor, training)
        data.pop("org", None)
        taken = training.enrolments.exclude(status=EnrolmentStatus.DROPPED).count()
        if data.get("capacity") and data["capacity"] < taken:
            errors.add("capacity", _("%(n)s members are already enrolled.") % {"n": taken})
    errors.raise_if_any()
    if training is None:
        training = Training.objects.create(**data)
        audit.record(actor, training, AuditAction.CREATE)
    else:
        before = audit.snapshot(training)
        for key, value in data.items():
            setattr(training, key, value)
        training.save()
        audit.record(actor, training, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, training)
    return training


@transaction.atomic
def enrol(*, actor, training: Training, member, enrolled_on=None) -> Enrolment:
    """Enrol a member of the actor's scope on a training hosted in the actor's scope."""
    training = Training.objects.select_for_update().get(pk=training.pk)
    ensure_in_scope(actor, training)
    errors = Errors()
    if member is None:
        errors.add("member", _("Choose the member."))
    else:
        ensure_in_scope(actor, member)
        if training.enrolments.filter(member=member).exists():
            errors.add("member", _("The member is already enrolled."))
    taken = training.enrolments.exclude(status=EnrolmentStatus.DROPPED).count()
    if training.capacity and taken >= training.capacity:
        errors.add(None, _("The training is full."))
    enrolled_on = enrolled_on or timezone.localdate()
    if enrolled_on > training.ends_on:
        errors.add("enrolled_on", _("The training has already ended."))
    errors.raise_if_any()
    enrolment = Enrolment.objects.create(training=training, member=member, enrolled_on=enrolled_on)
    audit.record(actor, enrolment, AuditAction.CREATE)
    return enrolment


@transaction.atomic
def enrolment_finish(*, actor, enrolment: Enrolment, completed: bool, on=None) -> Enrolment:
    """Record that an enrolled member completed the training (结业) or dropped out."""
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("training", "member")
        .get(pk=enrolment.pk)
    )
    ensure_org_in_scope(actor, enrolment.training.org)
    errors = Errors()
    if enrolment.status != EnrolmentStatus.ENROLLED:
        errors.add(None, _("Only an enrolled member can complete or drop out."))
    on = on or timezone.localdate()
    if completed and on < enrolment.training.starts_on:
        errors.add("on", _("The training has not started by then."))
    if on > timezone.localdate():
        errors.add("on", _("The date cannot be in the future."))
    errors.raise_if_any()
    before = audit.snapshot(enrolment)
    enrolment.status = EnrolmentStatus.COMPLETED if completed else EnrolmentStatus.DROPPED
    enrolment.completed_on = on if completed else None
    enrolment.save(update_fields=["status", "completed_on"])
    audit.record(actor, enrolment, AuditAction.UPDATE, before=before)
    return enrolment


@transaction.atomic
def award_grant(*, actor, data: dict) -> SkillAward:
    """Record money paid to a member for a skills step, from the given fund."""
    errors = Errors()
    data = dict(data)
    org, member, kind = data.get("org"), data.get("member"), data.get("kind")
    if org is None:
        errors.add("org", _("Choose the union that paid."))
    else:
        ensure_org_in_scope(actor, org)
    if member is None:
        errors.add("member", _("Choose the member."))
    try:
        amount = Decimal(str(data.get("amount")))
    except (InvalidOperation, TypeError):
        amount = None
    ceiling = Decimal(str(settings.GONGHUI["SKILL_AWARD_MAX_YUAN"]))
    if amount is None or not amount.is_finite() or amount <= 0 or amount > ceiling:
        errors.add(
            "amount", _("Enter an amount above 0 and at most %(max)s yuan.") % {"max": ceiling}
        )
    reference = (data.get("reference") or "").strip()
    if kind == SkillAwardKind.PATENT:
        try:
            reference = clean_patent_number(reference)
        except ValueError as error:
            errors.add("reference", str(error))
        else:
            if SkillAward.objects.filter(kind=kind, reference=reference).exists():
                errors.add("reference", _("This patent was already awarded."))
    once = kind in ONCE_PER_MEMBER and member is not None
    if once and SkillAward.objects.filter(kind=kind, member=member).exists():
        errors.add("kind", _("The member already received this award."))
    granted_on = data.get("granted_on") or timezone.localdate()
    if granted_on > timezone.localdate():
        errors.add("granted_on", _("The date cannot be in the future."))
    errors.raise_if_any()
    award = SkillAward.objects.create(
        org=org,
        member=member,
        kind=kind,
        amount=amount.quantize(Decimal("0.01")),
        fund=data.get("fund"),
        granted_on=granted_on,
        reference=reference,
        note=(data.get("note") or "").strip(),
    )
    audit.record(actor, award, AuditAction.CREATE)
    ensure_in_scope(actor, award)
    return award
