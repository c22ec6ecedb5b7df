"""Cadre pages of the services capability: the catalogue, requests with their state
machine, and practical projects. Rules live in ``services.actions``/``selectors``."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Action
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from core.workdays import WorkdayCalendar
from services import actions, selectors
from services.choices import OPEN_STATUSES, RequestStatus, ServiceStatus
from services.filtersets import (
    PracticalProjectFilterSet,
    ServiceFilterSet,
    ServiceRequestFilterSet,
)
from services.forms import (
    CompleteForm,
    MilestoneForm,
    MilestoneReachForm,
    NoteForm,
    ProgressForm,
    ProjectForm,
    RecordRequestForm,
    RejectForm,
    ServiceForm,
)
from services.models import PracticalProject, ProjectMilestone, Service, ServiceRequest
from services.tables import PROJECT_COLUMNS, REQUEST_COLUMNS, SERVICE_COLUMNS


def _can_change(user, obj) -> bool:
    return type(obj).objects.visible_to(user, Action.CHANGE).filter(pk=obj.pk).exists()


# --- catalogue ----------------------------------------------------------------------------


class ServiceListView(ObjectListView):
    model = Service
    filterset_class = ServiceFilterSet
    columns = SERVICE_COLUMNS
    title = gettext_lazy("Service catalogue")
    export_name = "服务项目"
    create_url_name = "services:create"
    default_sort = ("org__path", "category", "name", "pk")

    def base_queryset(self):
        return Service.objects.select_related("org")


class ServiceCreateView(ActionFormView):
    form_class = ServiceForm
    title = gettext_lazy("Publish a service")

    def get_initial(self):
        return {"org": self.request.GET.get("org")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("services:list")
        return context

    def perform(self, form):
        return actions.service_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The service was published.")


class ServiceDetailView(ObjectDetailView):
    model = Service
    template_name = "services/service_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Service.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        service = self.object
        context["can_change"] = _can_change(self.request.user, service)
        context["request_counts"] = selectors.request_counts_of_service(service)
        if service.capacity:
            context["places_taken"] = actions.places_taken(service, timezone.now())
        return context


class ServiceEditView(ScopedObjectFormView):
    model = Service
    form_class = ServiceForm

    def get_initial(self):
        return {field: getattr(self.object, field) for field in actions.SERVICE_FIELDS}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(service)s") % {"service": self.object}
        return context

    def perform(self, form):
        return actions.service_update(
            actor=self.request.user, service=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The service was saved.")


# --- requests -----------------------------------------------------------------------------


class RequestListView(ObjectListView):
    """Requests handled in the user's scope or escalated to it; overdue ones are flagged
    as the page is read, whether or not the escalation run has happened."""

    model = ServiceRequest
    filterset_class = ServiceRequestFilterSet
    columns = REQUEST_COLUMNS
    title = gettext_lazy("Service requests")
    export_name = "服务申请"
    default_sort = ("-submitted_at", "-pk")
    template_name = "services/request_list.html"
    table_template = "services/_request_table.html"

    def base_queryset(self):
        return selectors.with_overdue(
            ServiceRequest.objects.select_related("service", "member", "org", "escalated_to")
        )


class ServicePickView(ObjectListView):
    """Options for the service search-select: open services of the user's unions."""

    model = Service
    filterset_class = ServiceFilterSet
    columns = SERVICE_COLUMNS
    scope_action = Action.CHANGE
    paginate_by = 30
    template_name = table_template = "core/_options.html"
    export_name = "服务项目"
    default_sort = ("category", "name", "pk")

    def base_queryset(self):
        return Service.objects.filter(status=ServiceStatus.OPEN)


