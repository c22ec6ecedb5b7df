from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assistance.choices import (
    AssistanceKind,
    CampaignKind,
    CloseReason,
    FileSource,
    FundSource,
    HardshipCategory,
    HardshipCause,
    Relation,
    SchoolLevel,
)
from core.forms import ScopedForm
from core.widgets import SearchSelect
from members.actions import MEMBER_ORG_LEVELS
from members.models import Member
from orgs.forms import DATE_WIDGET
from orgs.models import Org


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Ticked boxes in one row. The shared form template renders a widget whose
    ``input_type`` is "checkbox" as a single box, so this one names itself differently."""

    input_type = "checkbox-group"
    template_name = "assistance/widgets/checkbox_group.html"
    option_template_name = "assistance/widgets/checkbox_option.html"


def money_field(label, required=True, **kwargs):
    return forms.DecimalField(
        label=label, max_digits=14, decimal_places=2, min_value=0, required=required, **kwargs
    )


def member_field(label=None, required=True):
    return forms.ModelChoiceField(
        label=label or _("Member"),
        queryset=Member.objects.all(),
        required=required,
        widget=SearchSelect(url_name="dues:member-pick"),
    )


def union_field(label, required=True, help_text=""):
    return forms.ModelChoiceField(
        label=label,
        queryset=Org.objects.active(),
        required=required,
        help_text=help_text,
        widget=SearchSelect(params={"status": "active"}),
    )


class FileOpenForm(ScopedForm):
    member = member_field(_("Member (household head)"), required=False)
    org = forms.ModelChoiceField(
        label=_("Union keeping the file"),
        queryset=Org.objects.active().filter(level__in=MEMBER_ORG_LEVELS),
        required=False,
        widget=SearchSelect(params={"status": "active", "levels": ",".join(MEMBER_ORG_LEVELS)}),
        help_text=_("Only for a household head who is not a member (referral)."),
    )
    head_name = forms.CharField(label=_("Name of a non-member head"), max_length=50, required=False)
    head_id_number = forms.CharField(
        label=_("ID number of a non-member head"), max_length=30, required=False
    )
    source = forms.ChoiceField(label=_("Source"), choices=FileSource.choices)
    causes = forms.MultipleChoiceField(
        label=_("Causes"), choices=HardshipCause.choices, widget=CheckboxGroup
    )
    head_monthly_income = money_field(_("Head's monthly income (yuan)"))
    essential_costs = money_field(
        _("Essential monthly costs (yuan)"),
        required=False,
        help_text=_("Medical, disability, schooling and job costs the household must bear."),
    )
    is_temporary = forms.BooleanField(
        label=_("Temporary file (one-off aid, closed after two years)"), required=False
    )
    situation = forms.CharField(label=_("Situation"), widget=forms.Textarea(attrs={"rows": 3}))
    applied_on = forms.DateField(label=_("Applied on"), widget=DATE_WIDGET)


class HouseholdForm(ScopedForm):
    name = forms.CharField(label=_("Name"), max_length=50)
    relation = forms.ChoiceField(
        label=_("Relation"), choices=[c for c in Relation.choices if c[0] != Relation.SELF]
    )
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False)
    monthly_income = money_field(_("Monthly income (yuan)"))
    school_level = forms.ChoiceField(
        label=_("In school"),
        choices=[("", _("Not at a level school aid pays for")), *SchoolLevel.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=100, required=False)


class HouseholdRemoveForm(ScopedForm):
    person = forms.IntegerField(widget=forms.HiddenInput)


class VerifyForm(ScopedForm):
    visited_on = forms.DateField(label=_("Home visit on"), widget=DATE_WIDGET)
    visited_by = forms.CharField(label=pgettext_lazy("assistance", "Visited by"), max_length=100)
    findings = forms.CharField(label=_("Visit findings"), widget=forms.Textarea(attrs={"rows": 3}))
    essential_costs = money_field(
        _("Essential monthly costs (yuan)"), required=False, help_text=_("As found on the visit.")
    )
    category = forms.ChoiceField(label=_("Hardship category"), choices=HardshipCategory.choices)


class PublicizeForm(ScopedForm):
    starts_on = forms.DateField(
        label=_("Notice from"),
        widget=DATE_WIDGET,
        required=False,
        help_text=_("Empty means today; the notice runs a number of working days."),
    )


class ApproveForm(ScopedForm):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RejectForm(ScopedForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)
    objections = forms.CharField(
        label=_("Objections during the notice"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class ReviewForm(ScopedForm):
    reviewed_on = forms.DateField(label=_("Reviewed on"), widget=DATE_WIDGET)
    findings = forms.CharField(label=_("Review findings"), widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(label=_("Hardship category"), choices=HardshipCategory.choices)


class CloseForm(ScopedForm):
    reason = forms.ChoiceField(
        label=_("Reason for closing"),
        choices=[c for c in CloseReason.choices if c[0] != CloseReason.TEMPORARY_EXPIRED],
    )
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RecordForm(ScopedForm):
    member = member_field()
    kind = forms.ChoiceField(label=_("Kind of aid"), choices=AssistanceKind.choices)
    amount = money_field(_("Amount (yuan)"))
    fund_source = forms.ChoiceField(label=_("Fund source"), choices=FundSource.choices)
    school_level = forms.ChoiceField(
        label=_("School level"), choices=[("", "—"), *SchoolLevel.choices], required=False
    )
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE_WIDGET)
    delivered_by = forms.CharField(label=_("Delivered by"), max_length=100)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class CampaignForm(ScopedForm):
    org = union_field(_("Run by"))
    title = forms.CharField(label=pgettext_lazy("assistance", "Title"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=CampaignKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    budget = money_field(_("Fund (yuan)"))
    fund_source = forms.ChoiceField(label=_("Fund source"), choices=FundSource.choices)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE_WIDGET)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class AllocateForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
        help_text=_("An organisation below yours, e.g. a street under a district."),
    )
    amount = money_field(_("Amount (yuan)"))


class PayForm(ScopedForm):
    member = member_field()
    amount = money_field(
        _("Amount (yuan)"),
        required=False,
        help_text=_("School aid is set by the household's file and the school level."),
    )
    school_level = forms.ChoiceField(
        label=_("School level"), choices=[("", "—"), *SchoolLevel.choices], required=False
    )
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE_WIDGET)
    delivered_by = forms.CharField(label=_("Delivered by"), max_length=100)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class MemberApplyForm(forms.Form):
    """A member's own application from the phone (portal styling, no cadre scope)."""

    causes = forms.MultipleChoiceField(
        label=_("What caused the difficulty"), choices=HardshipCause.choices, widget=CheckboxGroup
    )
    head_monthly_income = money_field(_("My monthly income (yuan)"))
    essential_costs = money_field(
        _("Essential monthly costs of the household (yuan)"),
        required=False,
        help_text=_("Medical, disability, schooling and job costs the household must bear."),
    )
    situation = forms.CharField(
        label=_("The household's situation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who lives in the household, what each earns, and what happened."),
    )
    consent = forms.BooleanField(
        label=_(
            "What I wrote is true; the union may visit my home, check it with other "
            "departments and publish a notice in my workplace."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.marked_required = [name for name, field in self.fields.items() if field.required]
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput | CheckboxGroup):
                field.widget.attrs["class"] = "form-control"
