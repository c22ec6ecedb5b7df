"""Rights protection: every write of tickets (12351), legal aid and labour disputes.

Rules enforced here (views, API, the portal and the commands call these functions):

* **Routing** (``route``): a matter goes to the union covering the enterprise, else the
  federation, street or district where the worker works — the same chain as online joining
  (``members.joining.route_application``), reused, not copied.
* **Deadlines** count working days (``core/workdays.py``) from the day a ticket is received,
  by difficulty tier (``GONGHUI["TICKET_DEADLINE_WORKDAYS"]``: 一般/难点/特别复杂).
* **Ticket state machine** (``TICKET_TRANSITIONS``): received → assigned → handling →
  replied → closed; from any open state a ticket can be sent to another union (it starts
  there as received, with a new deadline) or transferred out to a department (terminal).
  A dissatisfied call-back on a replied ticket reopens it. Each step writes a
  ``TicketEvent`` and an audit row.
* **Group cases** (群体性): a ticket, legal-aid case or dispute involving at least
  ``GONGHUI["RIGHTS_GROUP_WORKERS"]`` workers (10, DOMAIN §3 Ningbo) is flagged at once.
* **Reminders and escalation** (``tickets_remind_and_escalate``): an open ticket due within
  ``TICKET_REMIND_WORKDAYS`` working days gets one reminder; an overdue one is escalated to
  the parent union once (its to-do list shows it; ``selectors`` also computes it on read).
* **Follow-up codes**: 12 random characters (``secrets``) shown once; only a keyed hash is
  stored, and a case is found by that hash.
* **Legal aid eligibility** (``legal_aid_eligibility``): members, workers in hardship, and
  anyone with a matter of ``GONGHUI["LEGAL_AID_OPEN_CATEGORIES"]`` (欠薪, 工伤 by default).
"""

from __future__ import annotations

import datetime
import secrets
import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import audit, pii
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from core.workdays import WorkdayCalendar
from members import joining
from members.choices import EmploymentForm
from members.models import Member
from orgs.choices import EnterpriseStatus, OrgStatus
from orgs.models import Org
from rights.choices import (
    OPEN_TICKET_STATUSES,
    Category,
    DisputeOutcome,
    DisputeStatus,
    LegalAidChannel,
    LegalAidOutcome,
    LegalAidStatus,
    Satisfaction,
    TicketChannel,
    TicketEventKind,
    TicketKind,
    TicketStatus,
    TicketTier,
)
from rights.models import (
    DisputeCase,
    Lawyer,
    LegalAidCase,
    LegalAidProgress,
    MediationSession,
    Ticket,
    TicketEvent,
)

# The online caller has no account; the audit log names them so.
PUBLIC = joining.APPLICANT

# Which steps each ticket status allows.
TICKET_TRANSITIONS = {
    TicketEventKind.ASSIGNED: {TicketStatus.RECEIVED, TicketStatus.ASSIGNED, TicketStatus.HANDLING},
    TicketEventKind.STARTED: {TicketStatus.RECEIVED, TicketStatus.ASSIGNED},
    TicketEventKind.REPLIED: {TicketStatus.HANDLING},
    TicketEventKind.CLOSED: {TicketStatus.REPLIED},
    TicketEventKind.REROUTED: set(OPEN_TICKET_STATUSES),
    TicketEventKind.TRANSFERRED: set(OPEN_TICKET_STATUSES),
    TicketEventKind.CALLBACK: {TicketStatus.REPLIED, TicketStatus.CLOSED},
}

FOLLOW_CODE_LENGTH = 12
# No 0/O, 1/I/L: a code read out on the phone must not be misheard.
_FOLLOW_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _rules() -> dict:
    return settings.GONGHUI


def group_threshold() -> int:
    return int(_rules()["RIGHTS_GROUP_WORKERS"])


def deadline_workdays(tier: str) -> int:
    return int(_rules()["TICKET_DEADLINE_WORKDAYS"][tier])


def ticket_due_on(received_on: datetime.date, tier: str, *, calendar=None) -> datetime.date:
    """The day an answer is due: the tier's working days after the day of receipt."""
    calendar = calendar or WorkdayCalendar()
    return calendar.add_workdays(received_on, deadline_workdays(tier))


# --- follow-up codes ---------------------------------------------------------------------------


def normalise_follow_code(code: str) -> str:
    code = unicodedata.normalize("NFKC", code or "").upper()
    return "".join(ch for ch in code if ch.isalnum())


def follow_code_hash(code: str) -> str:
    return salted_hmac(
        "gonghui.rights.follow-code", normalise_follow_code(code), algorithm="sha256"
    ).hexdigest()


def new_follow_code() -> tuple[str, str]:
    """A fresh code as shown to the caller (XXXX-XXXX-XXXX) and its stored hash."""
    raw = "".join(secrets.choice(_FOLLOW_ALPHABET) for _ in range(FOLLOW_CODE_LENGTH))
    shown = "-".join(raw[i : i + 4] for i in range(0, FOLLOW_CODE_LENGTH, 4))
    return shown, follow_code_hash(raw)


# --- shared cleaning ---------------------------------------------------------------------------
# Public: 信访 (``petitions.actions``) records its petitioners with the same rules.


def route(*, enterprise=None, work_area=None) -> Org:
    """The union that handles a worker's matter (see the module docstring)."""
    return joining.route_application(
        employment_form=EmploymentForm.STANDARD, enterprise=enterprise, work_area=work_area
    ).org


