import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from core.scoping import ScopedQuerySet, ScopedQuerySetMixin
from orgs.choices import (
    EnterpriseStatus,
    FederationKind,
    GrassrootsType,
    Industry,
    OrgLevel,
    OrgStatus,
    Sector,
    UnitCategory,
)


class OrgQuerySet(ScopedQuerySetMixin, MP_NodeQuerySet):
    def active(self):
        return self.filter(status=OrgStatus.ACTIVE)

    def subtree_of(self, org):
        return self.filter(path__startswith=org.path)


class OrgManager(MP_NodeManager.from_queryset(OrgQuerySet)):
    def get_queryset(self):
        return OrgQuerySet(self.model, using=self._db).order_by("path")


class Org(MP_Node):
    """A union organisation at any level of the tree (市总 → … → 工会小组)."""

    steplen = 4
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    code = models.CharField(_("org code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    level = models.CharField(_("level"), max_length=16, choices=OrgLevel.choices, db_index=True)
    federation_kind = models.CharField(
        _("federation kind"), max_length=16, choices=FederationKind.choices, blank=True
    )
    sector = models.CharField(
        _("new-employment sector served"),
        max_length=16,
        choices=Sector.choices,
        blank=True,
        help_text=_("For federations that organise couriers, riders or drivers."),
    )
    grassroots_type = models.CharField(
        _("grassroots union type"), max_length=16, choices=GrassrootsType.choices, blank=True
    )
    region_code = models.CharField(_("administrative division code"), max_length=12, blank=True)
    chair_name = models.CharField(_("chair"), max_length=50, blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OrgStatus.choices, default=OrgStatus.ACTIVE
    )
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    dissolution_reason = models.CharField(_("reason for dissolution"), max_length=200, blank=True)
    term_years = models.PositiveSmallIntegerField(_("term (years)"), null=True, blank=True)
    last_election_on = models.DateField(_("last election"), null=True, blank=True)
    next_election_due = models.DateField(
        _("next election due"), null=True, blank=True, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("",)
    objects = OrgManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            # Subtree tests are `path LIKE 'prefix%'`; PostgreSQL uses a btree for that only
            # with the pattern operator class (other databases ignore opclasses).
            models.Index(
                fields=["path"], name="org_path_prefix", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orgs:detail", args=[self.pk])

    @property
    def is_active(self):
        return self.status == OrgStatus.ACTIVE

    def election_state(self, today: datetime.date, warning_days: int) -> str:
        if not self.next_election_due:
            return ""
        if self.next_election_due < today:
            return "overdue"
        if (self.next_election_due - today).days <= warning_days:
            return "due"
        return ""


class Election(models.Model):
    """A committee election (换届): the committee and 经审会 chosen for one term."""

    org = models.ForeignKey(
        Org, on_delete=models.PROTECT, related_name="elections", verbose_name=_("organisation")
    )
    held_on = models.DateField(_("held on"))
    term_years = models.PositiveSmallIntegerField(_("term (years)"))
    chair_name = models.CharField(_("chair"), max_length=50)
    committee_members = models.TextField(_("committee members"))
    audit_committee_members = models.TextField(_("audit committee members"), blank=True)
    notes = models.CharField(_("notes"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org",)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.org} {self.held_on:%Y-%m-%d}"

    @staticmethod
    def names(text: str) -> list[str]:
        return [line.strip() for line in text.replace("，", "\n").splitlines() if line.strip()]

    @property
    def committee_size(self):
        return len(self.names(self.committee_members))

    @property
    def audit_committee_size(self):
        return len(self.names(self.audit_committee_members))


class Enterprise(models.Model):
    """An employer (单位) located in an area, covered by a union or not."""

    uscc = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=200, db_index=True)
    category = models.CharField(_("unit category"), max_length=3, choices=UnitCategory.choices)
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices)
    employee_count = models.PositiveIntegerField(_("employees"))
    territory = models.ForeignKey(
        Org,
        on_delete=models.PROTECT,
        related_name="territory_enterprises",
        verbose_name=_("located in"),
        help_text=_("The city, district or street federation whose area the unit is in."),
    )
    region_code = models.CharField(_("administrative division code"), max_length=12, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    is_platform = models.BooleanField(
        _("platform company (new forms of employment)"), default=False
    )
    covering_union = models.ForeignKey(
        Org,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="covered_enterprises",
        verbose_name=_("covering union"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnterpriseStatus.choices,
        default=EnterpriseStatus.ACTIVE,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Cadres of the area and cadres of the covering union both look after the unit.
    scope_fields = ("territory", "covering_union")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orgs:enterprise-detail", args=[self.pk])
