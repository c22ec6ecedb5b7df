from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assistance.choices import (
    OPEN_STATUSES,
    AssistanceKind,
    CampaignKind,
    CampaignStatus,
    CloseReason,
    FileSource,
    FileStatus,
    FundSource,
    HardshipCategory,
    HardshipCause,
    Relation,
    SchoolLevel,
)
from core.scoping import ScopedQuerySet

ZERO = Decimal("0.00")


def money(verbose_name, **kwargs):
    """Yuan to the fen; never a float."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


class HardshipFile(models.Model):
    """困难职工档案: one file per household (一户一档), kept by the union of the household
    head. The head is normally a member (their encrypted ID number and phone stay on the
    member record); a cadre may refer a household whose head is not a member, whose ID
    number is then kept here, encrypted. Assistance itself goes to members only."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="hardship_files", verbose_name=_("union")
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hardship_files",
        verbose_name=_("member"),
    )
    head_name = models.CharField(_("household head"), max_length=50, db_index=True)
    head_id_cipher = models.TextField(blank=True, editable=False)
    # Blind index of the head's ID number (the member's own for a member): one open file
    # per household is enforced on it.
    household_key = models.CharField(max_length=64, editable=False, db_index=True)
    head_id_masked = models.CharField(_("ID number"), max_length=18, editable=False)
    source = models.CharField(
        _("source"), max_length=16, choices=FileSource.choices, default=FileSource.APPLICATION
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=FileStatus.choices,
        default=FileStatus.APPLIED,
        db_index=True,
    )
    category = models.CharField(
        _("hardship category"), max_length=16, choices=HardshipCategory.choices, blank=True
    )
    # Comma-separated HardshipCause codes (a few at most; the audit log shows them as text).
    causes = models.CharField(_("causes"), max_length=120, blank=True)
    is_temporary = models.BooleanField(
        _("temporary file"),
        default=False,
        help_text=_("One-off aid such as school aid; closed after two years."),
    )
    situation = models.TextField(_("situation"), blank=True)
    essential_costs = money(
        _("essential monthly costs (yuan)"),
        default=ZERO,
        help_text=_("Medical, disability, schooling and job costs the household must bear."),
    )
    applied_on = models.DateField(_("applied on"))
    visited_on = models.DateField(_("home visit on"), null=True, blank=True)
    visited_by = models.CharField(
        pgettext_lazy("assistance", "visited by"), max_length=100, blank=True
    )
    visit_findings = models.TextField(_("visit findings"), blank=True)
    notice_starts_on = models.DateField(_("public notice from"), null=True, blank=True)
    notice_ends_on = models.DateField(_("public notice until"), null=True, blank=True)
    notice_objections = models.TextField(_("objections during the notice"), blank=True)
    approved_on = models.DateField(_("filed on"), null=True, blank=True)
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    review_due_on = models.DateField(_("review due on"), null=True, blank=True, db_index=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=CloseReason.choices, blank=True
    )
    decision_note = models.CharField(_("decision note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    audit_hidden_fields = ("head_id_cipher", "household_key")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("hardship file")
        verbose_name_plural = _("hardship files")
        ordering = ["-applied_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household_key"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_hardship_file_per_household",
            )
        ]
        indexes = [models.Index(fields=["org", "status", "category"])]

    def __str__(self):
        return f"{self.head_name}（{self.get_status_display()}）"

    def get_absolute_url(self):
        return reverse("assistance:file-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def cause_list(self) -> list[str]:
        return [cause for cause in self.causes.split(",") if cause]

    def cause_labels(self) -> str:
        labels = dict(HardshipCause.choices)
        return "、".join(str(labels.get(cause, cause)) for cause in self.cause_list)


class HouseholdMember(models.Model):
    """A person of the household with their monthly income, for the per-capita income."""

    file = models.ForeignKey(
        HardshipFile,
        on_delete=models.CASCADE,
        related_name="household",
        verbose_name=_("hardship file"),
    )
    name = models.CharField(_("name"), max_length=50)
    relation = models.CharField(_("relation"), max_length=8, choices=Relation.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    monthly_income = money(_("monthly income (yuan)"), default=ZERO)
    school_level = models.CharField(
        _("school level"), max_length=16, choices=SchoolLevel.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["file", "id"]

    def __str__(self):
        return f"{self.name}（{self.get_relation_display()}）"


class Campaign(models.Model):
    """A campaign (送温暖, 金秋助学, 夏送清凉, 专项) run by one org with a fund that it
    allocates down the tree. The org's own share is its root allocation."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("run by")
    )
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=CampaignKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    budget = money(_("fund (yuan)"))
    fund_source = models.CharField(
        _("fund source"),
        max_length=16,
        choices=FundSource.choices,
        default=FundSource.SPECIAL_SUBSIDY,
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.OPEN
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-year", "-starts_on", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assistance:campaign-detail", args=[self.pk])


class Allocation(models.Model):
    """An org's share of a campaign fund. It was allocated by the parent allocation (none
    for the campaign org's own, which holds the whole fund); it passes parts down as
    sub-allocations and pays members from the rest. ``sub_allocated`` and ``spent`` are kept
    by conditional UPDATEs, so ``sub_allocated + spent <= amount`` holds under concurrency,
    and the database checks it too."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="allocations", verbose_name=_("campaign")
    )
    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="campaign_allocations",
        verbose_name=_("organisation"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("allocated by"),
    )
    amount = money(_("allocated (yuan)"))
    sub_allocated = money(_("passed down (yuan)"), default=ZERO)
    spent = money(_("paid out (yuan)"), default=ZERO)
    allocated_on = models.DateField(_("allocated on"))
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign allocation")
        verbose_name_plural = _("campaign allocations")
        ordering = ["campaign", "org__path"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "org"], name="one_allocation_per_org"),
            models.CheckConstraint(
                condition=Q(amount__gt=0)
                & Q(sub_allocated__gte=0)
                & Q(spent__gte=0)
                & Q(amount__gte=F("sub_allocated") + F("spent")),
                name="allocation_never_overdrawn",
            ),
        ]

    def __str__(self):
        return f"{self.campaign.title} · {self.org.name}"

    def get_absolute_url(self):
        return reverse("assistance:fund-detail", args=[self.pk])

    @property
    def balance(self) -> Decimal:
        return self.amount - self.sub_allocated - self.spent


class AssistanceRecord(models.Model):
    """One payment or service to a member: kind, amount, fund source, who delivered it.
    ``org`` is the union that paid (the allocation's org for campaign money)."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="assistance_records",
        verbose_name=_("paid by"),
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="assistance_records",
        verbose_name=_("member"),
    )
    file = models.ForeignKey(
        HardshipFile,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("hardship file"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("campaign"),
    )
    allocation = models.ForeignKey(
        Allocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("campaign allocation"),
    )
    kind = models.CharField(_("kind of aid"), max_length=16, choices=AssistanceKind.choices)
    amount = money(_("amount (yuan)"))
    fund_source = models.CharField(_("fund source"), max_length=16, choices=FundSource.choices)
    school_level = models.CharField(
        _("school level"), max_length=16, choices=SchoolLevel.choices, blank=True
    )
    delivered_on = models.DateField(_("delivered on"))
    delivered_by = models.CharField(_("delivered by"), max_length=100)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assistance record")
        verbose_name_plural = _("assistance records")
        ordering = ["-delivered_on", "-id"]
        constraints = [
            # 不重复救助: one payment per member per campaign.
            models.UniqueConstraint(
                fields=["campaign", "member"],
                condition=Q(campaign__isnull=False),
                name="one_payment_per_member_per_campaign",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="assistance_amount_not_negative"
            ),
        ]
        indexes = [
            models.Index(fields=["org", "delivered_on"]),
            models.Index(fields=["campaign", "org"]),
        ]

    def __str__(self):
        return f"{self.member.name} · {self.get_kind_display()} · {self.amount}"

    def get_absolute_url(self):
        return reverse("assistance:record-detail", args=[self.pk])
