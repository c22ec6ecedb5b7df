from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assistance import actions, selectors
from assistance.choices import CampaignKind, CampaignStatus
from assistance.filtersets import (
    CampaignFilterSet,
    FileFilterSet,
    FundFilterSet,
    RecordFilterSet,
)
from assistance.forms import (
    AllocateForm,
    ApproveForm,
    CampaignForm,
    CloseForm,
    FileOpenForm,
    HouseholdForm,
    HouseholdRemoveForm,
    PayForm,
    PublicizeForm,
    RecordForm,
    RejectForm,
    ReviewForm,
    VerifyForm,
)
from assistance.models import Allocation, AssistanceRecord, Campaign, HardshipFile
from assistance.tables import (
    CAMPAIGN_COLUMNS,
    FILE_COLUMNS,
    FUND_COLUMNS,
    RECORD_COLUMNS,
    REVIEW_COLUMNS,
)
from core.choices import Action
from core.forms import ConfirmForm
from core.scoping import user_may
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView

# --- hardship files ------------------------------------------------------------------------


class FileListView(ObjectListView):
    model = HardshipFile
    filterset_class = FileFilterSet
    columns = FILE_COLUMNS
    title = gettext_lazy("Hardship files")
    export_name = "困难职工档案"
    create_url_name = "assistance:file-create"
    default_sort = ("-applied_on", "-id")
    template_name = "assistance/file_list.html"

    def base_queryset(self):
        return HardshipFile.objects.select_related("org")


class ReviewTodoView(ObjectListView):
    """待复核: filed households whose yearly review is overdue or due within 30 days, and
    temporary files past their two years."""

    model = HardshipFile
    filterset_class = FileFilterSet
    columns = REVIEW_COLUMNS
    title = gettext_lazy("Hardship files to review")
    export_name = "待复核困难职工档案"
    default_sort = ("review_due_on", "id")

    def get_queryset(self):
        files = HardshipFile.objects.select_related("org").visible_to(self.request.user)
        return selectors.review_todo(files, timezone.localdate())


