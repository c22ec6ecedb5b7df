"""Writes of early warning: signals, scoring, alerts and their disposal, the scoring model,
inspection campaigns.

Rules (DOMAIN §3): signals come from inside the platform and from outside (欠薪, 社保欠缴,
减员, 降薪, 停产, 搬迁, 改制); a new signal re-scores its enterprise at once; a score that
crosses upward into an alerting level opens an alert routed to the union covering the
enterprise (the area federation if none), visible to that union's parents; the alert is
disposed of in steps 核实 → 处置 → 化解 or 升级 (to the next union up), each with a deadline
in working days (``RISK_VERIFY_WORKDAYS``, ``RISK_HANDLE_WORKDAYS``) and a logged step.
"早发现、早报告、早处置".

Every write validates the whole request first, runs in one transaction, re-checks scope
and writes the audit log. See ``warning.sources`` for how other apps feed signals.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django_tasks import task

from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope, scope_paths
from core.workdays import add_workdays
from orgs.choices import EnterpriseStatus
from orgs.models import Enterprise, Org
from warning import scoring, sources
from warning.choices import (
    OPEN_ALERT_STATUSES,
    AlertStatus,
    AlertStep,
    CampaignStatus,
    InspectionStatus,
    SignalKind,
    SignalSource,
    SignalStatus,
)
from warning.models import (
    Alert,
    AlertEvent,
    Campaign,
    Inspection,
    RiskModel,
    RiskScore,
    RiskSignal,
)

# Kinds whose signal means nothing without a figure, and the figures that count.
REQUIRED_MEASURES = {
    SignalKind.WAGE_ARREARS: ("workers", "amount", "months"),
    SignalKind.SOCIAL_INSURANCE: ("workers", "amount", "months"),
    SignalKind.LAYOFF: ("workers", "percent"),
    SignalKind.PAY_CUT: ("percent",),
}
MAX_MONTHS = 120
EARLIEST = datetime.date(2000, 1, 1)


def _by(actor):
    return actor if getattr(actor, "pk", None) else None


# --- the model -----------------------------------------------------------------------------


def active_model() -> RiskModel:
    """The latest version of the scoring model; the shipped default becomes version 1."""
    model = RiskModel.objects.order_by("-version").first()
    if model is None:
        model, _created = RiskModel.objects.get_or_create(
            version=1,
            defaults={"config": scoring.default_model(), "note": "默认模型"},
        )
    return model


def is_city_admin(user) -> bool:
    """Admins of a root of the org tree (the city federation) edit the scoring model."""
    if getattr(user, "is_superuser", False):
        return True
    roots = set(Org.objects.get_root_nodes().values_list("path", flat=True))
    return any(path in roots for path in scope_paths(user, Action.MANAGE))


@transaction.atomic
def model_update(*, actor, config: dict, note: str) -> RiskModel:
    """Write the next version of the scoring model and queue a re-score of the city."""
    if not is_city_admin(actor):
        raise ValidationError(_("Only an administrator of the city federation may change it."))
    problems = scoring.validate(config)
    if not (note or "").strip():
        problems.append(_("Say why the model changes."))
    if problems:
        raise ValidationError(problems)
    current = active_model()
    if current.config == config:
        raise ValidationError(_("Nothing changed."))
    model = RiskModel.objects.create(
        version=current.version + 1, config=config, note=note.strip(), created_by=_by(actor)
    )
    audit.record(actor, model, AuditAction.CREATE)
    transaction.on_commit(lambda: rescore_all.enqueue())
    return model


# --- scoring -------------------------------------------------------------------------------


def collect_measures(enterprise_ids: list[int] | None, on: datetime.date, config: dict):
    """Per enterprise and indicator: the measures of open signals within the indicator's
    window plus the contributions of registered sources. One query plus the sources'."""
    indicators = config["indicators"]
    longest = max(spec["window_days"] for spec in indicators.values())
    rows = RiskSignal.objects.filter(
        status=SignalStatus.OPEN,
        observed_on__lte=on,
        observed_on__gt=on - datetime.timedelta(days=longest),
    )
    if enterprise_ids is not None:
        rows = rows.filter(enterprise_id__in=enterprise_ids)
    found = scoring.empty_measures()
    fields = ("enterprise_id", "kind", "observed_on", "count", "workers", "amount", "months")
    for row in rows.values(*fields, "percent").order_by("enterprise_id", "kind", "pk"):
        spec = indicators.get(row["kind"])
        if spec is None or row["observed_on"] <= on - datetime.timedelta(spec["window_days"]):
            continue
        measures = found[row["enterprise_id"]].setdefault(row["kind"], scoring.Measures())
        measures.add(
            count=row["count"],
            workers=row["workers"],
            amount=row["amount"],
            months=row["months"],
            percent=row["percent"],
        )
    for item in sources.contributions(enterprise_ids, on):
        if item.kind not in indicators:
            continue
        if enterprise_ids is not None and item.enterprise_id not in enterprise_ids:
            continue
        measures = found[item.enterprise_id].setdefault(item.kind, scoring.Measures())
        measures.add(
            count=item.count,
            workers=item.workers,
            amount=item.amount,
            months=item.months,
            percent=item.percent,
            detail=item.detail,
        )
    return found


def score_enterprises(
    enterprise_ids: list[int] | None = None,
    *,
    on: datetime.date | None = None,
    actor=None,
    at: datetime.datetime | None = None,
) -> dict[int, RiskScore]:
    """Score the given enterprises (all active ones when ``None``) with the active model as
    of day ``on``, store the current scores and open or raise alerts for upward crossings.
    ``at`` stamps the rows (default: now; the seed replays history). A constant number of
    queries plus a few per alert opened."""
    on = on or timezone.localdate()
    now = at or timezone.now()
    model = active_model()
    config = model.config
    with translation.override(settings.LANGUAGE_CODE):
        measures = collect_measures(enterprise_ids, on, config)
    with transaction.atomic():
        existing_rows = RiskScore.objects.select_for_update()
        enterprises = Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE)
        if enterprise_ids is not None:
            existing_rows = existing_rows.filter(enterprise_id__in=enterprise_ids)
            enterprises = enterprises.filter(pk__in=enterprise_ids)
        else:
            # Only enterprises with something to score, or a score to bring back to zero.
            enterprises = enterprises.filter(Q(pk__in=list(measures)) | Q(risk_score__isnull=False))
        existing = {row.enterprise_id: row for row in existing_rows}
        new_rows, changed, crossings = [], [], []
        with translation.override(settings.LANGUAGE_CODE):
            for enterprise in enterprises.only("pk", "employee_count", "name"):
                result = scoring.score(
                    config, enterprise.employee_count, measures.get(enterprise.pk, {})
                )
                row = existing.get(enterprise.pk)
                old_level = row.level if row else "none"
                if row is None:
                    if result.score == 0:
                        continue
                    row = RiskScore(enterprise=enterprise, level_since=now)
                    new_rows.append(row)
                elif (row.score, row.level, row.reasons, row.model_version) == (
                    result.score,
                    result.level,
                    result.reasons,
                    model.version,
                ):
                    continue
                else:
                    changed.append(row)
                if row.level != result.level:
                    row.level_since = now
                row.score, row.level, row.reasons = result.score, result.level, result.reasons
                row.model_version, row.computed_at = model.version, now
                if scoring.rank(result.level) > scoring.rank(old_level) and scoring.opens_alert(
                    result.level, config
                ):
                    crossings.append(row)
        RiskScore.objects.bulk_create(new_rows, batch_size=1000)
        RiskScore.objects.bulk_update(
            changed,
            ["score", "level", "reasons", "model_version", "computed_at", "level_since"],
            batch_size=1000,
        )
        for row in crossings:
            _open_or_raise_alert(row, actor=actor, on=on, at=now)
    return {row.enterprise_id: row for row in [*new_rows, *changed]} | {
        eid: row for eid, row in existing.items() if row not in changed
    }


def _route(enterprise: Enterprise) -> Org:
    return enterprise.covering_union or enterprise.territory


def _verify_due(level: str, on: datetime.date) -> datetime.date:
    return add_workdays(on, settings.GONGHUI["RISK_VERIFY_WORKDAYS"][level])


def _handle_due(level: str, on: datetime.date) -> datetime.date:
    return add_workdays(on, settings.GONGHUI["RISK_HANDLE_WORKDAYS"][level])


def _open_or_raise_alert(row: RiskScore, *, actor, on: datetime.date, at) -> Alert:
    enterprise = Enterprise.objects.select_related("covering_union", "territory").get(
        pk=row.enterprise_id
    )
    now = at
    alert = (
        Alert.objects.select_for_update()
        .filter(enterprise=enterprise, status__in=OPEN_ALERT_STATUSES)
        .first()
    )
    if alert is not None:
        before = audit.snapshot(alert)
        alert.level, alert.score, alert.reasons = row.level, row.score, row.reasons
        if alert.status == AlertStatus.NEW:
            alert.due_on = min(alert.due_on, _verify_due(row.level, on))
        alert.save()
        _event(alert, AlertStep.RAISED, actor, alert.org, row.reasons_text(), at=now)
        audit.record(actor, alert, AuditAction.UPDATE, before)
        return alert
    org = _route(enterprise)
    alert = Alert.objects.create(
        enterprise=enterprise,
        org=org,
        origin_org=org,
        level=row.level,
        score=row.score,
        reasons=row.reasons,
        opened_at=now,
        due_on=_verify_due(row.level, on),
    )
    _event(alert, AlertStep.OPENED, actor, org, row.reasons_text(), at=now)
    audit.record(actor, alert, AuditAction.CREATE)
    return alert


def _event(alert, step, actor, org, note="", at=None) -> AlertEvent:
    return AlertEvent.objects.create(
        alert=alert, step=step, note=note, org=org, actor=_by(actor), at=at or timezone.now()
    )


@task()
def rescore_all() -> int:
    """Re-score every enterprise of the city with the active model (background task)."""
    return len(score_enterprises(None))


# --- signals -------------------------------------------------------------------------------


def _number(value, field, errors, *, cast=int, low=0, high=None, message=""):
    if value in (None, ""):
        return None
    try:
        number = cast(str(value).strip()) if cast is not Decimal else Decimal(str(value))
    except (ValueError, InvalidOperation):
        errors.setdefault(field, []).append(_("Enter a number."))
        return None
    if (
        (cast is Decimal and not number.is_finite())
        or number < low
        or (high is not None and number > high)
    ):
        errors.setdefault(field, []).append(message)
        return None
    return number


def clean_signal(
    *, enterprise, kind, observed_on, source, status, amount, months, workers, percent, count
) -> tuple[dict, dict[str, list[str]]]:
    """The figures of a signal as stored, and the problems found (by field)."""
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    if enterprise is None:
        fail("enterprise", _("Choose the enterprise."))
    if kind not in SignalKind.values:
        fail("kind", _("Choose the kind of signal."))
    if source not in SignalSource.values:
        fail("source", _("Unknown source."))
    if status not in SignalStatus.values:
        fail("status", _("Unknown status."))
    today = timezone.localdate()
    if observed_on is None:
        fail("observed_on", pgettext("warning", "Enter the date."))
    elif observed_on > today:
        fail("observed_on", _("The date cannot be in the future."))
    elif observed_on < EARLIEST:
        fail("observed_on", _("The date is too far in the past."))
    months = _number(months, "months", errors, high=MAX_MONTHS, message=_("0 to 120 months."))
    workers = _number(workers, "workers", errors, message=_("Enter a number of workers."))
    amount = _number(amount, "amount", errors, cast=Decimal, message=_("Enter an amount ≥ 0."))
    percent = _number(
        percent, "percent", errors, cast=Decimal, high=100, message=_("A percentage 0 to 100.")
    )
    count = _number(count, "count", errors, low=1, message=_("At least 1.")) or 1
    if enterprise is not None and workers and workers > max(enterprise.employee_count, 1) * 2:
        fail(
            "workers",
            _("More workers than the enterprise employs (%(n)s).")
            % {"n": enterprise.employee_count},
        )
    values = {"amount": amount, "months": months, "workers": workers, "percent": percent}
    needed = REQUIRED_MEASURES.get(kind)
    if needed and not any(values[name] for name in needed):
        labels = "、".join(str(RiskSignal._meta.get_field(n).verbose_name) for n in needed)
        fail(needed[0], _("Give at least one of: %(fields)s.") % {"fields": labels})
    return values | {"count": count}, errors


@transaction.atomic
def record_signal(
    *,
    actor,
    enterprise: Enterprise,
    kind: str,
    observed_on: datetime.date,
    source: str = SignalSource.MANUAL,
    origin: str = "",
    external_ref: str = "",
    amount=None,
    months=None,
    workers=None,
    percent=None,
    count=1,
    note: str = "",
    status: str = SignalStatus.OPEN,
    rescore: bool = True,
) -> RiskSignal:
    """Record (or, for a known ``origin`` + ``external_ref``, update) one risk signal and
    re-score its enterprise. The public entry point for other apps (``warning.sources``)."""
    if enterprise is not None and actor is not None:
        ensure_in_scope(actor, enterprise, Action.CHANGE)
    values, errors = clean_signal(
        enterprise=enterprise,
        kind=kind,
        observed_on=observed_on,
        source=source,
        status=status,
        amount=amount,
        months=months,
        workers=workers,
        percent=percent,
        count=count,
    )
    if external_ref and not origin:
        errors.setdefault("origin", []).append(_("A reference needs the origin it belongs to."))
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    fields = {
        "enterprise": enterprise,
        "kind": kind,
        "source": source,
        "observed_on": observed_on,
        "note": (note or "")[:300],
        "status": status,
        "resolved_on": today if status == SignalStatus.RESOLVED else None,
        **values,
    }
    signal = None
    if external_ref:
        signal = (
            RiskSignal.objects.select_for_update()
            .filter(origin=origin, external_ref=external_ref)
            .first()
        )
    if signal is None:
        signal = RiskSignal.objects.create(
            origin=origin, external_ref=external_ref, recorded_by=_by(actor), **fields
        )
        audit.record(actor, signal, AuditAction.CREATE)
    else:
        before = audit.snapshot(signal)
        old_enterprise = signal.enterprise_id
        for name, value in fields.items():
            setattr(signal, name, value)
        signal.save()
        audit.record(actor, signal, AuditAction.UPDATE, before)
        if rescore and old_enterprise != enterprise.pk:
            score_enterprises([old_enterprise], actor=actor)
    if rescore:
        score_enterprises([enterprise.pk], actor=actor)
    return signal


@transaction.atomic
def resolve_signal(
    *, actor, signal: RiskSignal, note: str, resolved_on: datetime.date | None = None
) -> RiskSignal:
    """The risk is gone (wages paid back, production resumed): the signal stops counting."""
    signal = RiskSignal.objects.select_for_update().get(pk=signal.pk)
    ensure_in_scope(actor, signal, Action.CHANGE)
    today = timezone.localdate()
    resolved_on = resolved_on or today
    errors = {}
    if signal.status == SignalStatus.RESOLVED:
        errors["note"] = [_("The signal is already resolved.")]
    if not (note or "").strip():
        errors["note"] = [_("Say how the risk was resolved.")]
    if resolved_on > today or resolved_on < signal.observed_on:
        errors["resolved_on"] = [_("The date must lie between the observation and today.")]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(signal)
    signal.status, signal.resolved_on = SignalStatus.RESOLVED, resolved_on
    signal.note = f"{signal.note}｜{note.strip()}"[:300] if signal.note else note.strip()[:300]
    signal.save()
    audit.record(actor, signal, AuditAction.UPDATE, before)
    score_enterprises([signal.enterprise_id], actor=actor)
    return signal


# --- alerts ----------------------------------------------------------------------------------


def _alert_step(actor, alert, *, allowed, note, note_field, message) -> tuple[Alert, dict]:
    alert = Alert.objects.select_for_update().select_related("org").get(pk=alert.pk)
    ensure_in_scope(actor, alert, Action.CHANGE)
    errors = {}
    if alert.status not in allowed:
        errors[None] = [
            _("This step is not possible while the alert is “%(status)s”.")
            % {"status": alert.get_status_display()}
        ]
    if not (note or "").strip():
        errors[note_field] = [message]
    if errors:
        raise ValidationError(errors)
    return alert, audit.snapshot(alert)


@transaction.atomic
def alert_verify(*, actor, alert: Alert, finding: str, confirmed: bool = True) -> Alert:
    """核实: a cadre checked on site. A confirmed risk goes on to disposal (deadline by
    level); an unfounded one is closed as dismissed."""
    alert, before = _alert_step(
        actor,
        alert,
        allowed=(AlertStatus.NEW, AlertStatus.ESCALATED),
        note=finding,
        note_field="finding",
        message=_("Write down what the verification found."),
    )
    now = timezone.now()
    if confirmed:
        alert.status = AlertStatus.VERIFIED
        alert.due_on = _handle_due(alert.level, timezone.localdate())
        step = AlertStep.VERIFY
    else:
        alert.status, alert.closed_at, alert.disposal = AlertStatus.DISMISSED, now, finding.strip()
        step = AlertStep.DISMISS
    alert.save()
    _event(alert, step, actor, alert.org, finding.strip())
    audit.record(actor, alert, AuditAction.UPDATE, before)
    return alert


@transaction.atomic
def alert_handle(*, actor, alert: Alert, measures: str) -> Alert:
    """处置: the measures taken (talks with the employer, 劳动法律监督, referral to the labour
    inspectorate, legal aid …). May be recorded more than once."""
    alert, before = _alert_step(
        actor,
        alert,
        allowed=(AlertStatus.VERIFIED, AlertStatus.HANDLING, AlertStatus.ESCALATED),
        note=measures,
        note_field="measures",
        message=_("Describe the measures taken."),
    )
    alert.status = AlertStatus.HANDLING
    alert.save()
    _event(alert, AlertStep.HANDLE, actor, alert.org, measures.strip())
    audit.record(actor, alert, AuditAction.UPDATE, before)
    return alert


@transaction.atomic
def alert_resolve(*, actor, alert: Alert, disposal: str) -> Alert:
    """化解: the risk is settled; the disposal is recorded and the alert closed."""
    alert, before = _alert_step(
        actor,
        alert,
        allowed=(AlertStatus.VERIFIED, AlertStatus.HANDLING),
        note=disposal,
        note_field="disposal",
        message=_("Record how the risk was settled."),
    )
    alert.status, alert.closed_at, alert.disposal = (
        AlertStatus.RESOLVED,
        timezone.now(),
        disposal.strip(),
    )
    alert.save()
    _event(alert, AlertStep.RESOLVE, actor, alert.org, disposal.strip())
    audit.record(actor, alert, AuditAction.UPDATE, before)
    return alert


@transaction.atomic
def alert_escalate(*, actor, alert: Alert, reason: str) -> Alert:
    """升级: beyond this union's means; the next union up takes it over (and sees it first
    on its list); the union that had it still sees it."""
    alert, before = _alert_step(
        actor,
        alert,
        allowed=OPEN_ALERT_STATUSES,
        note=reason,
        note_field="reason",
        message=_("Say why the alert goes up."),
    )
    parent = Org.objects.get_parent(alert.org)
    if parent is None:
        raise ValidationError({"reason": [_("There is no union above this one.")]})
    alert.org = parent
    alert.status = AlertStatus.ESCALATED
    alert.due_on = _verify_due(alert.level, timezone.localdate())
    alert.save()
    _event(alert, AlertStep.ESCALATE, actor, parent, reason.strip())
    audit.record(actor, alert, AuditAction.UPDATE, before)
    return alert


# --- campaigns ------------------------------------------------------------------------------


@transaction.atomic
def campaign_create(
    *,
    actor,
    org: Org,
    title: str,
    starts_on: datetime.date,
    due_on: datetime.date,
    enterprises,
    assignees=(),
    description: str = "",
) -> Campaign:
    """专项排查: list the enterprises to inspect and share them round-robin among the
    cadres named (none: assigned later)."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = [_("Enter the title.")]
    if starts_on and due_on and due_on < starts_on:
        errors["due_on"] = [_("The deadline cannot be before the start.")]
    visible = Enterprise.objects.all()
    if actor is not None:
        visible = visible.visible_to(actor, Action.VIEW)
    enterprise_list = list(
        visible.filter(pk__in=[getattr(e, "pk", e) for e in enterprises])
        .filter(
            Q(territory__path__startswith=org.path) | Q(covering_union__path__startswith=org.path)
        )
        .order_by("name", "pk")
    )
    if not enterprise_list:
        errors["enterprises"] = [_("No enterprise of this organisation matches.")]
    if errors:
        raise ValidationError(errors)
    campaign = Campaign.objects.create(
        org=org,
        title=title.strip(),
        description=description or "",
        starts_on=starts_on,
        due_on=due_on,
        created_by=_by(actor),
    )
    people = list(assignees)
    Inspection.objects.bulk_create(
        Inspection(
            campaign=campaign,
            enterprise=enterprise,
            assignee=people[index % len(people)] if people else None,
        )
        for index, enterprise in enumerate(enterprise_list)
    )
    audit.record(
        actor, campaign, AuditAction.CREATE, extra={"enterprises": [0, len(enterprise_list)]}
    )
    return campaign


@transaction.atomic
def inspection_record(
    *,
    actor,
    inspection: Inspection,
    inspected_on: datetime.date,
    finding: str,
    hazard_found: bool = False,
    signal_kind: str = "",
) -> Inspection:
    """Record what an inspection found; a hazard of a known kind becomes a risk signal
    (and re-scores the enterprise)."""
    inspection = (
        Inspection.objects.select_for_update()
        .select_related("campaign", "enterprise")
        .get(pk=inspection.pk)
    )
    ensure_in_scope(actor, inspection, Action.CHANGE)
    errors: dict[str, list[str]] = {}
    if inspection.campaign.status != CampaignStatus.OPEN:
        errors[None] = [pgettext("warning", "The campaign is closed.")]
    if not (finding or "").strip():
        errors["finding"] = [_("Write down what the inspection found.")]
    if inspected_on is None or inspected_on > timezone.localdate():
        errors["inspected_on"] = [_("Enter a date that is not in the future.")]
    if signal_kind and not hazard_found:
        errors["signal_kind"] = [_("A signal is recorded only when a hazard is found.")]
    if signal_kind and signal_kind in REQUIRED_MEASURES:
        errors["signal_kind"] = [_("Record this kind with its figures on the signal page instead.")]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(inspection)
    inspection.status = InspectionStatus.DONE
    inspection.inspected_on = inspected_on
    inspection.finding = finding.strip()
    inspection.hazard_found = hazard_found
    if hazard_found and signal_kind:
        inspection.signal = record_signal(
            actor=actor,
            enterprise=inspection.enterprise,
            kind=signal_kind,
            observed_on=inspected_on,
            source=SignalSource.INSPECTION,
            origin="warning.inspection",
            external_ref=str(inspection.pk),
            note=f"{inspection.campaign.title}：{finding.strip()}",
        )
    inspection.save()
    audit.record(actor, inspection, AuditAction.UPDATE, before)
    return inspection


@transaction.atomic
def campaign_close(*, actor, campaign: Campaign) -> Campaign:
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    ensure_in_scope(actor, campaign, Action.CHANGE)
    if campaign.status == CampaignStatus.CLOSED:
        raise ValidationError(pgettext("warning", "The campaign is already closed."))
    before = audit.snapshot(campaign)
    campaign.status = CampaignStatus.CLOSED
    campaign.save()
    audit.record(actor, campaign, AuditAction.UPDATE, before)
    return campaign
