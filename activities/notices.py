"""Notices and news (新媒体): publish to the members or the cadres of a subtree, possibly
later (``publish_at``), withdraw, and record read receipts; the feed of a member and of a
cadre. Writes validate the whole request, run in one transaction and write audit rows."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.choices import NoticeAudience, NoticeStatus
from activities.models import Notice, NoticeAttachment, NoticeRead, cadre_inbox_condition
from activities.selectors import ancestor_paths
from core import audit
from core.choices import Action, AuditAction
from core.models import RoleAssignment
from core.scoping import ensure_in_scope, ensure_org_in_scope, scope_paths
from core.uploads import check_upload
from members.models import Member
from members.selectors import CARD_VALID_STATUSES

NOTICE_FIELDS = ("org", "kind", "audience", "title", "body", "publish_at")


def audience_size(org, audience: str) -> int:
    """Members (valid cards) or cadres (users with a role) in the subtree of ``org``."""
    if audience == NoticeAudience.CADRES:
        return (
            RoleAssignment.objects.filter(org__path__startswith=org.path)
            .values("user")
            .distinct()
            .count()
        )
    return Member.objects.filter(
        org__path__startswith=org.path, status__in=CARD_VALID_STATUSES
    ).count()


def check_attachments(files, errors: dict) -> None:
    """At most ``NOTICE_ATTACHMENTS_MAX`` files, each of an accepted type and size; every
    problem names its file."""
    limit = settings.GONGHUI["NOTICE_ATTACHMENTS_MAX"]
    if len(files) > limit:
        errors["files"] = [_("A notice takes at most %(n)s files.") % {"n": limit}]
        return
    for upload in files:
        problems: dict = {}
        check_upload(upload, problems, "files")
        for problem in problems.get("files", ()):
            errors.setdefault("files", []).append(
                _("%(file)s: %(problem)s") % {"file": upload.name, "problem": problem}
            )


@transaction.atomic
def notice_publish(*, actor, data: dict, files=()) -> Notice:
    """Publish a notice to the members or the cadres of ``org``'s subtree; with a future
    ``publish_at`` it stays hidden until then. ``files`` are attached to it; one bad file
    refuses the whole notice."""
    data = {key: data[key] for key in NOTICE_FIELDS if key in data}
    files = list(files or ())
    errors = {}
    if not (data.get("title") or "").strip():
        errors["title"] = [_("Give the notice a title.")]
    if not (data.get("body") or "").strip():
        errors["body"] = [_("Write the text of the notice.")]
    check_attachments(files, errors)
    if errors:
        raise ValidationError(errors)
    data["publish_at"] = data.get("publish_at") or timezone.now()
    ensure_org_in_scope(actor, data["org"], Action.CHANGE)
    notice = Notice.objects.create(
        recipients=audience_size(data["org"], data["audience"]),
        created_by=actor if getattr(actor, "pk", None) else None,
        **data,
    )
    for upload in files:
        attachment = NoticeAttachment(notice=notice, name=upload.name[-200:], size=upload.size)
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
    extra = {"files": "、".join(upload.name for upload in files)} if files else None
    audit.record(actor, notice, AuditAction.CREATE, extra=extra)
    return notice


@transaction.atomic
def notice_withdraw(*, actor, notice: Notice) -> Notice:
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    ensure_in_scope(actor, notice, Action.CHANGE)
    if notice.status == NoticeStatus.WITHDRAWN:
        raise ValidationError(_("The notice is already withdrawn."))
    before = audit.snapshot(notice)
    notice.status = NoticeStatus.WITHDRAWN
    notice.save(update_fields=["status", "updated_at"])
    audit.record(actor, notice, AuditAction.UPDATE, before)
    return notice


def _published(now=None):
    return Notice.objects.filter(
        status=NoticeStatus.PUBLISHED, publish_at__lte=now or timezone.now()
    )


def member_feed(member, now=None):
    """Published notices for members of any union above (or at) the member's union, with
    ``is_read`` for this member."""
    return (
        _published(now)
        .filter(audience=NoticeAudience.MEMBERS, org__path__in=ancestor_paths(member.org.path))
        .select_related("org")
        .annotate(is_read=Exists(NoticeRead.objects.filter(notice=OuterRef("pk"), member=member)))
        .order_by("-publish_at", "-id")
    )


def cadre_feed(user, now=None):
    """Published notices for cadres from any union above (or at) the user's subtrees."""
    now = now or timezone.now()
    if user.is_superuser:
        queryset = _published(now).filter(audience=NoticeAudience.CADRES)
    else:
        queryset = Notice.objects.filter(cadre_inbox_condition(scope_paths(user, Action.VIEW), now))
    return (
        queryset.select_related("org")
        .annotate(is_read=Exists(NoticeRead.objects.filter(notice=OuterRef("pk"), user=user)))
        .order_by("-publish_at", "-id")
    )


WORKBENCH_NOTICES = 5


def workbench_panel(user, today) -> dict | None:
    """The newest notices for cadres on the workbench, with how many are unread (two
    queries); nothing when the user has none."""
    feed = cadre_feed(user)
    latest = list(feed[:WORKBENCH_NOTICES])
    if not latest:
        return None
    return {"notices": latest, "unread": feed.filter(is_read=False).count()}


def notice_mark_read(notice: Notice, *, member=None, user=None) -> None:
    """Record that the member or cadre opened the notice (once; a second read is a no-op)."""
    try:
        with transaction.atomic():
            _, created = NoticeRead.objects.get_or_create(
                notice=notice, member=member, user=user, defaults={"read_at": timezone.now()}
            )
            if created:
                Notice.objects.filter(pk=notice.pk).update(read_count=F("read_count") + 1)
    except IntegrityError:  # the same reader opening it twice at once
        pass


def read_rate(notice: Notice) -> float | None:
    if not notice.recipients:
        return None
    return round(notice.read_count * 100.0 / notice.recipients, 1)
