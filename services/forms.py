from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from members.models import Member
from orgs.forms import DATE_WIDGET
from orgs.models import Org
from services.choices import CapacityPeriod, Eligibility, ServiceCategory, ServiceStatus
from services.models import Service, default_deadline_workdays

TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _org_field(label, help_text=""):
    return forms.ModelChoiceField(
        label=label,
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}, attrs={"class": "form-select"}),
        help_text=help_text,
    )


class ServiceForm(ScopedForm):
    org = _org_field(
        _("Published by"),
        _("Members of this union and of every union under it can request the service."),
    )
    name = forms.CharField(label=_("Name"), max_length=100)
    category = forms.ChoiceField(label=_("Category"), choices=ServiceCategory.choices)
    description = forms.CharField(label=_("What the service offers"), widget=TEXTAREA)
    eligibility = forms.ChoiceField(
        label=_("Who may request it"), choices=Eligibility.choices, initial=Eligibility.ALL
    )
    how_to_apply = forms.CharField(
        label=_("How to apply"),
        widget=TEXTAREA,
        required=False,
        help_text=_("What the member should write in the request or bring along."),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        min_value=1,
        help_text=_("Requests the union can take per period; leave empty for no limit."),
    )
    capacity_period = forms.ChoiceField(
        label=_("Capacity period"), choices=CapacityPeriod.choices, initial=CapacityPeriod.MONTH
    )
    deadline_workdays = forms.IntegerField(
        label=_("Deadline (working days)"),
        min_value=1,
        max_value=60,
        initial=default_deadline_workdays,
        help_text=_("Working days from the request to its answer; holidays do not count."),
    )
    contact = forms.CharField(label=_("Contact"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=ServiceStatus.choices, initial=ServiceStatus.OPEN
    )


class RecordRequestForm(ScopedForm):
    """A cadre records a request for a member (at the service window, from a phone call)."""

    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.filter(status=ServiceStatus.OPEN),
        widget=SearchSelect(url_name="services:pick", attrs={"class": "form-select"}),
    )
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=Member.objects.all(),
        widget=SearchSelect(url_name="dues:member-pick", attrs={"class": "form-select"}),
    )
    details = forms.CharField(label=_("What the member needs"), widget=TEXTAREA, max_length=1000)


class NoteForm(ScopedForm):
    note = forms.CharField(
        label=_("Note for the member"), widget=TEXTAREA, required=False, max_length=300
    )


class CompleteForm(ScopedForm):
    result = forms.CharField(
        label=_("What was done"),
        widget=TEXTAREA,
        max_length=1000,
        help_text=_("The member reads this and rates the result."),
    )


class RejectForm(ScopedForm):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=TEXTAREA,
        max_length=300,
        help_text=_("The member reads this."),
    )


class ProjectForm(ScopedForm):
    org = _org_field(_("Union"), _("The union whose yearly plan the project belongs to."))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    name = forms.CharField(label=_("Name"), max_length=120)
    category = forms.ChoiceField(label=_("Category"), choices=ServiceCategory.choices)
    description = forms.CharField(label=_("Description"), widget=TEXTAREA, required=False)
    target_quantity = forms.DecimalField(
        label=_("Target"), max_digits=12, decimal_places=2, min_value=0
    )
    target_unit = forms.CharField(label=_("Unit"), max_length=10, help_text=_("e.g. 人次, 场, 个"))
    budget = forms.DecimalField(
        label=_("Budget (yuan)"), max_digits=14, decimal_places=2, min_value=0, initial=0
    )
    responsible_org = _org_field(_("Responsible union"), _("The union itself or a union under it."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class ProgressForm(ScopedForm):
    reported_on = forms.DateField(label=_("Reported on"), widget=DATE_WIDGET)
    quantity = forms.DecimalField(
        label=_("Achieved since last report"), max_digits=12, decimal_places=2, min_value=0
    )
    spent = forms.DecimalField(
        label=_("Spent since last report (yuan)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    note = forms.CharField(label=_("What was done"), max_length=300, widget=TEXTAREA)


class MilestoneForm(ScopedForm):
    title = forms.CharField(label=_("Milestone"), max_length=120)
    due_on = forms.DateField(label=pgettext_lazy("services", "Due on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class MilestoneReachForm(ScopedForm):
    done_on = forms.DateField(label=_("Reached on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


# --- the member's forms (portal) --------------------------------------------------------


class ServiceRequestForm(forms.Form):
    details = forms.CharField(
        label=_("What do you need?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(n, "★" * n) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
