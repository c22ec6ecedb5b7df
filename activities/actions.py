"""Writes on activities (C14 思想引领与职工文化): hold an activity, register for it (with a
waiting list that moves up by itself), check in on site, cancel, summarise afterwards.

The capacity rule lives in the database: a registration takes a place with one
conditional UPDATE of ``places_taken`` (``WHERE places_taken < capacity``), which the
database serialises; whoever's UPDATE finds no free place is refused (or waits, when the
member asked for the waiting list). A place freed by a cancellation passes straight to the
first member waiting, under a row lock on the activity, so a newcomer cannot take it in
between.

Every write validates the whole request first, runs in one transaction, re-checks scope
and writes audit rows.
"""

from __future__ import annotations

import datetime
import secrets
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.choices import ActivityStatus, CheckInMethod, RegistrationStatus
from activities.models import Activity, ActivityPhoto, Registration
from core import audit
from core.choices import Action, AuditAction
from core.scoping import ensure_in_scope, ensure_org_in_scope
from core.uploads import file_suffix, sniff_image
from members.models import Member
from members.selectors import CARD_VALID_STATUSES, member_by_card_value

ACTIVITY_FIELDS = (
    "org",
    "audience",
    "kind",
    "title",
    "description",
    "place",
    "starts_at",
    "ends_at",
    "capacity",
)


def new_checkin_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def audience_problem(org, audience) -> str:
    """An activity's or quiz's audience lies within its host's subtree."""
    if org is not None and audience is not None and not audience.path.startswith(org.path):
        return _("The audience must be the host or an organisation below it.")
    return ""


def _check_activity(data: dict, places_taken: int = 0) -> None:
    errors: dict[str, list] = {}
    problem = audience_problem(data.get("org"), data.get("audience"))
    if problem:
        errors.setdefault("audience", []).append(problem)
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if starts_at and ends_at and ends_at <= starts_at:
        errors.setdefault("ends_at", []).append(_("The end must come after the start."))
    capacity = data.get("capacity")
    if capacity is not None and capacity < 1:
        errors.setdefault("capacity", []).append(_("An activity needs at least one place."))
    elif capacity is not None and capacity < places_taken:
        errors.setdefault("capacity", []).append(
            _("%(taken)s members already hold a place; the places cannot be fewer.")
            % {"taken": places_taken}
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_create(*, actor, data: dict) -> Activity:
    """Hold an activity for the members of ``audience`` (the host or a union below it)."""
    data = {key: data[key] for key in ACTIVITY_FIELDS if key in data}
    _check_activity(data)
    ensure_org_in_scope(actor, data["org"], Action.CHANGE)
    activity = Activity.objects.create(checkin_code=new_checkin_code(), **data)
    audit.record(actor, activity, AuditAction.CREATE)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, data: dict) -> Activity:
    """Change an activity; more places move members up from the waiting list at once."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_in_scope(actor, activity, Action.CHANGE)
    before = audit.snapshot(activity)
    data = {key: data[key] for key in ACTIVITY_FIELDS if key in data and key != "org"}
    _check_activity({"org": activity.org, **data}, places_taken=activity.places_taken)
    for key, value in data.items():
        setattr(activity, key, value)
    activity.save()
    _promote_waiting(actor, activity)
    audit.record(actor, activity, AuditAction.UPDATE, before)
    return activity


@transaction.atomic
def activity_cancel(*, actor, activity: Activity, reason: str) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_in_scope(actor, activity, Action.CHANGE)
    if activity.status == ActivityStatus.CANCELLED:
        raise ValidationError(_("The activity is already cancelled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the activity is cancelled.")})
    before = audit.snapshot(activity)
    activity.status = ActivityStatus.CANCELLED
    activity.save(update_fields=["status", "updated_at"])
    audit.record(actor, activity, AuditAction.UPDATE, before, extra={"reason": reason.strip()})
    return activity


PHOTO_TYPES = ("jpg", "png")


def check_photos(activity: Activity, photos, errors: dict) -> list[tuple[str, str]]:
    """Each photo a JPEG or PNG by its name and its content, within the size limit, and
    the activity keeping at most ``ACTIVITY_PHOTOS_MAX``; returns each photo's
    ``(extension, content type)``."""
    limit = settings.GONGHUI["ACTIVITY_PHOTOS_MAX"]
    max_mb = settings.GONGHUI["ACTIVITY_PHOTO_MAX_MB"]
    kinds = []
    problems = []
    if photos and activity.photos.count() + len(photos) > limit:
        problems.append(
            _("An activity keeps at most %(n)s photos; remove one first.") % {"n": limit}
        )
    for upload in photos:
        kind = None
        if file_suffix(upload.name, default="") not in ("jpg", "jpeg", "png"):
            problem = _("only JPG or PNG photos are accepted.")
        elif upload.size > max_mb * 1024 * 1024:
            problem = _("The photo is larger than %(n)s MB.") % {"n": max_mb}
        else:
            kind = sniff_image(upload, PHOTO_TYPES)
            problem = None if kind else _("the file is not a JPG or PNG image.")
        if problem:
            problems.append(_("%(file)s: %(problem)s") % {"file": upload.name, "problem": problem})
        kinds.append(kind)
    if problems:
        errors["photos"] = problems
    return kinds


@transaction.atomic
def activity_summarise(
    *, actor, activity: Activity, summary: str, photos=(), caption: str = ""
) -> Activity:
    """The write-up after the activity (what was done, how many came), with photos taken
    there. One bad photo refuses the whole step: nothing is written."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_in_scope(actor, activity, Action.CHANGE)
    if activity.starts_at > timezone.now():
        raise ValidationError(_("A summary can be written once the activity has started."))
    photos = list(photos or ())
    errors = {}
    if not summary.strip():
        errors["summary"] = [_("Write what happened at the activity.")]
    kinds = check_photos(activity, photos, errors)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(activity)
    activity.summary = summary.strip()
    activity.summarised_at = timezone.now()
    activity.save(update_fields=["summary", "summarised_at", "updated_at"])
    audit.record(actor, activity, AuditAction.UPDATE, before)
    for upload, (extension, content_type) in zip(photos, kinds, strict=True):
        photo = ActivityPhoto(
            activity=activity,
            caption=(caption or "").strip()[:100],
            content_type=content_type,
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        photo.image.save(f"photo.{extension}", upload, save=False)
        photo.save()
        audit.record(actor, photo, AuditAction.CREATE)
    return activity


@transaction.atomic
def activity_photo_remove(*, actor, photo: ActivityPhoto) -> None:
    """Remove a photo of the summary (the host's cadres); the file goes once committed."""
    photo = ActivityPhoto.objects.select_related("activity").get(pk=photo.pk)
    ensure_in_scope(actor, photo, Action.CHANGE)
    audit.record(actor, photo, AuditAction.DELETE)
    name, storage = photo.image.name, photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def registration_problem(activity: Activity, member: Member, now) -> str:
    """Why ``member`` cannot register for ``activity`` now ("" when they can)."""
    if activity.is_works_call:
        return _("This is a call for works: send your work instead of registering.")
    if activity.status != ActivityStatus.OPEN:
        return _("The activity was cancelled.")
    if now >= activity.starts_at:
        return _("Registration closed when the activity started.")
    if member.status not in CARD_VALID_STATUSES:
        return _("Only members of the union may register.")
    if not member.org.path.startswith(activity.audience.path):
        return _("This activity is for the members of %(audience)s.") % {
            "audience": activity.audience.name
        }
    return ""


def take_place(activity_pk: int) -> bool:
    """One conditional UPDATE: a place if one is free (the database decides races)."""
    return bool(
        Activity.objects.filter(pk=activity_pk, places_taken__lt=F("capacity")).update(
            places_taken=F("places_taken") + 1
        )
    )


@transaction.atomic
def registration_create(*, member: Member, activity: Activity, wait: bool = False):
    """A member registers from the portal. With a free place they hold it; when the
    activity is full they are refused, or put on the waiting list if they asked to wait."""
    member = Member.objects.select_related("org").get(pk=member.pk)
    activity = Activity.objects.select_related("audience").get(pk=activity.pk)
    now = timezone.now()
    problem = registration_problem(activity, member, now)
    if problem:
        raise ValidationError(problem)
    existing = Registration.objects.filter(activity=activity, member=member).first()
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("You are already registered.")
            if existing.status == RegistrationStatus.REGISTERED
            else _("You are already on the waiting list.")
        )
    if take_place(activity.pk):
        status, waiting_since = RegistrationStatus.REGISTERED, None
    elif wait:
        status, waiting_since = RegistrationStatus.WAITING, now
    else:
        raise ValidationError(_("All places are taken. You may join the waiting list instead."))
    before = audit.snapshot(existing) if existing else None
    registration = existing or Registration(activity=activity, member=member)
    registration.status = status
    registration.registered_at = now
    registration.waiting_since = waiting_since
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # the same member submitting twice at once
        raise ValidationError(_("You are already registered.")) from error
    audit.record(None, registration, AuditAction.UPDATE if existing else AuditAction.CREATE, before)
    return registration


def _promote_waiting(actor, activity: Activity) -> list[Registration]:
    """Give free places to the members waiting longest (caller holds the activity lock)."""
    promoted = []
    free = activity.capacity - activity.places_taken
    if free <= 0:
        return promoted
    waiting = list(
        Registration.objects.select_for_update()
        .filter(activity=activity, status=RegistrationStatus.WAITING)
        .order_by("waiting_since", "id")[:free]
    )
    for registration in waiting:
        before = audit.snapshot(registration)
        registration.status = RegistrationStatus.REGISTERED
        registration.waiting_since = None
        registration.save(update_fields=["status", "waiting_since", "updated_at"])
        audit.record(actor, registration, AuditAction.UPDATE, before)
        promoted.append(registration)
    if promoted:
        Activity.objects.filter(pk=activity.pk).update(
            places_taken=F("places_taken") + len(promoted)
        )
        activity.places_taken += len(promoted)
    return promoted


@transaction.atomic
def registration_cancel(*, member: Member, registration: Registration) -> Registration:
    """The member withdraws; the place passes to the first member on the waiting list."""
    # The activity row lock orders cancellations and promotions of one activity.
    activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.member_id != member.pk:
        raise ValidationError(_("This is not your registration."))
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("The registration is already cancelled."))
    if registration.checked_in_at is not None:
        raise ValidationError(_("You have already checked in."))
    if timezone.now() >= activity.starts_at:
        raise ValidationError(_("The activity has started; it can no longer be cancelled."))
    before = audit.snapshot(registration)
    held_place = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.waiting_since = None
    registration.save(update_fields=["status", "waiting_since", "updated_at"])
    audit.record(None, registration, AuditAction.UPDATE, before)
    if held_place:
        Activity.objects.filter(pk=activity.pk).update(places_taken=F("places_taken") - 1)
        activity.places_taken -= 1
        _promote_waiting(None, activity)
    return registration


def checkin_window(activity: Activity):
    opens = activity.starts_at - datetime.timedelta(
        minutes=settings.GONGHUI["ACTIVITY_CHECKIN_OPENS_MINUTES"]
    )
    return opens, activity.ends_at


def _check_in(actor, activity: Activity, member: Member, method: str) -> Registration:
    now = timezone.now()
    if activity.status != ActivityStatus.OPEN:
        raise ValidationError(_("The activity was cancelled."))
    opens, closes = checkin_window(activity)
    if not opens <= now <= closes:
        raise ValidationError(
            _("Check-in is open from %(opens)s until the activity ends.")
            % {"opens": timezone.localtime(opens).strftime("%Y-%m-%d %H:%M")}
        )
    registration = (
        Registration.objects.select_for_update().filter(activity=activity, member=member).first()
    )
    if registration is None or registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(
            _("%(name)s holds no place at this activity.") % {"name": member.name}
        )
    if registration.checked_in_at is not None:
        return registration  # a second scan changes nothing
    before = audit.snapshot(registration)
    registration.checked_in_at = now
    registration.checkin_method = method
    registration.checked_in_by = actor if getattr(actor, "pk", None) else None
    registration.save(update_fields=["checked_in_at", "checkin_method", "checked_in_by"])
    Activity.objects.filter(pk=activity.pk).update(checked_in_count=F("checked_in_count") + 1)
    audit.record(actor, registration, AuditAction.UPDATE, before)
    return registration


def card_value_from_scan(scanned: str) -> str:
    """The signed card value from what a scanner typed: the QR's verification URL
    (``…/verify/<value>/``) or the bare value."""
    text = (scanned or "").strip()
    path = urlparse(text).path if "://" in text or text.startswith("/") else text
    parts = [unquote(part) for part in path.split("/") if part]
    if "verify" in parts and parts.index("verify") + 1 < len(parts):
        return parts[parts.index("verify") + 1]
    return parts[-1] if parts else ""


@transaction.atomic
def check_in_by_card(*, actor, activity: Activity, scanned: str) -> Registration:
    """A cadre scans the member's e-card QR code at the door."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_in_scope(actor, activity, Action.CHANGE)
    member = member_by_card_value(card_value_from_scan(scanned))
    if member is None:
        raise ValidationError({"scanned": _("This is not a valid membership card code.")})
    return _check_in(actor, activity, member, CheckInMethod.CARD)


@transaction.atomic
def check_in_by_code(*, member: Member, code: str) -> Registration:
    """The member types the code announced at the activity; it finds their registration
    among the activities open for check-in now."""
    code = (code or "").strip()
    if not (len(code) == 6 and code.isdigit()):
        raise ValidationError({"code": _("Enter the 6-digit code announced at the activity.")})
    registration = (
        Registration.objects.select_related("activity")
        .filter(member=member, activity__checkin_code=code)
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("-activity__starts_at")
        .first()
    )
    if registration is None:
        raise ValidationError({"code": _("No activity you registered for has this code.")})
    activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
    try:
        return _check_in(None, activity, member, CheckInMethod.CODE)
    except ValidationError as error:
        raise ValidationError({"code": error.messages}) from error