class FieldErrors:
    def __init__(self):
        self.errors: dict[str, list[str]] = {}

    def __call__(self, field, message):
        self.errors.setdefault(field, []).append(message)

    def raise_if_any(self):
        if self.errors:
            raise ValidationError(self.errors)


def clean_text(data, field, fail, *, required_message=None, max_length=None) -> str:
    value = (data.get(field) or "").strip()
    if not value and required_message:
        fail(field, required_message)
    if max_length and len(value) > max_length:
        fail(field, _("Shorten this to %(n)s characters.") % {"n": max_length})
    return value


def clean_choice(data, field, choices, fail, default=None) -> str:
    value = data.get(field) or default or ""
    if value not in dict(choices):
        fail(field, _("Choose a value."))
    return value


def _amount(data, field, fail):
    value = data.get(field)
    if value in (None, ""):
        return None
    try:
        value = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        fail(field, _("Enter an amount in yuan, e.g. 12000 or 12000.50."))
        return None
    if value < 0 or value >= Decimal("1e12"):
        fail(field, _("Enter an amount between 0 and 999,999,999,999 yuan."))
        return None
    return value


def clean_workers(data, fail) -> int:
    value = data.get("workers_involved")
    if value in (None, ""):
        return 1
    try:
        value = int(value)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 1_000_000:
        fail("workers_involved", _("Enter how many workers are involved (at least 1)."))
        return 1
    return value


def caller_phone_fields(phone: str) -> dict:
    if not phone:
        return {"caller_phone_cipher": "", "caller_phone_hash": "", "caller_phone_masked": ""}
    return {
        "caller_phone_cipher": pii.encrypt(phone),
        "caller_phone_hash": pii.blind_index(pii.KIND_PHONE, phone),
        "caller_phone_masked": pii.mask_phone(phone),
    }


def _clean_caller(data: dict, fail, *, member: Member | None, anonymous: bool, need_phone: bool):
    """Caller, employer and place of work, checked together; routing needs the last two."""
    cleaned: dict = {"member": member}
    if member is not None:
        cleaned.update(
            caller_name=member.name,
            caller_phone_cipher=member.phone_cipher,
            caller_phone_hash=member.phone_hash,
            caller_phone_masked=member.phone_masked,
        )
        enterprise = data.get("enterprise") or member.enterprise
    elif anonymous:
        cleaned.update(caller_name="", **caller_phone_fields(""))
        enterprise = data.get("enterprise")
    else:
        cleaned["caller_name"] = clean_text(
            data, "caller_name", fail, required_message=_("Enter the name."), max_length=50
        )
        phone = (data.get("phone") or "").strip()
        if not phone and need_phone:
            fail("phone", _("Enter a phone number so that the union can call back."))
        if phone:
            try:
                phone = pii.normalise_phone(phone, allow_landline=True)
            except ValidationError as error:
                fail("phone", error.messages[0])
                phone = ""
        cleaned.update(caller_phone_fields(phone))
        enterprise = data.get("enterprise")
    if enterprise is not None and enterprise.status != EnterpriseStatus.ACTIVE:
        fail("enterprise", _("This employer is closed; type its name instead."))
        enterprise = None
    cleaned["enterprise"] = enterprise
    cleaned["employer_name"] = (
        "" if enterprise else clean_text(data, "employer_name", fail, max_length=200)
    )
    work_area = data.get("work_area")
    if work_area is not None and (
        work_area.level not in joining.WORK_AREA_LEVELS or work_area.status != OrgStatus.ACTIVE
    ):
        fail("work_area", _("Choose a district or street of the city."))
        work_area = None
    cleaned["work_area"] = work_area
    cleaned["category"] = clean_choice(data, "category", Category.choices, fail)
    cleaned["workers_involved"] = clean_workers(data, fail)
    cleaned["amount"] = _amount(data, "amount", fail)
    return cleaned


def _routed_org(data, cleaned, fail, actor=None) -> Org | None:
    org = data.get("org")
    if org is not None:
        if org.status != OrgStatus.ACTIVE:
            fail("org", _("This union is dissolved; choose another one."))
        return org
    try:
        return route(enterprise=cleaned.get("enterprise"), work_area=cleaned.get("work_area"))
    except ValidationError as error:
        for message in error.message_dict.get("work_area", error.messages):
            fail("work_area", message)
    return None


def _now():
    return timezone.now()


def _today():
    return timezone.localdate()


def _actor_name(actor) -> str:
    return getattr(actor, "username", "") or "system"


def _event(ticket, kind, actor, note="", at=None) -> TicketEvent:
    return TicketEvent.objects.create(
        ticket=ticket,
        kind=kind,
        at=at or _now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=_actor_name(actor),
        org=ticket.org,
        note=note,
    )


def caller_phone_reveal(*, actor, record) -> str:
    """The caller's plain phone (a ticket or legal-aid case), for a role allowed to reveal
    personal data; every reveal is logged."""
    ensure_in_scope(actor, record, Action.REVEAL)
    if not record.caller_phone_cipher:
        return ""
    audit.record(actor, record, AuditAction.REVEAL, extra={"field": [None, "caller_phone"]})
    return pii.decrypt(record.caller_phone_cipher)


# --- tickets -----------------------------------------------------------------------------------


