"""Writes on hardship assistance: hardship files (困难职工档案) through their workflow,
household members, campaigns with their funds allocated down the tree, and assistance
paid to members.

Rules (DOMAIN §2.5–2.6): 先建档、后帮扶、实名制 — living and medical aid and 金秋助学 go to
members whose household is on file; one file per household (一户一档); the workflow is
申请 → 入户调查 → 公示 (working days, ``core/workdays.py``) → 认定, with a yearly review
(动态管理) and closing when the household is out of hardship; temporary files are closed
after two years. Campaign money flows down allocations: a sub-allocation and a payment
each draw on their allocation with one conditional UPDATE, so no allocation is ever
overdrawn, whichever path (page, API, concurrent requests) writes. A member is paid at most
once per campaign.

Every write validates the whole request first, runs in one transaction, re-checks scope and
records the audit log.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from assistance import rules
from assistance.choices import (
    CAMPAIGN_ASSISTANCE_KIND,
    OPEN_STATUSES,
    AssistanceKind,
    CampaignKind,
    CampaignStatus,
    CloseReason,
    FileSource,
    FileStatus,
    FundSource,
    HardshipCategory,
    HardshipCause,
    Relation,
    SchoolLevel,
)
from assistance.models import (
    Allocation,
    AssistanceRecord,
    Campaign,
    HardshipFile,
    HouseholdMember,
)
from core import audit, pii, workdays
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from members.choices import MemberStatus
from members.models import Member

FEN = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")
# Aid that presupposes a filed household (先建档、后帮扶).
FILED_KINDS = (AssistanceKind.LIVING, AssistanceKind.MEDICAL, AssistanceKind.SCHOOL)
# Aid that may be a visit or a service without money.
ZERO_ALLOWED_KINDS = (AssistanceKind.CONDOLENCE, AssistanceKind.EMPLOYMENT)


class Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def clean_amount(value, errors: Errors, field: str = "amount", *, allow_zero=False):
    """An amount of yuan to the fen (Decimal, never float) or None with an error added."""
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(str(value).strip()) if value not in (None, "") else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        errors.add(field, _("Enter the amount in yuan, e.g. 500.00."))
        return None
    amount = amount.quantize(FEN, rounding=ROUND_HALF_UP)
    if amount < 0 or (amount == 0 and not allow_zero):
        errors.add(field, _("The amount must be more than zero."))
        return None
    if amount >= MAX_AMOUNT:
        errors.add(field, _("The amount is not plausible."))
        return None
    return amount


def _date(value, errors: Errors, field: str, today: datetime.date, *, required=True):
    if value is None:
        if required:
            errors.add(field, pgettext("assistance", "Enter the date."))
        return None
    if value > today:
        errors.add(field, _("The date cannot be in the future."))
    return value


def _lock_file(file: HardshipFile) -> HardshipFile:
    return (
        HardshipFile.objects.select_for_update(of=("self",))
        .select_related("org", "member")
        .get(pk=file.pk)
    )


def _transition(actor, file: HardshipFile, before: dict, status: str | None = None) -> None:
    if status is not None:
        file.status = status
    file.save()
    audit.record(actor, file, AuditAction.UPDATE, before=before)
    ensure_in_scope(actor, file, Action.VIEW)


def _require_status(file: HardshipFile, allowed, message: str) -> None:
    if file.status not in allowed:
        raise ValidationError(message)


# --- hardship files ------------------------------------------------------------------------


@transaction.atomic
def file_open(
    *,
    actor,
    member: Member | None = None,
    org=None,
    head_name: str = "",
    head_id_number: str = "",
    source: str = FileSource.APPLICATION,
    causes: list[str] | None = None,
    situation: str = "",
    essential_costs=Decimal("0"),
    head_monthly_income=Decimal("0"),
    is_temporary: bool = False,
    applied_on: datetime.date | None = None,
) -> HardshipFile:
    """Open a hardship file (建档) for a member's household, on the member's application or
    a cadre's referral, at the member's union. A household whose head is not a member can
    only be referred by a cadre, at a union in the cadre's scope. The household head is
    entered as the first household member with their monthly income.

    One open file per household: the head's ID number (blind index) may not have another."""
    today = timezone.localdate()
    errors = Errors()
    causes = list(dict.fromkeys(causes or []))
    if not causes:
        errors.add("causes", _("Choose at least one cause of the hardship."))
    elif any(cause not in HardshipCause.values for cause in causes):
        errors.add("causes", _("Choose causes from the list."))
    if source not in FileSource.values:
        errors.add("source", _("Choose how the file came in."))
    applied_on = _date(applied_on or today, errors, "applied_on", today)
    costs = clean_amount(essential_costs or "0", errors, "essential_costs", allow_zero=True)
    income = clean_amount(
        head_monthly_income or "0", errors, "head_monthly_income", allow_zero=True
    )
    if member is not None:
        member = Member.objects.select_related("org").get(pk=member.pk)
        ensure_in_scope(actor, member, Action.CHANGE)
        if member.status != MemberStatus.ACTIVE:
            errors.add("member", _("Only an active member's household can be filed."))
        org = member.org
        head_name, key, masked, cipher = member.name, member.id_number_hash, "", ""
        masked = member.id_number_masked
    else:
        head_name = (head_name or "").strip()
        if org is None:
            errors.add("org", _("Choose the union that keeps the file."))
        else:
            ensure_org_in_scope(actor, org, Action.CHANGE)
        if source != FileSource.REFERRAL:
            errors.add(
                "source",
                _("A household whose head is not a member can only be referred by a cadre."),
            )
        if not head_name:
            errors.add("head_name", _("Enter the name of the household head."))
        key = masked = cipher = ""
        try:
            number = pii.normalise_id_number(head_id_number or "")
        except ValidationError as error:
            errors.add("head_id_number", pii.masked_message(error))
        else:
            key = pii.blind_index(pii.KIND_ID_NUMBER, number)
            masked, cipher = pii.mask_id_number(number), pii.encrypt(number)
            if Member.objects.filter(id_number_hash=key).exists():
                errors.add(
                    "head_id_number",
                    _("This person is a member: open the file from their member record."),
                )
    if key and HardshipFile.objects.filter(household_key=key, status__in=OPEN_STATUSES).exists():
        errors.add(
            "member" if member else "head_id_number",
            _("This household already has an open file (one file per household)."),
        )
    errors.raise_if_any()
    file = HardshipFile(
        org=org,
        member=member,
        head_name=head_name,
        head_id_cipher=cipher,
        household_key=key,
        head_id_masked=masked,
        source=source,
        causes=",".join(causes),
        situation=(situation or "").strip(),
        essential_costs=costs,
        is_temporary=bool(is_temporary),
        applied_on=applied_on,
    )
    try:
        with transaction.atomic():
            file.save()
    except IntegrityError as error:  # a concurrent request filed the same household
        raise ValidationError(
            _("This household already has an open file (one file per household).")
        ) from error
    HouseholdMember.objects.create(
        file=file, name=head_name, relation=Relation.SELF, monthly_income=income
    )
    audit.record(actor, file, AuditAction.CREATE)
    ensure_in_scope(actor, file, Action.CHANGE)
    return file


