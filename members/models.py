from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.scoping import ScopedQuerySet
from members.choices import (
    ETHNICITY_CHOICES,
    ChangeReason,
    ChangeType,
    Education,
    EmploymentForm,
    EmploymentStatus,
    Gender,
    HouseholdType,
    MemberStatus,
    PoliticalStatus,
    SkillLevel,
    TransferStatus,
)


class Member(models.Model):
    """A real-name union member (会员实名制). One record per person, identified by the
    blind index of the ID number; it moves between unions on transfer, keeping its history.

    The ID number and phone are stored encrypted (``*_cipher``), findable by exact value
    through a keyed hash (``*_hash``), and shown masked (``*_masked``) unless revealed.
    """

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="members", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("employer"),
    )
    name = models.CharField(_("name"), max_length=50, db_index=True)
    name_pinyin = models.CharField(max_length=200, db_index=True, editable=False)
    name_initials = models.CharField(max_length=50, db_index=True, editable=False)
    id_number_cipher = models.TextField(editable=False)
    id_number_hash = models.CharField(max_length=64, unique=True, editable=False)
    id_number_masked = models.CharField(_("ID number"), max_length=18, editable=False)
    phone_cipher = models.TextField(blank=True, editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_masked = models.CharField(_("phone"), max_length=20, blank=True, editable=False)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("birth date"))
    ethnicity = models.CharField(_("ethnicity"), max_length=2, choices=ETHNICITY_CHOICES)
    education = models.CharField(_("education"), max_length=2, choices=Education.choices)
    political_status = models.CharField(
        _("political status"), max_length=2, choices=PoliticalStatus.choices
    )
    household_type = models.CharField(
        _("household registration"), max_length=20, choices=HouseholdType.choices
    )
    is_migrant_worker = models.BooleanField(_("migrant worker"), default=False, db_index=True)
    employment_form = models.CharField(
        _("employment form"),
        max_length=20,
        choices=EmploymentForm.choices,
        default=EmploymentForm.STANDARD,
        db_index=True,
    )
    employment_status = models.CharField(
        _("employment status"),
        max_length=1,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.EMPLOYED,
    )
    skill_level = models.CharField(
        _("skill level"), max_length=1, choices=SkillLevel.choices, blank=True
    )
    joined_on = models.DateField(_("joined on"))
    card_number = models.CharField(_("card number"), max_length=20, unique=True)
    status = models.CharField(
        _("membership status"),
        max_length=10,
        choices=MemberStatus.choices,
        default=MemberStatus.ACTIVE,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    # Ciphertexts and hashes never enter the audit log; the masked copies show a change.
    audit_hidden_fields = (
        "id_number_cipher",
        "id_number_hash",
        "phone_cipher",
        "phone_hash",
        "name_pinyin",
        "name_initials",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["name_pinyin", "id"]
        indexes = [models.Index(fields=["org", "status"])]

    def __str__(self):
        return f"{self.name}（{self.card_number}）"

    def get_absolute_url(self):
        return reverse("members:detail", args=[self.pk])


class MembershipChange(models.Model):
    """One change of membership (会籍变化): joined, transferred, kept, left, expelled."""

    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="changes", verbose_name=_("member")
    )
    change_type = models.CharField(_("change"), max_length=1, choices=ChangeType.choices)
    reason = models.CharField(_("reason"), max_length=1, choices=ChangeReason.choices, blank=True)
    on = models.DateField(_("date"))
    from_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from"),
    )
    to_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("member__org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-on", "-id"]

    def __str__(self):
        return f"{self.member.name} {self.get_change_type_display()} {self.on:%Y-%m-%d}"


class Transfer(models.Model):
    """转会 (一次入会、动态接转): the old union transfers a member out, the new union receives
    (or refuses) them. Both unions see the transfer; the member moves only on acceptance."""

    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="transfers", verbose_name=_("member")
    )
    from_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="transfers_out",
        verbose_name=_("from"),
    )
    to_org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="transfers_in", verbose_name=_("to")
    )
    reason = models.CharField(_("reason"), max_length=1, choices=ChangeReason.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TransferStatus.choices,
        default=TransferStatus.PENDING,
        db_index=True,
    )
    requested_on = models.DateField(_("requested on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.CharField(_("reply"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("from_org", "to_org")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(status="pending"),
                name="one_pending_transfer_per_member",
            )
        ]

    def __str__(self):
        return f"{self.member.name}：{self.from_org} → {self.to_org}"

    def get_absolute_url(self):
        return reverse("members:transfer-detail", args=[self.pk])
