from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from orgs.forms import DATE_WIDGET
from orgs.models import Org
from petitions.choices import PetitionChannel
from rights.choices import Category
from rights.forms import (
    TEXTAREA,
    CadreWorkplaceFields,
    NoteForm,  # noqa: F401 (the step forms of a bare note are shared)
    blank_first,
    view_scope_enterprise,
)


class PetitionForm(CadreWorkplaceFields):
    org = forms.ModelChoiceField(
        label=_("Receiving union"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    channel = forms.ChoiceField(
        label=pgettext_lazy("petitions", "Channel"), choices=PetitionChannel.choices
    )
    category = forms.ChoiceField(label=_("Matter category"), choices=blank_first(Category.choices))
    caller_name = forms.CharField(label=_("Petitioner"), max_length=50)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    workers_involved = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        initial=1,
        help_text=_("Five people or more make a collective petition."),
    )
    subject = forms.CharField(label=_("Matter in brief"), max_length=120)
    content = forms.CharField(label=_("Petition content"), widget=TEXTAREA)
    received_on = forms.DateField(
        label=pgettext_lazy("petitions", "Received on"), widget=DATE_WIDGET
    )

    field_order = [
        "org", "channel", "category", "caller_name", "phone", "workers_involved", "enterprise",
        "subject", "content", "received_on",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("employer_name", None)
        view_scope_enterprise(self)


class RejectForm(ScopedForm):
    reason = forms.CharField(
        label=_("Reason told to the petitioner"), max_length=300, widget=TEXTAREA
    )


class HandDownForm(ScopedForm):
    to_org = forms.ModelChoiceField(
        label=_("Union it is handed down to"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class ExtendForm(ScopedForm):
    extra_days = forms.IntegerField(label=_("Days to extend"), min_value=1)
    reason = forms.CharField(label=_("Reason for extension"), max_length=300, widget=TEXTAREA)


class ReplyForm(ScopedForm):
    reply = forms.CharField(label=_("Reply opinion"), widget=TEXTAREA)


class ReviewForm(ScopedForm):
    opinion = forms.CharField(label=_("Review opinion"), widget=TEXTAREA)