def _editable(file: HardshipFile) -> None:
    _require_status(
        file,
        OPEN_STATUSES,
        _("The file is closed; its household can no longer be changed."),
    )


@transaction.atomic
def household_add(
    *,
    actor,
    file: HardshipFile,
    name: str,
    relation: str,
    monthly_income,
    birth_year: int | None = None,
    school_level: str = "",
    note: str = "",
) -> HouseholdMember:
    """Add a person to the household with their monthly income (for the per-capita income)."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.CHANGE)
    _editable(file)
    errors = Errors()
    name = (name or "").strip()
    if not name:
        errors.add("name", _("Enter the name."))
    if relation not in Relation.values:
        errors.add("relation", _("Choose the relation."))
    elif relation == Relation.SELF:
        errors.add("relation", _("The household head is already in the household."))
    income = clean_amount(monthly_income, errors, "monthly_income", allow_zero=True)
    year = timezone.localdate().year
    if birth_year is not None and not (year - 120 <= int(birth_year) <= year):
        errors.add("birth_year", _("Enter a plausible year of birth."))
    if school_level and school_level not in SchoolLevel.values:
        errors.add("school_level", _("Choose the school level."))
    errors.raise_if_any()
    person = HouseholdMember.objects.create(
        file=file,
        name=name,
        relation=relation,
        birth_year=birth_year,
        monthly_income=income,
        school_level=school_level or "",
        note=(note or "").strip(),
    )
    audit.record(
        actor,
        file,
        AuditAction.UPDATE,
        extra={_household_key(): [None, str(person)]},
    )
    return person


@transaction.atomic
def household_remove(*, actor, file: HardshipFile, person_id) -> None:
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.CHANGE)
    _editable(file)
    person = file.household.filter(pk=person_id).first()
    if person is None:
        raise ValidationError(_("Choose a person of this household."))
    if person.relation == Relation.SELF:
        raise ValidationError(_("The household head cannot be removed."))
    label = str(person)
    person.delete()
    audit.record(actor, file, AuditAction.UPDATE, extra={_household_key(): [label, None]})


def _household_key() -> str:
    """The audit key of household changes: a label, since it names no field of the file."""
    return str(HouseholdMember._meta.verbose_name)


def figures_of(file: HardshipFile) -> rules.HouseholdFigures:
    """The household's per-capita income and the category it suggests. Two queries."""
    incomes = list(file.household.values_list("monthly_income", flat=True))
    line = rules.low_income_line(file.org)
    return rules.household_figures(incomes, file.essential_costs, line, file.cause_list)