class FileDetailView(ObjectDetailView):
    model = HardshipFile
    template_name = "assistance/file_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("household", gettext_lazy("Household")),
        ("assistance", gettext_lazy("Assistance")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return HardshipFile.objects.select_related("org", "member")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        file = self.object
        user = self.request.user
        context["can_change"] = user_may(user, file)
        context["can_review"] = user_may(user, file, Action.REVIEW)
        context["household"] = list(file.household.all())
        context["figures"] = actions.figures_of(file)
        context["today"] = timezone.localdate()
        if context["tab"] == "assistance":
            context["records"] = (
                AssistanceRecord.objects.visible_to(user)
                .filter(file=file)
                .select_related("org", "campaign", "member")
            )
        return context


class CreateFormView(ActionFormView):
    """A form whose data goes to ``create`` (an action); the page then shows the result."""

    create = None
    cancel_url_name = ""
    done_message = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse(self.cancel_url_name)
        return context

    def perform(self, form):
        return type(self).create(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return str(self.done_message)


class FileCreateView(CreateFormView):
    form_class = FileOpenForm
    title = gettext_lazy("Open a hardship file")
    create = actions.file_open
    cancel_url_name = "assistance:file-list"
    done_message = gettext_lazy("The hardship file was opened. Add the household members next.")

    def get_initial(self):
        return {
            "member": self.request.GET.get("member"),
            "applied_on": timezone.localdate(),
            "source": "application",
        }


class FileStepView(ScopedObjectFormView):
    """One step of a file's workflow: the form's data goes to ``action``."""

    model = HardshipFile
    action = None
    step_title = ""
    done_message = ""
    submit = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.step_title} · {self.object.head_name}"
        context["submit_label"] = self.submit or None
        return context

    def perform(self, form):
        return type(self).action(actor=self.request.user, file=self.object, **form.cleaned_data)

    @property
    def success_message(self):
        return self.done_message


class HouseholdAddView(FileStepView):
    form_class = HouseholdForm
    action = actions.household_add
    step_title = gettext_lazy("Add a household member")
    done_message = gettext_lazy("The household member was added.")

    def get_success_url(self):
        return self.object.get_absolute_url() + "?tab=household"


class HouseholdRemoveView(FileStepView):
    form_class = HouseholdRemoveForm
    step_title = gettext_lazy("Remove a household member")
    done_message = gettext_lazy("The household member was removed.")

    def get(self, request, *args, **kwargs):
        return redirect(self.object.get_absolute_url() + "?tab=household")

    def form_invalid(self, form):
        messages.error(self.request, _("Choose a person of this household."))
        return redirect(self.object.get_absolute_url() + "?tab=household")

    def perform(self, form):
        actions.household_remove(
            actor=self.request.user, file=self.object, person_id=form.cleaned_data["person"]
        )
        return self.object

    def form_valid(self, form):
        try:
            self.perform(form)
        except (ValidationError, PermissionDenied) as error:
            messages.error(self.request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(self.request, self.done_message)
        return redirect(self.object.get_absolute_url() + "?tab=household")


class FileVerifyView(FileStepView):
    form_class = VerifyForm
    step_title = gettext_lazy("Record the home visit")
    done_message = gettext_lazy("The home visit was recorded.")

    def get_initial(self):
        figures = actions.figures_of(self.object)
        return {
            "visited_on": timezone.localdate(),
            "category": figures.suggested or self.object.category,
            "essential_costs": self.object.essential_costs,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = actions.figures_of(self.object)
        return context

    def get_template_names(self):
        return ["assistance/file_step_form.html"]

    def perform(self, form):
        data = form.cleaned_data
        return actions.file_verify(
            actor=self.request.user,
            file=self.object,
            visited_on=data["visited_on"],
            visited_by=data["visited_by"],
            findings=data["findings"],
            category=data["category"],
            essential_costs=data.get("essential_costs"),
        )


class FilePublicizeView(FileStepView):
    form_class = PublicizeForm
    action = actions.file_publicize
    step_title = gettext_lazy("Put on public notice")
    done_message = gettext_lazy("The file is on public notice.")

    def get_initial(self):
        return {"starts_on": timezone.localdate()}


class FileApproveView(FileStepView):
    form_class = ApproveForm
    action = actions.file_approve
    scope_action = Action.REVIEW
    step_title = gettext_lazy("File the household")
    done_message = gettext_lazy("The household is on file.")


class FileRejectView(FileStepView):
    form_class = RejectForm
    action = actions.file_reject
    scope_action = Action.REVIEW
    step_title = gettext_lazy("Do not file the household")
    done_message = gettext_lazy("The household was not filed.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context


class FileReviewView(FileStepView):
    form_class = ReviewForm
    action = actions.file_review
    step_title = gettext_lazy("Yearly review")
    done_message = gettext_lazy("The review was recorded.")

    def get_initial(self):
        figures = actions.figures_of(self.object)
        return {
            "reviewed_on": timezone.localdate(),
            "category": figures.suggested or self.object.category,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = actions.figures_of(self.object)
        return context

    def get_template_names(self):
        return ["assistance/file_step_form.html"]


class FileCloseView(FileStepView):
    form_class = CloseForm
    action = actions.file_close
    step_title = gettext_lazy("Close the file")
    done_message = gettext_lazy("The file was closed.")

    def get_initial(self):
        return {"closed_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context


# --- assistance records --------------------------------------------------------------------


class RecordListView(ObjectListView):
    model = AssistanceRecord
    filterset_class = RecordFilterSet
    columns = RECORD_COLUMNS
    title = gettext_lazy("Assistance records")
    export_name = "帮扶救助记录"
    create_url_name = "assistance:record-create"
    default_sort = ("-delivered_on", "-id")

    def base_queryset(self):
        return AssistanceRecord.objects.select_related("org", "member", "campaign")


class RecordDetailView(ObjectDetailView):
    model = AssistanceRecord
    template_name = "assistance/record_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return AssistanceRecord.objects.select_related(
            "org", "member", "campaign", "allocation__org", "file", "recorded_by"
        )


class RecordCreateView(CreateFormView):
    form_class = RecordForm
    title = gettext_lazy("Record assistance")
    create = actions.assistance_record
    cancel_url_name = "assistance:record-list"
    done_message = gettext_lazy("The assistance was recorded.")

    def get_initial(self):
        return {
            "member": self.request.GET.get("member"),
            "delivered_on": timezone.localdate(),
            "fund_source": "union_funds",
        }


# --- campaigns and funds -------------------------------------------------------------------


class CampaignListView(ObjectListView):
    model = Campaign
    filterset_class = CampaignFilterSet
    columns = CAMPAIGN_COLUMNS
    title = gettext_lazy("Campaigns")
    export_name = "帮扶活动"
    create_url_name = "assistance:campaign-create"
    default_sort = ("-year", "-starts_on", "-id")

    def base_queryset(self):
        return Campaign.objects.select_related("org")


class FundTreeMixin:
    def fund_context(self, context, source):
        tree = list(selectors.fund_tree(source))
        context["tree"] = tree
        context["totals"] = selectors.fund_totals(tree)
        return context


class CampaignDetailView(FundTreeMixin, ObjectDetailView):
    """The campaign page: its fund, how it was allocated down the tree, what was paid and
    how many members were reached in each subtree."""

    model = Campaign
    template_name = "assistance/campaign_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Campaign.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = user_may(self.request.user, self.object)
        context["root"] = self.object.allocations.filter(parent=None).first()
        return self.fund_context(context, self.object)


class CampaignCreateView(CreateFormView):
    form_class = CampaignForm
    title = gettext_lazy("New campaign")
    create = actions.campaign_create
    cancel_url_name = "assistance:campaign-list"
    done_message = gettext_lazy(
        "The campaign was created; allocate its fund to the organisations below."
    )

    def get_initial(self):
        today = timezone.localdate()
        return {
            "org": self.request.GET.get("org"),
            "year": today.year,
            "kind": CampaignKind.WINTER_WARMTH,
            "fund_source": "special_subsidy",
        }


class CampaignCloseView(ScopedObjectFormView):
    model = Campaign
    form_class = ConfirmForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Close the campaign %(title)s") % {"title": self.object.title}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.campaign_close(actor=self.request.user, campaign=self.object)

    @property
    def success_message(self):
        return _("The campaign was closed.")


class FundListView(ObjectListView):
    """The campaign funds of the user's organisations (an allocation each): what was
    allocated to them, passed down, paid out and what is left."""

    model = Allocation
    filterset_class = FundFilterSet
    columns = FUND_COLUMNS
    title = gettext_lazy("Campaign funds")
    export_name = "帮扶资金"
    template_name = "assistance/fund_list.html"
    default_sort = ("-campaign__year", "campaign__title", "org__path")

    def base_queryset(self):
        return Allocation.objects.select_related("campaign", "org", "parent__org")


class FundDetailView(FundTreeMixin, ObjectDetailView):
    model = Allocation
    template_name = "assistance/fund_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("records", gettext_lazy("Payments")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Allocation.objects.select_related("campaign", "org", "parent__org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        allocation = self.object
        context["can_change"] = user_may(self.request.user, allocation) and (
            allocation.campaign.status == CampaignStatus.OPEN
        )
        context["campaign_visible"] = user_may(self.request.user, allocation.campaign, Action.VIEW)
        if context["tab"] == "records":
            context["records"] = allocation.records.select_related("member", "org")[:500]
        return self.fund_context(context, allocation)


class FundAllocateView(ScopedObjectFormView):
    model = Allocation
    form_class = AllocateForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Allocate from %(fund)s") % {"fund": self.object}
        return context

    def perform(self, form):
        return actions.allocation_create(
            actor=self.request.user, parent=self.object, **form.cleaned_data
        )

    def get_success_url(self):
        return self.object.get_absolute_url()

    @property
    def success_message(self):
        return _("The amount was allocated.")


class FundPayView(ScopedObjectFormView):
    model = Allocation
    form_class = PayForm

    def get_initial(self):
        return {"member": self.request.GET.get("member"), "delivered_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Pay from %(fund)s") % {"fund": self.object}
        return context

    def perform(self, form):
        return actions.assistance_pay(
            actor=self.request.user, allocation=self.object, **form.cleaned_data
        )

    def get_success_url(self):
        return self.object.get_absolute_url()

    @property
    def success_message(self):
        return _("The payment was recorded.")
