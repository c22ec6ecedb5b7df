"""Code lists of hardship assistance (困难职工帮扶, DOMAIN §2.5–2.6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HardshipCategory(models.TextChoices):
    """The three national categories of a hardship file."""

    DEEP = "deep", _("Deep hardship")
    RELATIVE = "relative", _("Relative hardship")
    ACCIDENT = "accident", _("Hardship from an accident")


class HardshipCause(models.TextChoices):
    ILLNESS = "illness", _("Illness")
    DISABILITY = "disability", _("Disability")
    SCHOOLING = "schooling", _("Children's schooling")
    ACCIDENT = "accident", _("Accident")
    UNEMPLOYMENT = "unemployment", _("Unemployment")
    DISASTER = "disaster", _("Natural disaster")


# Causes that make a household 意外致困 when its income alone does not qualify it.
ACCIDENT_CAUSES = (HardshipCause.ACCIDENT, HardshipCause.DISASTER, HardshipCause.ILLNESS)


class FileSource(models.TextChoices):
    APPLICATION = "application", _("Own application")
    REFERRAL = "referral", _("Referral by a cadre")


class FileStatus(models.TextChoices):
    """先建档、后帮扶: 申请 → 入户调查 → 公示 → 认定 (in file) → 解困脱困 (closed)."""

    APPLIED = "applied", _("Applied")
    VERIFIED = "verified", _("Home visit done")
    PUBLICIZING = "publicizing", _("Public notice")
    APPROVED = "approved", _("In file")
    REJECTED = "rejected", _("Not filed")
    CLOSED = "closed", _("File closed")


# Files that hold the household's one place (一户一档): a second file for it is refused.
OPEN_STATUSES = (
    FileStatus.APPLIED,
    FileStatus.VERIFIED,
    FileStatus.PUBLICIZING,
    FileStatus.APPROVED,
)


class CloseReason(models.TextChoices):
    ESCAPED = "escaped", _("Out of hardship")
    RETIRED = "retired", _("Retired")
    MOVED = "moved", _("Moved away")
    DIED = "died", _("Died")
    UNREACHABLE = "unreachable", _("Cannot be reached")
    INELIGIBLE = "ineligible", _("Found not eligible")
    TEMPORARY_EXPIRED = "temporary_expired", _("Temporary file expired")


class Relation(models.TextChoices):
    SELF = "self", _("Self")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    OTHER = "other", _("Other relative")


class SchoolLevel(models.TextChoices):
    """School levels 金秋助学 pays for (DOMAIN §2.6)."""

    HIGHER = "higher", _("Higher education")
    SENIOR_HIGH = "senior_high", _("Senior high school")


class AssistanceKind(models.TextChoices):
    LIVING = "living", _("Living aid")
    MEDICAL = "medical", _("Medical aid")
    SCHOOL = "school", _("School aid")
    EMPLOYMENT = "employment", _("Employment help")
    CONDOLENCE = "condolence", _("Condolence visit")
    SANATORIUM = "sanatorium", _("Recuperation trip")


class FundSource(models.TextChoices):
    SPECIAL_SUBSIDY = "special_subsidy", _("Special subsidy fund")
    UNION_FUNDS = "union_funds", _("Union funds")
    DONATION = "donation", _("Social donation")
    GOVERNMENT = "government", _("Government fund")


class CampaignKind(models.TextChoices):
    WINTER_WARMTH = "winter_warmth", _("Send warmth (New Year and Spring Festival)")
    AUTUMN_SCHOOL = "autumn_school", _("Golden autumn school aid")
    SUMMER_COOL = "summer_cool", _("Summer cooling")
    SPECIAL = "special", _("Special campaign")


# What a payment from a campaign of each kind is.
CAMPAIGN_ASSISTANCE_KIND = {
    CampaignKind.WINTER_WARMTH: AssistanceKind.CONDOLENCE,
    CampaignKind.AUTUMN_SCHOOL: AssistanceKind.SCHOOL,
    CampaignKind.SUMMER_COOL: AssistanceKind.CONDOLENCE,
    CampaignKind.SPECIAL: AssistanceKind.LIVING,
}


class CampaignStatus(models.TextChoices):
    OPEN = "open", _("Campaign running")
    CLOSED = "closed", _("Campaign ended")
