"""Code lists of worker technical innovation (职工技术创新)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class InnovationKind(models.TextChoices):
    RENOVATION = "renovation", _("Technical renovation")
    INVENTION = "invention", _("Invention")
    SUGGESTION = "suggestion", _("Rationalisation proposal")
    METHOD = "method", _("Advanced operating method")
    FIVE_SMALL = "five_small", _("Five smalls")


class FiveSmall(models.TextChoices):
    """ "五小": 小发明、小创造、小革新、小设计、小建议."""

    INVENTION = "invention", _("Small invention")
    CREATION = "creation", _("Small creation")
    RENOVATION = "renovation", _("Small renovation")
    DESIGN = "design", _("Small design")
    SUGGESTION = "suggestion", _("Small suggestion")


class SubmitterKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    TEAM = "team", pgettext_lazy("innovation", "Team")


class InnovationStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("innovation", "Submitted")
    ADOPTED = "adopted", _("Adopted")
    IMPLEMENTED = "implemented", _("Implemented")
    REJECTED = "rejected", _("Not adopted")


class AwardGrade(models.TextChoices):
    FIRST = "first", _("First prize")
    SECOND = "second", _("Second prize")
    THIRD = "third", _("Third prize")
    EXCELLENCE = "excellence", _("Excellence award")


class StudioKind(models.TextChoices):
    MODEL_WORKER = "model_worker", _("Model-worker innovation studio")
    CRAFTSMAN = "craftsman", _("Craftsman innovation studio")
    WORKER = "worker", _("Worker innovation studio")


class StudioLevel(models.TextChoices):
    NATIONAL = "national", _("National level")
    PROVINCIAL = "provincial", _("Provincial level")
    CITY = "city", _("City level")
    DISTRICT = "district", _("District level")
    ENTERPRISE = "enterprise", _("Enterprise level")
