"""Code lists of the member record (national standards, see DOMAIN §2.3–2.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Education(models.TextChoices):
    """GB/T 4658, grouped as union statistics use it."""

    POSTGRADUATE = "10", _("Postgraduate")
    UNDERGRADUATE = "20", _("Bachelor's degree")
    JUNIOR_COLLEGE = "30", _("Junior college")
    SECONDARY_VOCATIONAL = "40", _("Secondary vocational school")
    SENIOR_HIGH = "60", _("Senior high school")
    JUNIOR_HIGH = "70", _("Junior high school")
    PRIMARY = "80", _("Primary school or below")


class PoliticalStatus(models.TextChoices):
    PARTY_MEMBER = "01", _("CPC member")
    PROBATIONARY = "02", _("CPC probationary member")
    LEAGUE_MEMBER = "03", _("Communist Youth League member")
    DEMOCRATIC_PARTY = "04", _("Member of a democratic party")
    MASSES = "13", _("Ordinary citizen")


class HouseholdType(models.TextChoices):
    AGRICULTURAL = "agricultural", _("Agricultural household")
    NON_AGRICULTURAL = "non_agricultural", _("Non-agricultural household")


class EmploymentForm(models.TextChoices):
    """标准劳动关系 or one of the new forms of employment the unions recruit (2021 list)."""

    STANDARD = "standard", _("Standard employment")
    TRUCK_DRIVER = "truck_driver", _("Truck driver")
    COURIER = "courier", _("Courier")
    DELIVERY_RIDER = "delivery_rider", _("Online delivery rider")
    RIDE_HAILING = "ride_hailing", _("Ride-hailing driver")
    OTHER_NEW = "other_new", _("Other new form of employment")


NEW_EMPLOYMENT_FORMS = tuple(f for f in EmploymentForm.values if f != EmploymentForm.STANDARD)


class EmploymentStatus(models.TextChoices):
    """就业状况, 9 national codes."""

    EMPLOYED = "1", _("In post")
    LAID_OFF = "2", _("Laid off, awaiting post")
    UNEMPLOYED = "3", _("Unemployed")
    RETIRED = "4", _("Retired")
    RETIRED_CADRE = "5", _("Retired (lixiu)")
    RESIGNED = "6", _("Left employment (tuizhi)")
    INTERNAL_RETIREMENT = "7", _("Internal early retirement")
    SICK_LEAVE = "8", _("On sick leave")
    OTHER = "9", _("Other")


class SkillLevel(models.TextChoices):
    """技术等级."""

    NONE = "", _("None")
    GRADE_1 = "1", _("Grade 1 / senior technician")
    GRADE_2 = "2", _("Grade 2 / technician")
    GRADE_3 = "3", _("Grade 3 / senior worker")
    GRADE_4 = "4", _("Grade 4 / intermediate worker")
    GRADE_5 = "5", _("Grade 5 / junior worker")


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Active member")
    KEPT = "kept", _("Membership kept")
    LEFT = "left", _("Left the union")
    REMOVED = "removed", _("Expelled")


class ChangeType(models.TextChoices):
    """会籍变化类型."""

    JOINED = "1", _("Joined")
    TRANSFERRED_IN = "2", _("Transferred in")
    KEPT = "3", _("Membership kept")
    TRANSFERRED_OUT = "4", _("Transferred out")
    REMOVED = "5", _("Expelled")
    LEFT = "6", _("Left")
    RESTORED = "7", _("Membership restored")


class ChangeReason(models.TextChoices):
    """会籍变化原因."""

    EMPLOYMENT_CHANGE = "1", _("Change of employment")
    LAID_OFF = "2", _("Laid off by the employer")
    UNEMPLOYED = "3", _("Unemployment")
    BANKRUPTCY = "4", _("Employer bankrupt or closed")
    OWN_REQUEST = "5", _("At the member's own request")
    CRIME = "6", _("Expelled for a crime")


ETHNICITIES = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
]
# GB/T 3304: codes 01–56 in the order above (names are the standard's own, not translated).
ETHNICITY_CHOICES = [(f"{i:02d}", name) for i, name in enumerate(ETHNICITIES, start=1)]


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the receiving union")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Withdrawn")


class JoinStatus(models.TextChoices):
    """入会申请: submitted → approved | rejected by the union, or withdrawn by the applicant."""

    SUBMITTED = "submitted", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class JoinKind(models.TextChoices):
    NEW = "new", _("New membership")
    TRANSFER = "transfer", _("Transfer of an existing membership")


class JoinRoute(models.TextChoices):
    """Why an application went to its union (see members/joining.py ``route_application``)."""

    EMPLOYER_UNION = "employer_union", _("The employer's union")
    SECTOR_FEDERATION = "sector_federation", _("Industry federation of the worker's sector")
    AREA_FEDERATION = "area_federation", _("Area federation where the worker works")
    STREET_UNION = "street_union", _("Street federation where the worker works")
    DISTRICT_UNION = "district_union", _("District federation where the worker works")
