"""Writes on member dues (会费): record a month, mark paid (one, a selection, a union's
whole month), correct a record.

The rule (DOMAIN §2.2): dues are 0.5 % of the monthly wage income, and the part of the wage
under ten yuan is not counted (尾数不足十元不计). Bonuses, allowances, subsidies and the like
are not wage income for dues, so the wage base is what the union states, not gross pay.
A kept membership (保留, DOMAIN §2.4) pays no dues: its months are recorded as exempt.

Every write validates the whole request first, runs in one transaction, re-checks scope
and writes audit rows (one per changed record, also for bulk writes).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.choices import Action, AuditAction
from core.models import AuditEntry
from core.scoping import ensure_in_scope, ensure_org_in_scope
from dues.choices import DuesSource, DuesStatus
from dues.models import DuesRecord
from dues.months import first_of_month
from members.choices import MemberStatus
from members.models import Member

FEN = Decimal("0.01")
# A monthly wage above this is a typing error (an annual figure, a misplaced digit).
MAX_MONTHLY_WAGE = Decimal("1000000")
# A selection marked paid in one request (a list page, an API call).
MAX_SELECTION = 500
DUES_MEMBER_STATUSES = (MemberStatus.ACTIVE, MemberStatus.KEPT)


def counted_wage(wage_base: Decimal) -> Decimal:
    """The wage dues are counted on: floored to whole units of ``DUES_WAGE_ROUNDING`` yuan
    (尾数不足十元不计), e.g. 5678.90 → 5670."""
    unit = Decimal(settings.GONGHUI["DUES_WAGE_ROUNDING"])
    return (Decimal(wage_base) / unit).to_integral_value(rounding=ROUND_FLOOR) * unit


def dues_amount(wage_base: Decimal) -> Decimal:
    """Dues of one month: ``DUES_RATE`` × the counted wage, rounded half-up to the fen,
    e.g. 5678.90 → 5670 × 0.5 % = 28.35."""
    rate = Decimal(str(settings.GONGHUI["DUES_RATE"]))
    return (counted_wage(wage_base) * rate).quantize(FEN, rounding=ROUND_HALF_UP)


def clean_wage(value) -> Decimal:
    """A wage as money (to the fen); raises ValueError with the message to show."""
    if isinstance(value, float):
        value = repr(value)
    try:
        wage = Decimal(str(value).strip()) if value not in (None, "") else None
    except InvalidOperation:
        wage = None
    if wage is None or not wage.is_finite():
        raise ValueError(_("Enter the wage as an amount of yuan, e.g. 5678.90."))
    if wage < 0:
        raise ValueError(_("The wage cannot be negative."))
    if wage > MAX_MONTHLY_WAGE:
        raise ValueError(
            _("A monthly wage of %(wage)s yuan is not plausible.") % {"wage": f"{wage:,.2f}"}
        )
    return wage.quantize(FEN, rounding=ROUND_HALF_UP)


def month_problem(month: datetime.date, member_joined: datetime.date | None, today) -> str:
    """Why dues cannot be recorded for ``month`` ("" when they can)."""
    if month > first_of_month(today):
        return _("The month cannot be in the future.")
    if member_joined is not None and month < first_of_month(member_joined):
        return _("The member joined the union only on %(date)s.") % {
            "date": member_joined.isoformat()
        }
    return ""


def status_problem(member_status: str) -> str:
    if member_status not in DUES_MEMBER_STATUSES:
        return _("The membership has ended; no dues are recorded for it.")
    return ""


def _by(actor):
    return actor if getattr(actor, "pk", None) else None


def _paid_on(paid_on: datetime.date | None, today: datetime.date, errors: dict) -> datetime.date:
    paid_on = paid_on or today
    if paid_on > today:
        errors.setdefault("paid_on", []).append(_("The date cannot be in the future."))
    return paid_on


@transaction.atomic
def dues_record(
    *,
    actor,
    member: Member,
    month: datetime.date,
    wage_base,
    paid: bool = False,
    paid_on: datetime.date | None = None,
    note: str = "",
) -> DuesRecord:
    """Record one member's dues for one month at the member's union. A kept member's month
    is recorded as exempt (no amount); a member who left or was expelled gets none."""
    member = Member.objects.select_for_update().select_related("org").get(pk=member.pk)
    ensure_in_scope(actor, member, Action.CHANGE)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    if problem := status_problem(member.status):
        fail("member", problem)
    if month is None:
        fail("month", _("Enter the month."))
    else:
        month = first_of_month(month)
        if problem := month_problem(month, member.joined_on, today):
            fail("month", problem)
        elif DuesRecord.objects.filter(member=member, month=month).exists():
            fail(
                "month",
                _("Dues of this member for %(month)s are already recorded; correct that record.")
                % {"month": f"{month:%Y-%m}"},
            )
    try:
        wage = clean_wage(wage_base)
    except ValueError as error:
        fail("wage_base", str(error))
        wage = None
    exempt = member.status == MemberStatus.KEPT
    if exempt and paid:
        fail("paid", _("The membership is kept; kept members pay no dues."))
    paid_on = _paid_on(paid_on, today, errors) if paid else None
    if errors:
        raise ValidationError(errors)
    record = DuesRecord.objects.create(
        member=member,
        org=member.org,
        month=month,
        wage_base=wage,
        amount=Decimal("0.00") if exempt else dues_amount(wage),
        status=DuesStatus.EXEMPT if exempt else (DuesStatus.PAID if paid else DuesStatus.UNPAID),
        paid_on=paid_on,
        source=DuesSource.MANUAL,
        note=(note or "").strip(),
    )
    audit.record(actor, record, AuditAction.CREATE)
    ensure_in_scope(actor, record)
    return record


@transaction.atomic
def dues_correct(
    *,
    actor,
    record: DuesRecord,
    wage_base,
    status: str,
    paid_on: datetime.date | None = None,
    note: str,
) -> DuesRecord:
    """Correct a recorded month (wrong wage, payment recorded by mistake, exemption): the
    reason is required and the audit log keeps the values before and after."""
    record = (
        DuesRecord.objects.select_for_update(of=("self",))
        .select_related("member", "org")
        .get(pk=record.pk)
    )
    ensure_in_scope(actor, record)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    try:
        wage = clean_wage(wage_base)
    except ValueError as error:
        errors["wage_base"] = [str(error)]
        wage = None
    if status not in DuesStatus.values:
        errors["status"] = [_("Choose the status.")]
    paid_on = _paid_on(paid_on, today, errors) if status == DuesStatus.PAID else None
    note = (note or "").strip()
    if not note:
        errors["note"] = [_("Say why the record is corrected.")]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(record)
    record.wage_base = wage
    record.status = status
    record.amount = Decimal("0.00") if status == DuesStatus.EXEMPT else dues_amount(wage)
    record.paid_on = paid_on
    record.note = note
    record.save()
    audit.record(actor, record, AuditAction.UPDATE, before=before)
    return record


@transaction.atomic
def dues_mark_paid(*, actor, records: Iterable, paid_on: datetime.date | None = None) -> int:
    """Mark a selection of records paid (ids or records). The whole selection must be
    within the actor's scope, or nothing is marked; records already paid or exempt are left
    as they are. Returns the number of records marked."""
    ids = {getattr(item, "pk", item) for item in records}
    try:
        ids = {int(pk) for pk in ids}
    except (TypeError, ValueError) as error:
        raise ValidationError(_("Select the dues records to mark as paid.")) from error
    if not ids:
        raise ValidationError(_("Select the dues records to mark as paid."))
    if len(ids) > MAX_SELECTION:
        raise ValidationError(
            _("Select at most %(count)s records at a time.") % {"count": MAX_SELECTION}
        )
    errors: dict[str, list[str]] = {}
    paid_on = _paid_on(paid_on, timezone.localdate(), errors)
    if errors:
        raise ValidationError(errors)
    allowed = DuesRecord.objects.all()
    if actor is not None:  # the system itself (tasks, commands) acts without a scope
        allowed = allowed.visible_to(actor, Action.CHANGE)
    found = list(
        allowed.select_for_update(of=("self",)).select_related("member", "org").filter(pk__in=ids)
    )
    if len(found) != len(ids):
        # The same answer for ids that do not exist and ids outside the actor's scope.
        raise ValidationError(
            _(
                "Some selected records do not exist or are outside your organisations; "
                "nothing was marked."
            )
        )
    return _mark_paid(actor, [r for r in found if r.status == DuesStatus.UNPAID], paid_on)


@transaction.atomic
def dues_mark_month_paid(
    *, actor, org, month: datetime.date, paid_on: datetime.date | None = None
) -> int:
    """Mark every unpaid record of one union for one month paid (the union collected the
    month's dues, e.g. by payroll deduction). Returns the number of records marked."""
    ensure_org_in_scope(actor, org)
    errors: dict[str, list[str]] = {}
    if month is None:
        errors["month"] = [_("Enter the month.")]
    else:
        month = first_of_month(month)
    paid_on = _paid_on(paid_on, timezone.localdate(), errors)
    if errors:
        raise ValidationError(errors)
    unpaid = list(
        DuesRecord.objects.select_for_update(of=("self",))
        .select_related("member", "org")
        .filter(org=org, month=month, status=DuesStatus.UNPAID)
    )
    if not unpaid:
        raise ValidationError(
            {"month": [_("%(org)s has no unpaid dues for this month.") % {"org": org}]}
        )
    return _mark_paid(actor, unpaid, paid_on)


def _mark_paid(actor, records: list[DuesRecord], paid_on: datetime.date) -> int:
    """One UPDATE for all ``records`` (already locked and in scope), one audit row each."""
    if not records:
        return 0
    pairs = []
    for record in records:
        before = audit.snapshot(record)
        record.status, record.paid_on = DuesStatus.PAID, paid_on
        pairs.append((record, before))
    now = timezone.now()
    for start in range(0, len(records), MAX_SELECTION):
        chunk = [r.pk for r in records[start : start + MAX_SELECTION]]
        DuesRecord.objects.filter(pk__in=chunk).update(
            status=DuesStatus.PAID, paid_on=paid_on, updated_at=now
        )
    audit_updates(actor, pairs)
    return len(records)


def audit_updates(actor, pairs: list[tuple[DuesRecord, dict]]) -> None:
    """Audit rows for many updated records at once: ``audit.record`` field by field, but
    written in one bulk insert. Records must come with their member and org loaded."""
    content_type = ContentType.objects.get_for_model(DuesRecord)
    by = _by(actor)
    name = getattr(actor, "username", "") or "system"
    request_id = audit.current_request_id.get()
    entries = []
    for record, before in pairs:
        changes = audit.diff(before, audit.snapshot(record))
        if not changes:
            continue
        entries.append(
            AuditEntry(
                content_type=content_type,
                object_id=str(record.pk),
                object_repr=str(record)[:255],
                action=AuditAction.UPDATE,
                changes=changes,
                actor=by,
                actor_name=name,
                request_id=request_id,
                scope_path=record.org.path,
            )
        )
    AuditEntry.objects.bulk_create(entries, batch_size=500)
