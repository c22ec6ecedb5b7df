from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgLevel(models.TextChoices):
    CITY = "city", _("City federation of trade unions")
    DISTRICT = "district", _("District/county federation")
    STREET = "street", _("Street/town federation")
    FEDERATION = "federation", _("Joint federation")
    GRASSROOTS = "grassroots", _("Grassroots union")
    GROUP = "group", _("Union group")


# Which levels an org of each level may sit under (None: at the root of the tree).
ALLOWED_PARENT_LEVELS: dict[str, tuple[str | None, ...]] = {
    OrgLevel.CITY: (None,),
    OrgLevel.DISTRICT: (OrgLevel.CITY,),
    OrgLevel.STREET: (OrgLevel.DISTRICT,),
    OrgLevel.FEDERATION: (OrgLevel.CITY, OrgLevel.DISTRICT, OrgLevel.STREET),
    OrgLevel.GRASSROOTS: (
        OrgLevel.CITY,
        OrgLevel.DISTRICT,
        OrgLevel.STREET,
        OrgLevel.FEDERATION,
    ),
    OrgLevel.GROUP: (OrgLevel.GRASSROOTS,),
}

# Levels whose area an enterprise can be located in (属地).
TERRITORY_LEVELS = (OrgLevel.CITY, OrgLevel.DISTRICT, OrgLevel.STREET)
# Levels that can cover (organise) an enterprise's workers.
COVERING_LEVELS = (OrgLevel.GRASSROOTS, OrgLevel.FEDERATION)


class FederationKind(models.TextChoices):
    INDUSTRY = "industry", _("Industry federation")
    PARK = "park", _("Park federation")
    BUILDING = "building", _("Building federation")
    BUSINESS_DISTRICT = "business", _("Business-district federation")
    AREA = "area", _("Area federation")


class Sector(models.TextChoices):
    """The new-employment-form sector an industry federation organises (交通运输新业态), so
    that online join applications of couriers, riders and drivers reach it."""

    EXPRESS = "express", _("Express delivery")
    FOOD_DELIVERY = "food_delivery", _("Food delivery")
    RIDE_HAILING = "ride_hailing", _("Ride-hailing")
    FREIGHT = "freight", _("Road freight")


class GrassrootsType(models.TextChoices):
    STANDALONE = "standalone", _("Standalone")
    JOINT = "joint", _("Joint")


class OrgStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DISSOLVED = "dissolved", _("Dissolved")


class UnitCategory(models.TextChoices):
    """单位性质类别, the national unit-category codes."""

    STATE_OWNED = "110", _("State-owned")
    COLLECTIVE = "120", _("Collective")
    JOINT_STOCK_COOPERATIVE = "130", _("Joint-stock cooperative")
    JOINT_OPERATION = "140", _("Joint operation")
    LIMITED_LIABILITY = "150", _("Limited liability company")
    JOINT_STOCK = "160", _("Joint-stock company")
    PRIVATE = "170", _("Private")
    OTHER_DOMESTIC = "190", _("Other domestic")
    HK_MACAO_TAIWAN = "200", _("Hong Kong, Macao or Taiwan invested")
    FOREIGN = "300", _("Foreign invested")
    PUBLIC_INSTITUTION = "400", _("Public institution")
    GOVERNMENT = "500", _("Government body")
    INDIVIDUAL = "600", _("Individual business")
    PRIVATE_NON_ENTERPRISE = "700", _("Private non-enterprise unit")


class Industry(models.TextChoices):
    """GB/T 4754-2017 sections."""

    A = "A", _("Agriculture, forestry, animal husbandry and fishery")
    B = "B", _("Mining")
    C = "C", _("Manufacturing")
    D = "D", _("Electricity, heat, gas and water")
    E = "E", _("Construction")
    F = "F", _("Wholesale and retail")
    G = "G", _("Transport, storage and post")
    H = "H", _("Accommodation and catering")
    I = "I", _("Information transmission, software and IT services")  # noqa: E741
    J = "J", _("Finance")
    K = "K", _("Real estate")
    L = "L", _("Leasing and business services")
    M = "M", _("Scientific research and technical services")
    N = "N", _("Water conservancy, environment and public facilities")
    O = "O", _("Resident services, repair and other services")  # noqa: E741
    P = "P", _("Education")
    Q = "Q", _("Health and social work")
    R = "R", _("Culture, sports and entertainment")
    S = "S", _("Public administration, social security and social organisations")
    T = "T", _("International organisations")


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", _("Operating")
    CLOSED = "closed", _("Closed")


class Coverage(models.TextChoices):
    """How an enterprise's workers are organised (derived from its covering union)."""

    SEPARATE = "separate", _("Own union")
    JOINT = "joint", _("Joint union")
    NONE = "none", _("No union")
