from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedForm
from core.widgets import SearchSelect
from honours.choices import (
    COLLECTIVE_KINDS,
    CareKind,
    HonourKind,
    HonourLevel,
    MeetingKind,
    ModelWorkerStatus,
    ProgrammeStatus,
)
from honours.models import HonourProgramme
from members.models import Member
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org

PERSON_KINDS = [(k, label) for k, label in HonourKind.choices if k not in COLLECTIVE_KINDS]
SHARE_HELP = _("Leave empty for no rule.")


def _share(label):
    return forms.IntegerField(
        label=label, required=False, min_value=0, max_value=100, help_text=SHARE_HELP
    )


class ProgrammeForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Organised by"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Honour"), choices=HonourKind.choices)
    level = forms.ChoiceField(label=_("Honour level"), choices=HonourLevel.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    nomination_deadline = forms.DateField(
        label=_("Nominations due"), required=False, widget=DATE_WIDGET
    )
    notice_workdays = forms.IntegerField(
        label=_("Public notice (working days)"),
        min_value=1,
        help_text=_("Counted in working days; holidays such as 国庆 and 春节 are skipped."),
    )
    prerequisite_level = forms.ChoiceField(
        label=_("Requires this honour at this level first"),
        choices=[("", "—"), *HonourLevel.choices],
        required=False,
    )
    min_industrial_share = _share(_("Industrial workers at least (%)"))
    min_front_line_share = _share(_("Front-line workers at least (%)"))
    min_migrant_share = _share(_("Migrant workers at least (%)"))
    min_non_public_share = _share(_("Non-public sector at least (%)"))
    max_unit_head_share = _share(_("Heads of units at most (%)"))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea({"rows": 3}))


class ProgrammeEditForm(ProgrammeForm):
    status = forms.ChoiceField(label=_("Status"), choices=ProgrammeStatus.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["org"]


class QuotaForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Org.objects.active(),
        widget=SearchSelect(url_name="honours:org-pick", params={"status": "active"}),
    )
    places = forms.IntegerField(
        label=_("Places"),
        min_value=0,
        required=False,
        help_text=_("Leave empty to remove the quota of this organisation."),
    )


class NominationForm(ScopedForm):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=HonourProgramme.objects.none()
    )
    org = forms.ModelChoiceField(
        label=_("Nominated by"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    member = forms.ModelChoiceField(
        label=_("Member (for an individual honour)"),
        queryset=Member.objects.all(),
        required=False,
        widget=SearchSelect(url_name="dues:member-pick"),
    )
    enterprise = forms.ModelChoiceField(
        label=_("Employer (for 奖状 or 工人先锋号)"),
        queryset=Enterprise.objects.all(),
        required=False,
        widget=SearchSelect(url_name="orgs:enterprise-pick"),
    )
    team_name = forms.CharField(label=_("Team (for 工人先锋号)"), max_length=120, required=False)
    is_front_line = forms.BooleanField(label=_("Front-line worker (一线职工)"), required=False)
    is_industrial_worker = forms.BooleanField(
        label=_("Industrial worker (产业工人)"), required=False
    )
    is_unit_head = forms.BooleanField(label=_("Head of the unit (单位负责人)"), required=False)
    deeds = forms.CharField(label=_("Main deeds (主要事迹)"), widget=forms.Textarea({"rows": 5}))
    meeting_kind = forms.ChoiceField(label=_("Recommended by"), choices=MeetingKind.choices)
    meeting_date = forms.DateField(label=_("Meeting date"), widget=DATE_WIDGET)
    votes_cast = forms.IntegerField(label=_("Votes cast"), min_value=1)
    votes_for = forms.IntegerField(label=_("Votes for the nominee"), min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].label_from_instance = lambda p: (
            f"{p.name}（{p.get_level_display()}，{p.org}）"
        )


class ReasonForm(ScopedForm):
    reason = forms.CharField(label=_("Reason"), max_length=200, widget=forms.Textarea({"rows": 3}))


class ConfirmForm(ScopedForm):
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class NoticeForm(ScopedForm):
    start = forms.DateField(
        label=_("Public notice starts on"),
        widget=DATE_WIDGET,
        help_text=_("The notice lasts the programme's number of working days from this day."),
    )


class ProgrammeNoticeForm(NoticeForm):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Nominations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = candidates
        self.fields["nominations"].error_messages["required"] = _(
            "Choose the nominations to put into public notice."
        )


class ObjectionForm(ScopedForm):
    received_on = forms.DateField(label=_("Received on"), widget=DATE_WIDGET)
    objector = forms.CharField(
        label=_("Objector"), max_length=100, required=False, help_text=_("May stay empty.")
    )
    content = forms.CharField(label=_("Objection"), widget=forms.Textarea({"rows": 4}))


class ObjectionResolveForm(ScopedForm):
    upheld = forms.TypedChoiceField(
        label=_("Finding"),
        choices=[
            ("0", _("Not upheld: the nomination stands")),
            ("1", _("Upheld: the nomination ends")),
        ],
        coerce=lambda v: v == "1",
    )
    finding = forms.CharField(label=_("Result of the check"), widget=forms.Textarea({"rows": 4}))


class AwardForm(ScopedForm):
    awarded_on = forms.DateField(label=_("Awarded on"), widget=DATE_WIDGET)
    document_number = forms.CharField(
        label=_("Document number (文号)"), max_length=60, required=False
    )


class ModelWorkerCreateForm(ScopedForm):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=Member.objects.all(),
        widget=SearchSelect(url_name="dues:member-pick"),
    )
    kind = forms.ChoiceField(label=_("Honour"), choices=PERSON_KINDS)
    level = forms.ChoiceField(label=_("Honour level"), choices=HonourLevel.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1950, max_value=2100)
    document_number = forms.CharField(
        label=_("Document number (文号)"), max_length=60, required=False
    )


class TitleForm(ScopedForm):
    kind = forms.ChoiceField(label=_("Honour"), choices=PERSON_KINDS)
    level = forms.ChoiceField(label=_("Honour level"), choices=HonourLevel.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1950, max_value=2100)
    awarded_on = forms.DateField(label=_("Awarded on"), required=False, widget=DATE_WIDGET)
    document_number = forms.CharField(
        label=_("Document number (文号)"), max_length=60, required=False
    )


class ModelWorkerForm(ScopedForm):
    status = forms.ChoiceField(label=_("Status"), choices=ModelWorkerStatus.choices)
    in_hardship = forms.BooleanField(label=_("In hardship (困难劳模)"), required=False)
    hardship_note = forms.CharField(label=_("Hardship"), max_length=200, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea({"rows": 3}))


class CareForm(ScopedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CareKind.choices)
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    amount = forms.DecimalField(
        label=_("Amount (yuan)"), max_digits=10, decimal_places=2, required=False
    )
    visitors = forms.CharField(
        label=_("Visited by"), max_length=200, required=False, help_text=_("For visits.")
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    assistance_ref = forms.CharField(
        label=_("Assistance case number"),
        max_length=60,
        required=False,
        help_text=_("For hardship assistance paid through the assistance module."),
    )