def _category_problem(category: str, figures: rules.HouseholdFigures, causes) -> str:
    if category not in HardshipCategory.values:
        return _("Choose the hardship category.")
    if figures.per_capita is None:
        return _("Enter the household members first.")
    line = figures.line
    if category == HardshipCategory.DEEP and figures.per_capita >= line:
        return _(
            "Per-capita income %(income)s yuan is not below the local minimum-living line of "
            "%(line)s yuan: not deep hardship."
        ) % {"income": figures.per_capita, "line": line}
    if category == HardshipCategory.RELATIVE and figures.per_capita < line:
        return _(
            "Per-capita income %(income)s yuan is below the minimum-living line of %(line)s "
            "yuan: the household is in deep hardship."
        ) % {"income": figures.per_capita, "line": line}
    if category == HardshipCategory.RELATIVE and figures.per_capita >= 2 * line:
        return _(
            "Per-capita income %(income)s yuan is not below twice the minimum-living line "
            "(%(limit)s yuan): not relative hardship."
        ) % {"income": figures.per_capita, "limit": 2 * line}
    if category == HardshipCategory.ACCIDENT and not any(
        cause in (HardshipCause.ACCIDENT, HardshipCause.DISASTER, HardshipCause.ILLNESS)
        for cause in causes
    ):
        return _("Hardship from an accident needs an accident, disaster or illness as a cause.")
    return ""


@transaction.atomic
def file_verify(
    *,
    actor,
    file: HardshipFile,
    visited_on: datetime.date,
    visited_by: str,
    findings: str,
    category: str,
    essential_costs=None,
) -> HardshipFile:
    """Record the home visit (入户调查) and the category found. The category must agree with
    the household's per-capita income against the local 低保 line."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.CHANGE)
    _require_status(
        file,
        (FileStatus.APPLIED, FileStatus.VERIFIED),
        _("The home visit is recorded before the public notice."),
    )
    today = timezone.localdate()
    errors = Errors()
    _date(visited_on, errors, "visited_on", today)
    if visited_on and visited_on < file.applied_on:
        errors.add("visited_on", _("The visit cannot be before the application."))
    visited_by = (visited_by or "").strip()
    findings = (findings or "").strip()
    if not visited_by:
        errors.add("visited_by", _("Enter who visited the household."))
    if not findings:
        errors.add("findings", _("Describe what the visit found."))
    if essential_costs not in (None, ""):
        costs = clean_amount(essential_costs, errors, "essential_costs", allow_zero=True)
        if costs is not None:
            file.essential_costs = costs
    errors.raise_if_any()
    if problem := _category_problem(category, figures_of(file), file.cause_list):
        raise ValidationError({"category": [problem]})
    before = audit.snapshot(file)
    file.visited_on, file.visited_by, file.visit_findings = visited_on, visited_by, findings
    file.category = category
    _transition(actor, file, before, FileStatus.VERIFIED)
    return file


def notice_period(starts_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The public notice (公示) runs ``ASSISTANCE_NOTICE_WORKDAYS`` working days, from the
    first working day on or after ``starts_on``."""
    days = settings.GONGHUI["ASSISTANCE_NOTICE_WORKDAYS"]
    calendar = workdays.WorkdayCalendar.for_range(starts_on, starts_on + datetime.timedelta(60))
    first = calendar.add_workdays(starts_on, 0)
    return first, calendar.add_workdays(first, max(days - 1, 0))


