from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.forms import enterprise_field, member_field, org_field
from core.forms import ScopedForm
from innovation.choices import (
    AwardGrade,
    FiveSmall,
    InnovationKind,
    StudioKind,
    StudioLevel,
    SubmitterKind,
)
from innovation.models import Studio
from orgs.forms import DATE_WIDGET


class InnovationForm(ScopedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=InnovationKind.choices)
    five_small = forms.ChoiceField(
        label=_("Five-smalls type"), choices=[("", "—"), *FiveSmall.choices], required=False
    )
    title = forms.CharField(label=pgettext_lazy("innovation", "Title"), max_length=200)
    submitter_kind = forms.ChoiceField(label=_("Submitted by"), choices=SubmitterKind.choices)
    member = member_field(_("Member"))
    authors = forms.CharField(
        label=_("Authors"),
        max_length=300,
        required=False,
        help_text=_("Empty means the member's name; separate several with 、."),
    )
    team_name = forms.CharField(
        label=pgettext_lazy("innovation", "Team"), max_length=100, required=False
    )
    org = org_field(_("Union"), required=False, help_text=_("Empty means the member's union."))
    enterprise = enterprise_field(_("Enterprise"))
    studio = forms.ModelChoiceField(
        label=_("Studio"), queryset=Studio.objects.all(), required=False
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea)
    patent_number = forms.CharField(
        label=_("Patent number"),
        max_length=32,
        required=False,
        help_text=_("Required for inventions, e.g. ZL202310123456.7."),
    )
    estimated_benefit = forms.DecimalField(
        label=_("Estimated benefit (10k yuan)"), max_digits=12, decimal_places=2, initial=0
    )
    submitted_on = forms.DateField(
        label=_("Submitted on"),
        widget=DATE_WIDGET,
        required=False,
        help_text=_("Empty means today."),
    )


class ReviewForm(ScopedForm):
    adopted = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Adopt")), ("0", _("Do not adopt"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class AwardForm(ScopedForm):
    award = forms.ChoiceField(label=_("Award"), choices=AwardGrade.choices)


class StudioForm(ScopedForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=StudioKind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=StudioLevel.choices)
    org = org_field(_("Union"), required=False, help_text=_("Empty means the leader's union."))
    enterprise = enterprise_field(_("Enterprise"))
    leader = member_field(_("Leader (member)"))
    leader_name = forms.CharField(label=_("Leader"), max_length=50, required=False)
    team = forms.CharField(
        label=_("Members"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One name per line."),
    )
    speciality = forms.CharField(label=_("Field"), max_length=100, required=False)
    named_on = forms.DateField(label=_("Named on"), widget=DATE_WIDGET)
    named_by = forms.CharField(label=_("Named by"), max_length=100, required=False)


class StudioEditForm(StudioForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["org"]
