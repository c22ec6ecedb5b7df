"""Worker technical innovation (职工技术创新, C11): submissions and innovation studios.

Scope: an innovation belongs to the union it was submitted through (``org``). When a level
forwards it upward to the next level's selection (逐级推荐), ``forwarded_to`` records the
receiving union; the row is then visible through either field. Path-prefix scope means the
cadres *of* the receiving union (and above) see it, while sibling districts — which lie in
the receiving union's subtree but not above it — still do not.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from innovation.choices import (
    AwardGrade,
    FiveSmall,
    InnovationKind,
    InnovationStatus,
    StudioKind,
    StudioLevel,
    SubmitterKind,
)


class Studio(models.Model):
    """A 劳模/工匠创新工作室: named at some level, led by a model worker or craftsman;
    its achievements are the innovations recorded against it."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="studios", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="studios",
        verbose_name=_("enterprise"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=StudioKind.choices)
    level = models.CharField(_("level"), max_length=16, choices=StudioLevel.choices)
    leader_name = models.CharField(_("leader"), max_length=50)
    leader = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_studios",
        verbose_name=_("leader (member)"),
    )
    team = models.TextField(_("members"), blank=True, help_text=_("One name per line."))
    speciality = models.CharField(_("field"), max_length=100, blank=True)
    named_on = models.DateField(_("named on"))
    named_by = models.CharField(_("named by"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("innovation studio")
        verbose_name_plural = _("innovation studios")
        ordering = ["-named_on", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("innovation:studio-detail", args=[self.pk])

    @property
    def team_names(self) -> list[str]:
        return [line.strip() for line in self.team.splitlines() if line.strip()]


class Innovation(models.Model):
    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="innovations", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="innovations",
        verbose_name=_("enterprise"),
    )
    studio = models.ForeignKey(
        Studio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="innovations",
        verbose_name=_("studio"),
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=InnovationKind.choices, db_index=True)
    five_small = models.CharField(
        _("five-smalls type"), max_length=16, choices=FiveSmall.choices, blank=True
    )
    title = models.CharField(pgettext_lazy("innovation", "title"), max_length=200)
    submitter_kind = models.CharField(
        _("submitted by"), max_length=16, choices=SubmitterKind.choices
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="innovations",
        verbose_name=_("member"),
    )
    authors = models.CharField(_("authors"), max_length=300)
    team_name = models.CharField(pgettext_lazy("innovation", "team"), max_length=100, blank=True)
    description = models.TextField(_("description"))
    patent_number = models.CharField(_("patent number"), max_length=32, blank=True)
    estimated_benefit = models.DecimalField(
        _("estimated benefit (10k yuan)"), max_digits=12, decimal_places=2, default=0
    )
    submitted_on = models.DateField(_("submitted on"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InnovationStatus.choices,
        default=InnovationStatus.SUBMITTED,
        db_index=True,
    )
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    reviewed_on = models.DateField(
        pgettext_lazy("innovation", "reviewed on"), null=True, blank=True
    )
    forwarded_to = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_innovations",
        verbose_name=_("forwarded to"),
    )
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    award = models.CharField(_("award"), max_length=16, choices=AwardGrade.choices, blank=True)
    award_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awarded_innovations",
        verbose_name=_("awarded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "forwarded_to")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")
        ordering = ["-submitted_on", "id"]
        indexes = [models.Index(fields=["org", "year", "kind"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("innovation:detail", args=[self.pk])

    @property
    def holder(self):
        """The union whose selection the innovation is in now."""
        return self.forwarded_to or self.org