@transaction.atomic
def file_publicize(
    *, actor, file: HardshipFile, starts_on: datetime.date | None = None
) -> HardshipFile:
    """Put the verified file on public notice (公开公示) in the worker's unit."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.CHANGE)
    _require_status(
        file, (FileStatus.VERIFIED,), _("Only a file whose home visit is recorded goes on notice.")
    )
    today = timezone.localdate()
    starts_on = starts_on or today
    if starts_on < today:
        raise ValidationError({"starts_on": [_("The notice cannot start in the past.")]})
    before = audit.snapshot(file)
    file.notice_starts_on, file.notice_ends_on = notice_period(starts_on)
    _transition(actor, file, before, FileStatus.PUBLICIZING)
    return file


@transaction.atomic
def file_approve(*, actor, file: HardshipFile, note: str = "") -> HardshipFile:
    """认定: file the household once the public notice has ended (review rights). The yearly
    review then falls due ``ASSISTANCE_REVIEW_DAYS`` later."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.REVIEW)
    _require_status(
        file, (FileStatus.PUBLICIZING,), _("Only a file on public notice can be filed.")
    )
    today = timezone.localdate()
    if today <= file.notice_ends_on:
        raise ValidationError(
            _("The public notice runs until %(date)s; the file can be approved after it.")
            % {"date": file.notice_ends_on.isoformat()}
        )
    before = audit.snapshot(file)
    file.approved_on = today
    file.review_due_on = today + datetime.timedelta(settings.GONGHUI["ASSISTANCE_REVIEW_DAYS"])
    file.decision_note = (note or "").strip()
    _transition(actor, file, before, FileStatus.APPROVED)
    return file


@transaction.atomic
def file_reject(*, actor, file: HardshipFile, reason: str, objections: str = "") -> HardshipFile:
    """Not filed: after the visit, or upon objections raised during the public notice."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.REVIEW)
    _require_status(
        file,
        (FileStatus.APPLIED, FileStatus.VERIFIED, FileStatus.PUBLICIZING),
        _("Only a file not yet decided can be refused."),
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the household is not filed.")]})
    before = audit.snapshot(file)
    file.decision_note = reason
    file.notice_objections = (objections or "").strip()
    _transition(actor, file, before, FileStatus.REJECTED)
    return file


@transaction.atomic
def file_review(
    *,
    actor,
    file: HardshipFile,
    reviewed_on: datetime.date,
    category: str,
    findings: str,
) -> HardshipFile:
    """The yearly review (动态管理): the household is visited again, its figures brought up
    to date and the category confirmed or changed; the next review falls due a year on.
    A household no longer in hardship is closed with ``file_close`` instead."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.CHANGE)
    _require_status(file, (FileStatus.APPROVED,), _("Only a filed household is reviewed."))
    today = timezone.localdate()
    errors = Errors()
    _date(reviewed_on, errors, "reviewed_on", today)
    findings = (findings or "").strip()
    if not findings:
        errors.add("findings", _("Describe what the review found."))
    errors.raise_if_any()
    if problem := _category_problem(category, figures_of(file), file.cause_list):
        raise ValidationError({"category": [problem]})
    before = audit.snapshot(file)
    file.category = category
    file.last_reviewed_on = reviewed_on
    file.visit_findings = findings
    file.review_due_on = reviewed_on + datetime.timedelta(
        settings.GONGHUI["ASSISTANCE_REVIEW_DAYS"]
    )
    _transition(actor, file, before)
    return file


