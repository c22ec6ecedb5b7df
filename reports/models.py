from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.scoping import ScopedQuerySet
from reports.choices import DraftStatus


class ReportDraft(models.Model):
    """A drafted work report of an org's subtree for a period, made in the background.

    The .docx is kept in the row (a few dozen KB), so a draft and its file are written in
    one transaction and go wherever the database goes."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    outline = models.TextField(
        _("next steps"),
        blank=True,
        help_text=_("One item per line; left empty, the steps are suggested from the problems."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DraftStatus.choices, default=DraftStatus.QUEUED
    )
    message = models.TextField(_("result"), blank=True)
    content = models.BinaryField(null=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("work report draft")
        verbose_name_plural = _("work report drafts")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.org.name} {self.period_start}–{self.period_end}"

    def file_name(self) -> str:
        return f"{self.org.name}工作报告_{self.period_start:%Y%m%d}-{self.period_end:%Y%m%d}.docx"

    def outline_lines(self) -> list[str] | None:
        lines = [line.strip() for line in self.outline.splitlines() if line.strip()]
        return lines or None


class FigureSnapshot(models.Model):
    """The dashboard's figures of one org and period as computed at ``computed_at``.

    At city scale (a million members) computing every figure takes seconds, so the
    dashboard shows the latest snapshot — with its time — and has it recomputed in the
    background once it is older than ``GONGHUI["DASHBOARD_MAX_AGE_SECONDS"]``; "refresh"
    recomputes at once. The work report never reads snapshots: it computes live."""

    org = models.ForeignKey("orgs.Org", on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    data = models.JSONField()
    computed_at = models.DateTimeField()
    refresh_queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org", "period_start", "period_end"], name="one_snapshot_per_period"
            )
        ]

    def __str__(self):
        return f"{self.org_id} {self.period_start}–{self.period_end} @ {self.computed_at}"
