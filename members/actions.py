"""Writes on members: create, edit, reveal personal data, leave and restore membership.

Every write validates the whole request first, runs in one transaction, re-checks scope and
writes an audit row. Personal data is encrypted before it reaches the database.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from pypinyin import Style, lazy_pinyin

from core import audit, pii
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from members.choices import (
    ETHNICITY_CHOICES,
    ChangeReason,
    ChangeType,
    Education,
    EmploymentForm,
    EmploymentStatus,
    HouseholdType,
    MemberStatus,
    PoliticalStatus,
    SkillLevel,
)
from members.models import Member, MembershipChange
from orgs.choices import OrgLevel

MEMBER_ORG_LEVELS = (OrgLevel.GRASSROOTS, OrgLevel.FEDERATION, OrgLevel.STREET, OrgLevel.DISTRICT)
CHOICE_FIELDS = {
    "ethnicity": dict(ETHNICITY_CHOICES),
    "education": dict(Education.choices),
    "political_status": dict(PoliticalStatus.choices),
    "household_type": dict(HouseholdType.choices),
    "employment_form": dict(EmploymentForm.choices),
    "employment_status": dict(EmploymentStatus.choices),
    "skill_level": dict(SkillLevel.choices),
}
REQUIRED_CHOICES = ("ethnicity", "education", "political_status", "household_type")


def name_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials of a name, for search by 拼音 or 首字母."""
    syllables = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables).lower(), "".join(initials).lower()


def clean_member_data(data: dict, *, instance: Member | None = None) -> dict:
    """Validate a whole member record; every problem is reported at once, per field."""
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    cleaned: dict = {}
    name = (data.get("name") or "").strip()
    if not name:
        fail("name", _("Enter the name."))
    cleaned["name"] = name
    try:
        id_number = pii.normalise_id_number(data.get("id_number") or "")
    except ValidationError as error:
        fail("id_number", error.messages[0])
        id_number = None
    phone = (data.get("phone") or "").strip()
    if phone:
        try:
            phone = pii.normalise_phone(phone)
        except ValidationError as error:
            fail("phone", error.messages[0])
            phone = None
    for field, choices in CHOICE_FIELDS.items():
        value = data.get(field, "") or ""
        if field in REQUIRED_CHOICES and not value:
            fail(field, _("Choose a value."))
        elif value and value not in choices:
            fail(field, _("%(value)s is not one of the choices.") % {"value": value})
        cleaned[field] = value
    cleaned["employment_form"] = cleaned["employment_form"] or EmploymentForm.STANDARD
    cleaned["employment_status"] = cleaned["employment_status"] or EmploymentStatus.EMPLOYED
    org = data.get("org")
    if org is None:
        fail("org", _("Choose the union."))
    elif org.level not in MEMBER_ORG_LEVELS or not org.is_active:
        fail("org", _("Members belong to an active grassroots union, federation or higher union."))
    cleaned["org"] = org
    cleaned["enterprise"] = data.get("enterprise")
    joined = data.get("joined_on")
    if joined is None:
        fail("joined_on", _("Enter the date of joining."))
    elif joined > datetime.date.today():
        fail("joined_on", _("The date cannot be in the future."))
    cleaned["joined_on"] = joined
    card = (data.get("card_number") or "").strip()
    if (
        card
        and Member.objects.filter(card_number=card)
        .exclude(pk=getattr(instance, "pk", None))
        .exists()
    ):
        fail("card_number", _("The card number %(card)s is already used.") % {"card": card})
    cleaned["card_number"] = card
    if id_number:
        digest = pii.blind_index(pii.KIND_ID_NUMBER, id_number)
        duplicate = Member.objects.filter(id_number_hash=digest).exclude(
            pk=getattr(instance, "pk", None)
        )
        if duplicate.exists():
            fail(
                "id_number",
                _("This person is already a union member; transfer the membership instead."),
            )
        facts = pii.id_number_facts(id_number)
        cleaned.update(
            id_number_cipher=pii.encrypt(id_number),
            id_number_hash=digest,
            id_number_masked=pii.mask_id_number(id_number),
            gender=facts["gender"],
            birth_date=facts["birth_date"],
        )
    if phone:
        cleaned.update(
            phone_cipher=pii.encrypt(phone),
            phone_hash=pii.blind_index(pii.KIND_PHONE, phone),
            phone_masked=pii.mask_phone(phone),
        )
    elif phone == "":
        cleaned.update(phone_cipher="", phone_hash="", phone_masked="")
    if errors:
        raise ValidationError(errors)
    cleaned["name_pinyin"], cleaned["name_initials"] = name_keys(name)
    # 农民工: a worker with an agricultural household registration (DOMAIN §2.3).
    cleaned["is_migrant_worker"] = cleaned["household_type"] == HouseholdType.AGRICULTURAL
    return cleaned