@transaction.atomic
def file_close(
    *, actor, file: HardshipFile, reason: str, closed_on: datetime.date | None = None, note=""
) -> HardshipFile:
    """Close a filed household: 解困脱困, retired, moved, died, unreachable, found not
    eligible (data checks), or a temporary file at the end of its two years."""
    file = _lock_file(file)
    ensure_in_scope(actor, file, Action.CHANGE)
    _require_status(file, (FileStatus.APPROVED,), _("Only a filed household can be closed."))
    today = timezone.localdate()
    errors = Errors()
    if reason not in CloseReason.values:
        errors.add("reason", _("Choose why the file is closed."))
    closed_on = _date(closed_on or today, errors, "closed_on", today)
    if closed_on and file.approved_on and closed_on < file.approved_on:
        errors.add("closed_on", _("The file cannot be closed before it was filed."))
    errors.raise_if_any()
    before = audit.snapshot(file)
    file.closed_on, file.close_reason = closed_on, reason
    file.decision_note = (note or "").strip() or file.decision_note
    _transition(actor, file, before, FileStatus.CLOSED)
    return file


def temporary_expiry_limit(today: datetime.date) -> datetime.date:
    """Temporary files filed on or before this day are due to be closed."""
    years = settings.GONGHUI["ASSISTANCE_TEMPORARY_FILE_YEARS"]
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def temporary_files_expired(today: datetime.date):
    limit = temporary_expiry_limit(today)
    return HardshipFile.objects.filter(
        status=FileStatus.APPROVED, is_temporary=True, approved_on__lte=limit
    )


@transaction.atomic
def close_expired_temporary_files(*, actor=None, today: datetime.date | None = None) -> int:
    """Close every temporary file filed ``ASSISTANCE_TEMPORARY_FILE_YEARS`` years ago or
    more (the system acts; each file gets its audit row). Returns the number closed."""
    today = today or timezone.localdate()
    files = list(
        temporary_files_expired(today).select_for_update(of=("self",)).select_related("org")
    )
    for file in files:
        before = audit.snapshot(file)
        file.status, file.closed_on = FileStatus.CLOSED, today
        file.close_reason = CloseReason.TEMPORARY_EXPIRED
        file.save(update_fields=["status", "closed_on", "close_reason", "updated_at"])
        audit.record(actor, file, AuditAction.UPDATE, before=before)
    return len(files)


# --- campaigns and their funds ------------------------------------------------------------


