from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    OPERATOR = "operator", _("Operator")
    REVIEWER = "reviewer", _("Reviewer")
    VIEWER = "viewer", _("Viewer")


class Action(models.TextChoices):
    """What a user wants to do with a scoped row; roles grant a set of these."""

    VIEW = "view", _("View")
    CHANGE = "change", _("Change")
    REVIEW = "review", _("Review")
    MANAGE = "manage", _("Manage users")
    REVEAL = "reveal", _("Reveal personal data")


ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(
        {Action.VIEW, Action.CHANGE, Action.REVIEW, Action.MANAGE, Action.REVEAL}
    ),
    Role.OPERATOR: frozenset({Action.VIEW, Action.CHANGE, Action.REVEAL}),
    Role.REVIEWER: frozenset({Action.VIEW, Action.REVIEW}),
    Role.VIEWER: frozenset({Action.VIEW}),
}


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Updated")
    DELETE = "delete", _("Deleted")
    MOVE = "move", _("Moved")
    DISSOLVE = "dissolve", _("Dissolved")
    GRANT = "grant", _("Role granted")
    REVOKE = "revoke", _("Role revoked")
    REVEAL = "reveal", _("Personal data revealed")
    EXPORT = "export", _("Personal data exported")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    CHECKING = "checking", _("Checking rows")
    WRITING = "writing", _("Writing")
    DONE = "done", _("Done")
    REJECTED = "rejected", _("Not written")
    FAILED = "failed", _("Failed")
