from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.scoping import ScopedQuerySet
from dues.choices import DuesSource, DuesStatus


class DuesRecord(models.Model):
    """One member's dues (会费) for one month: the wage it was counted on, the amount, and
    whether it was paid. The union is the one the member belonged to that month, so a record
    stays with the old union after a transfer and the new union never sees it."""

    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="dues_records",
        verbose_name=_("member"),
    )
    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="dues_records", verbose_name=_("union")
    )
    month = models.DateField(_("month"), help_text=_("Stored as the first day of the month."))
    wage_base = models.DecimalField(_("wage base"), max_digits=12, decimal_places=2)
    amount = models.DecimalField(_("dues"), max_digits=10, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=8, choices=DuesStatus.choices, default=DuesStatus.UNPAID
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=8, choices=DuesSource.choices, default=DuesSource.MANUAL
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("dues record")
        verbose_name_plural = _("dues records")
        ordering = ["-month", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "month"], name="one_dues_record_per_member_month"
            )
        ]
        indexes = [models.Index(fields=["org", "month", "status"])]

    def __str__(self):
        return f"{self.member.name} {self.month:%Y-%m}"

    def get_absolute_url(self):
        return reverse("dues:detail", args=[self.pk])
