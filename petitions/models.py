"""信访 (letters and visits, C15): petitions a union receives, decides on, may hand down to a
union below, answers in writing, and — on request — has reviewed by the union above.

The petitioner is recorded like a 12351 caller (``rights.models.CallerMixin``): phone
encrypted, blind-indexed and masked (``core/pii.py``); ``workers_involved`` is the number of
people, and ``is_collective`` flags 集体访 (``GONGHUI["PETITION_COLLECTIVE_PEOPLE"]``)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import StepEvent
from core.scoping import ScopedQuerySet
from petitions.choices import PetitionChannel, PetitionEventKind, PetitionStatus
from rights.models import CALLER_PII_HIDDEN, CallerMixin


class Petition(CallerMixin):
    """One petition (来信、来访、网上信访、12351 转来). ``org`` received it; ``handed_to`` is
    the union in its subtree it was handed down to (交办); ``review_org`` reviews it (复查)."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="+", verbose_name=_("receiving union")
    )
    handed_to = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handed down to"),
    )
    review_org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewing union"),
    )
    channel = models.CharField(
        pgettext_lazy("petitions", "channel"), max_length=10, choices=PetitionChannel.choices
    )
    subject = models.CharField(_("matter in brief"), max_length=120)
    content = models.TextField(_("petition content"))
    is_collective = models.BooleanField(_("collective petition"), default=False, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PetitionStatus.choices,
        default=PetitionStatus.REGISTERED,
        db_index=True,
    )
    received_on = models.DateField(_("received on"), db_index=True)
    accept_due_on = models.DateField(_("decide by"))
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    not_accepted_reason = models.CharField(_("reason not accepted"), max_length=300, blank=True)
    handle_due_on = models.DateField(_("reply due on"), null=True, blank=True, db_index=True)
    extension_reason = models.CharField(_("reason for extension"), max_length=300, blank=True)
    extended_days = models.PositiveIntegerField(_("days extended"), default=0)
    reply = models.TextField(_("reply opinion"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    review_requested_on = models.DateField(_("review requested on"), null=True, blank=True)
    review_due_on = models.DateField(_("review due on"), null=True, blank=True)
    review_reply = models.TextField(_("review opinion"), blank=True)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "handed_to")
    audit_hidden_fields = CALLER_PII_HIDDEN
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["org", "status"]),
            models.Index(fields=["status", "accept_due_on"]),
        ]

    def __str__(self):
        return f"{self.number} {self.subject}"

    def get_absolute_url(self):
        return reverse("petitions:detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"XF-{self.received_on:%Y%m%d}-{self.pk:06d}" if self.pk else ""

    @property
    def handling_org(self):
        return self.handed_to if self.handed_to_id else self.org


class PetitionEvent(StepEvent):
    """One step of a petition (who did what when): its history."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=20, choices=PetitionEventKind.choices)
