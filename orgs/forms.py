from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedForm
from core.widgets import SearchSelect
from orgs.choices import (
    ALLOWED_PARENT_LEVELS,
    COVERING_LEVELS,
    TERRITORY_LEVELS,
    FederationKind,
    GrassrootsType,
    Industry,
    OrgLevel,
    Sector,
    UnitCategory,
)
from orgs.models import Org

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrgForm(ScopedForm):
    code = forms.CharField(label=_("Org code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=120)
    level = forms.ChoiceField(label=_("Level"), choices=OrgLevel.choices)
    federation_kind = forms.ChoiceField(
        label=_("Federation kind"),
        choices=[("", "—"), *FederationKind.choices],
        required=False,
        help_text=_("Only for joint federations."),
    )
    sector = forms.ChoiceField(
        label=_("New-employment sector served"),
        choices=[("", "—"), *Sector.choices],
        required=False,
        help_text=_(
            "Only for federations that organise couriers, riders or drivers: "
            "their online join applications are sent here."
        ),
    )
    grassroots_type = forms.ChoiceField(
        label=_("Grassroots union type"),
        choices=[("", "—"), *GrassrootsType.choices],
        required=False,
        help_text=_("Only for grassroots unions: standalone (one employer) or joint."),
    )
    region_code = forms.CharField(
        label=_("Administrative division code"), max_length=12, required=False
    )
    chair_name = forms.CharField(label=_("Chair"), max_length=50, required=False)
    founded_on = forms.DateField(label=_("Founded on"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, parent_level=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parent_level is not False:
            allowed = [
                (value, label)
                for value, label in OrgLevel.choices
                if parent_level in ALLOWED_PARENT_LEVELS[value]
            ]
            self.fields["level"].choices = allowed


class OrgMoveForm(ScopedForm):
    new_parent = forms.ModelChoiceField(
        label=_("New parent organisation"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )


class OrgDissolveForm(ScopedForm):
    on = forms.DateField(label=_("Dissolved on"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("Reason"), max_length=200)


class ElectionForm(ScopedForm):
    held_on = forms.DateField(label=_("Election date"), widget=DATE_WIDGET)
    term_years = forms.TypedChoiceField(
        label=_("Term"), coerce=int, choices=[(3, _("3 years")), (5, _("5 years"))]
    )
    chair_name = forms.CharField(label=_("Chair elected"), max_length=50)
    committee_members = forms.CharField(
        label=_("Committee members"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One name per line; an odd number between 3 and 11."),
    )
    audit_committee_members = forms.CharField(
        label=_("Audit committee members"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One name per line; an odd number between 3 and 5."),
    )
    notes = forms.CharField(label=_("Notes"), max_length=200, required=False)


class EnterpriseForm(ScopedForm):
    uscc = forms.CharField(label=_("Unified social credit code"), max_length=24)
    name = forms.CharField(label=_("Name"), max_length=200)
    category = forms.ChoiceField(label=_("Unit category"), choices=UnitCategory.choices)
    industry = forms.ChoiceField(label=_("Industry"), choices=Industry.choices)
    employee_count = forms.IntegerField(label=_("Employees"), min_value=0)
    territory = forms.ModelChoiceField(
        label=_("Located in"),
        queryset=Org.objects.active().filter(level__in=TERRITORY_LEVELS),
        widget=SearchSelect(params={"status": "active", "levels": ",".join(TERRITORY_LEVELS)}),
        help_text=_("The city, district or street federation whose area the unit is in."),
    )
    region_code = forms.CharField(
        label=_("Administrative division code"), max_length=12, required=False
    )
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    is_platform = forms.BooleanField(
        label=_("Platform company (new forms of employment)"), required=False
    )
    covering_union = forms.ModelChoiceField(
        label=_("Covering union"),
        queryset=Org.objects.active().filter(level__in=COVERING_LEVELS),
        widget=SearchSelect(params={"status": "active", "levels": ",".join(COVERING_LEVELS)}),
        required=False,
        help_text=_("Its own grassroots union, or the joint union that covers it; empty if none."),
    )
