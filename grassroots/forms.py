from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from grassroots import actions
from grassroots.choices import FieldKind, ProgrammeKind, VenueKind
from grassroots.models import FormTemplate, Venue
from orgs.forms import DATE_WIDGET
from orgs.models import Org

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
WEEKDAY_CHOICES = [
    ("1", _("Monday")),
    ("2", _("Tuesday")),
    ("3", _("Wednesday")),
    ("4", _("Thursday")),
    ("5", _("Friday")),
    ("6", _("Saturday")),
    ("7", _("Sunday")),
]


def org_field(label, help_text=""):
    return forms.ModelChoiceField(
        label=label,
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
        help_text=help_text,
    )


class VenueForm(ScopedForm):
    org = org_field(_("Owner"), _("The unions of this organisation's subtree may book it."))
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=VenueKind.choices)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    capacity = forms.IntegerField(label=_("Capacity (people)"), min_value=1, max_value=100000)
    opens_at = forms.TimeField(label=_("Opens at"), widget=TIME_WIDGET)
    closes_at = forms.TimeField(label=_("Closes at"), widget=TIME_WIDGET)
    slot_minutes = forms.IntegerField(label=_("Slot length (minutes)"), initial=60)
    open_weekdays = forms.MultipleChoiceField(
        label=_("Open on"),
        choices=WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        initial=list("12345"),
    )
    book_ahead_days = forms.IntegerField(
        label=_("Bookable days ahead"), min_value=0, max_value=365, initial=14
    )
    cancel_hours = forms.IntegerField(
        label=_("Cancellation allowed until (hours before)"),
        min_value=0,
        max_value=720,
        initial=24,
    )
    description = forms.CharField(
        label=pgettext_lazy("grassroots", "Description"), widget=forms.Textarea, required=False
    )
    is_active = forms.BooleanField(label=_("Open for booking"), required=False, initial=True)

    def clean_open_weekdays(self):
        return "".join(sorted(self.cleaned_data["open_weekdays"]))


class BookingForm(ScopedForm):
    venue = forms.ModelChoiceField(label=_("Venue"), queryset=Venue.objects.filter(is_active=True))
    org = org_field(_("Booked for"), _("Your union; it must lie under the venue's owner."))
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    starts_at = forms.TimeField(
        label=_("Slot starting at"),
        widget=TIME_WIDGET,
        help_text=_("Pick a free slot on the venue's page, or type its start time."),
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=200)
    headcount = forms.IntegerField(label=_("People"), min_value=1, initial=1)