def _clean_ticket(data: dict, *, member=None, public=False) -> tuple[dict, Org]:
    fail = FieldErrors()
    anonymous = bool(data.get("is_anonymous")) and member is None
    cleaned = _clean_caller(data, fail, member=member, anonymous=anonymous, need_phone=False)
    if public:
        cleaned["kind"] = clean_choice(data, "kind", TicketKind.choices, fail, TicketKind.COMPLAINT)
        cleaned["tier"] = TicketTier.ORDINARY
        cleaned["channel"] = TicketChannel.ONLINE
    else:
        cleaned["kind"] = clean_choice(data, "kind", TicketKind.choices, fail)
        cleaned["tier"] = clean_choice(data, "tier", TicketTier.choices, fail, TicketTier.ORDINARY)
        cleaned["channel"] = clean_choice(data, "channel", TicketChannel.choices, fail)
    cleaned["is_anonymous"] = anonymous
    cleaned["is_member_caller"] = member is not None or (
        not public and bool(data.get("is_member_caller"))
    )
    cleaned["subject"] = clean_text(
        data,
        "subject",
        fail,
        required_message=_("Say in a few words what it is about."),
        max_length=120,
    )
    cleaned["content"] = clean_text(
        data, "content", fail, required_message=_("Describe the matter."), max_length=5000
    )
    org = _routed_org({} if public else data, cleaned, fail)
    fail.raise_if_any()
    cleaned["is_group"] = cleaned["workers_involved"] >= group_threshold()
    return cleaned, org


def _ticket_create(cleaned: dict, org: Org, actor, received_at) -> tuple[Ticket, str]:
    code, code_hash = new_follow_code()
    received_on = timezone.localtime(received_at).date()
    ticket = Ticket.objects.create(
        **cleaned,
        org=org,
        received_at=received_at,
        received_on=received_on,
        due_on=ticket_due_on(received_on, cleaned["tier"]),
        follow_code_hash=code_hash,
    )
    note = (
        _("Group case: %(n)s workers.") % {"n": ticket.workers_involved} if ticket.is_group else ""
    )
    _event(ticket, TicketEventKind.RECEIVED, actor, note, at=received_at)
    audit.record(actor, ticket, AuditAction.CREATE)
    _feed_warning(ticket)
    return ticket, code


WARNING_ORIGIN = "rights.ticket"


def _feed_warning(ticket: Ticket) -> None:
    """Feed the early-warning engine the way ``warning.sources`` documents for events with a
    life of their own: a group ticket (``group_ticket``) or a 欠薪 ticket (``ticket``) about a
    known enterprise writes one signal, keyed by ``rights.ticket`` + the ticket id, so a repeat
    (reclassification, closing) updates that row instead of adding one. The enterprise is
    re-scored at once in the same transaction. Closing the ticket resolves the signal; a
    ticket reclassified out of both kinds resolves the signal it had written."""
    from warning.actions import record_signal
    from warning.choices import SignalKind, SignalSource, SignalStatus
    from warning.models import RiskSignal

    if ticket.is_group:
        kind = SignalKind.GROUP_TICKET
    elif ticket.category == Category.WAGE_ARREARS:
        kind = SignalKind.TICKET
    else:
        kind = None
    previous = (
        RiskSignal.objects.filter(origin=WARNING_ORIGIN, external_ref=str(ticket.pk))
        .select_related("enterprise")
        .first()
    )
    status = SignalStatus.RESOLVED if ticket.status == TicketStatus.CLOSED else SignalStatus.OPEN
    enterprise = ticket.enterprise if ticket.enterprise_id else None
    if kind is None or enterprise is None:
        if previous is None or previous.status == SignalStatus.RESOLVED:
            return
        kind, status, enterprise = previous.kind, SignalStatus.RESOLVED, previous.enterprise
    elif previous is None and status == SignalStatus.RESOLVED:
        return
    record_signal(
        actor=None,
        enterprise=enterprise,
        kind=kind,
        observed_on=ticket.received_on,
        source=SignalSource.PLATFORM,
        origin=WARNING_ORIGIN,
        external_ref=str(ticket.pk),
        workers=ticket.workers_involved,
        note=ticket.subject,
        status=status,
    )


def ticket_create(*, actor, data: dict) -> tuple[Ticket, str]:
    """A cadre records a ticket (hotline, visit, referral); returns it and its follow-up code,
    which the cadre reads out to the caller. ``data["org"]`` may name the handling union;
    otherwise it is routed. The handling union must lie in the actor's scope."""
    cleaned, org = _clean_ticket(data)
    with transaction.atomic():
        ensure_org_in_scope(actor, org, Action.CHANGE)
        return _ticket_create(cleaned, org, actor, _now())


def ticket_submit(*, data: dict, member: Member | None = None) -> tuple[Ticket, str]:
    """A worker files a complaint or question online (portal), signed in as ``member`` or
    not; without a member, ``is_anonymous`` leaves no name or phone. Routed, deadline set,
    group case flagged; the follow-up code is returned once and never stored."""
    cleaned, org = _clean_ticket(data, member=member, public=True)
    with transaction.atomic():
        return _ticket_create(cleaned, org, PUBLIC, _now())


def _locked(ticket: Ticket) -> Ticket:
    return Ticket.objects.select_for_update().select_related("org").get(pk=ticket.pk)


def _check_step(ticket: Ticket, step: str) -> None:
    if ticket.status not in TICKET_TRANSITIONS[step]:
        raise ValidationError(
            _("The ticket is %(status)s; it cannot be %(step)s now.")
            % {
                "status": ticket.get_status_display(),
                "step": TicketEventKind(step).label,
            }
        )


def ticket_assignees(ticket: Ticket, actor):
    """Users who may handle the ticket: holders of a changing role at its union or above,
    within the actor's own scope."""
    from django.contrib.auth import get_user_model

    from core.choices import ROLE_ACTIONS, Role
    from core.scoping import scope_paths

    steplen = Org.steplen
    ancestors = [ticket.org.path[: k * steplen] for k in range(1, ticket.org.depth + 1)]
    if actor is not None and not actor.is_superuser:
        mine = scope_paths(actor, Action.CHANGE)
        ancestors = [p for p in ancestors if any(p.startswith(m) for m in mine)]
    roles = [role for role in Role.values if Action.CHANGE in ROLE_ACTIONS[role]]
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            role_assignments__role__in=roles,
            role_assignments__org__path__in=ancestors,
        )
        .distinct()
        .order_by("username")
    )


def ticket_assign(*, actor, ticket: Ticket, assignee, note: str = "") -> Ticket:
    """分派: name the cadre who handles the ticket (again, to hand it over)."""
    with transaction.atomic():
        ticket = _locked(ticket)
        _check_step(ticket, TicketEventKind.ASSIGNED)
        if assignee is None or not ticket_assignees(ticket, actor).filter(pk=assignee.pk).exists():
            raise ValidationError(
                {"assignee": _("Choose a cadre of this union or a union above it.")}
            )
        before = audit.snapshot(ticket)
        ticket.assignee = assignee
        if ticket.status == TicketStatus.RECEIVED:
            ticket.status = TicketStatus.ASSIGNED
        ticket.save()
        _event(ticket, TicketEventKind.ASSIGNED, actor, note or assignee.username)
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
    return ticket


def ticket_start(*, actor, ticket: Ticket, note: str = "") -> Ticket:
    """办理: the handler starts work on the ticket (it becomes theirs if unassigned)."""
    with transaction.atomic():
        ticket = _locked(ticket)
        _check_step(ticket, TicketEventKind.STARTED)
        before = audit.snapshot(ticket)
        if ticket.assignee_id is None and getattr(actor, "pk", None):
            ticket.assignee = actor
        ticket.status = TicketStatus.HANDLING
        ticket.save()
        _event(ticket, TicketEventKind.STARTED, actor, note)
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
    return ticket


def ticket_reply(*, actor, ticket: Ticket, reply: str, resolved: bool) -> Ticket:
    """答复: the answer the caller reads (on the follow-up page) or is told; ``resolved``
    says whether the matter was settled (化解)."""
    reply = (reply or "").strip()
    if not reply:
        raise ValidationError({"reply": _("Write the reply to the caller.")})
    if len(reply) > 5000:
        raise ValidationError({"reply": _("Shorten this to %(n)s characters.") % {"n": 5000}})
    with transaction.atomic():
        ticket = _locked(ticket)
        _check_step(ticket, TicketEventKind.REPLIED)
        before = audit.snapshot(ticket)
        ticket.reply = reply
        ticket.resolved = bool(resolved)
        ticket.status = TicketStatus.REPLIED
        ticket.answered_on = _today()
        ticket.save()
        _event(ticket, TicketEventKind.REPLIED, actor, reply)
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
    return ticket


def ticket_close(*, actor, ticket: Ticket, note: str = "") -> Ticket:
    """办结: a replied ticket is closed."""
    with transaction.atomic():
        ticket = _locked(ticket)
        _check_step(ticket, TicketEventKind.CLOSED)
        before = audit.snapshot(ticket)
        ticket.status = TicketStatus.CLOSED
        ticket.closed_on = _today()
        ticket.save()
        _event(ticket, TicketEventKind.CLOSED, actor, note)
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
        _feed_warning(ticket)
    return ticket


def ticket_reclassify(
    *, actor, ticket: Ticket, tier: str, category: str, workers_involved, amount=None
) -> Ticket:
    """定性: after a first look, set the difficulty tier (the deadline is counted again from
    the day of receipt), the category, the workers involved (the group flag follows) and the
    amount, while the ticket is open."""
    fail = FieldErrors()
    data = {"tier": tier, "category": category, "workers_involved": workers_involved}
    tier = clean_choice(data, "tier", TicketTier.choices, fail)
    category = clean_choice(data, "category", Category.choices, fail)
    workers = clean_workers(data, fail)
    amount = _amount({"amount": amount}, "amount", fail)
    fail.raise_if_any()
    with transaction.atomic():
        ticket = _locked(ticket)
        if ticket.status not in OPEN_TICKET_STATUSES:
            raise ValidationError(
                _("The ticket is %(status)s; only open tickets can be reclassified.")
                % {"status": ticket.get_status_display()}
            )
        before = audit.snapshot(ticket)
        ticket.tier, ticket.category, ticket.amount = tier, category, amount
        ticket.workers_involved = workers
        ticket.is_group = workers >= group_threshold()
        ticket.due_on = ticket_due_on(ticket.received_on, tier)
        ticket.save()
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
        _feed_warning(ticket)
    return ticket


