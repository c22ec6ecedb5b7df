from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from services.choices import (
    OPEN_STATUSES,
    CapacityPeriod,
    Eligibility,
    RequestEventKind,
    RequestStatus,
    ServiceCategory,
    ServiceStatus,
)


def default_deadline_workdays() -> int:
    return settings.GONGHUI["SERVICE_DEADLINE_WORKDAYS"]


class Service(models.Model):
    """A service a union publishes for its members (订单式服务): what it is, who may ask for
    it, how many requests it takes per period and how many working days the union has to
    answer one. Members of the union and of every union below it see it."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("published by"),
    )
    name = models.CharField(_("name"), max_length=100)
    category = models.CharField(
        _("category"), max_length=16, choices=ServiceCategory.choices, db_index=True
    )
    description = models.TextField(_("what the service offers"))
    eligibility = models.CharField(
        _("who may request it"), max_length=16, choices=Eligibility.choices, default="all"
    )
    how_to_apply = models.TextField(
        _("how to apply"),
        blank=True,
        help_text=_("What the member should write in the request or bring along."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Requests the union can take per period; leave empty for no limit."),
    )
    capacity_period = models.CharField(
        _("capacity period"),
        max_length=8,
        choices=CapacityPeriod.choices,
        default=CapacityPeriod.MONTH,
    )
    deadline_workdays = models.PositiveSmallIntegerField(
        _("deadline (working days)"),
        default=default_deadline_workdays,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Working days from the request to its answer; holidays do not count."),
    )
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ServiceStatus.choices, default=ServiceStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["category", "name", "id"]
        indexes = [models.Index(fields=["org", "status"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:detail", args=[self.pk])


class ServiceRequest(models.Model):
    """A member's request for a service (服务订单). The union that published the service
    handles it (``org``); when the answer is overdue the request is escalated to the parent
    union (``escalated_to``), which then sees it flagged on its own to-do list."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="requests", verbose_name=_("service")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="service_requests",
        verbose_name=_("member"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="service_requests",
        verbose_name=_("handled by"),
    )
    escalated_to = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalated_service_requests",
        verbose_name=_("escalated to"),
    )
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RequestStatus.choices,
        default=RequestStatus.SUBMITTED,
        db_index=True,
    )
    details = models.TextField(_("what the member needs"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("answer due by"), db_index=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by (cadre)"),
    )
    result = models.TextField(_("result"), blank=True)
    reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.CharField(_("comment on the result"), max_length=300, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The handling union's subtree, and the parent it was escalated to.
    scope_fields = ("org", "escalated_to")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["org", "status"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["service", "submitted_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="service_request_rating_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.service.name} · {self.member.name}"

    def get_absolute_url(self):
        return reverse("services:request-detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"FW{self.pk:08d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue_on(self, today) -> bool:
        return self.is_open and self.due_on < today

    @property
    def is_overdue(self) -> bool:
        return self.overdue_on(timezone.localdate())

    @property
    def done_in_time(self) -> bool | None:
        if self.status != RequestStatus.DONE or self.closed_at is None:
            return None
        return timezone.localdate(self.closed_at) <= self.due_on


class ServiceRequestEvent(models.Model):
    """One step of a request's life: who moved it from which status to which, when, why.
    Members read these on their phone; cadres see them on the request page."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    kind = models.CharField(_("step"), max_length=10, choices=RequestEventKind.choices)
    from_status = models.CharField(
        _("from"), max_length=12, choices=RequestStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=RequestStatus.choices)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by"), max_length=150)
    at = models.DateTimeField(_("at"), default=timezone.now)

    scope_fields = ("request__org", "request__escalated_to")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("service request step")
        verbose_name_plural = _("service request steps")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class PracticalProject(models.Model):
    """服务职工实事项目: a union's yearly project with a target (number and unit), a budget,
    the union responsible for carrying it out, milestones and progress reports. Progress
    reports add up into ``achieved`` and ``spent`` (kept on the row for roll-ups)."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="practical_projects",
        verbose_name=_("union"),
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    name = models.CharField(_("name"), max_length=120)
    category = models.CharField(
        _("category"), max_length=16, choices=ServiceCategory.choices, db_index=True
    )
    description = models.TextField(_("description"), blank=True)
    target_quantity = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    target_unit = models.CharField(_("unit"), max_length=10, help_text=_("e.g. 人次, 场, 个"))
    budget = models.DecimalField(
        _("budget (yuan)"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    responsible_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="responsible_practical_projects",
        verbose_name=_("responsible union"),
    )
    achieved = models.DecimalField(
        _("achieved"), max_digits=12, decimal_places=2, default=Decimal("0"), editable=False
    )
    spent = models.DecimalField(
        _("spent (yuan)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "responsible_org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("practical project")
        verbose_name_plural = _("practical projects")
        ordering = ["-year", "category", "name", "id"]
        indexes = [models.Index(fields=["org", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_quantity__gt=0), name="practical_project_target_positive"
            )
        ]

    def __str__(self):
        return f"{self.year} {self.name}"

    def get_absolute_url(self):
        return reverse("services:project-detail", args=[self.pk])

    @property
    def completion(self) -> float:
        """Per cent of the target reached, capped at 100."""
        if not self.target_quantity:
            return 0.0
        return round(min(100.0, float(self.achieved * 100 / self.target_quantity)), 1)


class ProjectMilestone(models.Model):
    project = models.ForeignKey(
        PracticalProject,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("practical project"),
    )
    title = models.CharField(_("milestone"), max_length=120)
    due_on = models.DateField(pgettext_lazy("services", "due on"))
    done_on = models.DateField(_("reached on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    scope_fields = ("project__org", "project__responsible_org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self):
        return f"{self.project.name}：{self.title}"

    def get_absolute_url(self):
        return reverse("services:project-detail", args=[self.project_id]) + "?tab=milestones"


class ProjectProgress(models.Model):
    """A progress report: how much was achieved and spent since the last report."""

    project = models.ForeignKey(
        PracticalProject,
        on_delete=models.CASCADE,
        related_name="progress_reports",
        verbose_name=_("practical project"),
    )
    reported_on = models.DateField(_("reported on"))
    quantity = models.DecimalField(_("achieved since last report"), max_digits=12, decimal_places=2)
    spent = models.DecimalField(
        _("spent since last report (yuan)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
    )
    note = models.CharField(_("what was done"), max_length=300)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("project__org", "project__responsible_org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-reported_on", "-id"]

    def __str__(self):
        return f"{self.project.name} {self.reported_on:%Y-%m-%d}"
