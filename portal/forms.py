from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedForm
from core.widgets import SearchSelect
from members.choices import (
    ETHNICITY_CHOICES,
    Education,
    EmploymentForm,
    HouseholdType,
    PoliticalStatus,
)
from members.joining import work_areas
from orgs.choices import EnterpriseStatus, OrgLevel
from orgs.models import Enterprise


def place_name(org) -> str:
    """A district or street as a place (临江区), not as its federation (临江区总工会)."""
    return org.name.removesuffix("总工会") or org.name


def _choices(choices):
    return [("", "—"), *choices]


class JoinForm(ScopedForm):
    """The worker's application. Fields are optional here: the action checks the record
    whole and says precisely what is missing; ``marked_required`` only draws the asterisks."""

    marked_required = {
        "name",
        "id_number",
        "ethnicity",
        "education",
        "political_status",
        "household_type",
        "employment_form",
        "phone",
        "code",
        "consent",
    }

    name = forms.CharField(label=_("Name (as on your ID card)"), max_length=50, required=False)
    id_number = forms.CharField(
        label=_("ID card number"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    ethnicity = forms.ChoiceField(
        label=_("Ethnicity"), choices=_choices(ETHNICITY_CHOICES), required=False, initial="01"
    )
    education = forms.ChoiceField(
        label=_("Education"), choices=_choices(Education.choices), required=False
    )
    political_status = forms.ChoiceField(
        label=_("Political status"),
        choices=_choices(PoliticalStatus.choices),
        required=False,
        initial=PoliticalStatus.MASSES,
    )
    household_type = forms.ChoiceField(
        label=_("Household registration"),
        choices=_choices(HouseholdType.choices),
        required=False,
    )
    employment_form = forms.ChoiceField(
        label=_("How do you work?"),
        choices=EmploymentForm.choices,
        required=False,
        initial=EmploymentForm.STANDARD,
        help_text=_("Couriers, riders and drivers: choose your kind of work."),
    )
    enterprise = forms.ModelChoiceField(
        label=_("Employer"),
        queryset=Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE),
        required=False,
        widget=SearchSelect(url_name="portal:join-employers"),
        help_text=_("Type part of its name or its credit code, then choose it."),
    )
    employer_name = forms.CharField(
        label=_("Employer not in the list? Type its name"), max_length=200, required=False
    )
    work_area = forms.ChoiceField(
        label=_("Where do you work?"),
        required=False,
        help_text=_("The district or street of your workplace, or where you mostly work."),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    code = forms.CharField(
        label=_("SMS code"),
        max_length=12,
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": "6"}
        ),
    )
    consent = forms.BooleanField(
        label=_("I agree that the union keeps and uses my personal data to handle my membership."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {str(org.pk): org for org in work_areas()}
        groups: list = [("", "—")]
        for org in self.areas.values():
            place = place_name(org)
            if org.level == OrgLevel.DISTRICT:
                whole = _("%(district)s, street not sure") % {"district": place}
                groups.append((place, [(str(org.pk), whole)]))
            elif len(groups) > 1:
                groups[-1][1].append((str(org.pk), place))
        self.fields["work_area"].choices = groups

    def clean_work_area(self):
        return self.areas.get(self.cleaned_data.get("work_area") or "")

    def application_data(self) -> dict:
        """The cleaned values as ``join_application_submit`` takes them."""
        return {key: value for key, value in self.cleaned_data.items() if key != "code"}


class MemberLoginForm(forms.Form):
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("The number your union has on your member record."),
    )
    code = forms.CharField(
        label=_("SMS code"),
        max_length=12,
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": "6"}
        ),
    )
    marked_required = {"phone", "code"}
