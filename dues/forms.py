from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedForm
from core.widgets import SearchSelect
from dues.choices import DuesStatus
from dues.months import parse_month
from members.actions import MEMBER_ORG_LEVELS
from members.models import Member
from orgs.forms import DATE_WIDGET
from orgs.models import Org


class MonthInput(forms.TextInput):
    """``<input type="month">`` (browsers without it show a text box; 2026-03 works there)."""

    input_type = "month"

    def format_value(self, value):
        if hasattr(value, "strftime"):
            return value.strftime("%Y-%m")
        return super().format_value(value)


class MonthField(forms.Field):
    """A month as the first day of it; accepts 2026-03, 2026/3, 202603, 2026年3月."""

    widget = MonthInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_month(value)
        except ValueError as error:
            raise ValidationError(_("Enter a month, e.g. 2026-03."), code="invalid") from error


class DuesRecordForm(ScopedForm):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=Member.objects.all(),
        widget=SearchSelect(url_name="dues:member-pick"),
    )
    month = MonthField(label=_("Month"))
    wage_base = forms.DecimalField(
        label=_("Wage base (yuan)"),
        max_digits=12,
        decimal_places=2,
        help_text=_(
            "Monthly wage income; bonuses, allowances and subsidies are not counted. "
            "The part under ten yuan is dropped."
        ),
    )
    paid = forms.BooleanField(label=_("Paid"), required=False)
    paid_on = forms.DateField(
        label=_("Paid on"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Empty means today."),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class DuesPayForm(ScopedForm):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE_WIDGET)


class DuesCorrectForm(ScopedForm):
    wage_base = forms.DecimalField(label=_("Wage base (yuan)"), max_digits=12, decimal_places=2)
    status = forms.ChoiceField(label=_("Status"), choices=DuesStatus.choices)
    paid_on = forms.DateField(
        label=_("Paid on"), required=False, widget=DATE_WIDGET, help_text=_("Empty means today.")
    )
    note = forms.CharField(label=_("Reason for the correction"), max_length=200)


class MarkMonthPaidForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Union"),
        queryset=Org.objects.active().filter(level__in=MEMBER_ORG_LEVELS),
        widget=SearchSelect(params={"status": "active", "levels": ",".join(MEMBER_ORG_LEVELS)}),
    )
    month = MonthField(label=_("Month"))
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE_WIDGET)


class RecordIdsField(forms.Field):
    """The ids of the ticked rows (one value per box; "1,2,3" also works)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value or ""]
        parts = [part for item in values for part in str(item).replace(" ", "").split(",")]
        parts = [part for part in parts if part]
        if not parts or not all(part.isdigit() for part in parts):
            raise ValidationError(_("Select the dues records to mark as paid."), code="required")
        return [int(part) for part in parts]


class MarkSelectedPaidForm(ScopedForm):
    ids = RecordIdsField()
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE_WIDGET)
    next = forms.CharField(widget=forms.HiddenInput, required=False)
