"""Online joining (入会申请): routing, phone verification, submission and the decision.

A worker applies without an account ("进得了门", seed 003). The rules, all here:

* **Routing** (``route_application``): an employee whose employer has an active union joins
  that union. A worker in a new form of employment (快递员, 外卖骑手, 网约车司机, 货车司机),
  a worker of a platform company, and an employee whose employer has no union join a
  federation (联合会) where they work: the federation marked with their sector (orgs
  ``Org.sector``) in their street, then in their district; then an area federation of the
  street, then of the district; then the street federation, then the district federation
  itself (DOMAIN §1: "if the employer has no union, the worker joins the street's joint
  union"). Each step takes the highest, then first, org in tree order, so it is
  deterministic.
* **Phone verification**: a 6-digit code by SMS (core/sms.py), stored as a keyed hash,
  valid for a few minutes with a few tries; one code per phone per minute and a daily cap.
* **Submission**: the record is validated whole like a member's; only then is the code
  checked (a wrong code uses up a try); only a verified applicant learns whether an
  application for the ID number is already pending or the person is already a member. An
  active member elsewhere becomes a transfer request (一次入会、动态接转).
* **Decision**: submitted → approved | rejected by a reviewer of the union (Action.REVIEW),
  or withdrawn by the applicant. Approving registers the member (``member_create``) or
  moves the existing membership (``transfer_request`` + ``transfer_accept``). Every step is
  one transaction and one audit row (who did what when).
"""

from __future__ import annotations

import datetime
import math
import re
import secrets
import unicodedata
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import audit, pii, sms
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope
from members import actions
from members.choices import (
    ChangeReason,
    EmploymentForm,
    EmploymentStatus,
    JoinKind,
    JoinRoute,
    JoinStatus,
    MemberStatus,
)
from members.models import JoinApplication, Member, PhoneCode
from orgs.choices import EnterpriseStatus, FederationKind, OrgLevel, Sector
from orgs.models import Org

# The federation sector that takes in each new form of employment.
FORM_SECTORS = {
    EmploymentForm.COURIER: Sector.EXPRESS,
    EmploymentForm.DELIVERY_RIDER: Sector.FOOD_DELIVERY,
    EmploymentForm.RIDE_HAILING: Sector.RIDE_HAILING,
    EmploymentForm.TRUCK_DRIVER: Sector.FREIGHT,
}
# Where an applicant can say they work.
WORK_AREA_LEVELS = (OrgLevel.DISTRICT, OrgLevel.STREET)
# What each status may become; nothing leaves approved, rejected or withdrawn.
TRANSITIONS = {
    JoinStatus.SUBMITTED: {JoinStatus.APPROVED, JoinStatus.REJECTED, JoinStatus.WITHDRAWN},
}
CODE_PURPOSE = "join"
# Members signing in to the worker portal (portal/auth.py) prove their phone the same way.
LOGIN_CODE_PURPOSE = "login"
_CODE = re.compile(r"[0-9]{6}")
# The audit log's actor for what the applicant does online (they have no account).
APPLICANT = SimpleNamespace(pk=None, username="applicant")


# --- routing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Routing:
    org: Org
    route: str


def work_areas():
    """Districts and streets an applicant can name as their place of work, in tree order."""
    return Org.objects.active().filter(level__in=WORK_AREA_LEVELS).order_by("path")


def _district_and_street(area: Org | None) -> tuple[Org | None, Org | None]:
    if area is None:
        return None, None
    if area.level == OrgLevel.DISTRICT:
        return area, None
    if area.level == OrgLevel.STREET:
        return Org.objects.get_parent(area), area
    return None, None


def route_application(*, employment_form: str, enterprise=None, work_area=None) -> Routing:
    """The union an application goes to, and why (see the module docstring).

    The place of work is, for a new-form worker, the district or street they name (a
    platform may be registered far away), else their employer's location; for an employee,
    the employer's location, else the place they name.
    """
    new_form = employment_form != EmploymentForm.STANDARD
    if enterprise is not None and not new_form and not enterprise.is_platform:
        union = enterprise.covering_union
        if union is not None and union.is_active and union.level in actions.MEMBER_ORG_LEVELS:
            return Routing(union, JoinRoute.EMPLOYER_UNION)
    located = enterprise.territory if enterprise is not None else None
    district = street = None
    for area in (work_area, located) if new_form else (located, work_area):
        district, street = _district_and_street(area)
        if district is not None:
            break
    if district is None or not district.is_active:
        raise ValidationError({"work_area": _("Choose the district or street where you work.")})
    places = [place for place in (street, district) if place is not None and place.is_active]
    federations = Org.objects.active().filter(level=OrgLevel.FEDERATION).order_by("depth", "path")
    sector = FORM_SECTORS.get(employment_form)
    if sector:
        for place in places:
            found = federations.filter(sector=sector, path__startswith=place.path).first()
            if found is not None:
                return Routing(found, JoinRoute.SECTOR_FEDERATION)
    for place in places:
        found = federations.filter(
            federation_kind=FederationKind.AREA, path__startswith=place.path
        ).first()
        if found is not None:
            return Routing(found, JoinRoute.AREA_FEDERATION)
    if street is not None and street.is_active:
        return Routing(street, JoinRoute.STREET_UNION)
    return Routing(district, JoinRoute.DISTRICT_UNION)


# --- phone verification ----------------------------------------------------------------------


def _code_rules() -> dict:
    return settings.GONGHUI_SMS_CODES


def _code_digest(phone_hash: str, code: str) -> str:
    # Keyed: six digits are too few for a plain hash to hide anything.
    return salted_hmac(
        "gonghui.members.phone-code", f"{phone_hash}:{code}", algorithm="sha256"
    ).hexdigest()


def _code_text(purpose: str) -> str:
    if purpose == LOGIN_CODE_PURPOSE:
        return _(
            "Your code to sign in to the union's worker service is %(code)s. It is valid "
            "for %(minutes)s minutes; do not tell it to anyone."
        )
    return _(
        "Your code for the union membership application is %(code)s. It is valid "
        "for %(minutes)s minutes; do not tell it to anyone."
    )


def phone_code_send(*, phone: str, purpose: str = CODE_PURPOSE) -> PhoneCode:
    """Text a fresh 6-digit code to ``phone``.

    Against SMS bombing and guessing: one code per phone every ``RESEND_SECONDS`` and at most
    ``PER_PHONE_PER_DAY`` a day; a code is valid for ``TTL_SECONDS`` and ``MAX_ATTEMPTS``
    tries (``settings.GONGHUI_SMS_CODES``). The message is sent inside the transaction, so a
    failing gateway leaves no code behind.
    """
    try:
        phone = pii.normalise_phone(phone)
    except ValidationError as error:
        raise ValidationError({"phone": error.messages}) from error
    rules = _code_rules()
    phone_hash = pii.blind_index(pii.KIND_PHONE, phone)
    now = timezone.now()
    with transaction.atomic():
        # Codes two days old serve no check any more (the daily cap looks back one day).
        PhoneCode.objects.filter(created_at__lt=now - datetime.timedelta(days=2)).delete()
        # Today's codes of the phone, newest first (a handful at most), locked.
        today = list(
            PhoneCode.objects.select_for_update()
            .filter(
                phone_hash=phone_hash,
                purpose=purpose,
                created_at__gte=now - datetime.timedelta(days=1),
            )
            .order_by("-created_at")
        )
        if today:
            waited = (now - today[0].created_at).total_seconds()
            if waited < rules["RESEND_SECONDS"]:
                seconds = math.ceil(rules["RESEND_SECONDS"] - waited)
                raise ValidationError(
                    {
                        "phone": ngettext(
                            "A code was just sent to this number; ask again in %(n)d second.",
                            "A code was just sent to this number; ask again in %(n)d seconds.",
                            seconds,
                        )
                        % {"n": seconds}
                    }
                )
            if len(today) >= rules["PER_PHONE_PER_DAY"]:
                raise ValidationError(
                    {"phone": _("Too many codes were sent to this number today; try tomorrow.")}
                )
        code = f"{secrets.randbelow(10**6):06d}"
        record = PhoneCode.objects.create(
            phone_hash=phone_hash,
            purpose=purpose,
            code_hash=_code_digest(phone_hash, code),
            created_at=now,
            expires_at=now + datetime.timedelta(seconds=rules["TTL_SECONDS"]),
        )
        minutes = max(1, rules["TTL_SECONDS"] // 60)
        sms.send_sms(phone, _code_text(purpose) % {"code": code, "minutes": minutes})
    return record


def _code_format_error(code: str) -> str | None:
    if not _CODE.fullmatch(unicodedata.normalize("NFKC", code or "").strip()):
        return _("Enter the 6-digit code sent to your phone.")
    return None


def phone_code_use(*, phone_hash: str, code: str, purpose: str = CODE_PURPOSE) -> PhoneCode:
    """Check ``code`` against the newest unused code sent to the phone and use it up.

    A wrong code costs one try, and that is committed even though the caller's request
    fails, so this must not run inside the caller's transaction.
    """
    code = unicodedata.normalize("NFKC", code or "").strip()
    error = _code_format_error(code)
    if error:
        raise ValidationError({"code": error})
    rules = _code_rules()
    now = timezone.now()
    with transaction.atomic():
        record = (
            PhoneCode.objects.select_for_update()
            .filter(phone_hash=phone_hash, purpose=purpose, used_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if record is None or record.expires_at <= now:
            error = _("The code has expired or was not sent to this number; ask for a new one.")
        elif record.attempts >= rules["MAX_ATTEMPTS"]:
            error = _("Too many wrong codes; ask for a new one.")
        elif not constant_time_compare(record.code_hash, _code_digest(phone_hash, code)):
            left = rules["MAX_ATTEMPTS"] - record.attempts - 1
            record.attempts = F("attempts") + 1
            record.save(update_fields=["attempts"])
            error = (
                ngettext(
                    "The code is wrong; %(n)d try left.",
                    "The code is wrong; %(n)d tries left.",
                    left,
                )
                % {"n": left}
                if left
                else _("The code is wrong. Too many wrong codes; ask for a new one.")
            )
        else:
            record.used_at = now
            record.save(update_fields=["used_at"])
    if error:
        raise ValidationError({"code": error})
    return record


# --- submission ------------------------------------------------------------------------------

APPLICATION_PERSON_FIELDS = (
    "name",
    "ethnicity",
    "education",
    "political_status",
    "household_type",
    "employment_form",
)


def _clean_application(data: dict, code: str) -> tuple[dict, Routing]:
    """The whole application checked at once, reading nothing about the person."""
    errors: dict[str, list[str]] = {}

    def fail(field, message):
        errors.setdefault(field, []).append(message)

    person, id_number, phone = actions.clean_person_fields(data, fail)
    if phone == "":
        fail("phone", _("Enter your mobile phone number; the code is sent to it."))
    enterprise = data.get("enterprise")
    if enterprise is not None and enterprise.status != EnterpriseStatus.ACTIVE:
        fail("enterprise", _("This employer is closed; choose another one or type its name."))
    employer_name = (data.get("employer_name") or "").strip()
    if len(employer_name) > 200:
        fail("employer_name", _("Shorten the name to 200 characters."))
    if (
        person["employment_form"] == EmploymentForm.STANDARD
        and enterprise is None
        and not employer_name
    ):
        fail("enterprise", _("Choose your employer from the list, or type its name below."))
    work_area = data.get("work_area")
    if work_area is not None and (
        work_area.level not in WORK_AREA_LEVELS or not work_area.is_active
    ):
        fail("work_area", _("Choose a district or street of the city."))
    if not data.get("consent"):
        fail("consent", _("Agree to the use of your personal data, or the union cannot apply."))
    code_error = _code_format_error(code)
    if code_error:
        fail("code", code_error)
    routing = None
    if not {"enterprise", "work_area", "employment_form"} & set(errors):
        try:
            routing = route_application(
                employment_form=person["employment_form"],
                enterprise=enterprise,
                work_area=work_area,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    fail(field, message)
    if errors:
        raise ValidationError(errors)
    cleaned = {field: person[field] for field in APPLICATION_PERSON_FIELDS}
    personal = actions.personal_data_fields(id_number, phone)
    cleaned.update(
        personal,
        enterprise=enterprise,
        employer_name="" if enterprise is not None else employer_name,
        work_area=work_area,
    )
    cleaned["name_pinyin"], cleaned["name_initials"] = actions.name_keys(cleaned["name"])
    return cleaned, routing


def join_application_submit(*, data: dict, code: str) -> JoinApplication:
    """入会申请: record an application, routed, once the phone code is right.

    ``data``: name, id_number, phone, ethnicity, education, political_status,
    household_type, employment_form, enterprise (an Enterprise or None), employer_name,
    work_area (a district or street Org, or None), consent (personal-data consent, PIPL
    art. 14). Errors come all at once, per field; the code is checked only for an otherwise
    valid application, and a wrong one uses up a try.
    """
    cleaned, routing = _clean_application(data, code)
    phone_code_use(phone_hash=cleaned["phone_hash"], code=code)
    return _application_create(cleaned, routing)


@transaction.atomic
def _application_create(cleaned: dict, routing: Routing) -> JoinApplication:
    pending = (
        JoinApplication.objects.filter(
            id_number_hash=cleaned["id_number_hash"], status=JoinStatus.SUBMITTED
        )
        .select_related("org")
        .first()
    )
    if pending is not None:
        raise ValidationError({"id_number": _pending_message(pending.org)})
    kind, existing = JoinKind.NEW, None
    member = (
        Member.objects.filter(id_number_hash=cleaned["id_number_hash"])
        .select_related("org")
        .first()
    )
    if member is not None:
        if member.status != MemberStatus.ACTIVE:
            raise ValidationError(
                {
                    "id_number": _(
                        "You were a member of %(union)s (%(status)s). Ask that union to "
                        "restore your membership instead of applying again."
                    )
                    % {"union": member.org.name, "status": member.get_status_display()}
                }
            )
        if member.org_id == routing.org.pk:
            raise ValidationError(
                {"id_number": _("You are already a member of %(union)s.") % {"union": member.org}}
            )
        kind, existing = JoinKind.TRANSFER, member
    application = JoinApplication(
        org=routing.org,
        route=routing.route,
        kind=kind,
        existing_member=existing,
        token=secrets.token_urlsafe(24),
        **cleaned,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # a second application for the ID number at the same time
        raise ValidationError({"id_number": _pending_message(routing.org)}) from exc
    audit.record(APPLICANT, application, AuditAction.CREATE)
    return application


def _pending_message(org) -> str:
    return _(
        "An application with this ID number is already waiting for review at %(union)s. "
        "Follow it on the status page you were given, or withdraw it there to apply again."
    ) % {"union": org}


# --- decisions -------------------------------------------------------------------------------


def _move(application: JoinApplication, status: str) -> None:
    if status not in TRANSITIONS.get(application.status, ()):
        raise ValidationError(
            _("This application has already been decided (%(status)s).")
            % {"status": application.get_status_display()}
        )
    application.status = status


def _locked(application: JoinApplication) -> JoinApplication:
    return (
        JoinApplication.objects.select_for_update(of=("self",))
        .select_related("org", "enterprise")
        .get(pk=application.pk)
    )


@transaction.atomic
def join_application_withdraw(*, application: JoinApplication) -> JoinApplication:
    """The applicant takes back an application nobody has decided yet."""
    application = _locked(application)
    before = audit.snapshot(application)
    _move(application, JoinStatus.WITHDRAWN)
    application.decided_at = timezone.now()
    application.save()
    audit.record(APPLICANT, application, AuditAction.UPDATE, before=before)
    return application


@transaction.atomic
def join_application_approve(*, actor, application: JoinApplication) -> JoinApplication:
    """A reviewer of the union takes the applicant in: a new member joined today with an
    automatic card number, or, for a member of another union, the membership moves here
    (the transfer is recorded on both sides)."""
    application = _locked(application)
    ensure_in_scope(actor, application, Action.REVIEW)
    before = audit.snapshot(application)
    _move(application, JoinStatus.APPROVED)
    if application.kind == JoinKind.TRANSFER:
        member = _receive_transfer(actor, application)
    else:
        member = actions.member_create(
            actor=actor, data=_member_data(application), scope_action=Action.REVIEW
        )
    application.member = member
    application.reviewer = actor if getattr(actor, "pk", None) else None
    application.decided_at = timezone.now()
    application.save()
    audit.record(actor, application, AuditAction.UPDATE, before=before)
    return application


def _member_data(application: JoinApplication) -> dict:
    return {
        "name": application.name,
        "id_number": pii.decrypt(application.id_number_cipher),
        "phone": pii.decrypt(application.phone_cipher),
        "ethnicity": application.ethnicity,
        "education": application.education,
        "political_status": application.political_status,
        "household_type": application.household_type,
        "employment_form": application.employment_form,
        "employment_status": EmploymentStatus.EMPLOYED,
        "skill_level": "",
        "org": application.org,
        "enterprise": application.enterprise,
        "joined_on": timezone.localdate(),
        "card_number": "",
    }


def _receive_transfer(actor, application: JoinApplication) -> Member:
    member = Member.objects.select_related("org").get(pk=application.existing_member_id)
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(
            _(
                "The applicant's membership at %(union)s is no longer active; reject the "
                "application and ask them to contact that union."
            )
            % {"union": member.org}
        )
    if member.org_id == application.org_id:
        raise ValidationError(_("The applicant is already a member of this union."))
    transfer = actions.transfer_request(
        actor=None,
        member=member,
        to_org_code=application.org.code,
        reason=ChangeReason.EMPLOYMENT_CHANGE,
        note=_("Asked for by the member in an online join application."),
    )
    actions.transfer_accept(
        actor=actor,
        transfer=transfer,
        enterprise=application.enterprise,
        scope_action=Action.REVIEW,
    )
    application.transfer = transfer
    return Member.objects.get(pk=member.pk)


@transaction.atomic
def join_application_reject(*, actor, application: JoinApplication, reason: str) -> JoinApplication:
    """A reviewer of the union refuses the application and says why; the applicant sees
    the reason on their status page."""
    application = _locked(application)
    ensure_in_scope(actor, application, Action.REVIEW)
    reason = (reason or "").strip()
    before = audit.snapshot(application)
    _move(application, JoinStatus.REJECTED)
    if not reason:
        raise ValidationError({"reason": _("Say why; the applicant will read it.")})
    if len(reason) > 200:
        raise ValidationError({"reason": _("Shorten the reason to 200 characters.")})
    application.rejection_reason = reason
    application.reviewer = actor if getattr(actor, "pk", None) else None
    application.decided_at = timezone.now()
    application.save()
    audit.record(actor, application, AuditAction.UPDATE, before=before)
    return application
