"""Members signing in to the worker portal with their phone and a one-time SMS code.

Workers have no user accounts ("进得了门", seed 003): a member proves the phone number on
their member record with a 6-digit code (the same codes, limits and SMS backend as online
joining, ``members.joining``), and the session then remembers the member. This is separate
from the cadres' Django login: ``request.user`` stays anonymous for a worker, so no cadre
page or API opens to them, and a cadre's login gives no worker identity.

For views::

    class MyRequestsView(MemberRequiredMixin, View):
        def get(self, request):
            member = self.member          # also current_member(request)

``MemberRequiredMixin`` sends a visitor without a member session to the sign-in page and
back afterwards. Tests sign a member in with ``portal.tests.helpers.login_member``.
"""

from __future__ import annotations

import logging

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from core import pii
from members import joining
from members.models import Member
from members.selectors import CARD_VALID_STATUSES

SESSION_KEY = "portal_member_id"
_CACHE_ATTR = "_portal_member"

log = logging.getLogger(__name__)


def _members_with_phone(phone_hash: str):
    return Member.objects.filter(phone_hash=phone_hash, status__in=CARD_VALID_STATUSES)


def login_code_send(*, phone: str) -> bool:
    """Text a sign-in code when ``phone`` belongs to exactly one member; say nothing about
    whether it does (the caller shows the same words either way), so the page cannot be
    used to find out who is a member. Returns whether a code was sent."""
    try:
        phone = pii.normalise_phone(phone)
    except ValidationError as error:
        raise ValidationError({"phone": error.messages}) from error
    phone_hash = pii.blind_index(pii.KIND_PHONE, phone)
    if _members_with_phone(phone_hash).count() != 1:
        return False
    joining.phone_code_send(phone=phone, purpose=joining.LOGIN_CODE_PURPOSE)
    return True


def member_login(request, *, phone: str, code: str) -> Member:
    """Check the code sent to ``phone`` and sign its member in; raises ``ValidationError``
    with Chinese messages keyed by field."""
    try:
        phone = pii.normalise_phone(phone)
    except ValidationError as error:
        raise ValidationError({"phone": error.messages}) from error
    phone_hash = pii.blind_index(pii.KIND_PHONE, phone)
    # The code is checked first: only someone holding the phone learns anything more.
    joining.phone_code_use(phone_hash=phone_hash, code=code, purpose=joining.LOGIN_CODE_PURPOSE)
    members = list(_members_with_phone(phone_hash).select_related("org")[:2])
    if len(members) != 1:
        raise ValidationError(
            {
                "phone": _(
                    "This number is not on exactly one member's record; ask your union "
                    "to check your phone number."
                )
            }
        )
    member = members[0]
    request.session.cycle_key()  # a new session id at sign-in, against session fixation
    request.session[SESSION_KEY] = member.pk
    setattr(request, _CACHE_ATTR, member)
    log.info("member %s signed in to the portal", member.pk)
    return member


def member_logout(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
    setattr(request, _CACHE_ATTR, None)


def current_member(request) -> Member | None:
    """The member signed in on this session, or ``None``. A member who has since left the
    union is signed out."""
    if not hasattr(request, _CACHE_ATTR):
        member = None
        pk = request.session.get(SESSION_KEY)
        if pk is not None:
            member = (
                Member.objects.select_related("org", "enterprise")
                .filter(pk=pk, status__in=CARD_VALID_STATUSES)
                .first()
            )
            if member is None:
                request.session.pop(SESSION_KEY, None)
        setattr(request, _CACHE_ATTR, member)
    return getattr(request, _CACHE_ATTR)


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class MemberRequiredMixin:
    """Views for a signed-in member; ``self.member`` is that member."""

    def dispatch(self, request, *args, **kwargs):
        self.member = current_member(request)
        if self.member is None:
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(f"{reverse('portal:login')}?{query}")
        return super().dispatch(request, *args, **kwargs)
