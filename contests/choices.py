"""Code lists of labour and skills contests (劳动和技能竞赛)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ContestKind(models.TextChoices):
    LABOUR = "labour", _("Labour contest")
    SKILL = "skill", _("Skills contest")
    # "安康杯" 竞赛: the workplace safety and health contest.
    ANKANG = "ankang", _("Ankang Cup safety contest")
    MERIT = "merit", _("Merit contest")
    # 职工文化作品征集 (诗歌、摄影、视频…): works sent in by workers, judged by a panel.
    CULTURE = "culture", _("Workers' culture works")


class ContestLevel(models.TextChoices):
    NATIONAL = "national", _("National level")
    PROVINCIAL = "provincial", _("Provincial level")
    CITY = "city", _("City level")
    DISTRICT = "district", _("District level")
    STREET = "street", _("Street level")
    ENTERPRISE = "enterprise", _("Enterprise level")


class ContestStatus(models.TextChoices):
    DRAFT = "draft", _("In preparation")
    OPEN = "open", _("Taking entries")
    JUDGING = "judging", _("Judging")
    CLOSED = "closed", _("Closed")


# Allowed status changes of a contest (the state machine; awards close a contest).
CONTEST_TRANSITIONS = {
    ContestStatus.DRAFT: (ContestStatus.OPEN,),
    ContestStatus.OPEN: (ContestStatus.JUDGING, ContestStatus.DRAFT),
    ContestStatus.JUDGING: (ContestStatus.CLOSED,),
    ContestStatus.CLOSED: (),
}


class Aggregation(models.TextChoices):
    MEAN = "mean", _("Average of all judges")
    # 去掉一个最高分和一个最低分, then the average of the rest.
    TRIMMED = "trimmed", _("Drop the highest and the lowest, then average")


class EntryKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    TEAM = "team", pgettext_lazy("contests", "Team")
    ENTERPRISE = "enterprise", _("Enterprise level")


class EntryStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class StageRound(models.TextChoices):
    PRELIMINARY = "preliminary", _("Preliminary round")
    SEMIFINAL = "semifinal", _("Semi-final")
    FINAL = "final", _("Final")


ROUND_ORDER = {StageRound.PRELIMINARY: 1, StageRound.SEMIFINAL: 2, StageRound.FINAL: 3}


class StageStatus(models.TextChoices):
    SETUP = "setup", _("Being set up")
    SCORING = "scoring", _("Scoring")
    CLOSED = "closed", _("Results out")


class AwardGrade(models.TextChoices):
    FIRST = "first", _("First prize")
    SECOND = "second", _("Second prize")
    THIRD = "third", _("Third prize")
    EXCELLENCE = "excellence", _("Excellence award")
