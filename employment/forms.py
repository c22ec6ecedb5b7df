from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from employment.choices import ApplicationStatus, FairKind, FairStatus, JobLossReason
from members.models import Member
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org


class JobPostingForm(ScopedForm):
    enterprise = forms.ModelChoiceField(
        label=_("Employer"),
        queryset=Enterprise.objects.filter(status="active", covering_union__isnull=False),
        widget=SearchSelect(url_name="orgs:enterprise-pick"),
        help_text=_("The job is posted through the union that covers the employer."),
    )
    title = forms.CharField(label=_("Job title"), max_length=100)
    positions = forms.IntegerField(label=_("Positions"), min_value=1, max_value=10000)
    salary_min = forms.IntegerField(label=_("Monthly pay from (yuan)"), min_value=1)
    salary_max = forms.IntegerField(label=_("Monthly pay up to (yuan)"), min_value=1)
    location = forms.CharField(label=_("Place of work"), max_length=200)
    requirements = forms.CharField(
        label=_("Requirements"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    contact = forms.CharField(label=_("Contact"), max_length=100, required=False)
    expires_on = forms.DateField(label=_("Open until"), widget=DATE_WIDGET)


class JobPostingCreateForm(JobPostingForm):
    publish = forms.BooleanField(label=_("Publish at once"), required=False)


class PostingStatusForm(ScopedForm):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[("open", _("Publish")), ("closed", pgettext_lazy("employment", "Close"))],
    )


class ApplicationDecideForm(ScopedForm):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (ApplicationStatus.REFERRED, ApplicationStatus.REFERRED.label),
            (ApplicationStatus.HIRED, ApplicationStatus.HIRED.label),
            (ApplicationStatus.DECLINED, ApplicationStatus.DECLINED.label),
        ],
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class JobFairForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    title = forms.CharField(label=pgettext_lazy("employment", "Title"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=FairKind.choices)
    held_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    hours = forms.CharField(label=_("Time"), max_length=50, required=False)
    place = forms.CharField(label=_("Place"), max_length=200)
    capacity = forms.IntegerField(
        label=_("Places for job seekers"),
        min_value=1,
        required=False,
        help_text=_("Empty: no limit."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class FairEnterpriseForm(ScopedForm):
    enterprise = forms.ModelChoiceField(
        label=pgettext_lazy("employment", "Enterprise"),
        queryset=Enterprise.objects.filter(status="active"),
        widget=SearchSelect(url_name="orgs:enterprise-pick"),
    )


class FairStatusForm(ScopedForm):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (FairStatus.HELD, FairStatus.HELD.label),
            (FairStatus.CANCELLED, FairStatus.CANCELLED.label),
        ],
    )


class AidOpenForm(ScopedForm):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=Member.objects.all(),
        # The dues form's picker: members of the unions the user may change.
        widget=SearchSelect(url_name="dues:member-pick"),
    )
    lost_job_on = forms.DateField(label=_("Lost the job on"), widget=DATE_WIDGET)
    reason = forms.ChoiceField(label=_("Reason"), choices=JobLossReason.choices)
    former_employer = forms.CharField(label=_("Former employer"), max_length=200, required=False)
    help_given = forms.CharField(
        label=_("Help given so far"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AidHelpForm(ScopedForm):
    help_given = forms.CharField(
        label=_("Help given"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A referral, training, a job fair, a subsidy…; the date is added."),
    )


class AidReemployedForm(ScopedForm):
    reemployed_on = forms.DateField(label=_("Re-employed on"), widget=DATE_WIDGET)
    new_employer = forms.CharField(label=_("New employer"), max_length=200)


class AidCloseForm(ScopedForm):
    closed_reason = forms.CharField(
        label=pgettext_lazy("employment", "Reason for closing"), max_length=200
    )
