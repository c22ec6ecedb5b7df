"""信访: every write of petitions (信访工作条例 2022; every number is a setting).

* **Register** (``petition_create``): a cadre records a letter, visit, online petition or a
  matter passed on by 12351, with the petitioner (phone encrypted and masked as for 12351
  callers, ``rights.actions``), the number of people (集体访 from
  ``PETITION_COLLECTIVE_PEOPLE``) and the date received; the union must decide within
  ``PETITION_ACCEPT_DAYS`` calendar days.
* **Decide**: 受理 (the reply is due ``PETITION_HANDLE_DAYS`` days later) or 不予受理 with
  the reason the petitioner is told.
* **Hand down** (交办) to a union in the handling union's subtree, which then sees and
  handles it (``Petition.scope_fields``).
* **Extend** once, by at most ``PETITION_EXTEND_DAYS``, with a reason, before the deadline.
* **Reply** (办结) with a written 答复意见.
* **Review** (复查): asked within ``PETITION_REVIEW_REQUEST_DAYS`` of the reply, handled by
  the union above the one that replied within ``PETITION_REVIEW_DAYS``.

Each step checks the status first (a wrong step raises a Chinese error and changes nothing),
writes a ``PetitionEvent`` and an audit row, in one transaction.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit, pii
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from orgs.choices import EnterpriseStatus, OrgStatus
from orgs.models import Org
from petitions.choices import PetitionChannel, PetitionEventKind, PetitionStatus
from petitions.models import Petition, PetitionEvent
from rights.actions import FieldErrors, caller_phone_fields, clean_choice, clean_text, clean_workers
from rights.choices import Category

# Which steps each status allows.
TRANSITIONS = {
    PetitionEventKind.ACCEPTED: {PetitionStatus.REGISTERED},
    PetitionEventKind.NOT_ACCEPTED: {PetitionStatus.REGISTERED},
    PetitionEventKind.HANDED_DOWN: {PetitionStatus.REGISTERED, PetitionStatus.ACCEPTED},
    PetitionEventKind.EXTENDED: {PetitionStatus.ACCEPTED},
    PetitionEventKind.REPLIED: {PetitionStatus.ACCEPTED},
    PetitionEventKind.REVIEW_REQUESTED: {PetitionStatus.REPLIED},
    PetitionEventKind.REVIEWED: {PetitionStatus.REVIEWING},
}


def days(key: str) -> int:
    return int(settings.GONGHUI[key])


def _today() -> datetime.date:
    return timezone.localdate()


def _event(petition, kind, actor, note="", org=None) -> PetitionEvent:
    return PetitionEvent.objects.create(
        petition=petition,
        kind=kind,
        at=timezone.now(),
        actor_name=getattr(actor, "username", "") or "system",
        org=org or petition.handling_org,
        note=note,
    )


def petition_create(*, actor, data: dict) -> Petition:
    """登记: ``data`` holds org (receiving union), channel, category, caller_name, phone,
    workers_involved, enterprise, subject, content, received_on."""
    fail = FieldErrors()
    org = data.get("org")
    if org is None:
        fail("org", _("Choose the union that received the petition."))
    elif org.status != OrgStatus.ACTIVE:
        fail("org", _("This union is dissolved; choose another one."))
    channel = clean_choice(data, "channel", PetitionChannel.choices, fail)
    category = clean_choice(data, "category", Category.choices, fail)
    name = clean_text(
        data, "caller_name", fail, required_message=_("Enter the name."), max_length=50
    )
    phone = (data.get("phone") or "").strip()
    if phone:
        try:
            phone = pii.normalise_phone(phone, allow_landline=True)
        except ValidationError as error:
            fail("phone", error.messages[0])
            phone = ""
    people = clean_workers(data, fail)
    enterprise = data.get("enterprise")
    if enterprise is not None and enterprise.status != EnterpriseStatus.ACTIVE:
        fail("enterprise", _("This employer is closed; type its name instead."))
    subject = clean_text(
        data,
        "subject",
        fail,
        required_message=_("Say in a few words what it is about."),
        max_length=120,
    )
    content = clean_text(
        data, "content", fail, required_message=_("Describe the matter."), max_length=5000
    )
    received_on = data.get("received_on") or _today()
    if received_on > _today():
        fail("received_on", _("The date received cannot be in the future."))
    fail.raise_if_any()
    with transaction.atomic():
        ensure_org_in_scope(actor, org, Action.CHANGE)
        petition = Petition.objects.create(
            org=org,
            channel=channel,
            category=category,
            caller_name=name,
            **caller_phone_fields(phone),
            workers_involved=people,
            is_collective=people >= days("PETITION_COLLECTIVE_PEOPLE"),
            enterprise=enterprise,
            subject=subject,
            content=content,
            received_on=received_on,
            accept_due_on=received_on + datetime.timedelta(days=days("PETITION_ACCEPT_DAYS")),
        )
        note = (
            _("Collective petition: %(n)s people.") % {"n": people}
            if petition.is_collective
            else ""
        )
        _event(petition, PetitionEventKind.REGISTERED, actor, note)
        audit.record(actor, petition, AuditAction.CREATE)
    return petition


def _locked(petition: Petition) -> Petition:
    return (
        # Lock the petition row only: handed_to is the nullable side of an outer join.
        Petition.objects.select_for_update(of=("self",))
        .select_related("org", "handed_to")
        .get(pk=petition.pk)
    )


def _check_step(petition: Petition, step: str) -> None:
    if petition.status not in TRANSITIONS[step]:
        raise ValidationError(
            _("The petition is %(status)s; it cannot be %(step)s now.")
            % {"status": petition.get_status_display(), "step": PetitionEventKind(step).label}
        )


def _step(actor, petition, step, change, note="", org=None) -> Petition:
    """Lock, check the status and the actor's scope, apply ``change``, record it."""
    with transaction.atomic():
        petition = _locked(petition)
        ensure_in_scope(actor, petition)
        _check_step(petition, step)
        before = audit.snapshot(petition)
        change(petition)
        petition.save()
        _event(petition, step, actor, note, org=org)
        audit.record(actor, petition, AuditAction.UPDATE, before)
    return petition


