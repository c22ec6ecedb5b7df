from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from orgs.choices import EnterpriseStatus
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org
from portal.forms import JoinForm
from rights.choices import (
    Category,
    DisputeOutcome,
    LawyerKind,
    LegalAidChannel,
    LegalAidOutcome,
    Satisfaction,
    TicketChannel,
    TicketKind,
    TicketTier,
)
from rights.models import Lawyer, LegalAidCase, Ticket

TEXTAREA = forms.Textarea(attrs={"rows": 4})


def blank_first(choices):
    return [("", "—"), *choices]


class WorkplaceFields(ScopedForm):
    """Employer and place of work as the worker gives them; the same fields and place
    choices as the join form (``portal.forms.JoinForm``)."""

    enterprise = JoinForm.base_fields["enterprise"]
    employer_name = JoinForm.base_fields["employer_name"]
    work_area = JoinForm.base_fields["work_area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        join = JoinForm()
        self.areas = join.areas
        self.fields["work_area"].choices = join.fields["work_area"].choices

    clean_work_area = JoinForm.clean_work_area


class CadreWorkplaceFields(ScopedForm):
    """Employer and place of work for cadres: scoped pickers."""

    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE),
        required=False,
        widget=SearchSelect(url_name="orgs:enterprise-pick"),
    )
    employer_name = forms.CharField(
        label=_("Employer not in the list? Type its name"), max_length=200, required=False
    )


def view_scope_enterprise(form):
    # Any enterprise the cadre can see (not only change) may be named as the employer.
    from core.choices import Action

    field = form.fields.get("enterprise")
    if field is not None and form.user is not None:
        field.queryset = Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE).visible_to(
            form.user, Action.VIEW
        )


