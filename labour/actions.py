"""Writes of labour relations: the collective-contract lifecycle, workers' congress
sessions with their motions, and open factory affairs (厂务公开).

The contract timeline (DOMAIN §2.10; 劳动合同法 art. 51–54, 集体合同规定): the other side
replies in writing within ``CONTRACT_REPLY_DAYS`` (20) of a bargaining request; both sides
bargain with equal numbers and a chief negotiator each; the congress (or all-staff
assembly) approves; the chiefs sign; the employer files the text with the labour department
within ``CONTRACT_FILING_DAYS`` (10); with no objection within ``CONTRACT_REVIEW_DAYS``
(15) the contract is in force — periods counted from the day after the filing (民法典
art. 201), so a contract filed on 3 March is in force from 19 March; an objection (审查
意见书) sends it back to bargaining; it is published to staff within
``CONTRACT_PUBLISH_DAYS`` (10). The term is 1–3 years; renewal talks open in the last
``CONTRACT_RENEWAL_MONTHS`` (3).

Congress rules (DOMAIN §2.10, ``CONGRESS_*`` settings): below 100 staff an all-staff
assembly; otherwise at least 30/100/150 delegates by staff size, front-line ≥ 50 %,
middle management and above ≤ 20 %; a session is quorate with ⅔ of the delegates present;
a motion passes with more than half of all delegates.

Every write validates the whole request, runs in one transaction, re-checks scope and
writes the audit log and, for contracts, a step of the contract's history.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from labour.choices import (
    CongressKind,
    ContractKind,
    ContractScope,
    ContractStatus,
    ContractStep,
    MotionKind,
    SpecialMeasure,
)
from labour.models import Congress, Contract, ContractEvent, Disclosure, Motion
from orgs.models import Enterprise, Org

DAY = datetime.timedelta(days=1)


def _rule(name):
    return settings.GONGHUI[name]


def _by(actor):
    return actor if getattr(actor, "pk", None) else None


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def shift_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months later (earlier if negative), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def in_force_from(filed_on: datetime.date) -> datetime.date:
    """The first day in force of a contract filed on ``filed_on`` with no objection."""
    return filed_on + datetime.timedelta(days=_rule("CONTRACT_REVIEW_DAYS")) + DAY


def _step(contract, step, on, actor, note=""):
    return ContractEvent.objects.create(
        contract=contract, step=step, on=on, note=note or "", actor=_by(actor)
    )


def _save_step(actor, contract, before, step, on, note="", *, due=None, late_message=""):
    """Save the contract, log the step (a step after its deadline says so) and audit."""
    contract.save()
    text = note or ""
    if due is not None and on > due:
        text = (late_message % {"date": due}) + text
    _step(contract, step, on, actor, text)
    audit.record(actor, contract, AuditAction.UPDATE, before)
    return contract


def _not_future(day, field, errors, message=None):
    if day is None:
        errors.setdefault(field, []).append(pgettext("labour", "Enter the date."))
    elif day > timezone.localdate():
        errors.setdefault(field, []).append(message or _("The date cannot be in the future."))


def _check_parties(org: Org, coverage: str, enterprise, covered, errors):
    if coverage == ContractScope.ENTERPRISE:
        if enterprise is None:
            errors.setdefault("enterprise", []).append(
                _("An enterprise contract names its enterprise.")
            )
        elif covered:
            errors.setdefault("covered_enterprises", []).append(
                _("Only industry and regional contracts list enterprises covered.")
            )
    else:
        if enterprise is not None:
            errors.setdefault("enterprise", []).append(
                _("An industry or regional contract lists its enterprises under coverage.")
            )
        outside = [
            e.name
            for e in covered
            if not (
                e.territory.path.startswith(org.path)
                or (e.covering_union and e.covering_union.path.startswith(org.path))
            )
        ]
        if outside:
            errors.setdefault("covered_enterprises", []).append(
                _("Not in the area of %(org)s: %(names)s.")
                % {"org": org.name, "names": "、".join(outside)}
            )


@transaction.atomic
def contract_request(
    *,
    actor,
    org: Org,
    kind: str,
    title: str,
    requested_on: datetime.date,
    coverage: str = ContractScope.ENTERPRISE,
    enterprise: Enterprise | None = None,
    covered_enterprises=(),
    requested_by: str = "union",
    term_years: int = 3,
    previous: Contract | None = None,
    note: str = "",
) -> Contract:
    """Start a contract with a bargaining request (either side may ask); the written reply
    is due within ``CONTRACT_REPLY_DAYS``."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    covered = list(covered_enterprises)
    errors: dict[str, list[str]] = {}
    if kind not in ContractKind.values:
        errors["kind"] = [_("Choose the kind of contract.")]
    if coverage not in ContractScope.values:
        errors["coverage"] = [_("Choose the coverage.")]
    if not (title or "").strip():
        errors["title"] = [_("Enter the title.")]
    if term_years not in (1, 2, 3):
        errors["term_years"] = [_("The term is 1 to 3 years.")]
    _not_future(requested_on, "requested_on", errors)
    _check_parties(org, coverage, enterprise, covered, errors)
    if enterprise is not None and actor is not None:
        ensure_in_scope(actor, enterprise, Action.VIEW)
    if errors:
        raise ValidationError(errors)
    contract = Contract.objects.create(
        org=org,
        coverage=coverage,
        enterprise=enterprise,
        kind=kind,
        title=title.strip(),
        term_years=term_years,
        requested_by=requested_by,
        requested_on=requested_on,
        reply_due=requested_on + datetime.timedelta(days=_rule("CONTRACT_REPLY_DAYS")),
        previous=previous,
        note=note or "",
    )
    if covered:
        contract.covered_enterprises.set(covered)
    _step(contract, ContractStep.REQUEST, requested_on, actor, note)
    audit.record(actor, contract, AuditAction.CREATE)
    ensure_in_scope(actor, contract, Action.CHANGE)
    return contract


def _locked(actor, contract) -> tuple[Contract, dict]:
    contract = (
        Contract.objects.select_for_update(of=("self",))
        .select_related("org", "enterprise")
        .get(pk=contract.pk)
    )
    ensure_in_scope(actor, contract, Action.CHANGE)
    return contract, audit.snapshot(contract)


def _wrong_status(contract, allowed, errors):
    if contract.status not in allowed:
        errors.setdefault(None, []).append(
            _("Not possible while the contract is “%(status)s”.")
            % {"status": contract.get_status_display()}
        )


@transaction.atomic
def contract_reply(*, actor, contract: Contract, replied_on: datetime.date, note: str = ""):
    """The written reply to the bargaining request arrived; bargaining starts."""
    contract, before = _locked(actor, contract)
    errors: dict = {}
    _wrong_status(contract, (ContractStatus.REQUESTED,), errors)
    _not_future(replied_on, "replied_on", errors)
    if replied_on and replied_on < contract.requested_on:
        errors.setdefault("replied_on", []).append(_("The reply cannot precede the request."))
    if errors:
        raise ValidationError(errors)
    contract.replied_on, contract.status = replied_on, ContractStatus.NEGOTIATING
    return _save_step(
        actor,
        contract,
        before,
        ContractStep.REPLY,
        replied_on,
        note,
        due=contract.reply_due,
        late_message=_("Late: the reply was due on %(date)s."),
    )


@transaction.atomic
def contract_sign(
    *,
    actor,
    contract: Contract,
    signed_on: datetime.date,
    approved_on: datetime.date,
    union_chief: str,
    employer_chief: str,
    union_negotiators: int,
    employer_negotiators: int,
    workers_covered: int,
    term_years: int,
    wage_increase: Decimal | None = None,
    special_measures=(),
    note: str = "",
) -> Contract:
    """The chiefs sign the text the congress approved; filing is due within
    ``CONTRACT_FILING_DAYS``."""
    contract, before = _locked(actor, contract)
    errors: dict = {}
    _wrong_status(contract, (ContractStatus.NEGOTIATING,), errors)
    _not_future(signed_on, "signed_on", errors)
    _not_future(approved_on, "approved_on", errors)
    if signed_on and contract.replied_on and signed_on < contract.replied_on:
        errors.setdefault("signed_on", []).append(_("Signing cannot precede the reply."))
    if approved_on and signed_on and approved_on > signed_on:
        errors.setdefault("approved_on", []).append(
            _("The congress approves the draft before it is signed.")
        )
    if not (union_chief or "").strip():
        errors["union_chief"] = [_("Name the union's chief negotiator.")]
    if not (employer_chief or "").strip():
        errors["employer_chief"] = [_("Name the employer's chief negotiator.")]
    if not union_negotiators or not employer_negotiators:
        errors["union_negotiators"] = [_("Give the number of negotiators of each side.")]
    elif union_negotiators != employer_negotiators:
        errors["union_negotiators"] = [_("Both sides bargain with equal numbers.")]
    if term_years not in (1, 2, 3):
        errors["term_years"] = [_("The term is 1 to 3 years.")]
    if not workers_covered or workers_covered < 1:
        errors["workers_covered"] = [_("Give the number of workers covered.")]
    elif contract.enterprise is not None and workers_covered > contract.enterprise.employee_count:
        errors["workers_covered"] = [
            _("More than the enterprise's %(n)s employees.")
            % {"n": contract.enterprise.employee_count}
        ]
    if wage_increase not in (None, ""):
        try:
            wage_increase = Decimal(str(wage_increase))
        except ArithmeticError:
            wage_increase = Decimal("NaN")
        if not wage_increase.is_finite():
            errors["wage_increase"] = [_("Enter a number.")]
            wage_increase = None
    else:
        wage_increase = None
    if contract.kind == ContractKind.WAGE and wage_increase is None:
        errors["wage_increase"] = [_("A wage contract states the wage increase.")]
    if wage_increase is not None and not Decimal("-50") <= wage_increase <= Decimal("100"):
        errors["wage_increase"] = [_("A wage increase from -50% to 100%.")]
    measures = list(special_measures or [])
    if contract.kind == ContractKind.SPECIAL_PERIOD and not measures:
        errors["special_measures"] = [_("Name at least one measure of the agreement.")]
    if not set(measures) <= set(SpecialMeasure.values):
        errors["special_measures"] = [_("Unknown measure.")]
    if errors:
        raise ValidationError(errors)
    contract.signed_on, contract.approved_on = signed_on, approved_on
    contract.union_chief, contract.employer_chief = union_chief.strip(), employer_chief.strip()
    contract.union_negotiators, contract.employer_negotiators = (
        union_negotiators,
        employer_negotiators,
    )
    contract.workers_covered, contract.term_years = workers_covered, term_years
    contract.wage_increase, contract.special_measures = wage_increase, measures
    contract.filing_due = signed_on + datetime.timedelta(days=_rule("CONTRACT_FILING_DAYS"))
    contract.status = ContractStatus.SIGNED
    return _save_step(actor, contract, before, ContractStep.SIGN, signed_on, note)


@transaction.atomic
def contract_file(*, actor, contract: Contract, filed_on: datetime.date, note: str = ""):
    """Filed with the labour department (回执 received): in force from the day after the
    review period unless an objection comes; the term runs from then."""
    contract, before = _locked(actor, contract)
    errors: dict = {}
    _wrong_status(contract, (ContractStatus.SIGNED,), errors)
    _not_future(filed_on, "filed_on", errors)
    if filed_on and contract.signed_on and filed_on < contract.signed_on:
        errors.setdefault("filed_on", []).append(_("Filing cannot precede signing."))
    if errors:
        raise ValidationError(errors)
    contract.filed_on = filed_on
    contract.effective_on = in_force_from(filed_on)
    contract.expires_on = add_years(contract.effective_on, contract.term_years) - DAY
    contract.publish_due = contract.effective_on + datetime.timedelta(
        days=_rule("CONTRACT_PUBLISH_DAYS")
    )
    contract.status = ContractStatus.FILED
    return _save_step(
        actor,
        contract,
        before,
        ContractStep.FILE,
        filed_on,
        note,
        due=contract.filing_due,
        late_message=_("Late: filing was due on %(date)s."),
    )


