"""选树表彰 (C12): honour programmes, bottom-up nominations with review at each level, the
public notice (公示) with objections, and the model-worker registry (劳模档案)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.scoping import ScopedQuerySet
from honours.choices import (
    COLLECTIVE_KINDS,
    CareKind,
    HonourKind,
    HonourLevel,
    MeetingKind,
    ModelWorkerStatus,
    NominationStatus,
    NominationStep,
    NomineeKind,
    ObjectionStatus,
    ProgrammeStatus,
)


def default_notice_workdays():
    return settings.GONGHUI["HONOURS_NOTICE_WORKDAYS"]


class HonourProgramme(models.Model):
    """One round of an honour (e.g. 2026年市五一劳动奖章) run by an organisation, with its
    places per org, its composition rules and the length of its public notice."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="honour_programmes",
        verbose_name=_("organised by"),
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("honour"), max_length=20, choices=HonourKind.choices)
    level = models.CharField(_("honour level"), max_length=12, choices=HonourLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    nomination_deadline = models.DateField(_("nominations due"), null=True, blank=True)
    notice_workdays = models.PositiveSmallIntegerField(
        _("public notice (working days)"), default=default_notice_workdays
    )
    prerequisite_level = models.CharField(
        _("requires a title of this level first"),
        max_length=12,
        choices=HonourLevel.choices,
        blank=True,
        help_text=_("A nominee must already hold this honour at this level or above."),
    )
    min_industrial_share = models.PositiveSmallIntegerField(
        _("industrial workers at least (%)"), null=True, blank=True
    )
    min_front_line_share = models.PositiveSmallIntegerField(
        _("front-line workers at least (%)"), null=True, blank=True
    )
    min_migrant_share = models.PositiveSmallIntegerField(
        _("migrant workers at least (%)"), null=True, blank=True
    )
    min_non_public_share = models.PositiveSmallIntegerField(
        _("non-public sector at least (%)"), null=True, blank=True
    )
    max_unit_head_share = models.PositiveSmallIntegerField(
        _("unit heads at most (%)"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=8, choices=ProgrammeStatus.choices, default=ProgrammeStatus.OPEN
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("honour programme")
        verbose_name_plural = _("honour programmes")
        ordering = ["-year", "name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("honours:programme-detail", args=[self.pk])

    @property
    def is_collective(self) -> bool:
        return self.kind in COLLECTIVE_KINDS


class ProgrammeQuota(models.Model):
    """名额: how many nominees an organisation may send up for one programme."""

    programme = models.ForeignKey(HonourProgramme, on_delete=models.CASCADE, related_name="quotas")
    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    places = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["org__path"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "org"], name="one_quota_per_org")
        ]

    def __str__(self):
        return f"{self.org} · {self.places}"


class Nomination(models.Model):
    """A nominee put forward from below (自下而上、逐级推荐): created by ``org`` with its
    民主推荐 record, reviewed by each level up to the programme's organiser (``stage_org``
    is the level holding it now), then public notice, approval and award.

    Scope: the nominating org's subtree, plus the subtree of the level holding it. The
    organiser above sees it in both ways; an organiser outside the nominating org's branch
    (an industry federation) sees it once it is forwarded there; sibling districts never.
    """

    programme = models.ForeignKey(
        HonourProgramme,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("programme"),
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="honour_nominations",
        verbose_name=_("nominated by"),
    )
    stage_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("now at"),
    )
    nominee_kind = models.CharField(_("nominee"), max_length=12, choices=NomineeKind.choices)
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="honour_nominations",
        verbose_name=_("member"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="honour_nominations",
        verbose_name=_("employer"),
    )
    team_name = models.CharField(_("team"), max_length=120, blank=True)
    nominee_name = models.CharField(_("nominee name"), max_length=200, db_index=True)
    is_front_line = models.BooleanField(_("front-line worker (一线职工)"), default=False)
    is_industrial_worker = models.BooleanField(_("industrial worker (产业工人)"), default=False)
    is_migrant_worker = models.BooleanField(_("migrant worker (农民工)"), default=False)
    is_unit_head = models.BooleanField(_("head of the unit (单位负责人)"), default=False)
    is_non_public = models.BooleanField(_("non-public sector (非公)"), default=False)
    deeds = models.TextField(_("main deeds (主要事迹)"))
    meeting_kind = models.CharField(_("recommended by"), max_length=16, choices=MeetingKind.choices)
    meeting_date = models.DateField(_("meeting date"))
    votes_for = models.PositiveIntegerField(_("votes for"))
    votes_cast = models.PositiveIntegerField(_("votes cast"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NominationStatus.choices,
        default=NominationStatus.DRAFT,
        db_index=True,
    )
    notice_start = models.DateField(_("public notice from"), null=True, blank=True)
    notice_end = models.DateField(_("public notice until"), null=True, blank=True)
    decision_note = models.CharField(_("reason"), max_length=200, blank=True)
    veto_snapshot = models.JSONField(_("veto checks at approval"), default=list, blank=True)
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

    scope_fields = ("org", "stage_org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["programme", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "member"],
                condition=models.Q(member__isnull=False)
                & ~models.Q(status__in=["rejected", "withdrawn"]),
                name="one_live_nomination_per_member_and_programme",
            )
        ]

    def __str__(self):
        return f"{self.nominee_name} · {self.programme}"

    def get_absolute_url(self):
        return reverse("honours:nomination-detail", args=[self.pk])

    @property
    def vote_share(self):
        return 100 * self.votes_for / self.votes_cast if self.votes_cast else None


class NominationEvent(models.Model):
    """One step of a nomination's way: who did what, when, at which level."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(_("step"), max_length=20, choices=NominationStep.choices)
    from_org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("at")
    )
    to_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent to"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_step_display()} · {self.from_org}"


class Objection(models.Model):
    """异议 filed during the public notice; approval waits until every one is resolved."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="objections")
    received_on = models.DateField(_("received on"))
    objector = models.CharField(
        _("objector"), max_length=100, blank=True, help_text=_("May stay empty (anonymous).")
    )
    content = models.TextField(_("objection"))
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN
    )
    resolution = models.TextField(_("finding"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("nomination__org", "nomination__stage_org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["received_on", "id"]

    def __str__(self):
        return f"{self.nomination.nominee_name} · {self.received_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return self.nomination.get_absolute_url() + "?tab=objections"


class ModelWorker(models.Model):
    """劳模档案: one titled person, kept by the union of their employer (``org``)."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="model_workers",
        verbose_name=_("kept by"),
    )
    member = models.OneToOneField(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="model_worker",
        verbose_name=_("member"),
    )
    name = models.CharField(_("name"), max_length=50, db_index=True)
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employer"),
    )
    employer_name = models.CharField(_("employer (as titled)"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ModelWorkerStatus.choices,
        default=ModelWorkerStatus.WORKING,
    )
    in_hardship = models.BooleanField(_("in hardship (困难劳模)"), default=False, db_index=True)
    hardship_note = models.CharField(_("hardship"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("model worker")
        verbose_name_plural = _("model-worker registry")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("honours:model-worker-detail", args=[self.pk])


class HonourTitle(models.Model):
    """A title held: by a person (through the registry) or by a collective (an employer or a
    team). Written by the award of a nomination, or entered for titles conferred elsewhere
    (e.g. a provincial title before the platform)."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("kept by")
    )
    kind = models.CharField(_("honour"), max_length=20, choices=HonourKind.choices)
    level = models.CharField(_("honour level"), max_length=12, choices=HonourLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    model_worker = models.ForeignKey(
        ModelWorker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="titles",
        verbose_name=_("model worker"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="honour_titles",
        verbose_name=_("employer"),
    )
    team_name = models.CharField(_("team"), max_length=120, blank=True)
    holder_name = models.CharField(_("holder"), max_length=200)
    nomination = models.OneToOneField(
        Nomination,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="title",
        verbose_name=_("nomination"),
    )
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    document_number = models.CharField(_("document number (文号)"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("honour title")
        verbose_name_plural = _("honour titles")
        ordering = ["-year", "holder_name", "id"]
        indexes = [models.Index(fields=["org", "level"])]

    def __str__(self):
        return (
            f"{self.holder_name} · {self.year} {self.get_level_display()}{self.get_kind_display()}"
        )

    def get_absolute_url(self):
        if self.model_worker_id:
            return reverse("honours:model-worker-detail", args=[self.model_worker_id])
        if self.nomination_id:
            return reverse("honours:nomination-detail", args=[self.nomination_id])
        return reverse("honours:title-list") + f"?q={self.holder_name}"


class CareRecord(models.Model):
    """待遇 and 慰问 of a model worker: allowances, health checks, 疗休养, visits, hardship
    assistance. ``assistance_ref`` links a 困难劳模 aid to the assistance module's case."""

    model_worker = models.ForeignKey(
        ModelWorker, on_delete=models.PROTECT, related_name="care", verbose_name=_("model worker")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CareKind.choices)
    on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount (yuan)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    visitors = models.CharField(_("visited by"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    assistance_ref = models.CharField(
        _("assistance case"),
        max_length=60,
        blank=True,
        help_text=_("Number of the case in the assistance module, if any."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("model_worker__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("care record")
        verbose_name_plural = _("care records")
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["model_worker", "kind"])]

    def __str__(self):
        return f"{self.model_worker.name} · {self.get_kind_display()} {self.on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("honours:model-worker-detail", args=[self.model_worker_id]) + "?tab=care"
