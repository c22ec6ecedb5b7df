from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
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
    JoinKind,
    JoinRoute,
    JoinStatus,
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


class JoinApplication(models.Model):
    """入会申请: a worker applies online without an account; the application is routed to
    the union that should take them in (members/joining.py) and decided by its reviewers.

    Personal data is stored like a member's: encrypted, blind-indexed, masked. The applicant
    follows the application through ``token``, a random value only they were given. When the
    ID number belongs to an active member elsewhere, the application is a transfer request
    (``kind``) and approving it moves that membership here.
    """

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="join_applications",
        verbose_name=_("union"),
    )
    route = models.CharField(_("routed to"), max_length=20, choices=JoinRoute.choices)
    kind = models.CharField(
        _("kind of application"), max_length=10, choices=JoinKind.choices, default=JoinKind.NEW
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JoinStatus.choices,
        default=JoinStatus.SUBMITTED,
        db_index=True,
    )
    name = models.CharField(_("name"), max_length=50)
    name_pinyin = models.CharField(max_length=200, db_index=True, editable=False)
    name_initials = models.CharField(max_length=50, db_index=True, editable=False)
    id_number_cipher = models.TextField(editable=False)
    id_number_hash = models.CharField(max_length=64, db_index=True, editable=False)
    id_number_masked = models.CharField(_("ID number"), max_length=18, editable=False)
    phone_cipher = models.TextField(editable=False)
    phone_hash = models.CharField(max_length=64, db_index=True, editable=False)
    phone_masked = models.CharField(_("phone"), max_length=20, editable=False)
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
    employment_form = models.CharField(
        _("employment form"),
        max_length=20,
        choices=EmploymentForm.choices,
        default=EmploymentForm.STANDARD,
        db_index=True,
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="join_applications",
        verbose_name=_("employer"),
    )
    employer_name = models.CharField(
        _("employer as typed"),
        max_length=200,
        blank=True,
        help_text=_("The employer's name when it was not found in the list."),
    )
    work_area = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place of work"),
    )
    existing_member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("existing membership"),
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="join_applications",
        verbose_name=_("member"),
    )
    transfer = models.ForeignKey(
        Transfer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("transfer"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rejection_reason = models.CharField(_("reason for rejection"), max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    audit_hidden_fields = (
        "id_number_cipher",
        "id_number_hash",
        "phone_cipher",
        "phone_hash",
        "name_pinyin",
        "name_initials",
        "token",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("join application")
        verbose_name_plural = _("join applications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["org", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["id_number_hash"],
                condition=models.Q(status="submitted"),
                name="one_pending_join_application_per_person",
            )
        ]

    def __str__(self):
        return f"{self.name}（{self.get_kind_display()}）"

    def get_absolute_url(self):
        return reverse("members:join-detail", args=[self.pk])


class PhoneCode(models.Model):
    """A one-time verification code sent by SMS to a phone number. Only a keyed hash of
    the code is stored; the phone is known by its blind index."""

    phone_hash = models.CharField(max_length=64, editable=False)
    purpose = models.CharField(max_length=16, default="join")
    code_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phone verification code")
        verbose_name_plural = _("phone verification codes")
        indexes = [models.Index(fields=["phone_hash", "purpose", "-created_at"])]

    def __str__(self):
        return f"{self.purpose} {self.created_at:%Y-%m-%d %H:%M}"
