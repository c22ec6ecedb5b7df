"""Cadre pages of rights protection: 12351 tickets (list, to-do list, detail, every step),
legal aid, the lawyer roster, labour-dispute mediation. Rules live in ``rights.actions``."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View

from core.choices import Action
from core.scoping import user_may
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
)
from rights import actions, forms, selectors
from rights.filtersets import DisputeFilterSet, LawyerFilterSet, LegalAidFilterSet, TicketFilterSet
from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket
from rights.tables import (
    DISPUTE_COLUMNS,
    LAWYER_COLUMNS,
    LEGAL_AID_COLUMNS,
    TICKET_COLUMNS,
    TODO_COLUMNS,
)

TABS = [
    ("overview", gettext_lazy("Overview")),
    ("history", gettext_lazy("History")),
]


def _can_change(user, obj) -> bool:
    return user_may(user, obj)


class CallerPhoneRevealView(ScopedMixin, View):
    """POST: the caller's plain phone as an HTMX fragment; audited by the action."""

    scope_action = Action.REVEAL

    def post(self, request, pk):
        record = self.get_scoped_object(pk)
        value = actions.caller_phone_reveal(actor=request.user, record=record)
        return HttpResponse(format_html('<span data-testid="revealed">{}</span>', value))


class TicketPhoneRevealView(CallerPhoneRevealView):
    model = Ticket


class LegalAidPhoneRevealView(CallerPhoneRevealView):
    model = LegalAidCase


# --- tickets -------------------------------------------------------------------------------


class TicketListView(ObjectListView):
    model = Ticket
    filterset_class = TicketFilterSet
    columns = TICKET_COLUMNS
    title = gettext_lazy("12351 tickets")
    export_name = "12351工单"
    create_url_name = "rights:ticket-create"
    default_sort = ("-received_at", "-pk")
    template_name = "rights/ticket_list.html"

    def base_queryset(self):
        return Ticket.objects.select_related("org", "enterprise")


class TicketTodoView(TicketListView):
    """待办: tickets at the cadre's own unions and those escalated to them (overdue below)."""

    title = gettext_lazy("Ticket to-do list")
    export_name = "12351待办工单"
    default_sort = ("due_on", "pk")
    columns = TODO_COLUMNS
    template_name = "rights/ticket_todo.html"

    def get_queryset(self):
        return selectors.todo_tickets(self.request.user, timezone.localdate())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


class TicketDetailView(ObjectDetailView):
    model = Ticket
    template_name = "rights/ticket_detail.html"
    tabs = TABS

    def base_queryset(self):
        return Ticket.objects.select_related(
            "org", "enterprise", "work_area", "assignee", "escalated_to", "member"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ticket = self.object
        today = timezone.localdate()
        context.update(
            can_change=_can_change(self.request.user, ticket),
            can_reveal=user_may(self.request.user, ticket, Action.REVEAL),
            events=ticket.events.select_related("org"),
            overdue=selectors.is_overdue(ticket, today),
            open=ticket.status in actions.OPEN_TICKET_STATUSES,
            legal_aid=ticket.legal_aid_cases.all(),
            disputes=ticket.disputes.all(),
        )
        return context


class TicketCreateView(ActionFormView):
    form_class = forms.TicketForm
    title = gettext_lazy("Record a 12351 ticket")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("rights:ticket-list")
        return context

    def perform(self, form):
        ticket, code = actions.ticket_create(actor=self.request.user, data=form.cleaned_data)
        messages.success(
            self.request,
            _(
                "Ticket %(number)s was recorded. Read the follow-up code to the caller now; "
                "it is not shown again: %(code)s"
            )
            % {"number": ticket.number, "code": code},
        )
        return ticket

    def get_success_url(self):
        return self.result.get_absolute_url()


class StepView(ScopedObjectFormView):
    """One step of a case: the form's data goes to ``actions.<step>``."""

    step = ""
    # The module holding the step functions (another app's step views name theirs).
    actions_module = actions
    object_argument = "ticket"
    heading = ""
    done = ""
    danger = False
    # A date field the form starts at today.
    today_field = ""

    def get_initial(self):
        return {self.today_field: timezone.localdate()} if self.today_field else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.heading} · {self.object.number}"
        context["danger"] = self.danger
        return context

    def perform(self, form):
        action = getattr(self.actions_module, self.step)
        action(actor=self.request.user, **{self.object_argument: self.object}, **form.cleaned_data)
        return self.object

    @property
    def success_message(self):
        return self.done


class TicketStepView(StepView):
    model = Ticket