@transaction.atomic
def contract_objection(*, actor, contract: Contract, received_on: datetime.date, opinion: str):
    """审查意见书: the labour department objects within the review period; the contract goes
    back to bargaining and is signed and filed again."""
    contract, before = _locked(actor, contract)
    errors: dict = {}
    _wrong_status(contract, (ContractStatus.FILED,), errors)
    _not_future(received_on, "received_on", errors)
    if (
        received_on
        and contract.filed_on
        and not (contract.filed_on <= received_on < contract.effective_on)
    ):
        errors.setdefault("received_on", []).append(
            _("An objection counts only within the review period (%(start)s to %(end)s).")
            % {"start": contract.filed_on, "end": contract.effective_on - DAY}
        )
    if not (opinion or "").strip():
        errors["opinion"] = [_("Summarise the review opinion.")]
    if errors:
        raise ValidationError(errors)
    contract.status = ContractStatus.NEGOTIATING
    contract.signed_on = contract.filing_due = contract.filed_on = None
    contract.effective_on = contract.expires_on = contract.publish_due = None
    return _save_step(actor, contract, before, ContractStep.OBJECTION, received_on, opinion.strip())


@transaction.atomic
def contract_publish(*, actor, contract: Contract, published_on: datetime.date, note: str = ""):
    """Published to all staff (公布), due within ``CONTRACT_PUBLISH_DAYS`` of coming into force."""
    contract, before = _locked(actor, contract)
    errors: dict = {}
    _wrong_status(contract, (ContractStatus.FILED,), errors)
    _not_future(published_on, "published_on", errors)
    if published_on and contract.effective_on and published_on < contract.effective_on:
        errors.setdefault("published_on", []).append(
            _("The contract is in force only from %(date)s.") % {"date": contract.effective_on}
        )
    if errors:
        raise ValidationError(errors)
    contract.published_on, contract.status = published_on, ContractStatus.PUBLISHED
    return _save_step(
        actor,
        contract,
        before,
        ContractStep.PUBLISH,
        published_on,
        note,
        due=contract.publish_due,
        late_message=_("Late: publication was due on %(date)s."),
    )


@transaction.atomic
def contract_terminate(*, actor, contract: Contract, on: datetime.date, reason: str):
    contract, before = _locked(actor, contract)
    errors: dict = {}
    if contract.status == ContractStatus.TERMINATED:
        errors[None] = [_("The contract is already terminated.")]
    _not_future(on, "on", errors)
    if not (reason or "").strip():
        errors["reason"] = [_("Give the reason.")]
    if errors:
        raise ValidationError(errors)
    contract.status = ContractStatus.TERMINATED
    if contract.expires_on and on <= contract.expires_on:
        contract.expires_on = on
    return _save_step(actor, contract, before, ContractStep.TERMINATE, on, reason.strip())


def renewal_opens_on(contract: Contract) -> datetime.date | None:
    if contract.expires_on is None:
        return None
    return shift_months(contract.expires_on, -_rule("CONTRACT_RENEWAL_MONTHS"))


@transaction.atomic
def contract_renew(*, actor, contract: Contract, requested_on: datetime.date) -> Contract:
    """Open the talks on the next contract (in the last months of the term, or after)."""
    contract = Contract.objects.select_related("org", "enterprise").get(pk=contract.pk)
    ensure_in_scope(actor, contract, Action.CHANGE)
    opens = renewal_opens_on(contract)
    errors: dict = {}
    if opens is None or contract.status not in (ContractStatus.FILED, ContractStatus.PUBLISHED):
        errors[None] = [_("Only a contract that came into force is renewed.")]
    elif requested_on and requested_on < opens:
        errors["requested_on"] = [
            _("Renewal talks open on %(date)s, in the last months of the term.") % {"date": opens}
        ]
    if contract.renewals.exclude(status=ContractStatus.TERMINATED).exists():
        errors[None] = [_("The renewal is already under way.")]
    if errors:
        raise ValidationError(errors)
    return contract_request(
        actor=actor,
        org=contract.org,
        kind=contract.kind,
        title=contract.title,
        requested_on=requested_on,
        coverage=contract.coverage,
        enterprise=contract.enterprise,
        covered_enterprises=contract.covered_enterprises.all(),
        term_years=contract.term_years,
        previous=contract,
        note=_("Renewal of the contract in force until %(date)s.") % {"date": contract.expires_on},
    )


# --- workers' congress ---------------------------------------------------------------------


def minimum_delegates(staff: int) -> int:
    """The fewest delegates a congress of an enterprise of ``staff`` may have."""
    minimum = 0
    for threshold, count in _rule("CONGRESS_MIN_DELEGATES"):
        if staff >= threshold:
            minimum = count
    return minimum


def congress_problems(*, kind, staff, delegates, frontline, management, attended) -> dict:
    errors: dict[str, list[str]] = {}
    below = _rule("CONGRESS_ASSEMBLY_BELOW_STAFF")
    if kind == CongressKind.CONGRESS and staff < below:
        errors["kind"] = [
            _("Under %(n)s staff the workers meet as an all-staff assembly.") % {"n": below}
        ]
    if kind == CongressKind.CONGRESS and staff >= below:
        least = minimum_delegates(staff)
        if delegates < least:
            errors["delegates"] = [
                _("With %(staff)s staff a congress has at least %(n)s delegates.")
                % {"staff": staff, "n": least}
            ]
        if frontline + management > delegates:
            errors["frontline_delegates"] = [_("More delegates by group than in total.")]
        if delegates and Decimal(frontline) < Decimal(delegates) * _rule(
            "CONGRESS_FRONTLINE_MIN_SHARE"
        ):
            errors["frontline_delegates"] = [
                _("Front-line workers must be at least half of the delegates.")
            ]
        if delegates and Decimal(management) > Decimal(delegates) * _rule(
            "CONGRESS_MANAGEMENT_MAX_SHARE"
        ):
            errors["management_delegates"] = [
                _("Middle management and above may be at most a fifth of the delegates.")
            ]
    if kind == CongressKind.ASSEMBLY and delegates > staff:
        errors["delegates"] = [_("An assembly has at most as many members as the staff.")]
    if delegates < 1:
        errors["delegates"] = [_("Give the number of delegates.")]
    if attended > delegates:
        errors["attended"] = [_("More present than delegates.")]
    return errors


@transaction.atomic
def congress_record(
    *,
    actor,
    enterprise: Enterprise,
    kind: str,
    session: str,
    held_on: datetime.date,
    delegates: int,
    attended: int,
    frontline_delegates: int = 0,
    management_delegates: int = 0,
    women_delegates: int = 0,
    affairs_reported: bool = False,
    note: str = "",
) -> Congress:
    """Record a held session (the enterprise's staff count is taken as of now)."""
    enterprise = Enterprise.objects.select_related("covering_union", "territory").get(
        pk=enterprise.pk
    )
    ensure_in_scope(actor, enterprise, Action.CHANGE)
    org = enterprise.covering_union
    errors: dict[str, list[str]] = {}
    if org is None:
        errors["enterprise"] = [_("The enterprise has no union to hold a congress.")]
    if kind not in CongressKind.values:
        errors["kind"] = [_("Choose the kind of session.")]
    if not (session or "").strip():
        errors["session"] = [_("Name the session, e.g. 第三届第二次.")]
    _not_future(held_on, "held_on", errors)
    if women_delegates > delegates:
        errors["women_delegates"] = [_("More delegates by group than in total.")]
    for field, messages in congress_problems(
        kind=kind,
        staff=enterprise.employee_count,
        delegates=delegates,
        frontline=frontline_delegates,
        management=management_delegates,
        attended=attended,
    ).items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    congress = Congress.objects.create(
        org=org,
        enterprise=enterprise,
        kind=kind,
        session=session.strip(),
        held_on=held_on,
        staff_count=enterprise.employee_count,
        delegates=delegates,
        frontline_delegates=frontline_delegates,
        management_delegates=management_delegates,
        women_delegates=women_delegates,
        attended=attended,
        affairs_reported=affairs_reported,
        note=note or "",
    )
    audit.record(actor, congress, AuditAction.CREATE)
    return congress


