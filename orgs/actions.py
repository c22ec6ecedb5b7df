"""Writes on the organisation tree and enterprises.

Every function here is atomic, validates the whole request before writing, re-checks the
actor's scope inside the transaction, and writes an audit row.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.cn import uscc as uscc_std
from stdnum.exceptions import ValidationError as StdnumError

from core import audit
from core.choices import AuditAction
from core.scoping import OutOfScope, ensure_in_scope, ensure_org_in_scope
from orgs.choices import (
    ALLOWED_PARENT_LEVELS,
    COVERING_LEVELS,
    TERRITORY_LEVELS,
    EnterpriseStatus,
    OrgLevel,
    OrgStatus,
)
from orgs.models import Election, Enterprise, Org

ORG_EDITABLE_FIELDS = (
    "code",
    "name",
    "level",
    "federation_kind",
    "sector",
    "grassroots_type",
    "region_code",
    "chair_name",
    "founded_on",
)
ENTERPRISE_FIELDS = (
    "uscc",
    "name",
    "category",
    "industry",
    "employee_count",
    "territory",
    "region_code",
    "address",
    "is_platform",
    "covering_union",
)
TERM_YEARS = (3, 5)
COMMITTEE_SIZE = (3, 11)
AUDIT_COMMITTEE_SIZE = (3, 5)


def _level_label(level) -> str:
    return str(OrgLevel(level).label) if level else _("the top of the tree")


def validate_parent_level(level: str, parent: Org | None) -> None:
    """A level may only sit under the levels allowed above it (市→区县→街镇→联合会→基层→小组)."""
    allowed = ALLOWED_PARENT_LEVELS.get(level, ())
    parent_level = parent.level if parent else None
    if parent_level not in allowed:
        raise ValidationError(
            {
                "parent": _("A %(level)s cannot be placed under %(parent)s (%(parent_level)s).")
                % {
                    "level": _level_label(level),
                    "parent": parent.name if parent else _("the top of the tree"),
                    "parent_level": _level_label(parent_level),
                }
            }
        )


def _validate_org_fields(data: dict, *, instance: Org | None = None) -> None:
    errors = {}
    code = (data.get("code") or "").strip()
    if not code:
        errors["code"] = _("Enter the org code.")
    elif Org.objects.filter(code=code).exclude(pk=getattr(instance, "pk", None)).exists():
        errors["code"] = _("The org code %(code)s is already used.") % {"code": code}
    if not (data.get("name") or "").strip():
        errors["name"] = _("Enter the name.")
    level = data.get("level")
    if level == OrgLevel.FEDERATION and not data.get("federation_kind"):
        errors["federation_kind"] = _("Choose the kind of federation.")
    if level == OrgLevel.GRASSROOTS and not data.get("grassroots_type"):
        errors["grassroots_type"] = _("Choose whether the union is standalone or joint.")
    region = (data.get("region_code") or "").strip()
    if region and (not region.isdigit() or len(region) not in (6, 9, 12)):
        errors["region_code"] = _("An administrative division code has 6, 9 or 12 digits.")
    founded = data.get("founded_on")
    if founded and founded > datetime.date.today():
        errors["founded_on"] = _("The founding date cannot be in the future.")
    if errors:
        raise ValidationError(errors)


def _clean_org_data(data: dict) -> dict:
    cleaned = {key: data.get(key) for key in ORG_EDITABLE_FIELDS if key in data}
    for key in ("code", "name", "region_code", "chair_name"):
        if cleaned.get(key) is not None:
            cleaned[key] = cleaned[key].strip()
    if cleaned.get("level") != OrgLevel.FEDERATION:
        cleaned["federation_kind"] = ""
        cleaned["sector"] = ""
    if cleaned.get("level") != OrgLevel.GRASSROOTS:
        cleaned["grassroots_type"] = ""
    return cleaned


@transaction.atomic
def org_create(*, actor, parent: Org | None, data: dict) -> Org:
    """Create an org under ``parent``; the parent must lie in the actor's scope."""
    data = _clean_org_data(data)
    if parent is None:
        if not getattr(actor, "is_superuser", False):
            raise OutOfScope(_("Only a system administrator can create a top-level federation."))
    else:
        parent = Org.objects.select_for_update().get(pk=parent.pk)
        ensure_org_in_scope(actor, parent)
        if not parent.is_active:
            raise ValidationError({"parent": _("A dissolved organisation cannot get new units.")})
    validate_parent_level(data.get("level"), parent)
    _validate_org_fields(data)
    org = Org.objects.add_child(parent, data) if parent else Org.objects.add_root(data)
    ensure_in_scope(actor, org)
    audit.record(actor, org, AuditAction.CREATE, extra={"parent": [None, str(parent or "")]})
    return org


@transaction.atomic
def org_update(*, actor, org: Org, data: dict) -> Org:
    org = Org.objects.select_for_update().get(pk=org.pk)
    ensure_in_scope(actor, org)
    before = audit.snapshot(org)
    data = _clean_org_data({**{k: getattr(org, k) for k in ORG_EDITABLE_FIELDS}, **data})
    if data["level"] != org.level:
        validate_parent_level(data["level"], Org.objects.get_parent(org))
        child_levels = set(Org.objects.get_children(org).values_list("level", flat=True))
        for child_level in child_levels:
            if data["level"] not in ALLOWED_PARENT_LEVELS[child_level]:
                raise ValidationError(
                    {
                        "level": _("Its sub-units (%(child)s) cannot sit under a %(level)s.")
                        % {"child": _level_label(child_level), "level": _level_label(data["level"])}
                    }
                )
    _validate_org_fields(data, instance=org)
    for key, value in data.items():
        setattr(org, key, value)
    org.save()
    audit.record(actor, org, AuditAction.UPDATE, before=before)
    return org


def _ensure_parent_in_scope(actor, org: Org) -> None:
    """Restructuring (moving, dissolving) an org is decided one level up: a cadre may
    reshape what lies below their grant, not the org they were granted."""
    parent = Org.objects.get_parent(org)
    if parent is None:
        if not getattr(actor, "is_superuser", False) and actor is not None:
            raise OutOfScope()
        return
    ensure_in_scope(actor, org)
    ensure_org_in_scope(actor, parent)


@transaction.atomic
def org_move(*, actor, org: Org, new_parent: Org) -> Org:
    """Re-parent a subtree. Refused when the target is the org itself or one of its
    descendants, when levels do not fit, or when either end lies outside the actor's scope."""
    org = Org.objects.select_for_update().get(pk=org.pk)
    new_parent = Org.objects.get(pk=new_parent.pk)
    _ensure_parent_in_scope(actor, org)
    ensure_org_in_scope(actor, new_parent)
    if new_parent.pk == org.pk or new_parent.path.startswith(org.path):
        raise ValidationError(
            {"parent": _("An organisation cannot be moved under itself or its own sub-units.")}
        )
    if not new_parent.is_active:
        raise ValidationError({"parent": _("A dissolved organisation cannot get new units.")})
    validate_parent_level(org.level, new_parent)
    old_parent = Org.objects.get_parent(org)
    if old_parent and old_parent.pk == new_parent.pk:
        return org
    Org.objects.move(org, new_parent, "last-child")
    org = Org.objects.get(pk=org.pk)
    ensure_in_scope(actor, org)
    audit.record(
        actor, org, AuditAction.MOVE, extra={"parent": [str(old_parent or ""), str(new_parent)]}
    )
    return org


@transaction.atomic
def org_dissolve(*, actor, org: Org, on: datetime.date, reason: str) -> Org:
    """Dissolve (撤销) an org. Nothing with history is deleted; the units it covered
    become uncovered, each change audited."""
    org = Org.objects.select_for_update().get(pk=org.pk)
    _ensure_parent_in_scope(actor, org)
    if not org.is_active:
        raise ValidationError(_("This organisation is already dissolved."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for dissolving.")})
    if Org.objects.get_children(org).filter(status=OrgStatus.ACTIVE).exists():
        raise ValidationError(
            _("Move or dissolve its active sub-units first; %(name)s still has some.")
            % {"name": org.name}
        )
    if on > datetime.date.today():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    before = audit.snapshot(org)
    org.status = OrgStatus.DISSOLVED
    org.dissolved_on = on
    org.dissolution_reason = reason.strip()
    org.next_election_due = None
    org.save()
    audit.record(actor, org, AuditAction.DISSOLVE, before=before)
    for enterprise in Enterprise.objects.filter(covering_union=org):
        enterprise_before = audit.snapshot(enterprise)
        enterprise.covering_union = None
        enterprise.save(update_fields=["covering_union", "updated_at"])
        audit.record(actor, enterprise, AuditAction.UPDATE, before=enterprise_before)
    return org


@transaction.atomic
def election_record(
    *,
    actor,
    org: Org,
    held_on: datetime.date,
    term_years: int,
    chair_name: str,
    committee_members: str,
    audit_committee_members: str = "",
    notes: str = "",
) -> Election:
    """Record a 换届: a term of 3 or 5 years, a committee of 3–11 and a 经审会 of 3–5
    members, both odd (中国工会章程; DOMAIN §2.1). Sets when the next election is due."""
    org = Org.objects.select_for_update().get(pk=org.pk)
    ensure_in_scope(actor, org)
    errors = {}
    if term_years not in TERM_YEARS:
        errors["term_years"] = _("A term lasts 3 or 5 years.")
    if held_on > datetime.date.today():
        errors["held_on"] = _("The election date cannot be in the future.")
    if not (chair_name or "").strip():
        errors["chair_name"] = _("Enter the chair elected.")
    committee = Election.names(committee_members or "")
    low, high = COMMITTEE_SIZE
    if not (low <= len(committee) <= high) or len(committee) % 2 == 0:
        errors["committee_members"] = _(
            "The committee must have an odd number of members between 3 and 11 (now %(n)s)."
        ) % {"n": len(committee)}
    auditors = Election.names(audit_committee_members or "")
    low, high = AUDIT_COMMITTEE_SIZE
    if auditors and (not (low <= len(auditors) <= high) or len(auditors) % 2 == 0):
        errors["audit_committee_members"] = _(
            "The audit committee must have an odd number of members between 3 and 5 (now %(n)s)."
        ) % {"n": len(auditors)}
    if errors:
        raise ValidationError(errors)
    election = Election.objects.create(
        org=org,
        held_on=held_on,
        term_years=term_years,
        chair_name=chair_name.strip(),
        committee_members="\n".join(committee),
        audit_committee_members="\n".join(auditors),
        notes=(notes or "").strip(),
    )
    audit.record(actor, election, AuditAction.CREATE)
    latest = org.elections.order_by("-held_on", "-id").first()
    before = audit.snapshot(org)
    org.last_election_on = latest.held_on
    org.term_years = latest.term_years
    org.chair_name = latest.chair_name
    org.next_election_due = _add_years(latest.held_on, latest.term_years)
    org.save()
    audit.record(actor, org, AuditAction.UPDATE, before=before)
    return election


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def normalise_uscc(value: str) -> str:
    return uscc_std.compact(value or "").upper()


def _validate_enterprise(data: dict, *, instance: Enterprise | None = None) -> dict:
    errors = {}
    cleaned = {key: data.get(key) for key in ENTERPRISE_FIELDS if key in data}
    raw_uscc = cleaned.get("uscc") or ""
    try:
        cleaned["uscc"] = uscc_std.validate(normalise_uscc(raw_uscc))
    except StdnumError:
        errors["uscc"] = _(
            "%(code)s is not a valid unified social credit code (18 characters with a check digit)."
        ) % {"code": raw_uscc}
    else:
        clash = Enterprise.objects.filter(uscc=cleaned["uscc"]).exclude(
            pk=getattr(instance, "pk", None)
        )
        if clash.exists():
            errors["uscc"] = _("An enterprise with this credit code is already registered.")
    cleaned["name"] = (cleaned.get("name") or "").strip()
    if not cleaned["name"]:
        errors["name"] = _("Enter the name.")
    count = cleaned.get("employee_count")
    if count is None or count < 0:
        errors["employee_count"] = _("Enter the number of employees.")
    territory = cleaned.get("territory")
    if territory is None:
        errors["territory"] = _("Choose the area the enterprise is located in.")
    elif territory.level not in TERRITORY_LEVELS:
        errors["territory"] = _("The area must be a city, district or street federation.")
    union = cleaned.get("covering_union")
    if union is not None:
        if union.level not in COVERING_LEVELS:
            errors["covering_union"] = _(
                "Only a grassroots union or a joint federation can cover an enterprise."
            )
        elif not union.is_active:
            errors["covering_union"] = _("A dissolved union cannot cover an enterprise.")
    region = (cleaned.get("region_code") or "").strip()
    if region and (not region.isdigit() or len(region) not in (6, 9, 12)):
        errors["region_code"] = _("An administrative division code has 6, 9 or 12 digits.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def _ensure_links_in_scope(actor, cleaned: dict) -> None:
    for key in ("territory", "covering_union"):
        if cleaned.get(key) is not None:
            ensure_org_in_scope(actor, cleaned[key])


@transaction.atomic
def enterprise_create(*, actor, data: dict) -> Enterprise:
    cleaned = _validate_enterprise(data)
    _ensure_links_in_scope(actor, cleaned)
    enterprise = Enterprise.objects.create(**cleaned)
    ensure_in_scope(actor, enterprise)
    audit.record(actor, enterprise, AuditAction.CREATE)
    return enterprise


@transaction.atomic
def enterprise_update(*, actor, enterprise: Enterprise, data: dict) -> Enterprise:
    """Edit an enterprise, including linking it to a covering union (建会) or unlinking it."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    ensure_in_scope(actor, enterprise)
    before = audit.snapshot(enterprise)
    current = {key: getattr(enterprise, key) for key in ENTERPRISE_FIELDS}
    cleaned = _validate_enterprise({**current, **data}, instance=enterprise)
    changed_links = {k: v for k, v in cleaned.items() if k in data and v != current.get(k)}
    _ensure_links_in_scope(actor, changed_links)
    for key, value in cleaned.items():
        setattr(enterprise, key, value)
    enterprise.save()
    ensure_in_scope(actor, enterprise)
    audit.record(actor, enterprise, AuditAction.UPDATE, before=before)
    return enterprise


@transaction.atomic
def enterprise_close(*, actor, enterprise: Enterprise) -> Enterprise:
    """Mark an enterprise closed (注销); it leaves the coverage figures but keeps its history."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    ensure_in_scope(actor, enterprise)
    before = audit.snapshot(enterprise)
    enterprise.status = EnterpriseStatus.CLOSED
    enterprise.save()
    audit.record(actor, enterprise, AuditAction.UPDATE, before=before)
    return enterprise