@transaction.atomic
def campaign_create(
    *,
    actor,
    org,
    title: str,
    kind: str,
    year: int,
    budget,
    starts_on: datetime.date,
    ends_on: datetime.date,
    fund_source: str = FundSource.SPECIAL_SUBSIDY,
    description: str = "",
) -> Campaign:
    """Start a campaign with its fund; the running org holds the whole fund as its own
    allocation, from which it allocates to lower orgs and pays."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    errors = Errors()
    title = (title or "").strip()
    if not title:
        errors.add("title", _("Enter the title."))
    if kind not in CampaignKind.values:
        errors.add("kind", _("Choose the kind of campaign."))
    if fund_source not in FundSource.values:
        errors.add("fund_source", _("Choose the fund source."))
    budget = clean_amount(budget, errors, "budget")
    if not year or not (2000 <= int(year) <= 2100):
        errors.add("year", _("Enter the year."))
    if starts_on is None:
        errors.add("starts_on", pgettext("assistance", "Enter the date."))
    if ends_on is None:
        errors.add("ends_on", pgettext("assistance", "Enter the date."))
    if starts_on and ends_on and ends_on < starts_on:
        errors.add("ends_on", _("The end cannot be before the start."))
    errors.raise_if_any()
    campaign = Campaign.objects.create(
        org=org,
        title=title,
        kind=kind,
        year=year,
        budget=budget,
        fund_source=fund_source,
        starts_on=starts_on,
        ends_on=ends_on,
        description=(description or "").strip(),
    )
    Allocation.objects.create(
        campaign=campaign, org=org, amount=budget, allocated_on=timezone.localdate()
    )
    audit.record(actor, campaign, AuditAction.CREATE)
    return campaign


@transaction.atomic
def campaign_close(*, actor, campaign: Campaign) -> Campaign:
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    ensure_in_scope(actor, campaign, Action.CHANGE)
    if campaign.status == CampaignStatus.CLOSED:
        raise ValidationError(_("The campaign is already closed."))
    before = audit.snapshot(campaign)
    campaign.status = CampaignStatus.CLOSED
    campaign.save(update_fields=["status"])
    audit.record(actor, campaign, AuditAction.UPDATE, before=before)
    return campaign


def _draw(allocation_id: int, amount: Decimal, column: str) -> bool:
    """Add ``amount`` to the allocation's ``column`` (sub_allocated or spent) only if the
    balance covers it: one UPDATE … WHERE amount >= sub_allocated + spent + x. Concurrent
    draws on the same row queue on its row lock and re-check the condition (PostgreSQL
    READ COMMITTED), SQLite serialises writers; either way the balance never goes below
    zero. Returns whether it was drawn."""
    return bool(
        Allocation.objects.filter(
            pk=allocation_id, amount__gte=F("sub_allocated") + F("spent") + amount
        ).update(**{column: F(column) + amount})
    )


def _check_open(campaign: Campaign, errors: Errors) -> None:
    if campaign.status != CampaignStatus.OPEN:
        errors.add("campaign", _("The campaign is closed."))


@transaction.atomic
def allocation_create(*, actor, parent: Allocation, org, amount) -> Allocation:
    """Pass part of an allocation down to an org below (a district to its streets). The
    org must lie under the parent's org with no other allocation of the campaign between
    them or below it, so allocations follow the org tree; the parent's balance must cover
    the amount."""
    parent = Allocation.objects.select_related("campaign", "org").get(pk=parent.pk)
    ensure_in_scope(actor, parent, Action.CHANGE)
    errors = Errors()
    _check_open(parent.campaign, errors)
    amount = clean_amount(amount, errors)
    if org is None:
        errors.add("org", _("Choose the organisation."))
    elif not (org.path.startswith(parent.org.path) and org.path != parent.org.path):
        errors.add("org", _("Allocate only to organisations below %(org)s.") % {"org": parent.org})
    elif not org.is_active:
        errors.add("org", _("The organisation is dissolved."))
    else:
        siblings = Allocation.objects.filter(campaign=parent.campaign_id)
        if siblings.filter(org=org).exists():
            errors.add("org", _("This organisation already has an allocation of the campaign."))
        elif siblings.filter(org__path__startswith=org.path).exists():
            errors.add("org", _("An organisation below it already has an allocation."))
        elif siblings.filter(
            org__path__in=[org.path[:n] for n in range(len(parent.org.path) + 4, len(org.path), 4)]
        ).exists():
            errors.add(
                "org",
                _("An organisation between them has an allocation: allocate from there."),
            )
    errors.raise_if_any()
    if not _draw(parent.pk, amount, "sub_allocated"):
        raise ValidationError(
            {
                "amount": [
                    _("The balance of %(org)s is %(balance)s yuan; it cannot cover %(amount)s.")
                    % {
                        "org": parent.org,
                        "balance": _current_balance(parent.pk),
                        "amount": amount,
                    }
                ]
            }
        )
    allocation = Allocation.objects.create(
        campaign=parent.campaign,
        org=org,
        parent=parent,
        amount=amount,
        allocated_on=timezone.localdate(),
    )
    audit.record(actor, allocation, AuditAction.CREATE)
    ensure_in_scope(actor, allocation, Action.VIEW)
    return allocation


def _current_balance(allocation_id: int) -> Decimal:
    row = Allocation.objects.filter(pk=allocation_id).values("amount", "sub_allocated", "spent")
    row = row.get()
    return row["amount"] - row["sub_allocated"] - row["spent"]


def open_file_of(member: Member) -> HardshipFile | None:
    """The member's filed household (approved), if any."""
    return (
        HardshipFile.objects.filter(member=member, status=FileStatus.APPROVED)
        .order_by("-approved_on")
        .first()
    )


