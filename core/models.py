from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.choices import AuditAction, JobStatus, Role
from core.scoping import ScopedQuerySet


class RoleAssignment(models.Model):
    """A role held by a user at an org; it is valid for that org's whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="role_assignments",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "org", "role"], name="unique_role_per_org"),
        ]

    def __str__(self):
        return f"{self.user} · {self.org} · {self.get_role_display()}"


class AuditEntry(models.Model):
    """Who changed what, when: one row per create/update/move/dissolve, append-only."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("object"), max_length=255)
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    changes = models.JSONField(_("changes"), default=dict)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    request_id = models.CharField(max_length=36, blank=True)
    # Org path the object belonged to when written, so the audit list itself can be scoped.
    scope_path = models.CharField(max_length=255, blank=True, db_index=True)

    scope_fields = ("scope_path",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()}"


class CalendarDay(models.Model):
    """A holiday or an adjusted working day (调休) that overrides the built-in calendar."""

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(
        _("is a working day"),
        help_text=_("Tick for an adjusted working day (调休上班); leave blank for a holiday."),
    )
    name = models.CharField(_("name"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("working-day calendar")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


class ImportJob(models.Model):
    """One spreadsheet import into an org (members, payroll for dues, ...), run in the
    background with its progress and its row-level report."""

    kind = models.CharField(_("kind"), max_length=32)
    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    file_name = models.CharField(_("file"), max_length=255)
    stored_path = models.CharField(max_length=500, editable=False)
    report_path = models.CharField(max_length=500, blank=True, editable=False)
    dry_run = models.BooleanField(_("dry run"), default=False)
    accept_valid = models.BooleanField(_("accept the valid rows"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(default=0)
    rows_accepted = models.PositiveIntegerField(_("valid rows"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rejected rows"), default=0)
    rows_written = models.PositiveIntegerField(_("rows written"), default=0)
    message = models.TextField(_("result"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.file_name}（{self.get_status_display()}）"

    def get_absolute_url(self):
        return reverse("import-job", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.CHECKING, JobStatus.WRITING)

    @property
    def percent(self) -> int:
        """How far the row check has come; writing has no measurable progress (one
        transaction), so the page shows that phase as an indeterminate bar."""
        if self.status == JobStatus.CHECKING and self.rows_total:
            return 100 * self.rows_done // self.rows_total
        return 0 if self.status == JobStatus.QUEUED else 100


class UploadedPhoto(models.Model):
    """What every photo row keeps beside its file (the concrete model declares ``image``
    with its own storage path, and the row it belongs to): the content type the app serves
    it as, a caption, who uploaded it and when. Photos are served by scoped views, never as
    a public media directory."""

    content_type = models.CharField(max_length=20, editable=False)
    caption = models.CharField(_("caption"), max_length=100, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    # The stored file's name says nothing to a reader of the log; the row and caption do.
    audit_hidden_fields = ("image", "content_type")

    class Meta:
        abstract = True
        ordering = ["id"]


class StepEvent(models.Model):
    """One step in the life of a case (who did what when, and at which union): the
    history a case page shows. The concrete model adds the case and its ``kind`` choices."""

    at = models.DateTimeField(_("at"))
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    org = models.ForeignKey("orgs.Org", on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
