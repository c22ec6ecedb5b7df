from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.forms import member_field, org_field
from core.forms import ScopedForm
from orgs.forms import DATE_WIDGET
from skills.choices import Fund, SkillAwardKind, TrainingKind


class TrainingForm(ScopedForm):
    org = org_field(pgettext_lazy("skills", "Host"))
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices)
    trade = forms.CharField(label=_("Trade"), max_length=100, required=False)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE_WIDGET)
    hours = forms.IntegerField(label=_("Hours"), min_value=0, initial=0)
    capacity = forms.IntegerField(
        label=_("Places"), min_value=1, required=False, help_text=_("Empty means no limit.")
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)


class TrainingEditForm(TrainingForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["org"]


class EnrolForm(ScopedForm):
    member = member_field(_("Member"), required=True)
    enrolled_on = forms.DateField(
        label=_("Enrolled on"),
        widget=DATE_WIDGET,
        required=False,
        help_text=_("Empty means today."),
    )


class FinishForm(ScopedForm):
    completed = forms.TypedChoiceField(
        label=_("Result"),
        choices=[("1", _("Completed")), ("0", _("Dropped out"))],
        coerce=lambda v: v == "1",
    )
    on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, required=False, help_text=_("Empty means today.")
    )


class SkillAwardForm(ScopedForm):
    member = member_field(_("Member"), required=True)
    org = org_field(_("Paid by"))
    kind = forms.ChoiceField(label=_("Kind"), choices=SkillAwardKind.choices)
    amount = forms.DecimalField(label=_("Amount (yuan)"), max_digits=10, decimal_places=2)
    fund = forms.ChoiceField(label=_("Fund"), choices=Fund.choices)
    granted_on = forms.DateField(
        label=_("Granted on"),
        widget=DATE_WIDGET,
        required=False,
        help_text=_("Empty means today."),
    )
    reference = forms.CharField(
        label=_("Reference"),
        max_length=100,
        required=False,
        help_text=_("Certificate or patent number; for mentors, the apprentices."),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
