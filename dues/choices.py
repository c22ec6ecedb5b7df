"""Code lists of member dues (会费)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DuesStatus(models.TextChoices):
    PAID = "paid", _("Paid")
    UNPAID = "unpaid", _("Unpaid")
    # A kept membership (保留) pays no dues (DOMAIN §2.4); the month is recorded as exempt.
    EXEMPT = "exempt", _("Exempt")


class DuesSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    PAYROLL = "payroll", _("Payroll import")
