from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from warning.choices import (
    AlertStatus,
    AlertStep,
    CampaignStatus,
    InspectionStatus,
    RiskLevel,
    SignalKind,
    SignalSource,
    SignalStatus,
)

# An enterprise's risk is seen by the cadres of its area and of its covering union.
ENTERPRISE_SCOPE = ("enterprise__territory", "enterprise__covering_union")


class RiskModel(models.Model):
    """One version of the scoring model: indicator weights and saturation points, level
    thresholds and which levels open an alert (``warning.scoring`` documents the shape).

    Versions are never edited: a city admin's change writes the next version and the city
    is re-scored with it, so every score names the version that produced it."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    config = models.JSONField(_("configuration"))
    note = models.CharField(_("reason for the change"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("risk model")
        verbose_name_plural = _("risk models")
        ordering = ["-version"]

    def __str__(self):
        return f"v{self.version}"


class RiskSignal(models.Model):
    """One fact that says an enterprise's labour relations are at risk: entered by a cadre,
    imported, found in an inspection, or written by another capability through
    ``warning.actions.record_signal``."""

    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        related_name="risk_signals",
        verbose_name=_("enterprise"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SignalKind.choices)
    source = models.CharField(
        _("source"), max_length=12, choices=SignalSource.choices, default=SignalSource.MANUAL
    )
    # Which app or feed wrote it and its own id there, so a repeated feed updates its row.
    origin = models.CharField(_("origin"), max_length=40, blank=True)
    external_ref = models.CharField(_("reference"), max_length=64, blank=True)
    observed_on = models.DateField(_("observed on"))
    amount = models.DecimalField(
        _("amount (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    months = models.PositiveSmallIntegerField(_("months"), null=True, blank=True)
    workers = models.PositiveIntegerField(_("workers affected"), null=True, blank=True)
    percent = models.DecimalField(
        _("percent"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    count = models.PositiveIntegerField(_("count"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    resolved_on = models.DateField(pgettext_lazy("warning", "resolved on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ENTERPRISE_SCOPE
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk signal")
        verbose_name_plural = _("risk signals")
        ordering = ["-observed_on", "-id"]
        indexes = [models.Index(fields=["enterprise", "status", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "external_ref"],
                condition=~models.Q(external_ref=""),
                name="one_signal_per_origin_reference",
            )
        ]

    def __str__(self):
        return f"{self.enterprise.name} · {self.get_kind_display()} · {self.observed_on}"

    def get_absolute_url(self):
        return reverse("warning:signal-detail", args=[self.pk])


class RiskScore(models.Model):
    """An enterprise's current score (0–100), level and the reasons that produced it."""

    enterprise = models.OneToOneField(
        "orgs.Enterprise",
        on_delete=models.CASCADE,
        related_name="risk_score",
        verbose_name=_("enterprise"),
    )
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    level = models.CharField(
        _("warning level"), max_length=8, choices=RiskLevel.choices, default=RiskLevel.NONE
    )
    reasons = models.JSONField(_("reasons"), default=list)
    model_version = models.PositiveIntegerField(_("model version"))
    computed_at = models.DateTimeField(_("computed at"))
    level_since = models.DateTimeField(_("level since"))

    scope_fields = ENTERPRISE_SCOPE
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk score")
        verbose_name_plural = _("risk scores")
        ordering = ["-score", "enterprise_id"]
        indexes = [models.Index(fields=["level", "score"])]

    def __str__(self):
        return f"{self.enterprise.name} · {self.score}"

    def get_absolute_url(self):
        return reverse("warning:risk-detail", args=[self.pk])

    def reasons_text(self) -> str:
        return "；".join(f"{r['label']} +{r['points']}（{r['detail']}）" for r in self.reasons)


class Alert(models.Model):
    """A level crossed by an enterprise, routed to the union that covers it (or the area
    federation of an uncovered one); the union's parents see it through their subtree.
    Disposal: 核实 → 处置 → 化解, or 升级 to the next union up."""

    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        related_name="alerts",
        verbose_name=_("enterprise"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="risk_alerts",
        verbose_name=_("handled by"),
    )
    origin_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("routed to first"),
    )
    level = models.CharField(_("warning level"), max_length=8, choices=RiskLevel.choices)
    score = models.PositiveSmallIntegerField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=AlertStatus.choices, default=AlertStatus.NEW
    )
    opened_at = models.DateTimeField(_("opened at"))
    due_on = models.DateField(_("due on"), help_text=_("Deadline of the current step."))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    disposal = models.TextField(_("disposal"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "origin_org", "enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["status", "level"])]

    def __str__(self):
        return f"{self.enterprise.name} · {self.get_level_display()}"

    def get_absolute_url(self):
        return reverse("warning:alert-detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status not in (AlertStatus.RESOLVED, AlertStatus.DISMISSED)


class AlertEvent(models.Model):
    """One step of an alert's disposal: who did what, when, with what note."""

    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, related_name="events", verbose_name=_("alert")
    )
    step = models.CharField(_("step"), max_length=10, choices=AlertStep.choices)
    note = models.TextField(_("note"), blank=True)
    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"))

    scope_fields = ("alert__org", "alert__origin_org", "alert__enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert step")
        verbose_name_plural = _("alert steps")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.alert} · {self.get_step_display()}"


class Campaign(models.Model):
    """专项排查: a list of enterprises (e.g. those under restructuring) given to cadres
    to inspect by a date, each inspection with its findings."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="risk_campaigns",
        verbose_name=pgettext_lazy("warning", "organised by"),
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection campaign")
        verbose_name_plural = _("inspection campaigns")
        ordering = ["-starts_on", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("warning:campaign-detail", args=[self.pk])


class Inspection(models.Model):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="inspections",
        verbose_name=pgettext_lazy("warning", "campaign"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        related_name="risk_inspections",
        verbose_name=_("enterprise"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="risk_inspections",
        verbose_name=_("assigned to"),
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=InspectionStatus.choices,
        default=InspectionStatus.PENDING,
    )
    inspected_on = models.DateField(_("inspected on"), null=True, blank=True)
    finding = models.TextField(pgettext_lazy("warning", "finding"), blank=True)
    hazard_found = models.BooleanField(_("hazard found"), default=False)
    signal = models.ForeignKey(
        RiskSignal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signal recorded"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    # The campaign's organiser and the cadres who look after the enterprise (who inspect).
    scope_fields = ("campaign__org", "enterprise__territory", "enterprise__covering_union")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["campaign_id", "enterprise__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "enterprise"], name="one_inspection_per_campaign_enterprise"
            )
        ]

    def __str__(self):
        return f"{self.campaign.title} · {self.enterprise.name}"

    def get_absolute_url(self):
        return reverse("warning:inspection-detail", args=[self.pk])
