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
    TransferStatus,
)
from members.models import Member, MembershipChange, Transfer
from orgs.choices import OrgLevel
from orgs.models import Org

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


def clean_person_fields(data: dict, fail) -> tuple[dict, str | None, str | None]:
    """Name, ID number, phone and the code-list fields of a person (a member or a join
    applicant). Problems go to ``fail(field, message)``; returns the cleaned fields, the
    normalised ID number and phone ("" when none was given, None when invalid)."""
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
    return cleaned, id_number, phone


def personal_data_fields(id_number: str, phone: str | None) -> dict:
    """The stored form of a valid ID number and phone: ciphertext, blind index and mask,
    plus the gender and birth date written in the ID number."""
    facts = pii.id_number_facts(id_number)
    fields = {
        "id_number_cipher": pii.encrypt(id_number),
        "id_number_hash": pii.blind_index(pii.KIND_ID_NUMBER, id_number),
        "id_number_masked": pii.mask_id_number(id_number),
        "gender": facts["gender"],
        "birth_date": facts["birth_date"],
    }
    if phone:
        fields.update(
            phone_cipher=pii.encrypt(phone),
            phone_hash=pii.blind_index(pii.KIND_PHONE, phone),
            phone_masked=pii.mask_phone(phone),
        )
    elif phone == "":
        fields.update(phone_cipher="", phone_hash="", phone_masked="")
    return fields


def clean_member_data(data: dict, *, instance: Member | None = None) -> dict:
    """Validate a whole member record; every problem is reported at once, per field."""
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    cleaned, id_number, phone = clean_person_fields(data, fail)
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
        personal = personal_data_fields(id_number, phone)
        duplicate = Member.objects.filter(id_number_hash=personal["id_number_hash"]).exclude(
            pk=getattr(instance, "pk", None)
        )
        if duplicate.exists():
            fail(
                "id_number",
                _("This person is already a union member; transfer the membership instead."),
            )
        cleaned.update(personal)
    if errors:
        raise ValidationError(errors)
    cleaned["name_pinyin"], cleaned["name_initials"] = name_keys(cleaned["name"])
    # 农民工: a worker with an agricultural household registration (DOMAIN §2.3).
    cleaned["is_migrant_worker"] = cleaned["household_type"] == HouseholdType.AGRICULTURAL
    return cleaned


def _card_number(member: Member) -> str:
    return f"{member.joined_on:%Y}{member.pk:08d}"


@transaction.atomic
def member_create(*, actor, data: dict, scope_action: str = Action.CHANGE) -> Member:
    """Register a member (入会) at a union in the actor's scope and log the change.

    A cadre registering a member needs change rights at the union and may only name an
    employer they can see. Approving a join application (members/joining.py) registers with
    review rights (``scope_action=Action.REVIEW``); its employer was chosen by the applicant
    from the public list, so the reviewer's scope does not limit it.
    """
    cleaned = clean_member_data(data)
    ensure_org_in_scope(actor, cleaned["org"], scope_action)
    if cleaned.get("enterprise") is not None and scope_action != Action.REVIEW:
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