def ticket_reroute(*, actor, ticket: Ticket, to_org_code: str, note: str = "") -> Ticket:
    """转交: send an open ticket to another union (归口办理、属地管理). It starts there as
    received, with a deadline counted from today; the escalation flag is cleared."""
    code = (to_org_code or "").strip().upper()
    target = Org.objects.filter(code=code, status=OrgStatus.ACTIVE).first()
    if target is None:
        raise ValidationError({"to_org_code": _("No active union has this code.")})
    with transaction.atomic():
        ticket = _locked(ticket)
        ensure_in_scope(actor, ticket)
        _check_step(ticket, TicketEventKind.REROUTED)
        if target.pk == ticket.org_id:
            raise ValidationError({"to_org_code": _("The ticket is already with this union.")})
        before = audit.snapshot(ticket)
        old = ticket.org
        ticket.org = target
        ticket.status = TicketStatus.RECEIVED
        ticket.assignee = None
        ticket.due_on = ticket_due_on(_today(), ticket.tier)
        ticket.escalated_to = None
        ticket.escalated_on = None
        ticket.reminded_on = None
        ticket.save()
        text = _("From %(old)s to %(new)s.") % {"old": old.name, "new": target.name}
        _event(ticket, TicketEventKind.REROUTED, actor, f"{text} {note}".strip())
        audit.record(actor, ticket, AuditAction.UPDATE, before)
    return ticket


def ticket_transfer(*, actor, ticket: Ticket, department: str, note: str = "") -> Ticket:
    """转办: hand an open ticket to a government department (e.g. 劳动保障监察); the union's
    part ends here and counts as answered today."""
    department = (department or "").strip()
    if not department:
        raise ValidationError({"department": _("Name the department it goes to.")})
    if len(department) > 120:
        raise ValidationError({"department": _("Shorten this to %(n)s characters.") % {"n": 120}})
    with transaction.atomic():
        ticket = _locked(ticket)
        _check_step(ticket, TicketEventKind.TRANSFERRED)
        before = audit.snapshot(ticket)
        ticket.status = TicketStatus.TRANSFERRED
        ticket.transferred_to = department
        ticket.answered_on = ticket.closed_on = _today()
        ticket.save()
        _event(ticket, TicketEventKind.TRANSFERRED, actor, f"{department} {note}".strip())
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
    return ticket


def ticket_callback(*, actor, ticket: Ticket, satisfaction: str, note: str = "") -> Ticket:
    """回访: record the caller's satisfaction. A dissatisfied caller of a replied (not yet
    closed) ticket reopens it for handling."""
    if satisfaction not in Satisfaction.values:
        raise ValidationError({"satisfaction": _("Choose a value.")})
    if len(note or "") > 200:
        raise ValidationError({"note": _("Shorten this to %(n)s characters.") % {"n": 200}})
    with transaction.atomic():
        ticket = _locked(ticket)
        _check_step(ticket, TicketEventKind.CALLBACK)
        before = audit.snapshot(ticket)
        ticket.satisfaction = satisfaction
        ticket.callback_note = note or ""
        reopen = satisfaction == Satisfaction.DISSATISFIED and ticket.status == TicketStatus.REPLIED
        if reopen:
            ticket.status = TicketStatus.HANDLING
            ticket.answered_on = None
        ticket.save()
        label = Satisfaction(satisfaction).label
        _event(ticket, TicketEventKind.CALLBACK, actor, f"{label} {note}".strip())
        if reopen:
            _event(ticket, TicketEventKind.REOPENED, actor)
        audit.record(actor, ticket, AuditAction.UPDATE, before)
        ensure_in_scope(actor, ticket)
    return ticket


def _parent_ids(orgs: list[Org]) -> dict[int, int]:
    """Each org's parent id, in one query."""
    steplen = Org.steplen
    wanted = {org.pk: org.path[:-steplen] for org in orgs if org.depth > 1}
    by_path = dict(Org.objects.filter(path__in=set(wanted.values())).values_list("path", "pk"))
    return {pk: by_path[path] for pk, path in wanted.items() if path in by_path}


def tickets_remind_and_escalate(*, today: datetime.date | None = None) -> dict[str, int]:
    """督办 (run daily by ``rights_deadlines`` or the task): one reminder for each open ticket
    due within ``TICKET_REMIND_WORKDAYS`` working days, and escalation of each overdue one to
    its parent union, once. Set-based: a handful of queries however many tickets."""
    today = today or _today()
    calendar = WorkdayCalendar.for_range(today, today + datetime.timedelta(days=60))
    remind_until = calendar.add_workdays(today, int(_rules()["TICKET_REMIND_WORKDAYS"]))
    now = _now()
    open_tickets = Ticket.objects.filter(status__in=OPEN_TICKET_STATUSES)
    with transaction.atomic():
        to_remind = list(
            open_tickets.filter(
                due_on__gte=today, due_on__lte=remind_until, reminded_on__isnull=True
            ).values_list("pk", "org_id", "due_on")
        )
        Ticket.objects.filter(pk__in=[pk for pk, _, _ in to_remind]).update(reminded_on=today)
        TicketEvent.objects.bulk_create(
            TicketEvent(
                ticket_id=pk,
                kind=TicketEventKind.REMINDED,
                at=now,
                actor_name="system",
                org_id=org_id,
                note=_("Due on %(day)s.") % {"day": due_on.isoformat()},
            )
            for pk, org_id, due_on in to_remind
        )
        overdue = list(
            open_tickets.filter(due_on__lt=today, escalated_on__isnull=True).select_related("org")
        )
        parents = _parent_ids([ticket.org for ticket in overdue])
        by_parent: dict[int, list[Ticket]] = defaultdict(list)
        for ticket in overdue:
            if ticket.org_id in parents:
                by_parent[parents[ticket.org_id]].append(ticket)
        events = []
        for parent_id, tickets in by_parent.items():
            Ticket.objects.filter(pk__in=[t.pk for t in tickets]).update(
                escalated_to_id=parent_id, escalated_on=today
            )
            for ticket in tickets:
                events.append(
                    TicketEvent(
                        ticket_id=ticket.pk,
                        kind=TicketEventKind.ESCALATED,
                        at=now,
                        actor_name="system",
                        org_id=ticket.org_id,
                        note=_("Overdue since %(day)s.") % {"day": ticket.due_on.isoformat()},
                    )
                )
        TicketEvent.objects.bulk_create(events)
    return {"reminded": len(to_remind), "escalated": len(events)}


