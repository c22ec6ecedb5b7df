from django.db import models
from django.utils.translation import gettext_lazy as _


class DraftStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Drafting")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