@transaction.atomic
def transfer_request(
    *, actor, member: Member, to_org_code: str, reason: str, note: str = "", on=None
) -> Transfer:
    """转出: the member's union sends them to another union (any union of the city, named by
    its org code). The member stays where they are until the receiving union accepts."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    ensure_in_scope(actor, member)
    errors = {}
    to_org = Org.objects.filter(code=(to_org_code or "").strip()).first()
    if to_org is None:
        errors["to_org_code"] = _("No organisation has the code %(code)s.") % {"code": to_org_code}
    elif to_org.level not in MEMBER_ORG_LEVELS or not to_org.is_active:
        errors["to_org_code"] = _(
            "Members belong to an active grassroots union, federation or higher union."
        )
    elif to_org.pk == member.org_id:
        errors["to_org_code"] = _("The member already belongs to this union.")
    if member.status != MemberStatus.ACTIVE:
        errors["member"] = _("Only an active membership can be transferred.")
    if reason not in ChangeReason.values:
        errors["reason"] = _("Choose the reason.")
    if Transfer.objects.filter(member=member, status=TransferStatus.PENDING).exists():
        errors["member"] = _("A transfer of this member is already waiting for an answer.")
    if errors:
        raise ValidationError(errors)
    transfer = Transfer.objects.create(
        member=member,
        from_org=member.org,
        to_org=to_org,
        reason=reason,
        note=(note or "").strip(),
        requested_on=on or datetime.date.today(),
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, transfer, AuditAction.CREATE)
    return transfer


def _decide(actor, transfer: Transfer, side: str, action: str = Action.CHANGE) -> Transfer:
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    ensure_org_in_scope(actor, getattr(transfer, side), action)
    if transfer.status != TransferStatus.PENDING:
        raise ValidationError(_("This transfer has already been answered."))
    return transfer


@transaction.atomic
def transfer_accept(
    *,
    actor,
    transfer: Transfer,
    note: str = "",
    enterprise=None,
    scope_action: str = Action.CHANGE,
) -> Transfer:
    """接收: the receiving union takes the member in; both sides' history records it.
    Approving a join application that is a transfer accepts with review rights
    (``scope_action=Action.REVIEW``)."""
    transfer = _decide(actor, transfer, "to_org", scope_action)
    member = Member.objects.select_for_update().get(pk=transfer.member_id)
    if member.status != MemberStatus.ACTIVE or member.org_id != transfer.from_org_id:
        raise ValidationError(
            _("The member's membership changed meanwhile; ask for a new transfer.")
        )
    today = datetime.date.today()
    before = audit.snapshot(member)
    member.org = transfer.to_org
    member.enterprise = enterprise
    member.save(update_fields=["org", "enterprise", "updated_at"])
    by = actor if getattr(actor, "pk", None) else None
    MembershipChange.objects.bulk_create(
        [
            MembershipChange(
                member=member,
                change_type=kind,
                reason=transfer.reason,
                on=today,
                from_org=transfer.from_org,
                to_org=transfer.to_org,
                actor=by,
            )
            for kind in (ChangeType.TRANSFERRED_OUT, ChangeType.TRANSFERRED_IN)
        ]
    )
    transfer_before = audit.snapshot(transfer)
    transfer.status = TransferStatus.ACCEPTED
    transfer.decided_on, transfer.decided_by = today, by
    transfer.decision_note = (note or "").strip()
    transfer.save()
    audit.record(actor, transfer, AuditAction.UPDATE, before=transfer_before)
    audit.record(actor, member, AuditAction.UPDATE, before=before)
    return transfer


@transaction.atomic
def transfer_reject(*, actor, transfer: Transfer, note: str) -> Transfer:
    """The receiving union refuses, saying why; the member stays at the old union."""
    transfer = _decide(actor, transfer, "to_org")
    if not (note or "").strip():
        raise ValidationError({"note": _("Say why the transfer is refused.")})
    return _close(actor, transfer, TransferStatus.REJECTED, note)


@transaction.atomic
def transfer_cancel(*, actor, transfer: Transfer, note: str = "") -> Transfer:
    """The sending union withdraws a transfer nobody has answered yet."""
    transfer = _decide(actor, transfer, "from_org")
    return _close(actor, transfer, TransferStatus.CANCELLED, note)


def _close(actor, transfer: Transfer, status: str, note: str) -> Transfer:
    before = audit.snapshot(transfer)
    transfer.status = status
    transfer.decided_on = datetime.date.today()
    transfer.decided_by = actor if getattr(actor, "pk", None) else None
    transfer.decision_note = (note or "").strip()
    transfer.save()
    audit.record(actor, transfer, AuditAction.UPDATE, before=before)
    return transfer
