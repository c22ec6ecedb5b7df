"""Code lists of labour-relations early warning (劳动关系监测预警)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SignalKind(models.TextChoices):
    # Entered or imported from outside the platform (DOMAIN §3: 社保, 税务, 欠薪 ledgers …).
    WAGE_ARREARS = "wage_arrears", _("Wage arrears")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance arrears")
    LAYOFF = "layoff", _("Layoffs")
    PAY_CUT = "pay_cut", _("Pay cut")
    SHUTDOWN = "shutdown", _("Production stopped")
    RELOCATION = "relocation", _("Relocation")
    RESTRUCTURING = "restructuring", _("Restructuring")
    # Contributed by other capabilities of the platform.
    TICKET = "ticket", _("Complaint ticket")
    GROUP_TICKET = "group_ticket", _("Group ticket")
    DISPUTE = "dispute", _("Labour dispute")
    ASSISTANCE = "assistance", _("Assistance request")
    CONTRACT_EXPIRY = "contract_expiry", _("Collective contract lapsed")
    OTHER = "other", _("Other hazard")


class SignalStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("warning", "Open")
    RESOLVED = "resolved", _("Resolved")


class SignalSource(models.TextChoices):
    MANUAL = "manual", _("Entered by a cadre")
    IMPORT = "import", _("Spreadsheet import")
    INSPECTION = "inspection", _("Inspection finding")
    PLATFORM = "platform", _("Platform capability")


class RiskLevel(models.TextChoices):
    RED = "red", _("Red")
    ORANGE = "orange", _("Orange")
    YELLOW = "yellow", _("Yellow")
    BLUE = "blue", _("Blue")
    NONE = "none", _("No warning")


# Higher is more serious; crossing upward opens an alert.
LEVEL_RANK = {
    RiskLevel.NONE: 0,
    RiskLevel.BLUE: 1,
    RiskLevel.YELLOW: 2,
    RiskLevel.ORANGE: 3,
    RiskLevel.RED: 4,
}
WARNING_LEVELS = (RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW, RiskLevel.BLUE)


class AlertStatus(models.TextChoices):
    NEW = "new", _("To verify")
    VERIFIED = "verified", _("Verified")
    HANDLING = "handling", _("Being handled")
    ESCALATED = "escalated", _("Escalated")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed after verification")


OPEN_ALERT_STATUSES = (
    AlertStatus.NEW,
    AlertStatus.VERIFIED,
    AlertStatus.HANDLING,
    AlertStatus.ESCALATED,
)


class AlertStep(models.TextChoices):
    OPENED = "opened", _("Opened")
    RAISED = "raised", _("Level raised")
    VERIFY = "verify", _("Verification")
    HANDLE = "handle", _("Disposal measures")
    RESOLVE = "resolve", _("Resolved")
    ESCALATE = "escalate", _("Escalated")
    DISMISS = "dismiss", pgettext_lazy("warning", "Dismissed")


class CampaignStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    CLOSED = "closed", _("Finished")


class InspectionStatus(models.TextChoices):
    PENDING = "pending", _("To inspect")
    DONE = "done", _("Inspected")
