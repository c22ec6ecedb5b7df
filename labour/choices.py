"""Code lists of labour relations (劳动关系): collective contracts, workers' congresses,
open factory affairs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("Comprehensive collective contract")
    WAGE = "wage", _("Special contract on wages")
    WOMEN = "women", _("Special contract on women workers' rights")
    SAFETY = "safety", _("Special contract on work safety")
    # 特殊时期: agreements on pay plans, rotation and shorter hours in hard times.
    SPECIAL_PERIOD = "special_period", _("Special-period agreement")


# Kinds that count as wage bargaining (工资集体协商) for the one-vote veto of honours.
WAGE_BARGAINING_KINDS = (ContractKind.COMPREHENSIVE, ContractKind.WAGE)


class ContractScope(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    INDUSTRY = "industry", _("Industry-wide")
    REGIONAL = "regional", _("Regional")


class ContractStatus(models.TextChoices):
    REQUESTED = "requested", _("Bargaining requested")
    NEGOTIATING = "negotiating", _("Negotiating")
    SIGNED = "signed", _("Signed, to be filed")
    FILED = "filed", _("Filed for review")
    PUBLISHED = "published", _("Published to staff")
    TERMINATED = "terminated", _("Terminated")


class ContractState(models.TextChoices):
    """What a contract is on a given day (derived from its status and dates)."""

    REQUESTED = "requested", _("Bargaining requested")
    NEGOTIATING = "negotiating", _("Negotiating")
    SIGNED = "signed", _("Signed, to be filed")
    UNDER_REVIEW = "under_review", _("Under review by the labour department")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class Requester(models.TextChoices):
    UNION = "union", _("The union")
    EMPLOYER = "employer", _("The employer")


class ContractStep(models.TextChoices):
    REQUEST = "request", _("Bargaining requested")
    REPLY = "reply", _("Written reply received")
    SIGN = "sign", _("Signed")
    FILE = "file", _("Filed with the labour department")
    OBJECTION = "objection", _("Review opinion: objection")
    PUBLISH = "publish", _("Published to staff")
    TERMINATE = "terminate", _("Terminated")


class SpecialMeasure(models.TextChoices):
    PAY_PLAN = "pay_plan", _("Pay plan")
    ROTATION = "rotation", _("Job rotation and rest by turns")
    SHORTER_HOURS = "shorter_hours", _("Shorter working hours")


class CongressKind(models.TextChoices):
    CONGRESS = "congress", _("Workers' congress")
    ASSEMBLY = "assembly", _("All-staff assembly")


class MotionKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    RESOLUTION = "resolution", _("Resolution")
    CONTRACT = "contract", _("Approval of a collective contract")
    DISCLOSURE = "disclosure", _("Report on open factory affairs")


class DisclosureChannel(models.TextChoices):
    CONGRESS = "congress", _("At the workers' congress")
    BOARD = "board", _("Notice board")
    ONLINE = "online", _("Online")
    MEETING = "meeting", _("Staff meeting")
