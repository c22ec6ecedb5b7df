"""Payroll import for dues (会费): one row per member and month, as payroll offices export it
(身份证号码, 姓名, 月份, 工资基数, optionally 是否已缴).

Rows are checked in chunks with a few set queries per chunk (members by the blind index of
their ID numbers, the records already there for those members), never one query per row.
A member must belong to the job's org or its subtree and the name must match the record.
Accepted rows are upserted in bulk on (member, month): a month already recorded is updated
(and its change audited), a new month is created. ID numbers appear masked in the report.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import audit, pii
from core.choices import Action
from core.importing import ImportColumn, Importer, RowOutcome
from core.jobs import register_importer
from core.scoping import scope_paths
from dues.actions import audit_updates, clean_wage, dues_amount, month_problem, status_problem
from dues.choices import DuesSource, DuesStatus
from dues.models import DuesRecord
from dues.months import parse_month
from members.choices import MemberStatus
from members.models import Member

LOOKUP_CHUNK = 1000
UPSERT_FIELDS = ["org", "wage_base", "amount", "status", "paid_on", "source", "updated_at"]
YES = {"是", "已缴", "已交", "已", "y", "yes", "1", "true", "√", "✓"}
NO = {"否", "未缴", "未交", "未", "n", "no", "0", "false", "×", "✗"}


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip()


def _name_key(value: str) -> str:
    return "".join(_text(value).split())


class PayrollImporter(Importer):
    columns = [
        ImportColumn(
            "id_number",
            "身份证号码",
            ("身份证号", "证件号码", "公民身份号码", "身份证", "身份证件号码"),
            required=True,
            text=True,
            width=22,
        ),
        ImportColumn("name", "姓名", ("职工姓名", "会员姓名"), required=True, width=10),
        ImportColumn(
            "month", "月份", ("所属月份", "工资月份", "缴费月份"), required=True, text=True
        ),
        ImportColumn(
            "wage",
            "工资基数",
            ("应发工资", "工资", "月工资", "缴费基数", "会费基数"),
            required=True,
        ),
        ImportColumn("paid", "是否已缴", ("已缴", "是否缴纳"), choices=("是", "否"), width=10),
    ]

    def __init__(self, *, actor, org):
        self.actor = actor
        self.org = org
        self.headers = {column.key: column.header for column in self.columns}
        self.example = {
            "id_number": "11010119900307123X",
            "name": "张三",
            "month": "2026-03",
            "wage": "5678.90",
            "paid": "是",
        }
        self.seen: dict[tuple[str, object], int] = {}
        self.today = timezone.localdate()
        superuser = getattr(actor, "is_superuser", False)
        self.actor_paths = None if superuser else scope_paths(actor, Action.VIEW)

    # --- checking ----------------------------------------------------------------------

    def check(self, outcomes: list[RowOutcome]) -> None:
        for outcome in outcomes:
            self._check_row(outcome)
        self._check_against_database([o for o in outcomes if o.prepared])
        for outcome in outcomes:
            if outcome.problems:
                outcome.prepared = None

    def _problem(self, outcome: RowOutcome, message: str, field: str, **params) -> None:
        outcome.problems.append(message % {"column": self.headers[field], **params})

    def _check_row(self, outcome: RowOutcome) -> None:
        values = outcome.values
        data: dict = {}
        raw_id = values.get("id_number", "")
        try:
            id_number = pii.normalise_id_number(raw_id)
        except ValidationError as error:
            self._problem(
                outcome, _("%(column)s: %(error)s"), "id_number", error=pii.masked_message(error)
            )
            values["id_number"] = pii.mask_id_number(_text(raw_id))
        else:
            data["hash"] = pii.blind_index(pii.KIND_ID_NUMBER, id_number)
            values["id_number"] = pii.mask_id_number(id_number)
        data["name"] = _name_key(values.get("name", ""))
        if not data["name"]:
            self._problem(outcome, _("%(column)s is empty."), "name")
        raw_month = values.get("month", "")
        try:
            data["month"] = parse_month(raw_month)
        except ValueError:
            data["month"] = None
            self._problem(
                outcome,
                _("%(column)s: “%(value)s” is not a month (e.g. 2026-03)."),
                "month",
                value=raw_month,
            )
        try:
            data["wage"] = clean_wage(
                _text(values.get("wage", "")).replace(",", "").strip("¥￥元 ")
            )
        except ValueError as error:
            self._problem(outcome, _("%(column)s: %(error)s"), "wage", error=str(error))
        paid = _text(values.get("paid", "")).lower()
        data["paid"] = True if paid in YES else False if paid in NO else None
        if paid and data["paid"] is None:
            self._problem(
                outcome, _("%(column)s: “%(value)s” is not 是 or 否."), "paid", value=paid
            )
        if "hash" in data and data["month"] is not None:
            first = self.seen.setdefault((data["hash"], data["month"]), outcome.row_number)
            if first != outcome.row_number:
                outcome.problems.append(
                    _("The same member and month are in row %(row)s of this file.") % {"row": first}
                )
        outcome.prepared = data

    def _check_against_database(self, rows: list[RowOutcome]) -> None:
        digests = sorted({o.prepared["hash"] for o in rows if "hash" in o.prepared})
        members: dict[str, Member] = {}
        for start in range(0, len(digests), LOOKUP_CHUNK):
            found = (
                Member.objects.filter(id_number_hash__in=digests[start : start + LOOKUP_CHUNK])
                .select_related("org")
                .only(
                    "id",
                    "name",
                    "card_number",
                    "status",
                    "joined_on",
                    "id_number_hash",
                    "org__id",
                    "org__name",
                    "org__path",
                )
            )
            members.update((m.id_number_hash, m) for m in found)
        existing = self._existing_records(rows, members)
        for outcome in rows:
            member = members.get(outcome.prepared.get("hash"))
            if member is not None:
                self._check_member(outcome, member, existing)
            elif "hash" in outcome.prepared:
                outcome.problems.append(self._unknown())

    def _existing_records(self, rows, members) -> dict[tuple[int, object], DuesRecord]:
        by_id = {m.pk: m for m in members.values()}
        ids = sorted(by_id)
        months = sorted({o.prepared["month"] for o in rows if o.prepared.get("month")})
        existing: dict[tuple[int, object], DuesRecord] = {}
        if not months:
            return existing
        for start in range(0, len(ids), LOOKUP_CHUNK):
            records = DuesRecord.objects.filter(
                member_id__in=ids[start : start + LOOKUP_CHUNK], month__in=months
            ).select_related("org")
            for record in records:
                record.member = by_id[record.member_id]
                existing[record.member_id, record.month] = record
        return existing

    def _unknown(self) -> str:
        # The same words for an unknown ID number and for a member of another district, so
        # the report never tells whether a person is a member somewhere out of scope.
        return _("No member of %(org)s has this ID number.") % {"org": self.org}

    def _within(self, path: str) -> bool:
        return path.startswith(self.org.path)

    def _check_member(self, outcome: RowOutcome, member: Member, existing) -> None:
        data = outcome.prepared
        if not self._within(member.org.path):
            visible = self.actor_paths is None or any(
                member.org.path.startswith(p) for p in self.actor_paths
            )
            if visible:
                outcome.problems.append(
                    _("The member belongs to %(union)s, outside %(org)s.")
                    % {"union": member.org.name, "org": self.org}
                )
            else:
                outcome.problems.append(self._unknown())
            return
        if data["name"] and data["name"] != _name_key(member.name):
            self._problem(outcome, _("%(column)s does not match the member record."), "name")
        if problem := status_problem(member.status):
            outcome.problems.append(problem)
        month = data.get("month")
        if month is not None and (problem := month_problem(month, member.joined_on, self.today)):
            self._problem(outcome, _("%(column)s: %(error)s"), "month", error=problem)
        kept = member.status == MemberStatus.KEPT
        if kept and data["paid"]:
            outcome.problems.append(_("The membership is kept; kept members pay no dues."))
        before = existing.get((member.pk, month))
        if before is not None and not self._within(before.org.path):
            outcome.problems.append(_("Dues for this month are already recorded by another union."))
        elif before is not None and before.status == DuesStatus.PAID and data["paid"] is False:
            outcome.problems.append(
                _("This month is already recorded as paid; correct the record on its page.")
            )
        if outcome.problems or "wage" not in data:
            return
        data.update(member=member, before=before, **self._outcome(data, before, kept))

    def _outcome(self, data: dict, before: DuesRecord | None, kept: bool) -> dict:
        """Status, paid date and amount of the written record. An empty 是否已缴 keeps what
        was recorded (a payroll file re-sent with new wages does not undo payments)."""
        if kept:
            status = DuesStatus.EXEMPT
        elif data["paid"] is True:
            status = DuesStatus.PAID
        elif data["paid"] is False:
            status = DuesStatus.UNPAID
        else:
            status = before.status if before is not None else DuesStatus.UNPAID
        paid_on = None
        if status == DuesStatus.PAID:
            already = before is not None and before.status == DuesStatus.PAID
            paid_on = before.paid_on if already else self.today
        amount = Decimal("0.00") if status == DuesStatus.EXEMPT else dues_amount(data["wage"])
        return {"status": status, "paid_on": paid_on, "amount": amount}

    # --- writing -----------------------------------------------------------------------

    def commit(self, outcomes: list[RowOutcome]) -> int:
        records = []
        for outcome in outcomes:
            data = outcome.prepared
            member = data["member"]
            records.append(
                DuesRecord(
                    member=member,
                    org=member.org,
                    month=data["month"],
                    wage_base=data["wage"],
                    amount=data["amount"],
                    status=data["status"],
                    paid_on=data["paid_on"],
                    source=DuesSource.PAYROLL,
                )
            )
        DuesRecord.objects.bulk_create(
            records,
            batch_size=LOOKUP_CHUNK,
            update_conflicts=True,
            unique_fields=["member", "month"],
            update_fields=UPSERT_FIELDS,
        )
        # New months are traced by the import job (who, when, which file, counts) and their
        # source; months that were already recorded get an audit row each, before → after.
        changed = []
        for outcome, record in zip(outcomes, records, strict=True):
            before = outcome.prepared["before"]
            if before is not None:
                record.pk, record.note = before.pk, before.note
                changed.append((record, audit.snapshot(before)))
        audit_updates(self.actor, changed)
        return len(records)


def payroll_importer(*, actor, org):
    return PayrollImporter(actor=actor, org=org)


register_importer("dues_payroll", gettext_lazy("Payroll for dues"), payroll_importer)
