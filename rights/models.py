"""Rights protection (C5, and the dispute part of C6): 12351 tickets, legal aid, lawyers,
labour-dispute mediation.

Callers' phones are stored like members' (``core/pii.py``): encrypted, a keyed blind index,
and a masked copy for the screen. A follow-up code is never stored: only its keyed hash
(``follow_code_hash``), so a database reader cannot follow anyone's case.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import StepEvent
from core.scoping import ScopedQuerySet
from rights.choices import (
    Category,
    DisputeOutcome,
    DisputeStatus,
    LawyerKind,
    LegalAidChannel,
    LegalAidOutcome,
    LegalAidStatus,
    Satisfaction,
    TicketChannel,
    TicketEventKind,
    TicketKind,
    TicketStatus,
    TicketTier,
)

CALLER_PII_HIDDEN = ("caller_phone_cipher", "caller_phone_hash", "follow_code_hash")
_MONEY = {"max_digits": 14, "decimal_places": 2}


class CallerMixin(models.Model):
    """Who asks: a member (linked) or anyone; anonymous callers leave no name or phone."""

    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member"),
    )
    caller_name = models.CharField(_("caller"), max_length=50, blank=True)
    caller_phone_cipher = models.TextField(blank=True, editable=False)
    caller_phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    caller_phone_masked = models.CharField(_("phone"), max_length=20, blank=True, editable=False)
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    employer_name = models.CharField(_("employer (as given)"), max_length=200, blank=True)
    work_area = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place of work"),
    )
    category = models.CharField(_("matter category"), max_length=20, choices=Category.choices)
    workers_involved = models.PositiveIntegerField(_("workers involved"), default=1)
    amount = models.DecimalField(_("amount involved (yuan)"), null=True, blank=True, **_MONEY)
    follow_code_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def employer_label(self) -> str:
        return self.enterprise.name if self.enterprise_id else self.employer_name


class Ticket(CallerMixin):
    """A 12351 ticket (工单): a call, web message, visit or referral the union must answer
    within its tier's working-day deadline. ``org`` is the union handling it now."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("handling union")
    )
    kind = models.CharField(_("type"), max_length=20, choices=TicketKind.choices)
    tier = models.CharField(
        _("difficulty"), max_length=12, choices=TicketTier.choices, default=TicketTier.ORDINARY
    )
    channel = models.CharField(_("contact channel"), max_length=12, choices=TicketChannel.choices)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    is_member_caller = models.BooleanField(_("caller is a member"), default=False)
    subject = models.CharField(_("matter in brief"), max_length=120)
    content = models.TextField(_("what the caller says"))
    is_group = models.BooleanField(_("group case"), default=False, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TicketStatus.choices,
        default=TicketStatus.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField(_("received at"))
    received_on = models.DateField(_("received on"), db_index=True)
    due_on = models.DateField(_("due on"), db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("rights", "handled by"),
    )
    reply = models.TextField(_("reply"), blank=True)
    resolved = models.BooleanField(_("matter resolved"), null=True, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    closed_on = models.DateField(_("ticket closed on"), null=True, blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=120, blank=True)
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)
    escalated_to = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("rights", "escalated to"),
    )
    escalated_on = models.DateField(_("escalated on"), null=True, blank=True)
    satisfaction = models.CharField(
        _("satisfaction"), max_length=14, choices=Satisfaction.choices, blank=True
    )
    callback_note = models.CharField(_("call-back note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    audit_hidden_fields = CALLER_PII_HIDDEN
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("12351 ticket")
        verbose_name_plural = _("12351 tickets")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["org", "status"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["enterprise", "category", "received_on"]),
        ]

    def __str__(self):
        return f"{self.number} {self.subject}"

    def get_absolute_url(self):
        return reverse("rights:ticket-detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"12351-{self.received_on:%Y%m%d}-{self.pk:06d}" if self.pk else ""


class TicketEvent(StepEvent):
    """One step of a ticket's life (who did what when), shown on the ticket and, without
    internal names, to the caller."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=12, choices=TicketEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta(StepEvent.Meta):
        indexes = [models.Index(fields=["ticket", "at"])]


class Lawyer(models.Model):
    """A lawyer or legal-aid worker on a union's roster (法律援助律师库)."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("union")
    )
    name = models.CharField(_("name"), max_length=50)
    kind = models.CharField(
        _("role"), max_length=10, choices=LawyerKind.choices, default=LawyerKind.LAWYER
    )
    firm = models.CharField(_("law firm or office"), max_length=120, blank=True)
    specialties = models.CharField(_("specialties"), max_length=200, blank=True)
    is_active = models.BooleanField(_("available for cases"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("lawyer")
        verbose_name_plural = _("lawyers")
        ordering = ["name", "id"]

    def __str__(self):
        return f"{self.name}（{self.firm}）" if self.firm else self.name

    def get_absolute_url(self):
        return reverse("rights:lawyer-detail", args=[self.pk])


class LegalAidCase(CallerMixin):
    """法律援助: an application (online, at the counter, or from a ticket), checked for
    eligibility, given a lawyer, followed to its outcome and the amount recovered."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("handling union")
    )
    channel = models.CharField(_("contact channel"), max_length=10, choices=LegalAidChannel.choices)
    ticket = models.ForeignKey(
        Ticket,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_aid_cases",
        verbose_name=_("12351 ticket"),
    )
    is_member_applicant = models.BooleanField(_("applicant is a member"), default=False)
    in_hardship = models.BooleanField(_("in hardship"), default=False)
    matter = models.TextField(_("what happened and what is asked"))
    eligible = models.BooleanField(_("eligible"), default=False)
    eligibility_note = models.CharField(_("eligibility"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=LegalAidStatus.choices,
        default=LegalAidStatus.SUBMITTED,
        db_index=True,
    )
    submitted_on = models.DateField(pgettext_lazy("rights", "submitted on"), db_index=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    rejection_reason = models.CharField(_("reason not accepted"), max_length=200, blank=True)
    lawyer = models.ForeignKey(
        Lawyer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("lawyer"),
    )
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    outcome = models.CharField(
        _("case outcome"), max_length=10, choices=LegalAidOutcome.choices, blank=True
    )
    amount_recovered = models.DecimalField(
        _("amount recovered (yuan)"), null=True, blank=True, **_MONEY
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    audit_hidden_fields = CALLER_PII_HIDDEN
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal aid case")
        verbose_name_plural = _("legal aid cases")
        ordering = ["-submitted_on", "-id"]
        indexes = [models.Index(fields=["org", "status"])]

    def __str__(self):
        return f"{self.number} {self.caller_name}"

    def get_absolute_url(self):
        return reverse("rights:legal-aid-detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"FY-{self.submitted_on:%Y%m%d}-{self.pk:06d}" if self.pk else ""


class LegalAidProgress(models.Model):
    """A step of a legal-aid case (会见、立案、开庭、调解…) as the lawyer or cadre reports it."""

    case = models.ForeignKey(LegalAidCase, on_delete=models.CASCADE, related_name="progress")
    on = models.DateField(_("date"))
    note = models.CharField(_("case progress"), max_length=300)
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self):
        return f"{self.on} {self.note}"


class DisputeCase(models.Model):
    """劳动争议调处: a mediation case between workers and an employer, possibly born of a
    ticket or a legal-aid case, with its sessions and outcome."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("mediating union")
    )
    ticket = models.ForeignKey(
        Ticket,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disputes",
        verbose_name=_("12351 ticket"),
    )
    legal_aid = models.ForeignKey(
        LegalAidCase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disputes",
        verbose_name=_("legal aid case"),
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employer"),
    )
    employer_name = models.CharField(_("employer (as given)"), max_length=200, blank=True)
    workers = models.CharField(_("worker party"), max_length=300)
    workers_involved = models.PositiveIntegerField(_("workers involved"), default=1)
    category = models.CharField(_("matter category"), max_length=20, choices=Category.choices)
    claims = models.TextField(_("claims"))
    amount_claimed = models.DecimalField(
        _("amount claimed (yuan)"), null=True, blank=True, **_MONEY
    )
    mediator = models.CharField(_("mediator"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DisputeStatus.choices,
        default=DisputeStatus.REGISTERED,
        db_index=True,
    )
    registered_on = models.DateField(_("registered on"), db_index=True)
    closed_on = models.DateField(_("ticket closed on"), null=True, blank=True)
    outcome = models.CharField(
        _("case outcome"), max_length=12, choices=DisputeOutcome.choices, blank=True
    )
    amount_agreed = models.DecimalField(_("amount agreed (yuan)"), null=True, blank=True, **_MONEY)
    outcome_note = models.CharField(_("outcome note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("labour dispute")
        verbose_name_plural = _("labour disputes")
        ordering = ["-registered_on", "-id"]
        indexes = [
            models.Index(fields=["org", "status"]),
            models.Index(fields=["enterprise", "registered_on"]),
        ]

    def __str__(self):
        return f"{self.number} {self.employer_label}"

    def get_absolute_url(self):
        return reverse("rights:dispute-detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"TJ-{self.registered_on:%Y%m%d}-{self.pk:06d}" if self.pk else ""

    @property
    def employer_label(self) -> str:
        return self.enterprise.name if self.enterprise_id else self.employer_name


class MediationSession(models.Model):
    """One mediation meeting of a dispute."""

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place of the session"), max_length=120, blank=True)
    attendees = models.CharField(_("attendees"), max_length=300, blank=True)
    summary = models.TextField(_("session summary"))
    actor_name = models.CharField(_("session recorded by"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self):
        return f"{self.held_on} {self.place}"
