from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.scoping import ScopedQuerySet
from labour.choices import (
    CongressKind,
    ContractKind,
    ContractScope,
    ContractState,
    ContractStatus,
    ContractStep,
    DisclosureChannel,
    MotionKind,
    Requester,
)


class Contract(models.Model):
    """A collective contract (集体合同) or special contract, from the bargaining request to
    its expiry: for one enterprise, or for an industry or region (then negotiated by the
    industry/area federation and covering the enterprises listed).

    The status records what was done; what the contract *is* on a day (under review, in
    force, expired) follows from the dates (``state_on``)."""

    org = models.ForeignKey(
        "orgs.Org",
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("union"),
        help_text=_("The union or federation that bargains."),
    )
    coverage = models.CharField(
        _("coverage"),
        max_length=12,
        choices=ContractScope.choices,
        default=ContractScope.ENTERPRISE,
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name=_("enterprise"),
    )
    covered_enterprises = models.ManyToManyField(
        "orgs.Enterprise",
        blank=True,
        related_name="area_contracts",
        verbose_name=_("enterprises covered"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ContractKind.choices)
    title = models.CharField(_("title"), max_length=150)
    term_years = models.PositiveSmallIntegerField(_("contract term (years)"), default=3)
    requested_by = models.CharField(
        _("bargaining requested by"),
        max_length=10,
        choices=Requester.choices,
        default=Requester.UNION,
    )
    requested_on = models.DateField(_("bargaining requested on"))
    reply_due = models.DateField(_("written reply due"))
    replied_on = models.DateField(_("written reply on"), null=True, blank=True)
    union_chief = models.CharField(_("union chief negotiator"), max_length=50, blank=True)
    employer_chief = models.CharField(_("employer chief negotiator"), max_length=50, blank=True)
    union_negotiators = models.PositiveSmallIntegerField(
        _("union negotiators"), null=True, blank=True
    )
    employer_negotiators = models.PositiveSmallIntegerField(
        _("employer negotiators"), null=True, blank=True
    )
    approved_on = models.DateField(
        _("approved by the congress on"),
        null=True,
        blank=True,
        help_text=_("Workers' congress or all-staff assembly."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    filing_due = models.DateField(_("filing due"), null=True, blank=True)
    filed_on = models.DateField(pgettext_lazy("labour", "filed on"), null=True, blank=True)
    effective_on = models.DateField(_("in force from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    publish_due = models.DateField(_("publication due"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ContractStatus.choices,
        default=ContractStatus.REQUESTED,
    )
    wage_increase = models.DecimalField(
        _("wage increase (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    workers_covered = models.PositiveIntegerField(_("workers covered"), default=0)
    special_measures = models.JSONField(_("special-period measures"), default=list, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name=_("renews"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("collective contract")
        verbose_name_plural = _("collective contracts")
        ordering = ["-requested_on", "-id"]
        indexes = [
            models.Index(fields=["status", "effective_on", "expires_on"]),
            models.Index(fields=["enterprise", "kind"]),
            # "Is this contract being renewed?" looks up renewals by ``previous``, which is
            # NULL for most contracts: SQLite's statistics then rate the plain FK index as
            # useless and scan the table once per contract (4 s on the org page of a street
            # at city scale); an index of the non-NULL values alone is chosen.
            models.Index(
                fields=["previous"],
                condition=models.Q(previous__isnull=False),
                name="contract_renewals_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("labour:contract-detail", args=[self.pk])

    def state_on(self, day) -> str:
        if self.status == ContractStatus.TERMINATED:
            return ContractState.TERMINATED
        if self.status in (ContractStatus.FILED, ContractStatus.PUBLISHED) and self.effective_on:
            if day < self.effective_on:
                return ContractState.UNDER_REVIEW
            if self.expires_on and day > self.expires_on:
                return ContractState.EXPIRED
            return ContractState.IN_FORCE
        return {
            ContractStatus.REQUESTED: ContractState.REQUESTED,
            ContractStatus.NEGOTIATING: ContractState.NEGOTIATING,
            ContractStatus.SIGNED: ContractState.SIGNED,
        }.get(self.status, ContractState.NEGOTIATING)


class ContractEvent(models.Model):
    """One step of a contract's life, with its date and note: the logged history."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="events", verbose_name=_("contract")
    )
    step = models.CharField(_("step"), max_length=10, choices=ContractStep.choices)
    on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    scope_fields = ("contract__org", "contract__enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract step")
        verbose_name_plural = _("contract steps")
        ordering = ["on", "id"]

    def __str__(self):
        return f"{self.contract} · {self.get_step_display()}"


class Congress(models.Model):
    """One session of an enterprise's workers' congress (职代会), or of the all-staff
    assembly (职工大会) that replaces it in a small enterprise, with its delegates by
    composition and the attendance that decides the quorum."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="congresses", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        related_name="congresses",
        verbose_name=_("enterprise"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CongressKind.choices)
    session = models.CharField(_("session"), max_length=60)
    held_on = models.DateField(_("session held on"))
    staff_count = models.PositiveIntegerField(_("staff"))
    delegates = models.PositiveIntegerField(_("delegates"))
    frontline_delegates = models.PositiveIntegerField(_("front-line delegates"), default=0)
    management_delegates = models.PositiveIntegerField(_("middle management and above"), default=0)
    women_delegates = models.PositiveIntegerField(_("women delegates"), default=0)
    attended = models.PositiveIntegerField(_("attended"))
    affairs_reported = models.BooleanField(
        _("factory affairs reported"),
        default=False,
        help_text=_("Open factory affairs were reported to this session."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_fields = ("org", "enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("workers' congress session")
        verbose_name_plural = _("workers' congress sessions")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["enterprise", "held_on"])]

    def __str__(self):
        return f"{self.enterprise.name} {self.session}"

    def get_absolute_url(self):
        return reverse("labour:congress-detail", args=[self.pk])

    @property
    def quorate(self) -> bool:
        return self.attended * 3 >= self.delegates * 2 if self.delegates else False


class Motion(models.Model):
    """A motion put to a congress session; it passes with more than half of *all*
    delegates (not of those present), and only at a quorate session."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="motions", verbose_name=_("session")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MotionKind.choices)
    title = models.CharField(_("title"), max_length=150)
    votes_for = models.PositiveIntegerField(pgettext_lazy("labour", "votes for"), default=0)
    votes_against = models.PositiveIntegerField(_("votes against"), default=0)
    abstentions = models.PositiveIntegerField(_("abstentions"), default=0)
    passed = models.BooleanField(_("passed"), default=False)
    contract = models.ForeignKey(
        Contract,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="motions",
        verbose_name=_("contract"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("congress__org", "congress__enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["congress_id", "id"]

    def __str__(self):
        return self.title


class Disclosure(models.Model):
    """One disclosure of factory affairs to staff (厂务公开)."""

    org = models.ForeignKey(
        "orgs.Org", on_delete=models.PROTECT, related_name="disclosures", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise",
        on_delete=models.PROTECT,
        related_name="disclosures",
        verbose_name=_("enterprise"),
    )
    disclosed_on = models.DateField(_("disclosed on"))
    channel = models.CharField(_("channel"), max_length=10, choices=DisclosureChannel.choices)
    topics = models.TextField(_("matters disclosed"))
    congress = models.ForeignKey(
        Congress,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="disclosures",
        verbose_name=_("session"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_fields = ("org", "enterprise__territory")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("open-affairs disclosure")
        verbose_name_plural = _("open-affairs disclosures")
        ordering = ["-disclosed_on", "-id"]
        indexes = [models.Index(fields=["enterprise", "disclosed_on"])]

    def __str__(self):
        return f"{self.enterprise.name} {self.disclosed_on}"

    def get_absolute_url(self):
        return reverse("labour:disclosure-list") + f"?enterprise={self.enterprise_id}"