# --- legal aid ---------------------------------------------------------------------------------


def legal_aid_eligibility(*, is_member: bool, category: str, in_hardship: bool) -> tuple[bool, str]:
    """Whether the union's legal aid is open to the applicant, and why (see module doc)."""
    if is_member:
        return True, _("Union member.")
    if in_hardship:
        return True, _("Worker in hardship.")
    if category in _rules()["LEGAL_AID_OPEN_CATEGORIES"]:
        return True, _("Open to every worker for this kind of matter.")
    return False, _(
        "Not a member, not in hardship, and the matter is not one the union takes for every worker."
    )


def _clean_legal_aid(data: dict, *, member=None, public=False) -> tuple[dict, Org]:
    fail = FieldErrors()
    cleaned = _clean_caller(data, fail, member=member, anonymous=False, need_phone=True)
    cleaned["matter"] = clean_text(
        data, "matter", fail, required_message=_("Describe the matter."), max_length=5000
    )
    cleaned["in_hardship"] = bool(data.get("in_hardship"))
    cleaned["is_member_applicant"] = member is not None or (
        not public and bool(data.get("is_member_applicant"))
    )
    ticket = data.get("ticket")
    cleaned["ticket"] = ticket
    if public:
        cleaned["channel"] = LegalAidChannel.ONLINE
    else:
        cleaned["channel"] = (
            LegalAidChannel.TICKET
            if ticket
            else clean_choice(data, "channel", LegalAidChannel.choices, fail, LegalAidChannel.VISIT)
        )
    org = _routed_org({} if public else data, cleaned, fail)
    fail.raise_if_any()
    cleaned["eligible"], cleaned["eligibility_note"] = legal_aid_eligibility(
        is_member=cleaned["is_member_applicant"],
        category=cleaned["category"],
        in_hardship=cleaned["in_hardship"],
    )
    return cleaned, org


def _legal_aid_create(cleaned, org, actor, with_code: bool) -> tuple[LegalAidCase, str]:
    code, code_hash = new_follow_code() if with_code else ("", None)
    case = LegalAidCase.objects.create(
        **cleaned, org=org, submitted_on=_today(), follow_code_hash=code_hash
    )
    audit.record(actor, case, AuditAction.CREATE)
    return case, code


def legal_aid_submit(*, data: dict, member: Member | None = None) -> tuple[LegalAidCase, str]:
    """法律援助网上办: a worker applies online (name and phone required unless signed in);
    eligibility is checked at once; returns the case and its follow-up code (shown once)."""
    cleaned, org = _clean_legal_aid(data, member=member, public=True)
    with transaction.atomic():
        return _legal_aid_create(cleaned, org, PUBLIC, True)


def legal_aid_create(*, actor, data: dict) -> tuple[LegalAidCase, str]:
    """A cadre records an application (at the counter, or from a ticket in scope)."""
    ticket = data.get("ticket")
    if ticket is not None and not data.get("org"):
        data = {**data, "org": ticket.org}
    cleaned, org = _clean_legal_aid(data)
    with transaction.atomic():
        ensure_org_in_scope(actor, org, Action.CHANGE)
        if ticket is not None:
            ensure_in_scope(actor, ticket, Action.VIEW)
        return _legal_aid_create(cleaned, org, actor, True)


def _locked_case(case: LegalAidCase) -> LegalAidCase:
    return LegalAidCase.objects.select_for_update().get(pk=case.pk)


def _require_status(obj, allowed, message) -> None:
    if obj.status not in allowed:
        raise ValidationError(message % {"status": obj.get_status_display()})


def legal_aid_accept(*, actor, case: LegalAidCase, in_hardship: bool | None = None) -> LegalAidCase:
    """受理: accept an eligible application (the reviewer may confirm hardship first)."""
    with transaction.atomic():
        case = _locked_case(case)
        _require_status(
            case, {LegalAidStatus.SUBMITTED}, _("The application is %(status)s already.")
        )
        before = audit.snapshot(case)
        if in_hardship is not None:
            case.in_hardship = in_hardship
        case.eligible, case.eligibility_note = legal_aid_eligibility(
            is_member=case.is_member_applicant, category=case.category, in_hardship=case.in_hardship
        )
        if not case.eligible:
            raise ValidationError(
                _("The applicant is not eligible: %(why)s Decline it with a reason instead.")
                % {"why": case.eligibility_note}
            )
        case.status = LegalAidStatus.ACCEPTED
        case.decided_on = _today()
        case.save()
        audit.record(actor, case, AuditAction.UPDATE, before)
        ensure_in_scope(actor, case)
    return case