class CancelForm(ScopedForm):
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class UseForm(ScopedForm):
    used = forms.TypedChoiceField(
        label=_("Was the slot used?"),
        choices=[("1", _("Used")), ("0", _("Not used"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )


class ProgrammeForm(ScopedForm):
    org = org_field(pgettext_lazy("grassroots", "Run by"))
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Title"), choices=ProgrammeKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    apply_until = forms.DateField(label=_("Self-assessments due"), widget=DATE_WIDGET)
    pass_score = forms.IntegerField(label=_("Score needed"), min_value=0, initial=80)
    star_thresholds = forms.CharField(
        label=_("Scores for 1–5 stars"),
        initial="60,70,80,90,95",
        required=False,
        help_text=_("Star-rated programmes only."),
    )
    publicity_workdays = forms.IntegerField(
        label=_("Public notice (working days)"), min_value=1, max_value=30
    )
    criteria = forms.CharField(
        label=_("Criteria"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One per line: criterion | full score | what counts. Default: the 六有."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publicity_workdays"].initial = settings.GONGHUI["HOME_PUBLICITY_WORKDAYS"]
        self.fields["criteria"].initial = actions.criteria_text(actions.default_criteria())

    def clean_criteria(self):
        return actions.parse_criteria(self.cleaned_data["criteria"])


class EvaluationStartForm(ScopedForm):
    org = org_field(_("Union"), _("The grassroots union that assesses itself."))


class SelfAssessForm(ScopedForm):
    def __init__(self, *args, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        for row in evaluation.scores.all():
            c = row.criterion
            self.fields[f"score_{c.pk}"] = forms.DecimalField(
                label=_("%(criterion)s (full score %(max)s)")
                % {"criterion": c, "max": c.max_score},
                min_value=0,
                max_value=c.max_score,
                decimal_places=1,
                required=False,
                initial=row.self_score,
                help_text=c.guidance,
                widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.5"}),
            )
            self.fields[f"note_{c.pk}"] = forms.CharField(
                label=_("How it is met"),
                max_length=500,
                required=False,
                initial=row.self_note,
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )
        self.fields["summary"] = forms.CharField(
            label=_("Summary of the work"),
            required=False,
            initial=evaluation.summary,
            widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
        )

    def scores(self) -> dict:
        data = self.cleaned_data
        return {
            int(name.split("_")[1]): (value, data.get(f"note_{name.split('_')[1]}", ""))
            for name, value in data.items()
            if name.startswith("score_")
        }


class EvidenceForm(ScopedForm):
    file = forms.FileField(label=_("File"))
    criterion = forms.ModelChoiceField(
        label=pgettext_lazy("grassroots", "Criterion"), queryset=None, required=False
    )

    def __init__(self, *args, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = evaluation.programme.criteria.all()
        self.fields["file"].help_text = _("%(types)s; at most %(mb)s MB.") % {
            "types": "、".join(settings.GONGHUI["UPLOAD_EXTENSIONS"]),
            "mb": settings.GONGHUI["UPLOAD_MAX_BYTES"] // (1024 * 1024),
        }


class ReviewForm(ScopedForm):
    decision = forms.ChoiceField(
        label=pgettext_lazy("grassroots", "Decision"),
        choices=[
            (actions.Decision.APPROVE, _("Approve and start the public notice")),
            (actions.Decision.RETURN, _("Return for correction")),
            (actions.Decision.REJECT, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=pgettext_lazy("grassroots", "Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        for row in evaluation.scores.all():
            c = row.criterion
            self.fields[f"score_{c.pk}"] = forms.DecimalField(
                label=_("%(criterion)s (self %(self)s of %(max)s)")
                % {"criterion": c, "self": row.self_score, "max": c.max_score},
                min_value=0,
                max_value=c.max_score,
                decimal_places=1,
                required=False,
                initial=row.review_score if row.review_score is not None else row.self_score,
                widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.5"}),
            )
        self.order_fields(["decision"])

    def scores(self) -> dict:
        return {
            int(name.split("_")[1]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("score_")
        }


class ConcludeForm(ScopedForm):
    award = forms.TypedChoiceField(
        label=_("Outcome of the public notice"),
        choices=[("1", _("No valid objection: award the title")), ("0", _("Objection upheld"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=pgettext_lazy("grassroots", "Comment"), required=False)


class ReReviewForm(ScopedForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    lapsed = forms.ModelMultipleChoiceField(
        label=_("Criteria no longer met"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each lapsed criterion costs a star; a model home loses its title."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lapsed"].queryset = evaluation.programme.criteria.all()


FIELDS_HELP = _(
    "One field per line: name | type (数字, 文本, 日期, 选项, 文件) | 必填 or 选填 | "
    "options separated by 、 (for 选项). Example: 职工人数 | 数字 | 必填"
)


class FieldsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 6})

    def clean(self, value):
        value = super().clean(value)
        return actions.parse_fields(value) if value else []


class FormTemplateForm(ScopedForm):
    org = org_field(_("Owner"))
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=pgettext_lazy("grassroots", "Description"), max_length=300, required=False
    )
    fields = FieldsField(label=_("Fields"), help_text=FIELDS_HELP)


def _recipient_orgs(issuer: Org, text: str) -> list[Org]:
    """Orgs under ``issuer`` named by code or exact name (one per line or separated by 、)."""
    import re

    wanted = [w.strip() for w in re.split("[\n、,，;；]", text or "") if w.strip()]
    below = Org.objects.active().filter(path__startswith=issuer.path).exclude(pk=issuer.pk)
    found = list(below.filter(code__in=wanted)) + list(below.filter(name__in=wanted))
    known = {o.code for o in found} | {o.name for o in found}
    missing = [w for w in wanted if w not in known]
    if missing:
        raise ValidationError(
            _("Not found under %(org)s: %(names)s.") % {"org": issuer, "names": "、".join(missing)}
        )
    return found


class RecipientsForm(ScopedForm):
    """Who receives a task: all direct subordinates, or orgs named by code or name."""

    all_children = forms.BooleanField(
        label=_("Send to all directly subordinate organisations"), required=False, initial=True
    )
    recipients = forms.CharField(
        label=_("Or send to these organisations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Codes or exact names, one per line or separated by 、."),
    )

    def recipients_under(self, issuer: Org) -> list[Org]:
        data = self.cleaned_data
        if data.get("all_children"):
            return list(
                Org.objects.active().filter(path__startswith=issuer.path, depth=issuer.depth + 1)
            )
        return _recipient_orgs(issuer, data.get("recipients", ""))


class TaskForm(RecipientsForm):
    field_order = ["org", "title", "instructions", "deadline", "all_children", "recipients"]
    org = org_field(_("Issued by"))
    title = forms.CharField(label=_("Subject"), max_length=150)
    instructions = forms.CharField(
        label=_("Instructions"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DATE_WIDGET)
    template = forms.ModelChoiceField(
        label=_("Report form"), queryset=FormTemplate.objects.all(), required=False
    )
    fields = FieldsField(label=_("Or a form of its own"), required=False, help_text=FIELDS_HELP)


class ForwardForm(RecipientsForm):
    field_order = ["deadline", "instructions", "all_children", "recipients"]
    deadline = forms.DateField(label=_("Deadline"), widget=DATE_WIDGET)
    instructions = forms.CharField(
        label=_("Instructions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReturnForm(ScopedForm):
    reason = forms.CharField(label=_("What to correct"), max_length=300)


class ReportForm(ScopedForm):
    """The task's form: one input per configured field."""

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = report.answers or {}
        for field in report.task.fields:
            key, kind = field["key"], field["kind"]
            common = {"label": field["label"], "required": False}
            value = answers.get(key)
            if kind == FieldKind.NUMBER:
                form_field = forms.CharField(initial=value, **common)
            elif kind == FieldKind.DATE:
                form_field = forms.CharField(
                    initial=value, widget=forms.DateInput(attrs={"type": "date"}), **common
                )
            elif kind == FieldKind.CHOICE:
                form_field = forms.ChoiceField(
                    choices=[("", "—")] + [(c, c) for c in field["choices"]],
                    initial=value,
                    **common,
                )
            elif kind == FieldKind.FILE:
                form_field = forms.FileField(**common)
                if value:
                    form_field.help_text = _("Uploaded: %(name)s") % {"name": value.get("name")}
            else:
                form_field = forms.CharField(
                    initial=value, widget=forms.Textarea(attrs={"rows": 2}), **common
                )
            css = "form-select" if kind == FieldKind.CHOICE else "form-control"
            form_field.widget.attrs["class"] = css
            if field["required"]:
                form_field.label = f"{field['label']} *"
            self.fields[key] = form_field
        self.fields["note"] = forms.CharField(
            label=_("Note"),
            required=False,
            initial=report.note,
            widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        )
