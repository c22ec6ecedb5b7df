"""Writes on users and their roles."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from core import audit
from core.choices import Action, AuditAction, Role
from core.models import RoleAssignment
from core.scoping import ensure_org_in_scope, forget_scope


@transaction.atomic
def role_grant(*, actor, username: str, org, role: str, password: str | None = None):
    """Give ``username`` a role valid for ``org``'s whole subtree, creating the user when
    needed. An actor other than the system must manage users at that org."""
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role %(role)s.") % {"role": role}})
    if actor is not None:
        ensure_org_in_scope(actor, org, Action.MANAGE)
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username)
    if password:
        user.set_password(password)
        user.save(update_fields=["password"])
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    assignment, new = RoleAssignment.objects.get_or_create(user=user, org=org, role=role)
    if new:
        audit.record(actor, assignment, AuditAction.GRANT)
    forget_scope(user)
    return assignment, created


def token_issue(*, username: str) -> str:
    user = get_user_model().objects.get(username=username)
    token, _created = Token.objects.get_or_create(user=user)
    return token.key