def legal_aid_reject(*, actor, case: LegalAidCase, reason: str) -> LegalAidCase:
    """不予受理, with the reason the applicant reads."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason the applicant will read.")})
    if len(reason) > 200:
        raise ValidationError({"reason": _("Shorten this to %(n)s characters.") % {"n": 200}})
    with transaction.atomic():
        case = _locked_case(case)
        _require_status(
            case, {LegalAidStatus.SUBMITTED}, _("The application is %(status)s already.")
        )
        before = audit.snapshot(case)
        case.status = LegalAidStatus.REJECTED
        case.rejection_reason = reason
        case.decided_on = _today()
        case.save()
        audit.record(actor, case, AuditAction.UPDATE, before)
        ensure_in_scope(actor, case)
    return case


def legal_aid_assign(*, actor, case: LegalAidCase, lawyer: Lawyer) -> LegalAidCase:
    """指派: an available lawyer of the actor's rosters takes an accepted case (or replaces
    the one assigned)."""
    with transaction.atomic():
        case = _locked_case(case)
        _require_status(
            case,
            {LegalAidStatus.ACCEPTED, LegalAidStatus.ASSIGNED},
            _("The case is %(status)s; only accepted cases get a lawyer."),
        )
        if lawyer is None or not lawyer.is_active:
            raise ValidationError({"lawyer": _("Choose an available lawyer.")})
        ensure_in_scope(actor, lawyer, Action.VIEW)
        before = audit.snapshot(case)
        case.lawyer = lawyer
        case.status = LegalAidStatus.ASSIGNED
        case.save()
        LegalAidProgress.objects.create(
            case=case,
            on=_today(),
            note=_("Lawyer assigned: %(lawyer)s") % {"lawyer": lawyer},
            actor_name=_actor_name(actor),
        )
        audit.record(actor, case, AuditAction.UPDATE, before)
        ensure_in_scope(actor, case)
    return case


def legal_aid_progress(*, actor, case: LegalAidCase, on: datetime.date, note: str):
    """A step of the case (会见、申请仲裁、开庭…), which the applicant also reads."""
    note = (note or "").strip()
    errors = {}
    if not note:
        errors["note"] = [_("Say what happened.")]
    elif len(note) > 300:
        errors["note"] = [_("Shorten this to %(n)s characters.") % {"n": 300}]
    if on is None or on > _today():
        errors["on"] = [pgettext("rights", "Enter a date that is not in the future.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = _locked_case(case)
        _require_status(
            case,
            {LegalAidStatus.ASSIGNED},
            _("The case is %(status)s; progress is recorded once a lawyer is assigned."),
        )
        step = LegalAidProgress.objects.create(
            case=case, on=on, note=note, actor_name=_actor_name(actor)
        )
        audit.record(actor, case, AuditAction.UPDATE, extra={"progress": [None, note]})
        ensure_in_scope(actor, case)
    return step


def legal_aid_conclude(
    *, actor, case: LegalAidCase, outcome: str, amount_recovered=None, on=None
) -> LegalAidCase:
    """结案: the outcome and the money recovered for the worker."""
    fail = FieldErrors()
    if outcome not in LegalAidOutcome.values:
        fail("outcome", _("Choose a value."))
    amount = _amount({"amount_recovered": amount_recovered}, "amount_recovered", fail)
    on = on or _today()
    if on > _today():
        fail("on", pgettext("rights", "Enter a date that is not in the future."))
    fail.raise_if_any()
    with transaction.atomic():
        case = _locked_case(case)
        _require_status(
            case, {LegalAidStatus.ASSIGNED}, _("The case is %(status)s; it cannot be concluded.")
        )
        before = audit.snapshot(case)
        case.status = LegalAidStatus.CONCLUDED
        case.outcome = outcome
        case.amount_recovered = amount
        case.concluded_on = on
        case.save()
        audit.record(actor, case, AuditAction.UPDATE, before)
        ensure_in_scope(actor, case)
    return case


# --- lawyers -----------------------------------------------------------------------------------


def lawyer_save(*, actor, data: dict, lawyer: Lawyer | None = None) -> Lawyer:
    """Add a lawyer to a union's roster, or edit one."""
    fail = FieldErrors()
    org = data.get("org") if lawyer is None else lawyer.org
    if org is None:
        fail("org", _("Choose the union."))
    name = clean_text(data, "name", fail, required_message=_("Enter the name."), max_length=50)
    kind = clean_choice(data, "kind", Lawyer._meta.get_field("kind").choices, fail)
    firm = clean_text(data, "firm", fail, max_length=120)
    specialties = clean_text(data, "specialties", fail, max_length=200)
    fail.raise_if_any()
    with transaction.atomic():
        if lawyer is None:
            ensure_org_in_scope(actor, org, Action.CHANGE)
            lawyer = Lawyer(org=org)
            before = None
        else:
            lawyer = Lawyer.objects.select_for_update().get(pk=lawyer.pk)
            before = audit.snapshot(lawyer)
        lawyer.name, lawyer.kind, lawyer.firm, lawyer.specialties = name, kind, firm, specialties
        lawyer.is_active = bool(data.get("is_active", True))
        lawyer.save()
        audit.record(
            actor, lawyer, AuditAction.CREATE if before is None else AuditAction.UPDATE, before
        )
        ensure_in_scope(actor, lawyer)
    return lawyer


