"""Skills improvement (技能提升, C13): training courses and 工匠训练营 with enrolments and
completions, and the awards that fund skills (资助晋升技师/高级技师, 发明专利, 带教师傅)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from skills.choices import EnrolmentStatus, Fund, SkillAwardKind, TrainingKind


class Training(models.Model):
    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="trainings", verbose_name=_("host")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=TrainingKind.choices)
    trade = models.CharField(_("trade"), max_length=100, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    hours = models.PositiveIntegerField(_("hours"), default=0)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-starts_on", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("skills:detail", args=[self.pk])


class Enrolment(models.Model):
    """A member on a training; visible to the host and to the member's union."""

    training = models.ForeignKey(
        Training, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("training")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("member"),
    )
    enrolled_on = models.DateField(_("enrolled on"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("training__org", "member__org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["training", "id"]
        constraints = [models.UniqueConstraint(fields=["training", "member"], name="one_enrolment")]

    def __str__(self):
        return f"{self.member.name} · {self.training.name}"

    def get_absolute_url(self):
        return self.training.get_absolute_url()


class SkillAward(models.Model):
    """Money a union paid a worker for a skills step, with the fund it came from."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="skill_awards", verbose_name=_("paid by")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="skill_awards",
        verbose_name=_("member"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SkillAwardKind.choices)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=10, decimal_places=2)
    fund = models.CharField(_("fund"), max_length=16, choices=Fund.choices)
    granted_on = models.DateField(_("granted on"))
    reference = models.CharField(
        pgettext_lazy("skills", "reference"),
        max_length=100,
        blank=True,
        help_text=_("Certificate or patent number; for mentors, the apprentices."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("skills award")
        verbose_name_plural = _("skills awards")
        ordering = ["-granted_on", "id"]
        indexes = [models.Index(fields=["org", "granted_on"])]

    def __str__(self):
        return f"{self.member.name} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("skills:award-detail", args=[self.pk])