@transaction.atomic
def motion_record(
    *,
    actor,
    congress: Congress,
    kind: str,
    title: str,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    contract: Contract | None = None,
) -> Motion:
    """A motion's vote. It passes with more than half of all delegates at a quorate session;
    a passed contract motion records the congress approval on the contract."""
    congress = Congress.objects.select_for_update().get(pk=congress.pk)
    ensure_in_scope(actor, congress, Action.CHANGE)
    errors: dict[str, list[str]] = {}
    if kind not in MotionKind.values:
        errors["kind"] = [_("Choose the kind of motion.")]
    if not (title or "").strip():
        errors["title"] = [_("Enter the title.")]
    if votes_for + votes_against + abstentions > congress.attended:
        errors["votes_for"] = [
            _("More votes than delegates present (%(n)s).") % {"n": congress.attended}
        ]
    if kind == MotionKind.CONTRACT:
        if contract is None:
            errors["contract"] = [_("Choose the contract put to the vote.")]
        elif contract.enterprise_id != congress.enterprise_id:
            errors["contract"] = [_("The contract is not this enterprise's.")]
        elif contract.status != ContractStatus.NEGOTIATING:
            errors["contract"] = [_("Only a contract under negotiation is put to the vote.")]
    elif contract is not None:
        errors["contract"] = [_("Only a contract motion names a contract.")]
    if errors:
        raise ValidationError(errors)
    passed = congress.quorate and votes_for * 2 > congress.delegates
    motion = Motion.objects.create(
        congress=congress,
        kind=kind,
        title=title.strip(),
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        passed=passed,
        contract=contract,
    )
    audit.record(actor, motion, AuditAction.CREATE)
    if passed and contract is not None:
        before = audit.snapshot(contract)
        contract.approved_on = congress.held_on
        contract.save(update_fields=["approved_on", "updated_at"])
        audit.record(actor, contract, AuditAction.UPDATE, before)
    return motion


@transaction.atomic
def disclosure_record(
    *,
    actor,
    enterprise: Enterprise,
    disclosed_on: datetime.date,
    channel: str,
    topics: str,
    congress: Congress | None = None,
) -> Disclosure:
    enterprise = Enterprise.objects.select_related("covering_union").get(pk=enterprise.pk)
    ensure_in_scope(actor, enterprise, Action.CHANGE)
    errors: dict[str, list[str]] = {}
    if enterprise.covering_union is None:
        errors["enterprise"] = [_("The enterprise has no union.")]
    _not_future(disclosed_on, "disclosed_on", errors)
    if not (topics or "").strip():
        errors["topics"] = [_("List the matters disclosed.")]
    if congress is not None and congress.enterprise_id != enterprise.pk:
        errors["congress"] = [_("The session is not this enterprise's.")]
    if errors:
        raise ValidationError(errors)
    disclosure = Disclosure.objects.create(
        org=enterprise.covering_union,
        enterprise=enterprise,
        disclosed_on=disclosed_on,
        channel=channel,
        topics=topics.strip(),
        congress=congress,
    )
    audit.record(actor, disclosure, AuditAction.CREATE)
    return disclosure