class RequestRecordView(ActionFormView):
    form_class = RecordRequestForm
    title = gettext_lazy("Record a request for a member")

    def get_initial(self):
        return {"service": self.request.GET.get("service")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("services:request-list")
        return context

    def perform(self, form):
        return actions.request_submit(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The request was recorded; the answer is due by %(due)s.") % {
            "due": self.result.due_on.isoformat()
        }


class RequestDetailView(ObjectDetailView):
    model = ServiceRequest
    template_name = "services/request_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return ServiceRequest.objects.select_related(
            "service", "member", "org", "escalated_to", "handler"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.object
        today = timezone.localdate()
        context["can_change"] = _can_change(self.request.user, request)
        context["overdue"] = request.overdue_on(today)
        context["is_open"] = request.status in OPEN_STATUSES
        if context["is_open"]:
            calendar = WorkdayCalendar.for_range(today, request.due_on)
            context["workdays_left"] = actions.workdays_left(request, today, calendar)
        context["events"] = request.events.select_related("actor")
        context["steps"] = REQUEST_STEPS.get(request.status, ()) if context["can_change"] else ()
        return context


class RequestStepView(ScopedObjectFormView):
    """One step of a request (accept, start, complete, decline)."""

    model = ServiceRequest
    form_class = NoteForm
    step_title = ""
    done_message = ""

    def base_queryset(self):
        return ServiceRequest.objects.select_related("service", "member", "org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.step_title}：{self.object.number} {self.object}"
        return context

    @property
    def success_message(self):
        return self.done_message


class RequestAcceptView(RequestStepView):
    step_title = gettext_lazy("Accept the request")
    done_message = gettext_lazy("The request was accepted.")

    def perform(self, form):
        return actions.request_accept(
            actor=self.request.user, request=self.object, note=form.cleaned_data["note"]
        )


class RequestStartView(RequestStepView):
    step_title = gettext_lazy("Start work on the request")
    done_message = gettext_lazy("The request is in progress.")

    def perform(self, form):
        return actions.request_start(
            actor=self.request.user, request=self.object, note=form.cleaned_data["note"]
        )


class RequestCompleteView(RequestStepView):
    form_class = CompleteForm
    step_title = gettext_lazy("Complete the request")
    done_message = gettext_lazy("The request was completed; the member can now rate it.")

    def perform(self, form):
        return actions.request_complete(
            actor=self.request.user, request=self.object, result=form.cleaned_data["result"]
        )


class RequestRejectView(RequestStepView):
    form_class = RejectForm
    step_title = gettext_lazy("Decline the request")
    done_message = gettext_lazy("The request was declined.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.request_reject(
            actor=self.request.user, request=self.object, reason=form.cleaned_data["reason"]
        )


# --- practical projects -------------------------------------------------------------------


class ProjectListView(ObjectListView):
    """Practical projects with, above the table, completion against target per category
    over every project the filter selects (the subtree of the chosen union)."""

    model = PracticalProject
    filterset_class = PracticalProjectFilterSet
    columns = PROJECT_COLUMNS
    title = gettext_lazy("Practical projects for workers")
    export_name = "服务职工实事项目"
    create_url_name = "services:project-create"
    default_sort = ("-year", "category", "name", "pk")
    template_name = "services/project_list.html"

    def base_queryset(self):
        return PracticalProject.objects.select_related("org", "responsible_org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = selectors.project_summary(context["filterset"].qs)
        return context


class ProjectCreateView(ActionFormView):
    form_class = ProjectForm
    title = gettext_lazy("New practical project")

    def get_initial(self):
        org = self.request.GET.get("org")
        return {"org": org, "responsible_org": org}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("services:project-list")
        return context

    def perform(self, form):
        return actions.project_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The project was added.")


class ProjectDetailView(ObjectDetailView):
    model = PracticalProject
    template_name = "services/project_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("progress", gettext_lazy("Progress reports")),
        ("milestones", gettext_lazy("Milestones")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return PracticalProject.objects.select_related("org", "responsible_org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context["can_change"] = _can_change(self.request.user, project)
        context["today"] = timezone.localdate()
        if context["tab"] == "progress":
            context["reports"] = project.progress_reports.select_related("reported_by")
        if context["tab"] in ("overview", "milestones"):
            context["milestones"] = list(project.milestones.all())
        return context


class ProjectEditView(ScopedObjectFormView):
    model = PracticalProject
    form_class = ProjectForm

    def get_initial(self):
        return {field: getattr(self.object, field) for field in actions.PROJECT_FIELDS}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(project)s") % {"project": self.object}
        return context

    def perform(self, form):
        return actions.project_update(
            actor=self.request.user, project=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The project was saved.")


class ProjectProgressView(ScopedObjectFormView):
    model = PracticalProject
    form_class = ProgressForm

    def get_initial(self):
        return {"reported_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Report progress of %(project)s") % {"project": self.object}
        return context

    def perform(self, form):
        return actions.project_report_progress(
            actor=self.request.user, project=self.object, **form.cleaned_data
        )

    def get_success_url(self):
        return f"{self.object.get_absolute_url()}?tab=progress"

    @property
    def success_message(self):
        return _("The progress was recorded.")


class MilestoneAddView(ScopedObjectFormView):
    model = PracticalProject
    form_class = MilestoneForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Add a milestone to %(project)s") % {"project": self.object}
        return context

    def perform(self, form):
        return actions.milestone_add(
            actor=self.request.user, project=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The milestone was added.")


class MilestoneReachView(ScopedObjectFormView):
    model = ProjectMilestone
    form_class = MilestoneReachForm

    def base_queryset(self):
        return ProjectMilestone.objects.select_related("project")

    def get_initial(self):
        return {"done_on": timezone.localdate(), "note": self.object.note}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Milestone reached: %(milestone)s") % {"milestone": self.object}
        return context

    def perform(self, form):
        return actions.milestone_reach(
            actor=self.request.user, milestone=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The milestone was marked as reached.")


REQUEST_STEPS = {
    RequestStatus.SUBMITTED: ("accept", "reject"),
    RequestStatus.ACCEPTED: ("start", "complete", "reject"),
    RequestStatus.IN_PROGRESS: ("complete", "reject"),
}