class TicketForm(CadreWorkplaceFields):
    kind = forms.ChoiceField(label=_("Type"), choices=blank_first(TicketKind.choices))
    tier = forms.ChoiceField(
        label=_("Difficulty"), choices=TicketTier.choices, initial=TicketTier.ORDINARY
    )
    channel = forms.ChoiceField(
        label=_("Contact channel"), choices=TicketChannel.choices, initial=TicketChannel.HOTLINE
    )
    category = forms.ChoiceField(label=_("Matter category"), choices=blank_first(Category.choices))
    is_anonymous = forms.BooleanField(label=_("The caller stays anonymous"), required=False)
    caller_name = forms.CharField(label=_("Caller"), max_length=50, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    is_member_caller = forms.BooleanField(label=_("The caller is a member"), required=False)
    workers_involved = forms.IntegerField(label=_("Workers involved"), min_value=1, initial=1)
    amount = forms.DecimalField(
        label=_("Amount involved (yuan)"), max_digits=14, decimal_places=2, required=False
    )
    subject = forms.CharField(label=_("Matter in brief"), max_length=120)
    content = forms.CharField(label=_("What the caller says"), widget=TEXTAREA)
    org = forms.ModelChoiceField(
        label=_("Handling union"),
        queryset=Org.objects.active(),
        required=False,
        widget=SearchSelect(params={"status": "active"}),
        help_text=_("Empty: the union covering the enterprise, else the street or district."),
    )
    work_area = forms.ModelChoiceField(
        label=_("Place of work"),
        queryset=Org.objects.active(),
        required=False,
        widget=SearchSelect(params={"status": "active", "levels": "district,street"}),
    )

    field_order = [
        "kind", "tier", "channel", "category", "is_anonymous", "caller_name", "phone",
        "is_member_caller", "enterprise", "employer_name", "work_area", "workers_involved",
        "amount", "subject", "content", "org",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        view_scope_enterprise(self)


class TicketAssignForm(ScopedForm):
    assignee = forms.ModelChoiceField(label=pgettext_lazy("rights", "Handled by"), queryset=None)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, assignees=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignees


class NoteForm(ScopedForm):
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TicketReplyForm(ScopedForm):
    reply = forms.CharField(label=_("Reply to the caller"), widget=TEXTAREA)
    resolved = forms.BooleanField(label=_("The matter is resolved"), required=False)


class TicketReclassifyForm(ScopedForm):
    tier = forms.ChoiceField(label=_("Difficulty"), choices=TicketTier.choices)
    category = forms.ChoiceField(label=_("Matter category"), choices=Category.choices)
    workers_involved = forms.IntegerField(label=_("Workers involved"), min_value=1)
    amount = forms.DecimalField(
        label=_("Amount involved (yuan)"), max_digits=14, decimal_places=2, required=False
    )


class TicketRerouteForm(ScopedForm):
    to_org_code = forms.CharField(
        label=_("Union code"),
        max_length=32,
        help_text=_("The org code of the union that takes the ticket over."),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TicketTransferForm(ScopedForm):
    department = forms.CharField(
        label=_("Receiving department"),
        max_length=120,
        help_text=_("E.g. the labour inspection brigade of the district."),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TicketCallbackForm(ScopedForm):
    satisfaction = forms.ChoiceField(label=_("Satisfaction"), choices=Satisfaction.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class LegalAidForm(CadreWorkplaceFields):
    caller_name = forms.CharField(label=_("Applicant"), max_length=50)
    phone = forms.CharField(label=_("Phone"), max_length=20)
    is_member_applicant = forms.BooleanField(label=_("The applicant is a member"), required=False)
    in_hardship = forms.BooleanField(label=_("In financial hardship"), required=False)
    category = forms.ChoiceField(label=_("Matter category"), choices=blank_first(Category.choices))
    channel = forms.ChoiceField(
        label=_("Contact channel"),
        choices=[c for c in LegalAidChannel.choices if c[0] != LegalAidChannel.TICKET],
        initial=LegalAidChannel.VISIT,
    )
    workers_involved = forms.IntegerField(label=_("Workers involved"), min_value=1, initial=1)
    amount = forms.DecimalField(
        label=_("Amount claimed (yuan)"), max_digits=14, decimal_places=2, required=False
    )
    matter = forms.CharField(label=_("What happened and what is asked"), widget=TEXTAREA)
    org = forms.ModelChoiceField(
        label=_("Handling union"),
        queryset=Org.objects.active(),
        required=False,
        widget=SearchSelect(params={"status": "active"}),
        help_text=_("Empty: the union covering the enterprise, else the street or district."),
    )
    work_area = TicketForm.base_fields["work_area"]
    ticket = forms.ModelChoiceField(
        queryset=Ticket.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        view_scope_enterprise(self)


class LegalAidAcceptForm(ScopedForm):
    in_hardship = forms.BooleanField(
        label=_("Hardship confirmed"),
        required=False,
        help_text=_("Tick when the applicant's hardship was checked."),
    )


class LegalAidRejectForm(ScopedForm):
    reason = forms.CharField(label=_("Reason the applicant reads"), max_length=200)


class LegalAidAssignForm(ScopedForm):
    lawyer = forms.ModelChoiceField(
        label=_("Lawyer"), queryset=Lawyer.objects.filter(is_active=True)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from core.choices import Action

        if self.user is not None:
            self.fields["lawyer"].queryset = Lawyer.objects.filter(is_active=True).visible_to(
                self.user, Action.VIEW
            )


class LegalAidProgressForm(ScopedForm):
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Case progress"), max_length=300)


class LegalAidConcludeForm(ScopedForm):
    outcome = forms.ChoiceField(
        label=_("Case outcome"), choices=blank_first(LegalAidOutcome.choices)
    )
    amount_recovered = forms.DecimalField(
        label=_("Amount recovered (yuan)"), max_digits=14, decimal_places=2, required=False
    )
    on = forms.DateField(label=_("Concluded on"), widget=DATE_WIDGET)


class LawyerForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("Union"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    name = forms.CharField(label=_("Name"), max_length=50)
    kind = forms.ChoiceField(label=_("Lawyer or aid worker"), choices=LawyerKind.choices)
    firm = forms.CharField(label=_("Law firm or office"), max_length=120, required=False)
    specialties = forms.CharField(label=_("Specialties"), max_length=200, required=False)
    is_active = forms.BooleanField(label=_("Available for cases"), required=False, initial=True)


class DisputeForm(CadreWorkplaceFields):
    workers = forms.CharField(
        label=_("Worker party"), max_length=300, help_text=_("Names, or e.g. 张三等12人.")
    )
    workers_involved = forms.IntegerField(label=_("Workers involved"), min_value=1, initial=1)
    category = forms.ChoiceField(label=_("Matter category"), choices=blank_first(Category.choices))
    claims = forms.CharField(label=_("Claims"), widget=TEXTAREA)
    amount_claimed = forms.DecimalField(
        label=_("Amount claimed (yuan)"), max_digits=14, decimal_places=2, required=False
    )
    mediator = forms.CharField(label=_("Mediator"), max_length=100, required=False)
    registered_on = forms.DateField(label=_("Registered on"), widget=DATE_WIDGET)
    org = forms.ModelChoiceField(
        label=_("Mediating union"),
        queryset=Org.objects.active(),
        required=False,
        widget=SearchSelect(params={"status": "active"}),
        help_text=_("Empty: the union of the ticket or legal-aid case it comes from."),
    )
    ticket = forms.ModelChoiceField(
        queryset=Ticket.objects.all(), required=False, widget=forms.HiddenInput
    )
    legal_aid = forms.ModelChoiceField(
        queryset=LegalAidCase.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        view_scope_enterprise(self)


class SessionForm(ScopedForm):
    held_on = forms.DateField(label=pgettext_lazy("rights", "Held on"), widget=DATE_WIDGET)
    place = forms.CharField(label=_("Place of the session"), max_length=120, required=False)
    attendees = forms.CharField(label=_("Attendees"), max_length=300, required=False)
    summary = forms.CharField(label=_("Session summary"), widget=TEXTAREA)


class DisputeCloseForm(ScopedForm):
    outcome = forms.ChoiceField(
        label=_("Case outcome"), choices=blank_first(DisputeOutcome.choices)
    )
    amount_agreed = forms.DecimalField(
        label=_("Amount agreed (yuan)"), max_digits=14, decimal_places=2, required=False
    )
    note = forms.CharField(label=_("Outcome note"), max_length=300, required=False)
    on = forms.DateField(label=_("Case closed on"), widget=DATE_WIDGET)


# --- worker pages ------------------------------------------------------------------------------


class ComplaintForm(WorkplaceFields):
    """A worker's complaint or question. Fields are optional here: the action checks the
    whole request and says what is missing; ``marked_required`` draws the asterisks."""

    marked_required = {"category", "subject", "content"}

    kind = forms.ChoiceField(
        label=pgettext_lazy("rights", "What do you need?"),
        choices=[
            (TicketKind.COMPLAINT, _("Complain about a problem at work")),
            (TicketKind.CONSULTATION, _("Ask a question")),
            (TicketKind.ASSISTANCE, _("Ask for help")),
            (TicketKind.SUGGESTION, _("Make a suggestion")),
        ],
        initial=TicketKind.COMPLAINT,
        required=False,
    )
    category = forms.ChoiceField(
        label=_("What is it about?"), choices=blank_first(Category.choices), required=False
    )
    subject = forms.CharField(label=_("In a few words"), max_length=120, required=False)
    content = forms.CharField(
        label=_("What happened?"), widget=TEXTAREA, max_length=5000, required=False
    )
    workers_involved = forms.IntegerField(
        label=_("How many workers are affected?"), min_value=1, initial=1, required=False
    )
    amount = forms.DecimalField(
        label=_("Amount owed (yuan), if any"), max_digits=14, decimal_places=2, required=False
    )
    is_anonymous = forms.BooleanField(
        label=_("Stay anonymous: do not give my name or phone"), required=False
    )
    caller_name = forms.CharField(label=_("Your name"), max_length=50, required=False)
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )

    field_order = [
        "kind", "category", "subject", "content", "enterprise", "employer_name", "work_area",
        "workers_involved", "amount", "is_anonymous", "caller_name", "phone",
    ]  # fmt: skip


class LegalAidApplyForm(WorkplaceFields):
    marked_required = {"caller_name", "phone", "category", "matter"}

    caller_name = ComplaintForm.base_fields["caller_name"]
    phone = ComplaintForm.base_fields["phone"]
    category = ComplaintForm.base_fields["category"]
    matter = forms.CharField(
        label=_("What happened, and what do you ask for?"),
        widget=TEXTAREA,
        max_length=5000,
        required=False,
    )
    workers_involved = ComplaintForm.base_fields["workers_involved"]
    amount = ComplaintForm.base_fields["amount"]
    in_hardship = forms.BooleanField(label=_("My family is in financial hardship"), required=False)

    field_order = [
        "caller_name", "phone", "category", "matter", "enterprise", "employer_name",
        "work_area", "workers_involved", "amount", "in_hardship",
    ]  # fmt: skip


class FollowForm(forms.Form):
    code = forms.CharField(
        label=_("Follow-up code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )
