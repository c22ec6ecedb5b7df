"""Notices and news (新媒体): publish to the members or the cadres of a subtree, possibly
later (``publish_at``), withdraw, and record read receipts; the feed of a member and of a
cadre. Writes validate the whole request, run in one transaction and write audit rows."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.choices import NoticeAudience, NoticeStatus
from activities.models import Notice, NoticeRead
from activities.selectors import ancestor_paths
from core import audit
from core.choices import Action, AuditAction
from core.models import RoleAssignment
from core.scoping import ensure_in_scope, ensure_org_in_scope, scope_paths
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


@transaction.atomic
def notice_publish(*, actor, data: dict) -> Notice:
    """Publish a notice to the members or the cadres of ``org``'s subtree; with a future
    ``publish_at`` it stays hidden until then."""
    data = {key: data[key] for key in NOTICE_FIELDS if key in data}
    errors = {}
    if not (data.get("title") or "").strip():
        errors["title"] = _("Give the notice a title.")
    if not (data.get("body") or "").strip():
        errors["body"] = _("Write the text of the notice.")
    if errors:
        raise ValidationError(errors)
    data["publish_at"] = data.get("publish_at") or timezone.now()
    ensure_org_in_scope(actor, data["org"], Action.CHANGE)
    notice = Notice.objects.create(
        recipients=audience_size(data["org"], data["audience"]),
        created_by=actor if getattr(actor, "pk", None) else None,
        **data,
    )
    audit.record(actor, notice, AuditAction.CREATE)
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
    paths = set()
    for root in scope_paths(user, Action.VIEW):
        paths.update(ancestor_paths(root))
    queryset = _published(now).filter(audience=NoticeAudience.CADRES)
    if not user.is_superuser:
        queryset = queryset.filter(org__path__in=sorted(paths))
    return (
        queryset.select_related("org")
        .annotate(is_read=Exists(NoticeRead.objects.filter(notice=OuterRef("pk"), user=user)))
        .order_by("-publish_at", "-id")
    )


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
