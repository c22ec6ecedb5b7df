"""Code lists of employment services (就业服务)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    REFERRED = "referred", _("Referred to the employer")
    HIRED = "hired", _("Hired")
    DECLINED = "declined", _("Not taken")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Decisions a cadre records on an application, from each status.
APPLICATION_TRANSITIONS = {
    ApplicationStatus.SUBMITTED: (
        ApplicationStatus.REFERRED,
        ApplicationStatus.HIRED,
        ApplicationStatus.DECLINED,
    ),
    ApplicationStatus.REFERRED: (ApplicationStatus.HIRED, ApplicationStatus.DECLINED),
}


class FairKind(models.TextChoices):
    GENERAL = "general", _("Job fair")
    MODEL_WORKERS = "model_workers", _("Model workers bring jobs (劳模先进送岗位)")
    NEW_EMPLOYMENT = "new_employment", _("Jobs in new forms of employment")
    ONLINE = "online", _("Online job fair")


class FairStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class JobLossReason(models.TextChoices):
    LAYOFF = "layoff", _("Laid off or made redundant")
    CONTRACT_END = "contract_end", _("Contract ended")
    CLOSURE = "closure", _("Employer closed or bankrupt")
    HEALTH = "health", _("Illness or injury")
    OTHER = "other", _("Other")


class AidStatus(models.TextChoices):
    HELPING = "helping", _("Being helped")
    REEMPLOYED = "reemployed", _("Re-employed")
    CLOSED = "closed", _("Closed without a job")
