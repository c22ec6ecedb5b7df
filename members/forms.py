from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedForm
from core.widgets import SearchSelect
from members.actions import MEMBER_ORG_LEVELS
from members.choices import (
    ETHNICITY_CHOICES,
    ChangeReason,
    ChangeType,
    Education,
    EmploymentForm,
    EmploymentStatus,
    HouseholdType,
    PoliticalStatus,
    SkillLevel,
)
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org


def _choices(choices, blank=True):
    return [("", "—"), *choices] if blank else list(choices)


class MemberForm(ScopedForm):
    name = forms.CharField(label=_("Name"), max_length=50)
    id_number = forms.CharField(
        label=_("ID number"),
        max_length=24,
        required=False,
        help_text=_("18 digits; a 15-digit number is upgraded. On edit, leave empty to keep it."),
    )
    phone = forms.CharField(label=_("Mobile phone"), max_length=20, required=False)
    ethnicity = forms.ChoiceField(label=_("Ethnicity"), choices=_choices(ETHNICITY_CHOICES))
    education = forms.ChoiceField(label=_("Education"), choices=_choices(Education.choices))
    political_status = forms.ChoiceField(
        label=_("Political status"), choices=_choices(PoliticalStatus.choices)
    )
    household_type = forms.ChoiceField(
        label=_("Household registration"), choices=_choices(HouseholdType.choices)
    )
    employment_form = forms.ChoiceField(label=_("Employment form"), choices=EmploymentForm.choices)
    employment_status = forms.ChoiceField(
        label=_("Employment status"), choices=EmploymentStatus.choices
    )
    skill_level = forms.ChoiceField(
        label=_("Skill level"), choices=SkillLevel.choices, required=False
    )
    org = forms.ModelChoiceField(
        label=_("Union"),
        queryset=Org.objects.active().filter(level__in=MEMBER_ORG_LEVELS),
        widget=SearchSelect(params={"status": "active", "levels": ",".join(MEMBER_ORG_LEVELS)}),
    )
    enterprise = forms.ModelChoiceField(
        label=_("Employer"),
        queryset=Enterprise.objects.all(),
        required=False,
        widget=SearchSelect(url_name="orgs:enterprise-pick", params={"status": "active"}),
    )
    joined_on = forms.DateField(label=_("Joined on"), widget=DATE_WIDGET)
    card_number = forms.CharField(
        label=_("Card number"),
        max_length=20,
        required=False,
        help_text=_("Leave empty to number the card automatically."),
    )


class MemberStatusForm(ScopedForm):
    change_type = forms.ChoiceField(
        label=_("Membership change"),
        choices=[
            (ChangeType.LEFT, ChangeType.LEFT.label),
            (ChangeType.REMOVED, ChangeType.REMOVED.label),
            (ChangeType.KEPT, ChangeType.KEPT.label),
            (ChangeType.RESTORED, ChangeType.RESTORED.label),
        ],
    )
    reason = forms.ChoiceField(
        label=_("Reason"), choices=_choices(ChangeReason.choices), required=False
    )
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TransferRequestForm(ScopedForm):
    to_org_code = forms.CharField(
        label=_("Code of the receiving union"),
        max_length=32,
        help_text=_("The org code of the union the member moves to (any union of the city)."),
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=_choices(ChangeReason.choices))
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TransferDecisionForm(ScopedForm):
    note = forms.CharField(label=_("Reply"), max_length=200, required=False)


class JoinRejectForm(ScopedForm):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=200,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant reads this on their status page."),
    )
