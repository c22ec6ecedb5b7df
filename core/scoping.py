"""Data scope: the one mechanism that decides which rows a user may see or touch.

Every user acts within one or more org subtrees (their role assignments). A scoped model
declares ``scope_fields``: the paths from the model to an ``orgs.Org`` ("" for the Org itself,
or a field ending in ``path`` that stores a copy of an org path).
``Model.objects.visible_to(user, action)`` turns the user's subtrees into one SQL filter of
materialised-path prefixes, so scope is evaluated inside the database, never row by row.
Base views, API viewsets and form choice fields all call it; nothing filters scope by hand.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import ROLE_ACTIONS, Action

_CACHE_ATTR = "_gonghui_scope_paths"


class OutOfScope(PermissionDenied):
    """A write would place or leave an object outside the actor's scope."""

    def __init__(self, message=None):
        super().__init__(message or _("This is outside the organisations you manage."))


def scope_paths(user, action: str = Action.VIEW) -> list[str]:
    """Materialised paths of the subtrees where ``user`` may perform ``action``.

    Nested grants collapse to their top-most path. Cached on the user object, which lives
    for one request, so a page with many scoped queries reads the role table once.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        from core.models import RoleAssignment

        cache = {}
        rows = RoleAssignment.objects.filter(user=user, org__status="active").values_list(
            "role", "org__path"
        )
        for role, path in rows:
            for granted in ROLE_ACTIONS.get(role, ()):
                cache.setdefault(str(granted), set()).add(path)
        setattr(user, _CACHE_ATTR, cache)
    paths = sorted(cache.get(str(action), ()))
    topmost: list[str] = []
    for path in paths:
        if not any(path.startswith(top) for top in topmost):
            topmost.append(path)
    return topmost


def forget_scope(user) -> None:
    """Drop the cached paths after the user's roles change."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_any_role(user) -> bool:
    return bool(getattr(user, "is_superuser", False) or scope_paths(user, Action.VIEW))


# Materialised-path step of the org tree (``orgs.Org.steplen``, treebeard's default; a test
# checks they agree). Kept here so scope code needs no import of the orgs app.
PATH_STEPLEN = 4


def path_and_ancestors(path: str) -> list[str]:
    """``path`` and the paths of every org above it, top first."""
    return [path[:end] for end in range(PATH_STEPLEN, len(path) + 1, PATH_STEPLEN)]


def strict_ancestor_paths(paths) -> set[str]:
    """The paths of the orgs strictly above any of ``paths``."""
    return {path[:end] for path in paths for end in range(PATH_STEPLEN, len(path), PATH_STEPLEN)}


def scope_filter(model, paths: list[str]) -> Q:
    """The Q object selecting rows of ``model`` that lie in any of ``paths``.

    Scope fields are forward (to-one) paths to an org, so OR-ing several of them joins
    without repeating rows; each test is an indexed ``path LIKE 'prefix%'``.
    """
    condition = Q(pk__in=[])
    for field in model.scope_fields:
        if not field:  # the org tree itself
            lookup = "path__startswith"
        elif field.endswith("path"):  # a stored copy of an org path (e.g. audit rows)
            lookup = f"{field}__startswith"
        else:
            lookup = f"{field}__path__startswith"
        for path in paths:
            condition |= Q(**{lookup: path})
    return condition


class ScopedQuerySetMixin:
    def visible_to(self, user, action: str = Action.VIEW):
        """Rows ``user`` may perform ``action`` on; superusers see everything.

        Viewing may reach further than the user's subtrees: a model that declares
        ``offered_below_field`` (the org field of rows an org offers to its whole subtree,
        e.g. a city contest or a district's venues) is also viewable by users below that
        org, and a queryset may add its own condition in ``extra_view_condition``. Every
        other action keeps the plain subtree scope."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self
        paths = scope_paths(user, action)
        if not paths:
            return self.none()
        condition = scope_filter(self.model, paths)
        if action == Action.VIEW:
            extra = self.extra_view_condition(paths)
            if extra is not None:
                condition |= extra
        return self.filter(condition)

    def extra_view_condition(self, paths: list[str]) -> Q | None:
        field = getattr(self.model, "offered_below_field", None)
        if field is None:
            return None
        return Q(**{f"{field}__path__in": sorted(strict_ancestor_paths(paths))})


class ScopedQuerySet(ScopedQuerySetMixin, models.QuerySet):
    pass


def scoped_models() -> list[type[models.Model]]:
    """Every installed model that declares a scope; the scope test runs over all of them."""
    from django.apps import apps

    return [m for m in apps.get_models() if getattr(m, "scope_fields", None) is not None]


def user_may(user, obj, action: str = Action.CHANGE) -> bool:
    """Whether ``user`` may do ``action`` on ``obj`` (e.g. to show a step's button)."""
    return type(obj)._default_manager.visible_to(user, action).filter(pk=obj.pk).exists()


def ensure_in_scope(user, obj, action: str = Action.CHANGE) -> None:
    """Refuse (inside the caller's transaction) when ``obj`` is not within ``user``'s scope.

    Actions call this after a write, so that moving or re-linking an object out of the
    actor's subtree rolls back together with the write itself.
    """
    if user is None or getattr(user, "is_superuser", False):
        return
    manager = type(obj)._default_manager
    if not manager.visible_to(user, action).filter(pk=obj.pk).exists():
        raise OutOfScope()


def ensure_org_in_scope(user, org, action: str = Action.CHANGE) -> None:
    """Refuse when ``org`` (an orgs.Org) lies outside the subtrees where ``user`` may act."""
    if user is None or getattr(user, "is_superuser", False):
        return
    if not any(org.path.startswith(p) for p in scope_paths(user, action)):
        raise OutOfScope()
