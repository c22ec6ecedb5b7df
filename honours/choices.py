from django.db import models
from django.utils.translation import gettext_lazy as _


class HonourKind(models.TextChoices):
    """The titles a federation confers (DOMAIN §2.9)."""

    MODEL_WORKER = "model_worker", _("Model worker (劳动模范)")
    ADVANCED_WORKER = "advanced_worker", _("Advanced worker (先进工作者)")
    LABOUR_MEDAL = "labour_medal", _("May Day labour medal (五一劳动奖章)")
    LABOUR_AWARD = "labour_award", _("May Day labour award (五一劳动奖状)")
    PIONEER_TEAM = "pioneer_team", _("Workers' pioneer (工人先锋号)")
    CRAFTSMAN = "craftsman", _("Craftsman (工匠)")
    SKILL_CHAMPION = "skill_champion", _("Skill champion (技能标兵)")
    TECHNICAL_EXPERT = "technical_expert", _("Technical expert (技术能手)")


# Titles that go to an employer or a team rather than to a person.
COLLECTIVE_KINDS = (HonourKind.LABOUR_AWARD, HonourKind.PIONEER_TEAM)


class HonourLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")


# Rank of each level, higher is the more senior honour.
LEVEL_RANK = {
    HonourLevel.DISTRICT: 1,
    HonourLevel.CITY: 2,
    HonourLevel.PROVINCIAL: 3,
    HonourLevel.NATIONAL: 4,
}


class ProgrammeStatus(models.TextChoices):
    OPEN = "open", _("Taking nominations")
    CLOSED = "closed", _("Closed for nominations")


class NomineeKind(models.TextChoices):
    PERSON = "person", _("Individual")
    ENTERPRISE = "enterprise", _("Employer")
    TEAM = "team", _("Team")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    IN_NOTICE = "in_notice", _("In public notice")
    APPROVED = "approved", _("Approved")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Not recommended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_NOMINATION_STATUSES = (
    NominationStatus.DRAFT,
    NominationStatus.IN_REVIEW,
    NominationStatus.IN_NOTICE,
    NominationStatus.APPROVED,
)
# Nominations that hold one of the programme's places.
PLACE_HOLDING_STATUSES = (
    NominationStatus.IN_REVIEW,
    NominationStatus.IN_NOTICE,
    NominationStatus.APPROVED,
    NominationStatus.AWARDED,
)


class NominationStep(models.TextChoices):
    CREATED = "created", _("Nominated")
    SUBMITTED = "submitted", _("Submitted upward")
    FORWARDED = "forwarded", _("Forwarded upward")
    NOTICE_OPENED = "notice_opened", _("Public notice opened")
    OBJECTION_FILED = "objection_filed", _("Objection filed")
    OBJECTION_RESOLVED = "objection_resolved", _("Objection resolved")
    APPROVED = "approved", _("Approved")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Not recommended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MeetingKind(models.TextChoices):
    CONGRESS = "congress", _("Workers' congress (职代会)")
    ASSEMBLY = "assembly", _("Workers' assembly (职工大会)")
    RECOMMENDATION = "recommendation", _("Democratic recommendation meeting (民主推荐会)")


class ObjectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class VetoCheck(models.TextChoices):
    """The checks of the one-vote veto (一票否决, DOMAIN §2.9) the platform can make itself."""

    NO_UNION = "no_union", _("The employer has a union")
    NO_CONTRACT = "no_contract", _("A collective wage contract is in force")
    WAGE_ARREARS = "wage_arrears", _("No open wage-arrears signals")
    RED_WARNING = "red_warning", _("The early-warning level is not red")


class VetoOutcome(models.TextChoices):
    PASS = "pass", _("Passed")
    VETO = "veto", _("Vetoed")
    NO_DATA = "no_data", _("No data")


class ModelWorkerStatus(models.TextChoices):
    WORKING = "working", _("In work")
    RETIRED = "retired", _("Retired")
    DECEASED = "deceased", _("Deceased")


class CareKind(models.TextChoices):
    """待遇 and 慰问 of a model worker."""

    ALLOWANCE = "allowance", _("Allowance (津贴补助)")
    HEALTH_CHECK = "health_check", _("Health check (体检)")
    RECUPERATION = "recuperation", _("Rest and recuperation (疗休养)")
    VISIT = "visit", _("Visit (走访慰问)")
    HARDSHIP_AID = "hardship_aid", _("Hardship assistance (困难劳模帮扶)")