def petition_accept(*, actor, petition: Petition, note: str = "") -> Petition:
    """受理: the reply is due ``PETITION_HANDLE_DAYS`` days from today."""

    def change(p):
        p.status = PetitionStatus.ACCEPTED
        p.accepted_on = _today()
        p.handle_due_on = p.accepted_on + datetime.timedelta(days=days("PETITION_HANDLE_DAYS"))

    return _step(actor, petition, PetitionEventKind.ACCEPTED, change, note)


def petition_reject(*, actor, petition: Petition, reason: str) -> Petition:
    """不予受理: the reason is recorded and told to the petitioner (告知)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason told to the petitioner.")})
    if len(reason) > 300:
        raise ValidationError({"reason": _("Shorten this to %(n)s characters.") % {"n": 300}})

    def change(p):
        p.status = PetitionStatus.NOT_ACCEPTED
        p.not_accepted_reason = reason

    return _step(actor, petition, PetitionEventKind.NOT_ACCEPTED, change, reason)


def petition_hand_down(*, actor, petition: Petition, to_org: Org, note: str = "") -> Petition:
    """交办: a union below the handling one takes the petition over (and sees it)."""
    if to_org is None:
        raise ValidationError({"to_org": _("Choose a union below the handling union.")})
    handling = petition.handling_org
    if (
        to_org.status != OrgStatus.ACTIVE
        or not to_org.path.startswith(handling.path)
        or to_org.pk == handling.pk
    ):
        raise ValidationError({"to_org": _("Choose a union below the handling union.")})

    def change(p):
        p.handed_to = to_org

    text = _("Handed down to %(org)s.") % {"org": to_org.name}
    return _step(
        actor, petition, PetitionEventKind.HANDED_DOWN, change, f"{text} {note}".strip(), to_org
    )


def petition_extend(*, actor, petition: Petition, extra_days: int, reason: str) -> Petition:
    """延期: once, by at most ``PETITION_EXTEND_DAYS``, before the reply deadline passes."""
    limit = days("PETITION_EXTEND_DAYS")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the extension.")})
    if not isinstance(extra_days, int) or not 1 <= extra_days <= limit:
        raise ValidationError({"extra_days": _("Extend by 1 to %(n)s days.") % {"n": limit}})

    def change(p):
        if p.extended_days:
            raise ValidationError(_("The deadline was extended once already."))
        if p.handle_due_on < _today():
            raise ValidationError(_("The reply deadline has passed; it cannot be extended."))
        p.extended_days = extra_days
        p.extension_reason = reason[:300]
        p.handle_due_on += datetime.timedelta(days=extra_days)

    note = _("%(n)s days: %(reason)s") % {"n": extra_days, "reason": reason}
    return _step(actor, petition, PetitionEventKind.EXTENDED, change, note)


def petition_reply(*, actor, petition: Petition, reply: str) -> Petition:
    """办结: the written reply opinion (答复意见) to the petitioner."""
    reply = (reply or "").strip()
    if not reply:
        raise ValidationError({"reply": _("Write the reply opinion.")})
    if len(reply) > 5000:
        raise ValidationError({"reply": _("Shorten this to %(n)s characters.") % {"n": 5000}})

    def change(p):
        p.status = PetitionStatus.REPLIED
        p.reply = reply
        p.replied_on = _today()

    return _step(actor, petition, PetitionEventKind.REPLIED, change, reply)


def petition_request_review(*, actor, petition: Petition, note: str = "") -> Petition:
    """复查请求: within ``PETITION_REVIEW_REQUEST_DAYS`` of the reply; the union above the
    one that replied reviews it within ``PETITION_REVIEW_DAYS``."""

    def change(p):
        window = days("PETITION_REVIEW_REQUEST_DAYS")
        if _today() > p.replied_on + datetime.timedelta(days=window):
            raise ValidationError(
                _("A review must be asked for within %(n)s days of the reply.") % {"n": window}
            )
        parent = Org.objects.get_parent(p.handling_org)
        if parent is None:
            raise ValidationError(_("No union above the one that replied can review it."))
        p.status = PetitionStatus.REVIEWING
        p.review_org = parent
        p.review_requested_on = _today()
        p.review_due_on = _today() + datetime.timedelta(days=days("PETITION_REVIEW_DAYS"))

    return _step(actor, petition, PetitionEventKind.REVIEW_REQUESTED, change, note)


def petition_review(*, actor, petition: Petition, opinion: str) -> Petition:
    """复查: the reviewing union's written opinion; only a cadre of that union may give it."""
    opinion = (opinion or "").strip()
    if not opinion:
        raise ValidationError({"opinion": _("Write the review opinion.")})
    if len(opinion) > 5000:
        raise ValidationError({"opinion": _("Shorten this to %(n)s characters.") % {"n": 5000}})

    def change(p):
        ensure_org_in_scope(actor, p.review_org, Action.CHANGE)
        p.status = PetitionStatus.REVIEWED
        p.review_reply = opinion
        p.reviewed_on = _today()

    return _step(actor, petition, PetitionEventKind.REVIEWED, change, opinion)
