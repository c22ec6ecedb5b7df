"""Code lists of skills improvement (技能提升)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingKind(models.TextChoices):
    COURSE = "course", _("Training course")
    CAMP = "camp", _("Craftsman training camp")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Dropped out")


class SkillAwardKind(models.TextChoices):
    TECHNICIAN = "technician", _("Promotion to technician")
    SENIOR_TECHNICIAN = "senior_technician", _("Promotion to senior technician")
    PATENT = "patent", _("Invention patent")
    MENTOR = "mentor", _("Mentor")


# One promotion award per member and grade; patents once per patent number.
ONCE_PER_MEMBER = (SkillAwardKind.TECHNICIAN, SkillAwardKind.SENIOR_TECHNICIAN)


class Fund(models.TextChoices):
    UNION_FUNDS = "union_funds", _("Union funds")
    SPECIAL = "special", _("Special fund")
    GOVERNMENT = "government", _("Government subsidy")
    ENTERPRISE = "enterprise", _("Enterprise matching funds")
