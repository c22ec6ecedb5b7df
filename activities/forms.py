from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.choices import ActivityKind, NoticeAudience, NoticeKind
from activities.models import QuestionBank
from core.forms import MultipleFileField, MultipleFileInput, ScopedForm
from core.widgets import SearchSelect
from orgs.models import Org

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _org_field(label, help_text=""):
    return forms.ModelChoiceField(
        label=label,
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
        help_text=help_text,
    )


class ActivityForm(ScopedForm):
    org = _org_field(pgettext_lazy("activities", "Host"))
    audience = _org_field(
        _("Audience"),
        _("Members of this organisation and the unions below it may register."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    title = forms.CharField(label=pgettext_lazy("activities", "Title"), max_length=120)
    description = forms.CharField(
        label=pgettext_lazy("activities", "Description"), widget=forms.Textarea, required=False
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME_WIDGET)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DATETIME_WIDGET)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=100_000)


class ActivityCancelForm(ScopedForm):
    reason = forms.CharField(label=_("Reason"), max_length=200)


class ActivitySummaryForm(ScopedForm):
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What was done, who spoke, how the workers took it."),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        help_text=_("JPG or PNG, several at once; at most %(n)s per activity, %(mb)s MB each."),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=100,
        required=False,
        help_text=_("Shown under the photos added now."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].help_text = self.fields["photos"].help_text % {
            "n": settings.GONGHUI["ACTIVITY_PHOTOS_MAX"],
            "mb": settings.GONGHUI["ACTIVITY_PHOTO_MAX_MB"],
        }


class CheckInForm(ScopedForm):
    scanned = forms.CharField(
        label=_("Membership card code"),
        max_length=500,
        help_text=_("Scan the member's e-card QR code into this box, or paste its link."),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )


class CodeCheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Activity code"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "form-control"}
        ),
    )


class NoticeForm(ScopedForm):
    org = _org_field(_("Publisher"), _("The notice goes to this organisation's whole subtree."))
    kind = forms.ChoiceField(label=_("Kind"), choices=NoticeKind.choices)
    audience = forms.ChoiceField(label=_("Audience"), choices=NoticeAudience.choices)
    title = forms.CharField(label=pgettext_lazy("activities", "Title"), max_length=120)
    body = forms.CharField(
        label=pgettext_lazy("activities", "Text"), widget=forms.Textarea(attrs={"rows": 10})
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        widget=DATETIME_WIDGET,
        required=False,
        help_text=_("Empty: at once. A later time keeps the notice hidden until then."),
    )
    files = MultipleFileField(
        label=_("Attachments"),
        help_text=_("Up to %(n)s files (%(types)s), %(mb)s MB each."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = self.fields["files"].help_text % {
            "n": settings.GONGHUI["NOTICE_ATTACHMENTS_MAX"],
            "types": "、".join(settings.GONGHUI["UPLOAD_EXTENSIONS"]),
            "mb": settings.GONGHUI["UPLOAD_MAX_BYTES"] // (1024 * 1024),
        }


class BankImportForm(ScopedForm):
    org = _org_field(pgettext_lazy("activities", "Owner"))
    name = forms.CharField(label=_("Name"), max_length=120)
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "xlsx, xls or csv with the columns 题型 (单选/多选/判断), 题目, 选项A–F and 答案 "
            "(e.g. A, ABD, 对, 错). Any bad row refuses the whole file."
        ),
    )


class QuizForm(ScopedForm):
    org = _org_field(pgettext_lazy("activities", "Host"))
    audience = _org_field(
        _("Audience"), _("Members of this organisation and the unions below it may take part.")
    )
    bank = forms.ModelChoiceField(label=_("Question bank"), queryset=QuestionBank.objects.all())
    title = forms.CharField(label=pgettext_lazy("activities", "Title"), max_length=120)
    question_count = forms.IntegerField(label=_("Questions per paper"), min_value=1)
    time_limit_minutes = forms.IntegerField(
        label=_("Time limit (minutes)"), min_value=1, max_value=180
    )
    opens_at = forms.DateTimeField(
        label=pgettext_lazy("activities", "Opens at"), widget=DATETIME_WIDGET
    )
    closes_at = forms.DateTimeField(
        label=pgettext_lazy("activities", "Closes at"), widget=DATETIME_WIDGET
    )
    attempts_allowed = forms.IntegerField(label=_("Attempts per member"), min_value=1, initial=1)


class WorkForm(forms.Form):
    """A member's work for a call for works, on the phone."""

    title = forms.CharField(
        label=_("Title of the work"),
        max_length=120,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    text = forms.CharField(
        label=_("Text of the work"),
        required=False,
        help_text=_("A poem or an essay can be written here."),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 6}),
    )
    file = forms.FileField(
        label=_("File of the work"),
        required=False,
        help_text=_("A photo, video, recording or document."),
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )
