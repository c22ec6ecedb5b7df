from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from labour import actions, selectors
from labour.choices import ContractState, ContractStatus
from labour.filtersets import (
    CongressFilterSet,
    ContractFilterSet,
    DisclosureFilterSet,
    TodoFilterSet,
)
from labour.forms import (
    CongressForm,
    ContractFileForm,
    ContractObjectionForm,
    ContractPublishForm,
    ContractRenewForm,
    ContractReplyForm,
    ContractRequestForm,
    ContractSignForm,
    ContractTerminateForm,
    DisclosureForm,
    MotionForm,
)
from labour.models import Congress, Contract, Disclosure
from labour.tables import (
    CONGRESS_COLUMNS,
    CONTRACT_COLUMNS,
    DISCLOSURE_COLUMNS,
    TODO_COLUMNS,
)
from warning.selectors import can_change


class ContractListView(ObjectListView):
    model = Contract
    filterset_class = ContractFilterSet
    columns = CONTRACT_COLUMNS
    title = gettext_lazy("Collective contracts")
    export_name = "集体合同"
    create_url_name = "labour:contract-create"
    default_sort = ("-requested_on", "-pk")
    template_name = "labour/contract_list.html"

    def base_queryset(self):
        return Contract.objects.select_related("enterprise", "org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contracts = Contract.objects.visible_to(self.request.user)
        context["todo_count"] = selectors.contract_todo(contracts, timezone.localdate()).count()
        return context


class ContractTodoView(ObjectListView):
    """集体合同待办: replies, filings and publications due, and contracts to renew."""

    model = Contract
    filterset_class = TodoFilterSet
    columns = TODO_COLUMNS
    title = gettext_lazy("Collective contracts: to do")
    export_name = "集体合同待办"
    default_sort = ("todo_due", "pk")

    def get_queryset(self):
        contracts = super().get_queryset().select_related("enterprise", "org")
        return selectors.contract_todo(contracts, timezone.localdate())


class ContractDetailView(ObjectDetailView):
    model = Contract
    template_name = "labour/contract_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("steps", gettext_lazy("Timeline")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Contract.objects.select_related("enterprise", "org", "previous")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contract = self.object
        today = timezone.localdate()
        state = contract.state_on(today)
        context["state"] = ContractState(state)
        context["events"] = contract.events.select_related("actor")
        context["covered"] = contract.covered_enterprises.order_by("name")[:200]
        context["renewals"] = contract.renewals.all()
        context["can_change"] = can_change(Contract, self.request.user, contract)
        status = contract.status
        context["next_steps"] = [
            (name, label)
            for name, label, allowed in (
                ("reply", _("Record the written reply"), status == ContractStatus.REQUESTED),
                ("sign", _("Record the signing"), status == ContractStatus.NEGOTIATING),
                ("file", _("Record the filing"), status == ContractStatus.SIGNED),
                (
                    "objection",
                    pgettext("labour", "Record an objection"),
                    state == ContractState.UNDER_REVIEW,
                ),
                (
                    "publish",
                    _("Record the publication"),
                    status == ContractStatus.FILED and state == ContractState.IN_FORCE,
                ),
                (
                    "renew",
                    _("Start renewal talks"),
                    state in (ContractState.IN_FORCE, ContractState.EXPIRED)
                    and today >= actions.renewal_opens_on(contract)
                    and not context["renewals"],
                ),
                ("terminate", _("Terminate"), status != ContractStatus.TERMINATED),
            )
            if allowed
        ]
        context["renewal_opens_on"] = actions.renewal_opens_on(contract)
        return context


class ContractCreateView(ActionFormView):
    form_class = ContractRequestForm
    title = gettext_lazy("New collective contract: bargaining request")

    def get_initial(self):
        initial = {"requested_on": timezone.localdate(), "term_years": 3}
        for key in ("org", "enterprise"):
            value = self.request.GET.get(key)
            if value and value.isdigit():
                initial[key] = value
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("labour:contract-list")
        return context

    def perform(self, form):
        return actions.contract_request(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The bargaining request was recorded.")


class ContractStepView(ScopedObjectFormView):
    """One step of the contract timeline; ``action`` is the function of labour.actions."""

    model = Contract
    action = None
    step_title = ""
    date_field = ""
    danger = False

    def get_initial(self):
        initial = {self.date_field: timezone.localdate()} if self.date_field else {}
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.step_title}：{self.object}"
        context["danger"] = self.danger
        return context

    def perform(self, form):
        return type(self).action(actor=self.request.user, contract=self.object, **form.cleaned_data)

    @property
    def success_message(self):
        return _("Recorded.")


class ContractReplyView(ContractStepView):
    form_class = ContractReplyForm
    action = actions.contract_reply
    step_title = gettext_lazy("Written reply")
    date_field = "replied_on"


class ContractSignView(ContractStepView):
    form_class = ContractSignForm
    action = actions.contract_sign
    step_title = gettext_lazy("Signing")
    date_field = "signed_on"

    def get_initial(self):
        initial = super().get_initial()
        contract = self.object
        initial["term_years"] = contract.term_years
        initial["approved_on"] = contract.approved_on
        if contract.enterprise:
            initial["workers_covered"] = contract.enterprise.employee_count
        return initial


class ContractFileView(ContractStepView):
    form_class = ContractFileForm
    action = actions.contract_file
    step_title = gettext_lazy("Filing with the labour department")
    date_field = "filed_on"


class ContractObjectionView(ContractStepView):
    form_class = ContractObjectionForm
    action = actions.contract_objection
    step_title = gettext_lazy("Objection of the labour department")
    date_field = "received_on"
    danger = True


class ContractPublishView(ContractStepView):
    form_class = ContractPublishForm
    action = actions.contract_publish
    step_title = gettext_lazy("Publication to staff")
    date_field = "published_on"


class ContractTerminateView(ContractStepView):
    form_class = ContractTerminateForm
    action = actions.contract_terminate
    step_title = gettext_lazy("Termination")
    date_field = "on"
    danger = True


class ContractRenewView(ContractStepView):
    form_class = ContractRenewForm
    action = actions.contract_renew
    step_title = gettext_lazy("Renewal talks")
    date_field = "requested_on"

    @property
    def success_message(self):
        return _("The renewal was started as a new contract.")


class CongressListView(ObjectListView):
    model = Congress
    filterset_class = CongressFilterSet
    columns = CONGRESS_COLUMNS
    title = gettext_lazy("Workers' congresses")
    export_name = "职代会"
    create_url_name = "labour:congress-create"
    default_sort = ("-held_on", "-pk")
    template_name = "labour/congress_list.html"

    def base_queryset(self):
        return Congress.objects.select_related("enterprise", "org")


class CongressDetailView(ObjectDetailView):
    model = Congress
    template_name = "labour/congress_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Congress.objects.select_related("enterprise", "org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        congress = self.object
        context["motions"] = congress.motions.select_related("contract")
        context["disclosures"] = congress.disclosures.all()
        context["majority"] = congress.delegates // 2 + 1
        context["can_change"] = can_change(Congress, self.request.user, congress)
        context["minimum"] = actions.minimum_delegates(congress.staff_count)
        return context


class CongressCreateView(ActionFormView):
    form_class = CongressForm
    title = gettext_lazy("Record a workers' congress session")

    def get_initial(self):
        initial = {"held_on": timezone.localdate()}
        enterprise = self.request.GET.get("enterprise")
        if enterprise and enterprise.isdigit():
            initial["enterprise"] = enterprise
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("labour:congress-list")
        return context

    def perform(self, form):
        return actions.congress_record(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The session was recorded.")


class MotionCreateView(ScopedObjectFormView):
    model = Congress
    form_class = MotionForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["congress"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Vote on a motion: %(session)s") % {"session": self.object}
        return context

    def perform(self, form):
        actions.motion_record(actor=self.request.user, congress=self.object, **form.cleaned_data)
        return self.object

    @property
    def success_message(self):
        return _("The vote was recorded.")


class DisclosureListView(ObjectListView):
    model = Disclosure
    filterset_class = DisclosureFilterSet
    columns = DISCLOSURE_COLUMNS
    title = gettext_lazy("Open factory affairs")
    export_name = "厂务公开"
    create_url_name = "labour:disclosure-create"
    default_sort = ("-disclosed_on", "-pk")

    def base_queryset(self):
        return Disclosure.objects.select_related("enterprise", "org")


class DisclosureCreateView(ActionFormView):
    form_class = DisclosureForm
    title = gettext_lazy("Record a disclosure of factory affairs")

    def get_initial(self):
        initial = {"disclosed_on": timezone.localdate()}
        for key in ("enterprise", "congress"):
            value = self.request.GET.get(key)
            if value and value.isdigit():
                initial[key] = value
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("labour:disclosure-list")
        return context

    def perform(self, form):
        return actions.disclosure_record(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("labour:disclosure-list")

    @property
    def success_message(self):
        return _("The disclosure was recorded.")