# --- labour disputes ---------------------------------------------------------------------------


def dispute_create(*, actor, data: dict) -> DisputeCase:
    """劳动争议调处: register a case at a union in scope, optionally born of a ticket or a
    legal-aid case in the actor's scope (its facts are the starting point)."""
    fail = FieldErrors()
    ticket, legal_aid = data.get("ticket"), data.get("legal_aid")
    org = data.get("org") or (ticket.org if ticket else legal_aid.org if legal_aid else None)
    if org is None:
        fail("org", _("Choose the mediating union."))
    elif org.status != OrgStatus.ACTIVE:
        fail("org", _("This union is dissolved; choose another one."))
    enterprise = data.get("enterprise")
    employer_name = "" if enterprise else clean_text(data, "employer_name", fail, max_length=200)
    if enterprise is None and not employer_name:
        fail("employer_name", _("Choose the employer or type its name."))
    workers = clean_text(
        data, "workers", fail, required_message=_("Name the worker party."), max_length=300
    )
    category = clean_choice(data, "category", Category.choices, fail)
    claims = clean_text(
        data, "claims", fail, required_message=_("State the claims."), max_length=5000
    )
    amount = _amount(data, "amount_claimed", fail)
    involved = clean_workers(data, fail)
    mediator = clean_text(data, "mediator", fail, max_length=100)
    registered_on = data.get("registered_on") or _today()
    if registered_on > _today():
        fail("registered_on", pgettext("rights", "Enter a date that is not in the future."))
    fail.raise_if_any()
    with transaction.atomic():
        ensure_org_in_scope(actor, org, Action.CHANGE)
        for source in (ticket, legal_aid):
            if source is not None:
                ensure_in_scope(actor, source, Action.VIEW)
        case = DisputeCase.objects.create(
            org=org,
            ticket=ticket,
            legal_aid=legal_aid,
            enterprise=enterprise,
            employer_name=employer_name,
            workers=workers,
            workers_involved=involved,
            category=category,
            claims=claims,
            amount_claimed=amount,
            mediator=mediator,
            registered_on=registered_on,
        )
        audit.record(actor, case, AuditAction.CREATE)
    return case


def _locked_dispute(case: DisputeCase) -> DisputeCase:
    return DisputeCase.objects.select_for_update().get(pk=case.pk)


def dispute_session_add(
    *, actor, case: DisputeCase, held_on, summary: str, place: str = "", attendees: str = ""
) -> MediationSession:
    """A mediation session; the first one puts the case in mediation."""
    fail = FieldErrors()
    data = {"summary": summary, "place": place, "attendees": attendees}
    summary = clean_text(
        data, "summary", fail, required_message=_("Summarise the session."), max_length=5000
    )
    place = clean_text(data, "place", fail, max_length=120)
    attendees = clean_text(data, "attendees", fail, max_length=300)
    if held_on is None or held_on > _today():
        fail("held_on", pgettext("rights", "Enter a date that is not in the future."))
    fail.raise_if_any()
    with transaction.atomic():
        case = _locked_dispute(case)
        _require_status(
            case,
            {DisputeStatus.REGISTERED, DisputeStatus.MEDIATING},
            _("The case is %(status)s; no more sessions can be added."),
        )
        if held_on < case.registered_on:
            raise ValidationError(
                {"held_on": _("The session cannot be before the case was registered.")}
            )
        before = audit.snapshot(case)
        session = MediationSession.objects.create(
            case=case,
            held_on=held_on,
            place=place,
            attendees=attendees,
            summary=summary,
            actor_name=_actor_name(actor),
        )
        case.status = DisputeStatus.MEDIATING
        case.save()
        audit.record(
            actor, case, AuditAction.UPDATE, before, extra={"session": [None, str(held_on)]}
        )
        ensure_in_scope(actor, case)
    return session


def dispute_close(
    *, actor, case: DisputeCase, outcome: str, amount_agreed=None, note: str = "", on=None
) -> DisputeCase:
    """结案: 调解成功 (with the amount agreed), 转仲裁, 诉讼 or 撤回."""
    fail = FieldErrors()
    if outcome not in DisputeOutcome.values:
        fail("outcome", _("Choose a value."))
    amount = _amount({"amount_agreed": amount_agreed}, "amount_agreed", fail)
    if amount is not None and outcome != DisputeOutcome.MEDIATED:
        fail("amount_agreed", _("An amount is agreed only when mediation succeeds."))
    note = clean_text({"note": note}, "note", fail, max_length=300)
    on = on or _today()
    if on > _today():
        fail("on", pgettext("rights", "Enter a date that is not in the future."))
    fail.raise_if_any()
    with transaction.atomic():
        case = _locked_dispute(case)
        _require_status(
            case,
            {DisputeStatus.REGISTERED, DisputeStatus.MEDIATING},
            _("The case is %(status)s already."),
        )
        if on < case.registered_on:
            raise ValidationError({"on": _("The case cannot close before it was registered.")})
        before = audit.snapshot(case)
        case.status = DisputeStatus.CLOSED
        case.outcome = outcome
        case.amount_agreed = amount
        case.outcome_note = note
        case.closed_on = on
        case.save()
        audit.record(actor, case, AuditAction.UPDATE, before)
        ensure_in_scope(actor, case)
    return case
