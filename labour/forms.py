from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from labour.choices import (
    CongressKind,
    ContractKind,
    ContractScope,
    ContractStatus,
    DisclosureChannel,
    MotionKind,
    Requester,
    SpecialMeasure,
)
from labour.models import Congress, Contract
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org

ENTERPRISE_WIDGET = SearchSelect(url_name="orgs:enterprise-pick", params={"status": "active"})
TERMS = [(1, "1"), (2, "2"), (3, "3")]


class CountField(forms.IntegerField):
    """A head count; empty means none."""

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, **kwargs)

    def clean(self, value):
        return super().clean(value) or 0


class ContractRequestForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Union"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
        help_text=_("The union or federation that bargains."),
    )
    coverage = forms.ChoiceField(label=_("Coverage"), choices=ContractScope.choices)
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=Enterprise.objects.all(),
        widget=ENTERPRISE_WIDGET,
        required=False,
        help_text=_("For an enterprise contract."),
    )
    covered_enterprises = forms.ModelMultipleChoiceField(
        label=_("Enterprises covered"),
        queryset=Enterprise.objects.all(),
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    covered_codes = forms.CharField(
        label=_("Credit codes of the enterprises covered"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For an industry or regional contract: one unified social credit code a line."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ContractKind.choices)
    title = forms.CharField(label=pgettext_lazy("labour", "Title"), max_length=150)
    term_years = forms.TypedChoiceField(
        label=_("Contract term (years)"), choices=TERMS, coerce=int, initial=3
    )
    requested_by = forms.ChoiceField(
        label=pgettext_lazy("labour", "Requested by"), choices=Requester.choices
    )
    requested_on = forms.DateField(label=_("Bargaining requested on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        codes = [c.strip().upper() for c in (data.get("covered_codes") or "").split() if c.strip()]
        if codes:
            visible = Enterprise.objects.visible_to(self.user).filter(uscc__in=codes)
            found = {e.uscc: e for e in visible}
            missing = [c for c in codes if c not in found]
            if missing:
                raise ValidationError(
                    {
                        "covered_codes": _("Unknown or out of scope: %(codes)s")
                        % {"codes": "、".join(missing)}
                    }
                )
            data["covered_enterprises"] = list(found.values())
        else:
            data["covered_enterprises"] = []
        data.pop("covered_codes", None)
        return data


class ContractReplyForm(ScopedForm):
    replied_on = forms.DateField(label=_("Written reply on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ContractSignForm(ScopedForm):
    approved_on = forms.DateField(
        label=_("Approved by the congress on"),
        widget=DATE_WIDGET,
        help_text=_("Workers' congress or all-staff assembly."),
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE_WIDGET)
    union_chief = forms.CharField(label=_("Union chief negotiator"), max_length=50)
    employer_chief = forms.CharField(label=_("Employer chief negotiator"), max_length=50)
    union_negotiators = forms.IntegerField(label=_("Union negotiators"), min_value=1, max_value=99)
    employer_negotiators = forms.IntegerField(
        label=_("Employer negotiators"), min_value=1, max_value=99
    )
    term_years = forms.TypedChoiceField(label=_("Contract term (years)"), choices=TERMS, coerce=int)
    workers_covered = forms.IntegerField(label=_("Workers covered"), min_value=1)
    wage_increase = forms.DecimalField(
        label=_("Wage increase (%)"), required=False, max_digits=5, decimal_places=2
    )
    special_measures = forms.MultipleChoiceField(
        label=_("Special-period measures"),
        choices=SpecialMeasure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ContractFileForm(ScopedForm):
    filed_on = forms.DateField(
        label=pgettext_lazy("labour", "Filed on"),
        widget=DATE_WIDGET,
        help_text=_("The day the labour department received the text (receipt)."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ContractObjectionForm(ScopedForm):
    received_on = forms.DateField(label=_("Review opinion received on"), widget=DATE_WIDGET)
    opinion = forms.CharField(label=_("Review opinion"), widget=forms.Textarea(attrs={"rows": 4}))


class ContractPublishForm(ScopedForm):
    published_on = forms.DateField(label=_("Published on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("How it was published"), max_length=300, required=False)


class ContractTerminateForm(ScopedForm):
    on = forms.DateField(label=_("Terminated on"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ContractRenewForm(ScopedForm):
    requested_on = forms.DateField(label=_("Renewal talks requested on"), widget=DATE_WIDGET)


class CongressForm(ScopedForm):
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"), queryset=Enterprise.objects.all(), widget=ENTERPRISE_WIDGET
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=CongressKind.choices)
    session = forms.CharField(label=_("Session"), max_length=60, help_text=_("E.g. 第三届第二次."))
    held_on = forms.DateField(label=_("Held on"), widget=DATE_WIDGET)
    delegates = forms.IntegerField(
        label=_("Delegates"),
        min_value=1,
        help_text=_("For an all-staff assembly: the staff entitled to attend."),
    )
    frontline_delegates = CountField(label=_("Front-line delegates"))
    management_delegates = CountField(label=_("Middle management and above"))
    women_delegates = CountField(label=_("Women delegates"))
    attended = forms.IntegerField(label=_("Attended"), min_value=0)
    affairs_reported = forms.BooleanField(label=_("Factory affairs reported"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class MotionForm(ScopedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=MotionKind.choices)
    title = forms.CharField(label=pgettext_lazy("labour", "Title"), max_length=150)
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0)
    votes_against = CountField(label=_("Votes against"))
    abstentions = CountField(label=_("Abstentions"))
    contract = forms.ModelChoiceField(
        label=_("Contract"),
        queryset=Contract.objects.filter(status=ContractStatus.NEGOTIATING),
        required=False,
        help_text=_("For the approval of a collective contract."),
    )

    def __init__(self, *args, congress=None, **kwargs):
        super().__init__(*args, **kwargs)
        if congress is not None:
            self.fields["contract"].queryset = Contract.objects.filter(
                status=ContractStatus.NEGOTIATING, enterprise=congress.enterprise
            )


class DisclosureForm(ScopedForm):
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"), queryset=Enterprise.objects.all(), widget=ENTERPRISE_WIDGET
    )
    disclosed_on = forms.DateField(label=_("Disclosed on"), widget=DATE_WIDGET)
    channel = forms.ChoiceField(label=_("Channel"), choices=DisclosureChannel.choices)
    topics = forms.CharField(label=_("Matters disclosed"), widget=forms.Textarea(attrs={"rows": 4}))
    congress = forms.ModelChoiceField(
        label=_("Session"),
        queryset=Congress.objects.all(),
        required=False,
        widget=forms.HiddenInput,
    )