def _card_number(member: Member) -> str:
    return f"{member.joined_on:%Y}{member.pk:08d}"


@transaction.atomic
def member_create(*, actor, data: dict) -> Member:
    """Register a member (入会) at a union in the actor's scope and log the change."""
    cleaned = clean_member_data(data)
    ensure_org_in_scope(actor, cleaned["org"])
    if cleaned.get("enterprise") is not None:
        ensure_in_scope(actor, cleaned["enterprise"], Action.VIEW)
    given_card = cleaned.pop("card_number")
    member = Member.objects.create(
        card_number=given_card or f"tmp-{uuid.uuid4().hex[:15]}", **cleaned
    )
    if not given_card:
        member.card_number = _card_number(member)
        member.save(update_fields=["card_number"])
    MembershipChange.objects.create(
        member=member,
        change_type=ChangeType.JOINED,
        on=member.joined_on,
        to_org=member.org,
        actor=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, member, AuditAction.CREATE)
    return member


@transaction.atomic
def member_update(*, actor, member: Member, data: dict) -> Member:
    """Edit a member record. Leaving the ID number or phone empty keeps the stored value;
    moving to another union is a transfer, not an edit."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    ensure_in_scope(actor, member)
    before = audit.snapshot(member)
    merged = {**data, "org": member.org}
    if not (data.get("id_number") or "").strip():
        merged["id_number"] = pii.decrypt(member.id_number_cipher)
    keep_phone = "phone" not in data or data.get("phone") is None
    if keep_phone and member.phone_cipher:
        merged["phone"] = pii.decrypt(member.phone_cipher)
    if not (data.get("card_number") or "").strip():
        merged["card_number"] = member.card_number
    cleaned = clean_member_data(merged, instance=member)
    if cleaned.get("enterprise") is not None and cleaned["enterprise"] != member.enterprise:
        ensure_in_scope(actor, cleaned["enterprise"], Action.VIEW)
    for key, value in cleaned.items():
        setattr(member, key, value)
    member.save()
    audit.record(actor, member, AuditAction.UPDATE, before=before)
    return member


def member_reveal(*, actor, member: Member, field: str) -> str:
    """The plain ID number or phone, for a role allowed to reveal; every reveal is logged."""
    if field not in ("id_number", "phone"):
        raise ValidationError(_("Unknown field."))
    ensure_in_scope(actor, member, Action.REVEAL)
    cipher = getattr(member, f"{field}_cipher")
    if not cipher:
        return ""
    audit.record(actor, member, AuditAction.REVEAL, extra={"field": [None, field]})
    return pii.decrypt(cipher)


LEAVING_STATUS = {
    ChangeType.LEFT: MemberStatus.LEFT,
    ChangeType.REMOVED: MemberStatus.REMOVED,
    ChangeType.KEPT: MemberStatus.KEPT,
}


@transaction.atomic
def member_change_status(
    *, actor, member: Member, change_type: str, reason: str, on: datetime.date, note: str = ""
) -> Member:
    """退会 / 除名 / 保留 with a reason; 恢复 restores an active membership. A retired or
    unemployed member is kept (保留) at their union (DOMAIN §2.4)."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    ensure_in_scope(actor, member)
    errors = {}
    if change_type == ChangeType.RESTORED:
        if member.status == MemberStatus.ACTIVE:
            errors["change_type"] = _("The membership is already active.")
        new_status = MemberStatus.ACTIVE
    elif change_type in LEAVING_STATUS:
        new_status = LEAVING_STATUS[change_type]
        if member.status == new_status:
            errors["change_type"] = _("The membership already has this status.")
        if not reason:
            errors["reason"] = _("Choose the reason.")
    else:
        errors["change_type"] = _("Choose what happens to the membership.")
        new_status = member.status
    if reason and reason not in ChangeReason.values:
        errors["reason"] = _("%(value)s is not one of the choices.") % {"value": reason}
    if on > datetime.date.today():
        errors["on"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(member)
    member.status = new_status
    member.save(update_fields=["status", "updated_at"])
    MembershipChange.objects.create(
        member=member,
        change_type=change_type,
        reason=reason,
        on=on,
        from_org=member.org,
        note=(note or "").strip(),
        actor=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, member, AuditAction.UPDATE, before=before)
    return member
