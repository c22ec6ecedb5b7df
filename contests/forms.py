from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.choices import (
    CONTEST_TRANSITIONS,
    Aggregation,
    ContestKind,
    ContestLevel,
    ContestStatus,
    EntryKind,
    StageRound,
)
from contests.models import Contest
from core.forms import ScopedForm
from core.widgets import SearchSelect
from members.models import Member
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org


def org_field(label, required=True, help_text=""):
    return forms.ModelChoiceField(
        label=label,
        queryset=Org.objects.active(),
        required=required,
        widget=SearchSelect(params={"status": "active"}),
        help_text=help_text,
    )


def member_field(label, required=False):
    return forms.ModelChoiceField(
        label=label,
        queryset=Member.objects.all(),
        required=required,
        widget=SearchSelect(url_name="dues:member-pick"),
    )


def enterprise_field(label, required=False):
    return forms.ModelChoiceField(
        label=label,
        queryset=Enterprise.objects.all(),
        required=required,
        widget=SearchSelect(url_name="orgs:enterprise-pick"),
    )


class ContestForm(ScopedForm):
    host = org_field(pgettext_lazy("contests", "Host"))
    name = forms.CharField(label=_("Name"), max_length=200)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), choices=ContestKind.choices)
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[("", _("From the host")), *ContestLevel.choices],
        required=False,
    )
    theme = forms.CharField(label=_("Theme"), max_length=200, required=False)
    trade = forms.CharField(label=_("Trade or event"), max_length=100, required=False)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE_WIDGET)
    aggregation = forms.ChoiceField(
        label=_("Scoring rule"), choices=Aggregation.choices, initial=Aggregation.TRIMMED
    )
    parent = forms.ModelChoiceField(
        label=_("Qualifies for"),
        queryset=Contest.objects.exclude(status=ContestStatus.CLOSED),
        required=False,
        help_text=_("The higher contest this one's entries can be nominated into."),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)


class ContestEditForm(ContestForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["host"]


class ContestStatusForm(ScopedForm):
    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = CONTEST_TRANSITIONS.get(contest.status, ()) if contest else ()
        self.fields["status"].choices = [
            (s.value, s.label) for s in allowed if s != ContestStatus.CLOSED
        ]


class EntryForm(ScopedForm):
    contest = forms.ModelChoiceField(label=_("Contest"), queryset=Contest.objects.all())
    kind = forms.ChoiceField(label=_("Entry type"), choices=EntryKind.choices)
    member = member_field(_("Member (individual entries)"))
    name = forms.CharField(
        label=_("Entrant"),
        max_length=200,
        required=False,
        help_text=_("Team name; for individuals and enterprises empty means the record's name."),
    )
    enterprise = enterprise_field(_("Enterprise"))
    org = org_field(_("Union"), required=False, help_text=_("Empty means the member's union."))
    team_members = forms.CharField(
        label=_("Team members"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    participant_count = forms.IntegerField(
        label=_("Participants"),
        min_value=1,
        initial=1,
        help_text=_("Workers taking part through this entry, e.g. an enterprise's staff."),
    )
    work_title = forms.CharField(
        label=_("Work"),
        max_length=200,
        required=False,
        help_text=_("For a works contest: the title of the work."),
    )
    work_text = forms.CharField(
        label=_("Text of the work"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    work_file = forms.FileField(label=_("File of the work"), required=False)


class StageForm(ScopedForm):
    round = forms.ChoiceField(label=_("Round"), choices=StageRound.choices)
    held_on = forms.DateField(
        label=pgettext_lazy("contests", "Held on"), widget=DATE_WIDGET, required=False
    )
    blind = forms.BooleanField(label=_("Blind judging (judges see codes only)"), required=False)
    advance_count = forms.IntegerField(
        label=_("Entries advancing"),
        min_value=1,
        required=False,
        help_text=_("How many go on to the next round (ties at the cut-off all go on)."),
    )


class CriterionForm(ScopedForm):
    name = forms.CharField(label=_("Criterion"), max_length=100)
    weight = forms.DecimalField(
        label=_("Weight"),
        max_digits=5,
        decimal_places=2,
        initial=1,
        help_text=_("The judge's total is the sum of weight × score."),
    )
    max_score = forms.DecimalField(
        label=_("Maximum score"), max_digits=6, decimal_places=2, initial=100
    )


class JudgeForm(ScopedForm):
    username = forms.CharField(label=_("User account"), max_length=150)
    name = forms.CharField(label=_("Judge's name"), max_length=50, required=False)
    title = forms.CharField(label=_("Title or employer"), max_length=100, required=False)
    member = member_field(_("Linked member"))
    enterprise = enterprise_field(_("Own enterprise"))
    org = org_field(
        _("Own union"),
        required=False,
        help_text=_("The judge stands aside for entries of this union and the unions under it."),
    )


class AwardForm(ScopedForm):
    first = forms.IntegerField(label=_("First prizes"), min_value=0, initial=1)
    second = forms.IntegerField(label=_("Second prizes"), min_value=0, initial=2)
    third = forms.IntegerField(label=_("Third prizes"), min_value=0, initial=3)


class ScoreForm(ScopedForm):
    """One decimal field per criterion of the stage, named ``criterion_<id>``."""

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.CharField(
                label=f"{criterion.name}（0–{criterion.max_score}）",
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control"}),
            )
