from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from employment.choices import (
    AidStatus,
    ApplicationStatus,
    FairKind,
    FairStatus,
    JobLossReason,
    PostingStatus,
)


class JobPosting(models.Model):
    """A job opening an enterprise posts through the union that covers it."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="job_postings",
        verbose_name=_("posting union"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        related_name="job_postings",
        verbose_name=_("employer"),
    )
    title = models.CharField(_("job title"), max_length=100, db_index=True)
    positions = models.PositiveSmallIntegerField(_("positions"))
    salary_min = models.PositiveIntegerField(_("monthly pay from (yuan)"))
    salary_max = models.PositiveIntegerField(_("monthly pay up to (yuan)"))
    location = models.CharField(_("place of work"), max_length=200)
    requirements = models.TextField(_("requirements"), blank=True)
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=PostingStatus.choices,
        default=PostingStatus.DRAFT,
        db_index=True,
    )
    expires_on = models.DateField(_("open until"), db_index=True)
    published_on = models.DateField(
        pgettext_lazy("employment", "published on"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["status", "expires_on"])]

    def __str__(self):
        return f"{self.title}（{self.enterprise.name}）"

    def get_absolute_url(self):
        return reverse("employment:job-detail", args=[self.pk])

    @property
    def name(self):
        return self.title

    @property
    def salary_label(self) -> str:
        return f"{self.salary_min:,}–{self.salary_max:,}"


class JobApplication(models.Model):
    """A member's application to a posting: one per member and posting."""

    posting = models.ForeignKey(
        JobPosting, on_delete=models.PROTECT, related_name="applications", verbose_name=_("job")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="job_applications",
        verbose_name=_("member"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
        db_index=True,
    )
    message = models.CharField(_("message to the employer"), max_length=300, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    applied_at = models.DateTimeField(_("applied at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    # The posting union handles it; the member's own union follows its members.
    scope_fields = ("posting__org", "member__org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("job application")
        verbose_name_plural = _("job applications")
        ordering = ["-applied_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "member"], name="one_application_per_member_job"
            )
        ]

    def __str__(self):
        return f"{self.member.name} → {self.posting.title}"

    def get_absolute_url(self):
        return f"{self.posting.get_absolute_url()}?tab=applications"


class JobFair(models.Model):
    """A job fair (招聘会), e.g. 劳模先进送岗位, with the enterprises taking part."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="job_fairs", verbose_name=_("organiser")
    )
    title = models.CharField(pgettext_lazy("employment", "title"), max_length=120, db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=FairKind.choices)
    held_on = models.DateField(_("date"), db_index=True)
    hours = models.CharField(_("time"), max_length=50, blank=True)
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveIntegerField(
        _("places for job seekers"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    description = models.TextField(_("description"), blank=True)
    enterprises = models.ManyToManyField(
        "orgs.Enterprise",
        blank=True,
        related_name="job_fairs",
        verbose_name=_("participating enterprises"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=FairStatus.choices, default=FairStatus.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("job fair")
        verbose_name_plural = _("job fairs")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.title} {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("employment:fair-detail", args=[self.pk])

    @property
    def name(self):
        return self.title


class FairRegistration(models.Model):
    """A member signed up for a job fair: one per member and fair."""

    fair = models.ForeignKey(
        JobFair, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("job fair")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="fair_registrations",
        verbose_name=_("member"),
    )
    registered_at = models.DateTimeField(_("registered at"))

    scope_fields = ("fair__org", "member__org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("job fair registration")
        verbose_name_plural = _("job fair registrations")
        ordering = ["-registered_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "member"], name="one_registration_per_fair")
        ]

    def __str__(self):
        return f"{self.member.name} · {self.fair.title}"

    def get_absolute_url(self):
        return f"{self.fair.get_absolute_url()}?tab=registrations"


class EmploymentAid(models.Model):
    """就业帮扶: a member who lost their job, the help given, and the day they found work."""

    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="employment_aid",
        verbose_name=_("member"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="employment_aid",
        verbose_name=_("helping union"),
    )
    lost_job_on = models.DateField(_("lost the job on"))
    reason = models.CharField(_("reason"), max_length=16, choices=JobLossReason.choices)
    former_employer = models.CharField(_("former employer"), max_length=200, blank=True)
    help_given = models.TextField(_("help given"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AidStatus.choices,
        default=AidStatus.HELPING,
        db_index=True,
    )
    reemployed_on = models.DateField(_("re-employed on"), null=True, blank=True, db_index=True)
    new_employer = models.CharField(_("new employer"), max_length=200, blank=True)
    closed_reason = models.CharField(
        pgettext_lazy("employment", "reason for closing"), max_length=200, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("employment aid record")
        verbose_name_plural = _("employment aid records")
        ordering = ["-lost_job_on", "-id"]

    def __str__(self):
        return f"{self.member.name} {self.lost_job_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("employment:aid-detail", args=[self.pk])

    @property
    def name(self):
        return self.member.name