def _check_member(member: Member, errors: Errors) -> None:
    if member.status != MemberStatus.ACTIVE:
        errors.add("member", _("Assistance goes to active members only."))


def _school_amount(file, member, school_level, errors: Errors):
    """金秋助学: the household is on file (a temporary file for temporary hardship) and has a
    child at that school level; the amount follows the file and the level."""
    if school_level not in SchoolLevel.values:
        errors.add("school_level", _("Choose the school level."))
        return None
    if file is None:
        errors.add(
            "member",
            _("School aid goes to filed households; open a hardship file for %(name)s first.")
            % {"name": member.name},
        )
        return None
    if not file.household.filter(school_level=school_level).exists():
        errors.add(
            "school_level",
            _("The household has no child at this school level; add the child first."),
        )
    return rules.school_aid_amount(not file.is_temporary, school_level)


@transaction.atomic
def assistance_pay(
    *,
    actor,
    allocation: Allocation,
    member: Member,
    delivered_on: datetime.date,
    delivered_by: str,
    amount=None,
    school_level: str = "",
    note: str = "",
) -> AssistanceRecord:
    """Pay a member from a campaign allocation (draws it down). The member belongs to the
    allocation org's subtree, is paid once per campaign, and the allocation's balance must
    cover the amount; 金秋助学 amounts follow the file and the school level."""
    allocation = Allocation.objects.select_related("campaign", "org").get(pk=allocation.pk)
    ensure_in_scope(actor, allocation, Action.CHANGE)
    member = Member.objects.select_related("org").get(pk=member.pk)
    campaign = allocation.campaign
    today = timezone.localdate()
    errors = Errors()
    _check_open(campaign, errors)
    _check_member(member, errors)
    if not member.org.path.startswith(allocation.org.path):
        errors.add(
            "member",
            _("%(name)s is not a member of a union under %(org)s.")
            % {"name": member.name, "org": allocation.org},
        )
    elif AssistanceRecord.objects.filter(campaign=campaign, member=member).exists():
        errors.add(
            "member",
            _("%(name)s has already been paid from this campaign.") % {"name": member.name},
        )
    _date(delivered_on, errors, "delivered_on", today)
    delivered_by = (delivered_by or "").strip()
    if not delivered_by:
        errors.add("delivered_by", _("Enter who delivered the aid."))
    file = open_file_of(member)
    if campaign.kind == CampaignKind.AUTUMN_SCHOOL:
        rule_amount = _school_amount(file, member, school_level, errors)
        if rule_amount is not None and amount not in (None, ""):
            given = clean_amount(amount, errors)
            if given is not None and given != rule_amount:
                errors.add(
                    "amount",
                    _("School aid for this household and level is %(amount)s yuan.")
                    % {"amount": rule_amount},
                )
        amount = rule_amount
    else:
        amount = clean_amount(amount, errors)
        school_level = ""
    errors.raise_if_any()
    if not _draw(allocation.pk, amount, "spent"):
        raise ValidationError(
            {
                "amount": [
                    _("The balance of %(org)s is %(balance)s yuan; it cannot cover %(amount)s.")
                    % {
                        "org": allocation.org,
                        "balance": _current_balance(allocation.pk),
                        "amount": amount,
                    }
                ]
            }
        )
    record = AssistanceRecord(
        org=allocation.org,
        member=member,
        file=file,
        campaign=campaign,
        allocation=allocation,
        kind=CAMPAIGN_ASSISTANCE_KIND[campaign.kind],
        amount=amount,
        fund_source=campaign.fund_source,
        school_level=school_level or "",
        delivered_on=delivered_on,
        delivered_by=delivered_by,
        note=(note or "").strip(),
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:  # the same member paid by a concurrent request
        raise ValidationError(
            {
                "member": [
                    _("%(name)s has already been paid from this campaign.") % {"name": member.name}
                ]
            }
        ) from error
    audit.record(actor, record, AuditAction.CREATE)
    return record


@transaction.atomic
def assistance_record(
    *,
    actor,
    member: Member,
    kind: str,
    amount,
    fund_source: str,
    delivered_on: datetime.date,
    delivered_by: str,
    school_level: str = "",
    note: str = "",
) -> AssistanceRecord:
    """Record aid paid outside a campaign by the member's union: living, medical and school
    aid need the household on file (先建档、后帮扶); 疗休养 places are capped per enterprise
    per year (``rules.sanatorium_places``)."""
    member = Member.objects.select_related("org", "enterprise").get(pk=member.pk)
    ensure_in_scope(actor, member, Action.CHANGE)
    today = timezone.localdate()
    errors = Errors()
    _check_member(member, errors)
    if kind not in AssistanceKind.values:
        errors.add("kind", _("Choose the kind of aid."))
    if fund_source not in FundSource.values:
        errors.add("fund_source", _("Choose the fund source."))
    amount = clean_amount(amount, errors, allow_zero=kind in ZERO_ALLOWED_KINDS)
    _date(delivered_on, errors, "delivered_on", today)
    delivered_by = (delivered_by or "").strip()
    if not delivered_by:
        errors.add("delivered_by", _("Enter who delivered the aid."))
    file = open_file_of(member)
    if kind in FILED_KINDS and file is None:
        errors.add(
            "member",
            _("This aid goes to filed households; open a hardship file for %(name)s first.")
            % {"name": member.name},
        )
    if kind == AssistanceKind.SCHOOL and school_level not in SchoolLevel.values:
        errors.add("school_level", _("Choose the school level."))
    if kind != AssistanceKind.SCHOOL:
        school_level = ""
    if kind == AssistanceKind.SANATORIUM and delivered_on and not errors.get("member"):
        _check_sanatorium_places(member, delivered_on.year, errors)
    errors.raise_if_any()
    record = AssistanceRecord.objects.create(
        org=member.org,
        member=member,
        file=file,
        kind=kind,
        amount=amount,
        fund_source=fund_source,
        school_level=school_level or "",
        delivered_on=delivered_on,
        delivered_by=delivered_by,
        note=(note or "").strip(),
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(actor, record, AuditAction.CREATE)
    ensure_in_scope(actor, record, Action.CHANGE)
    return record


def _check_sanatorium_places(member: Member, year: int, errors: Errors) -> None:
    """Places are counted per employer per year; the employer row is locked so two
    concurrent requests cannot both take the last place."""
    from orgs.models import Enterprise

    if member.enterprise_id is None:
        errors.add("member", _("Recuperation trips are counted per employer; the member has none."))
        return
    enterprise = Enterprise.objects.select_for_update().get(pk=member.enterprise_id)
    places = rules.sanatorium_places(enterprise.employee_count)
    taken = AssistanceRecord.objects.filter(
        kind=AssistanceKind.SANATORIUM,
        member__enterprise=enterprise,
        delivered_on__year=year,
    ).count()
    if taken >= places:
        errors.add(
            "kind",
            _("%(enterprise)s has used all %(places)s recuperation places of %(year)s.")
            % {"enterprise": enterprise.name, "places": places, "year": year},
        )


def file_apply(
    *,
    member: Member,
    causes: list[str],
    situation: str,
    head_monthly_income,
    essential_costs=Decimal("0"),
) -> HardshipFile:
    """本人申请: a member asks for a hardship file from the phone. It opens at the member's
    union as an application; the union's cadres then visit, put it on notice and decide."""
    if not (situation or "").strip():
        raise ValidationError({"situation": [_("Describe the household's difficulty.")]})
    return file_open(
        actor=None,
        member=member,
        source=FileSource.APPLICATION,
        causes=causes,
        situation=situation,
        head_monthly_income=head_monthly_income,
        essential_costs=essential_costs,
    )