class TicketAssignView(TicketStepView):
    form_class = forms.TicketAssignForm
    step = "ticket_assign"
    heading = gettext_lazy("Assign a handler")
    done = gettext_lazy("The ticket was assigned.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["assignees"] = actions.ticket_assignees(self.object, self.request.user)
        return kwargs


class TicketStartView(TicketStepView):
    form_class = forms.NoteForm
    step = "ticket_start"
    heading = gettext_lazy("Start handling")
    done = gettext_lazy("You are handling the ticket.")


class TicketReplyView(TicketStepView):
    form_class = forms.TicketReplyForm
    step = "ticket_reply"
    heading = gettext_lazy("Reply")
    done = gettext_lazy("The reply was recorded; the caller sees it with the follow-up code.")


class TicketCloseView(TicketStepView):
    form_class = forms.NoteForm
    step = "ticket_close"
    heading = gettext_lazy("Close the ticket")
    done = gettext_lazy("The ticket was closed.")


class TicketReclassifyView(TicketStepView):
    form_class = forms.TicketReclassifyForm
    step = "ticket_reclassify"
    heading = gettext_lazy("Reclassify")
    done = gettext_lazy("The ticket was reclassified; the deadline was counted again.")

    def get_initial(self):
        ticket = self.object
        return {
            "tier": ticket.tier,
            "category": ticket.category,
            "workers_involved": ticket.workers_involved,
            "amount": ticket.amount,
        }


class TicketRerouteView(TicketStepView):
    form_class = forms.TicketRerouteForm
    step = "ticket_reroute"
    heading = gettext_lazy("Send to another union")
    done = gettext_lazy("The ticket was sent to the other union.")
    danger = True

    def get_success_url(self):
        # The ticket may now be outside the cadre's scope.
        return reverse("rights:ticket-list")


class TicketTransferView(TicketStepView):
    form_class = forms.TicketTransferForm
    step = "ticket_transfer"
    heading = gettext_lazy("Transfer to a department")
    done = gettext_lazy("The ticket was transferred.")
    danger = True


class TicketCallbackView(TicketStepView):
    form_class = forms.TicketCallbackForm
    step = "ticket_callback"
    heading = gettext_lazy("Satisfaction call-back")
    done = gettext_lazy("The call-back was recorded.")


# --- legal aid -------------------------------------------------------------------------------


class LegalAidListView(ObjectListView):
    model = LegalAidCase
    filterset_class = LegalAidFilterSet
    columns = LEGAL_AID_COLUMNS
    title = gettext_lazy("Legal aid")
    export_name = "法律援助"
    create_url_name = "rights:legal-aid-create"
    default_sort = ("-submitted_on", "-pk")

    def base_queryset(self):
        return LegalAidCase.objects.select_related("org", "enterprise", "lawyer")


class LegalAidDetailView(ObjectDetailView):
    model = LegalAidCase
    template_name = "rights/legal_aid_detail.html"
    tabs = TABS

    def base_queryset(self):
        return LegalAidCase.objects.select_related(
            "org", "enterprise", "work_area", "lawyer", "ticket", "member"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            can_change=_can_change(self.request.user, self.object),
            can_reveal=user_may(self.request.user, self.object, Action.REVEAL),
            progress=self.object.progress.all(),
            disputes=self.object.disputes.all(),
        )
        return context


def _source(request, model, key):
    """The ticket / legal-aid case a new record comes from (``?ticket=``), in view scope."""
    value = request.GET.get(key) or request.POST.get(key)
    if not value:
        return None
    found = (
        model.objects.visible_to(request.user).filter(pk=value).first() if value.isdigit() else None
    )
    if found is None:
        raise Http404(_("Not found."))
    return found


class LegalAidCreateView(ActionFormView):
    form_class = forms.LegalAidForm
    title = gettext_lazy("Record a legal aid application")

    def get_initial(self):
        ticket = _source(self.request, Ticket, "ticket")
        if ticket is None:
            return {}
        return {
            "ticket": ticket.pk,
            "caller_name": ticket.caller_name,
            "category": ticket.category,
            "enterprise": ticket.enterprise_id,
            "employer_name": ticket.employer_name,
            "workers_involved": ticket.workers_involved,
            "amount": ticket.amount,
            "matter": ticket.content,
            "is_member_applicant": ticket.is_member_caller,
            "org": ticket.org_id,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("rights:legal-aid-list")
        return context

    def perform(self, form):
        case, code = actions.legal_aid_create(actor=self.request.user, data=form.cleaned_data)
        messages.success(
            self.request,
            _("Case %(number)s was recorded. Give the applicant the follow-up code now: %(code)s")
            % {"number": case.number, "code": code},
        )
        return case

    def get_success_url(self):
        return self.result.get_absolute_url()


class LegalAidStepView(StepView):
    model = LegalAidCase
    object_argument = "case"


class LegalAidAcceptView(LegalAidStepView):
    form_class = forms.LegalAidAcceptForm
    step = "legal_aid_accept"
    heading = gettext_lazy("Accept the application")
    done = gettext_lazy("The application was accepted.")

    def get_initial(self):
        return {"in_hardship": self.object.in_hardship}


class LegalAidRejectView(LegalAidStepView):
    form_class = forms.LegalAidRejectForm
    step = "legal_aid_reject"
    heading = gettext_lazy("Decline the application")
    done = gettext_lazy("The application was declined.")
    danger = True


class LegalAidAssignView(LegalAidStepView):
    form_class = forms.LegalAidAssignForm
    step = "legal_aid_assign"
    heading = gettext_lazy("Assign a lawyer")
    done = gettext_lazy("The lawyer was assigned.")


class LegalAidProgressView(LegalAidStepView):
    form_class = forms.LegalAidProgressForm
    step = "legal_aid_progress"
    heading = gettext_lazy("Record progress")
    done = gettext_lazy("The progress was recorded.")
    today_field = "on"


class LegalAidConcludeView(LegalAidStepView):
    form_class = forms.LegalAidConcludeForm
    step = "legal_aid_conclude"
    heading = gettext_lazy("Conclude the case")
    done = gettext_lazy("The case was concluded.")
    today_field = "on"


# --- lawyers -----------------------------------------------------------------------------


class LawyerListView(ObjectListView):
    model = Lawyer
    filterset_class = LawyerFilterSet
    columns = LAWYER_COLUMNS
    title = gettext_lazy("Lawyers")
    export_name = "法律援助律师"
    create_url_name = "rights:lawyer-create"
    default_sort = ("name", "pk")

    def base_queryset(self):
        return Lawyer.objects.select_related("org")


class LawyerDetailView(ObjectDetailView):
    model = Lawyer
    template_name = "rights/lawyer_detail.html"
    tabs = TABS

    def base_queryset(self):
        return Lawyer.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = _can_change(self.request.user, self.object)
        context["cases"] = (
            LegalAidCase.objects.visible_to(self.request.user)
            .filter(lawyer=self.object)
            .select_related("org")[:50]
        )
        return context


class LawyerCreateView(ActionFormView):
    form_class = forms.LawyerForm
    title = gettext_lazy("Add a lawyer")
    success_message = gettext_lazy("The lawyer was added.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("rights:lawyer-list")
        return context

    def perform(self, form):
        return actions.lawyer_save(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class LawyerEditView(ScopedObjectFormView):
    model = Lawyer
    form_class = forms.LawyerForm
    success_message = gettext_lazy("The lawyer was saved.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        del form.fields["org"]
        return form

    def get_initial(self):
        lawyer = self.object
        return {
            "name": lawyer.name,
            "kind": lawyer.kind,
            "firm": lawyer.firm,
            "specialties": lawyer.specialties,
            "is_active": lawyer.is_active,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object.name}
        return context

    def perform(self, form):
        return actions.lawyer_save(
            actor=self.request.user, data=form.cleaned_data, lawyer=self.object
        )


# --- disputes ----------------------------------------------------------------------------


class DisputeListView(ObjectListView):
    model = DisputeCase
    filterset_class = DisputeFilterSet
    columns = DISPUTE_COLUMNS
    title = gettext_lazy("Labour disputes")
    export_name = "劳动争议调解"
    create_url_name = "rights:dispute-create"
    default_sort = ("-registered_on", "-pk")

    def base_queryset(self):
        return DisputeCase.objects.select_related("org", "enterprise")


class DisputeDetailView(ObjectDetailView):
    model = DisputeCase
    template_name = "rights/dispute_detail.html"
    tabs = TABS

    def base_queryset(self):
        return DisputeCase.objects.select_related("org", "enterprise", "ticket", "legal_aid")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = _can_change(self.request.user, self.object)
        context["sessions"] = self.object.sessions.all()
        return context


class DisputeCreateView(ActionFormView):
    form_class = forms.DisputeForm
    title = gettext_lazy("Register a labour dispute")
    success_message = gettext_lazy("The dispute was registered.")

    def get_initial(self):
        initial = {"registered_on": timezone.localdate()}
        ticket = _source(self.request, Ticket, "ticket")
        legal_aid = _source(self.request, LegalAidCase, "legal_aid")
        source = ticket or legal_aid
        if source is not None:
            initial.update(
                ticket=ticket.pk if ticket else None,
                legal_aid=legal_aid.pk if legal_aid else None,
                enterprise=source.enterprise_id,
                employer_name=source.employer_name,
                workers=source.caller_name,
                workers_involved=source.workers_involved,
                category=source.category,
                claims=ticket.content if ticket else legal_aid.matter,
                amount_claimed=source.amount,
                org=source.org_id,
            )
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("rights:dispute-list")
        return context

    def perform(self, form):
        return actions.dispute_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class DisputeStepView(StepView):
    model = DisputeCase
    object_argument = "case"


class DisputeSessionView(DisputeStepView):
    form_class = forms.SessionForm
    step = "dispute_session_add"
    heading = gettext_lazy("Record a mediation session")
    done = pgettext_lazy("rights", "The session was recorded.")
    today_field = "held_on"


class DisputeCloseView(DisputeStepView):
    form_class = forms.DisputeCloseForm
    step = "dispute_close"
    heading = gettext_lazy("Close the case")
    done = gettext_lazy("The case was closed.")
    today_field = "on"
