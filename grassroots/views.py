"""Cadre pages of grassroots work: venues and bookings, 职工之家, tasks and report forms.
Every read starts from ``visible_to``; writes go to ``grassroots.actions``."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View

from core.choices import Action
from core.exports import xlsx_response
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
    StoredFileView,
)
from grassroots import actions, selectors
from grassroots.choices import BookingStatus, EvaluationStatus, ReportStatus, TaskStatus
from grassroots.exports import report_columns
from grassroots.filtersets import (
    BookingFilterSet,
    EvaluationFilterSet,
    ProgrammeFilterSet,
    ReportFilterSet,
    TaskFilterSet,
    TemplateFilterSet,
    VenueFilterSet,
)
from grassroots.forms import (
    WEEKDAY_CHOICES,
    BookingForm,
    CancelForm,
    ConcludeForm,
    EvaluationStartForm,
    EvidenceForm,
    FormTemplateForm,
    ForwardForm,
    ProgrammeForm,
    ReportForm,
    ReReviewForm,
    ReturnForm,
    ReviewForm,
    SelfAssessForm,
    TaskForm,
    UseForm,
    VenueForm,
)
from grassroots.models import (
    Booking,
    EvidenceFile,
    FormTemplate,
    HomeEvaluation,
    HomeProgramme,
    ReportFile,
    Task,
    TaskReport,
    Venue,
)
from grassroots.tables import (
    BOOKING_COLUMNS,
    EVALUATION_COLUMNS,
    PROGRAMME_COLUMNS,
    REPORT_COLUMNS,
    TASK_COLUMNS,
    TEMPLATE_COLUMNS,
    VENUE_COLUMNS,
)


def _can(user, model, obj, action=Action.CHANGE) -> bool:
    return model.objects.visible_to(user, action).filter(pk=obj.pk).exists()


def _org_may(user, org, action) -> bool:
    from core.scoping import scope_paths

    return user.is_superuser or any(org.path.startswith(p) for p in scope_paths(user, action))


def _home_org(user):
    """The org a form's organisation field starts with: the user's one subtree root where
    they may change things, if there is exactly one."""
    from core.scoping import scope_paths
    from orgs.models import Org

    paths = scope_paths(user, Action.CHANGE)
    return Org.objects.filter(path=paths[0]).first() if len(paths) == 1 else None


class HomeOrgInitialMixin:
    """Forms with an ``org`` field start with the user's own organisation."""

    def get_initial(self):
        initial = super().get_initial()
        if not initial.get("org"):
            org = _home_org(self.request.user)
            initial["org"] = org.pk if org else None
        return initial


class ScopedPostView(ScopedMixin, View):
    """A button on a detail page: POST only, the object from scope (404 otherwise), an
    action, a message, back to the page."""

    scope_action = Action.VIEW

    def post(self, request, pk):
        obj = self.get_scoped_object(pk)
        try:
            message = self.perform(obj)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You may not do this."))
        else:
            messages.success(request, message)
        return redirect(self.next_url(obj))

    def next_url(self, obj):
        return obj.get_absolute_url()


# --- venues --------------------------------------------------------------------------------


class VenueListView(ObjectListView):
    model = Venue
    filterset_class = VenueFilterSet
    columns = VENUE_COLUMNS
    title = gettext_lazy("Venues")
    export_name = "阵地"
    create_url_name = "grassroots:venue-create"
    template_name = "grassroots/venue_list.html"
    default_sort = ("org__path", "name", "pk")

    def base_queryset(self):
        return Venue.objects.select_related("org")


class VenueDetailView(ObjectDetailView):
    model = Venue
    template_name = "grassroots/venue_detail.html"
    tabs = [
        ("schedule", gettext_lazy("Time slots")),
        ("usage", gettext_lazy("Usage")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Venue.objects.select_related("org")

    def get_day(self):
        try:
            return datetime.date.fromisoformat(self.request.GET.get("date", ""))
        except ValueError:
            return timezone.localdate()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        venue, user = self.object, self.request.user
        day = self.get_day()
        context["day"] = day
        context["previous_day"] = day - datetime.timedelta(days=1)
        context["next_day"] = day + datetime.timedelta(days=1)
        context["open_that_day"] = venue.is_open_on(day)
        context["slots"] = selectors.venue_day(venue, day, Booking.objects.visible_to(user))
        context["can_change"] = _can(user, Venue, venue)
        context["can_book"] = venue.is_active
        context["weekdays"] = [
            label for day, label in WEEKDAY_CHOICES if day in venue.open_weekdays
        ]
        if context["tab"] == "usage":
            year = timezone.localdate().year
            context["year"] = year
            context["usage"] = selectors.venue_usage(venue, year)
        return context


class VenueCreateView(HomeOrgInitialMixin, ActionFormView):
    form_class = VenueForm
    title = gettext_lazy("New venue")
    success_message = gettext_lazy("The venue was saved.")

    def perform(self, form):
        return actions.venue_save(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class VenueEditView(ScopedObjectFormView):
    model = Venue
    form_class = VenueForm
    success_message = gettext_lazy("The venue was saved.")

    def get_initial(self):
        v = self.object
        fields = VenueForm.base_fields
        initial = {name: getattr(v, name) for name in fields if name != "open_weekdays"}
        initial["org"] = v.org_id
        initial["open_weekdays"] = list(v.open_weekdays)
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(venue)s") % {"venue": self.object}
        return context

    def perform(self, form):
        return actions.venue_save(actor=self.request.user, venue=self.object, **form.cleaned_data)


# --- bookings ------------------------------------------------------------------------------


class BookingListView(ObjectListView):
    model = Booking
    filterset_class = BookingFilterSet
    columns = BOOKING_COLUMNS
    title = gettext_lazy("Bookings")
    export_name = "阵地预约"
    create_url_name = "grassroots:booking-create"
    default_sort = ("-date", "-starts_at", "-pk")

    def base_queryset(self):
        return Booking.objects.select_related("venue", "org", "member")


class BookingDetailView(ObjectDetailView):
    model = Booking
    template_name = "grassroots/booking_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Booking.objects.select_related("venue__org", "org", "member", "booked_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking, user = self.object, self.request.user
        is_open = booking.status == BookingStatus.BOOKED
        context["can_cancel"] = is_open and _can(user, Booking, booking)
        context["can_record_use"] = is_open and _org_may(user, booking.venue.org, Action.CHANGE)
        return context


class BookingCreateView(HomeOrgInitialMixin, ActionFormView):
    form_class = BookingForm
    title = gettext_lazy("Book a venue")
    success_message = gettext_lazy("The slot is booked.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Venues are offered down the tree: a union books its city's or district's venues.
        form.fields["venue"].queryset = Venue.objects.visible_to(self.request.user).filter(
            is_active=True
        )
        return form

    def get_initial(self):
        get = self.request.GET
        return super().get_initial() | {
            "venue": get.get("venue"),
            "date": get.get("date"),
            "starts_at": get.get("at"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("grassroots:booking-list")
        return context

    def perform(self, form):
        return actions.booking_create(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class BookingCancelView(ScopedObjectFormView):
    model = Booking
    form_class = CancelForm
    scope_action = Action.VIEW  # the venue owner may cancel too; the action decides
    success_message = gettext_lazy("The booking was cancelled.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Cancel the booking %(booking)s") % {"booking": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.booking_cancel(
            actor=self.request.user, booking=self.object, reason=form.cleaned_data["reason"]
        )


class BookingUseView(ScopedObjectFormView):
    model = Booking
    form_class = UseForm
    scope_action = Action.VIEW  # the venue owner's cadres; the action checks it
    success_message = gettext_lazy("Recorded.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Record the use of %(booking)s") % {"booking": self.object}
        return context

    def perform(self, form):
        return actions.booking_record_use(
            actor=self.request.user, booking=self.object, used=form.cleaned_data["used"]
        )


# --- 职工之家 ------------------------------------------------------------------------------


class ProgrammeListView(ObjectListView):
    model = HomeProgramme
    filterset_class = ProgrammeFilterSet
    columns = PROGRAMME_COLUMNS
    title = gettext_lazy("Workers' home programmes")
    export_name = "职工之家创建"
    create_url_name = "grassroots:programme-create"
    default_sort = ("-year", "name", "pk")

    def base_queryset(self):
        return HomeProgramme.objects.select_related("org")


class ProgrammeDetailView(ObjectDetailView):
    model = HomeProgramme
    template_name = "grassroots/programme_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return HomeProgramme.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme, user = self.object, self.request.user
        context["criteria"] = list(programme.criteria.all())
        context["max_score"] = sum(c.max_score for c in context["criteria"])
        evaluations = HomeEvaluation.objects.visible_to(user).filter(programme=programme)
        context["counts"] = evaluations.aggregate(
            total=Count("pk"),
            submitted=Count("pk", filter=Q(status=EvaluationStatus.SUBMITTED)),
            publicity=Count("pk", filter=Q(status=EvaluationStatus.PUBLICITY)),
            awarded=Count("pk", filter=Q(status=EvaluationStatus.AWARDED)),
        )
        context["can_change"] = _can(user, HomeProgramme, programme)
        return context


class ProgrammeCreateView(HomeOrgInitialMixin, ActionFormView):
    form_class = ProgrammeForm
    title = gettext_lazy("New workers' home programme")
    success_message = gettext_lazy("The home programme was saved.")

    def get_initial(self):
        return super().get_initial() | {"year": timezone.localdate().year}

    def perform(self, form):
        data = dict(form.cleaned_data)
        criteria = data.pop("criteria")
        return actions.programme_save(actor=self.request.user, criteria=criteria, **data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class ProgrammeEditView(ScopedObjectFormView):
    model = HomeProgramme
    form_class = ProgrammeForm
    success_message = gettext_lazy("The home programme was saved.")

    def get_initial(self):
        p = self.object
        initial = {n: getattr(p, n) for n in ProgrammeForm.base_fields if n != "criteria"}
        initial["org"] = p.org_id
        initial["criteria"] = actions.criteria_text(
            [
                {"title": c.title, "max_score": c.max_score, "guidance": c.guidance}
                for c in p.criteria.all()
            ]
        )
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(programme)s") % {"programme": self.object}
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        criteria = data.pop("criteria")
        return actions.programme_save(
            actor=self.request.user, programme=self.object, criteria=criteria, **data
        )


class EvaluationStartView(HomeOrgInitialMixin, ScopedObjectFormView):
    """A union joins a programme offered from above: opens its self-assessment."""

    model = HomeProgramme
    form_class = EvaluationStartForm
    scope_action = Action.VIEW  # programmes are offered down the tree

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Take part in %(programme)s") % {"programme": self.object}
        context["submit_label"] = _("Start the self-assessment")
        return context

    def perform(self, form):
        return actions.evaluation_start(
            actor=self.request.user, programme=self.object, org=form.cleaned_data["org"]
        )


class EvaluationListView(ObjectListView):
    model = HomeEvaluation
    filterset_class = EvaluationFilterSet
    columns = EVALUATION_COLUMNS
    title = gettext_lazy("Workers' homes")
    export_name = "职工之家评定"
    default_sort = ("-created_at", "-pk")
    template_name = "grassroots/evaluation_list.html"

    def base_queryset(self):
        return HomeEvaluation.objects.select_related("org", "programme")


class EvaluationDetailView(ObjectDetailView):
    model = HomeEvaluation
    template_name = "grassroots/evaluation_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("evidence", gettext_lazy("Evidence files")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return HomeEvaluation.objects.select_related("org", "programme__org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evaluation, user = self.object, self.request.user
        status = evaluation.status
        can_change = _can(user, HomeEvaluation, evaluation)
        can_review = _org_may(user, evaluation.programme.org, Action.REVIEW)
        context["scores"] = evaluation.scores.select_related("criterion")
        context["evidence"] = evaluation.evidence.select_related("criterion")
        context["rereviews"] = evaluation.rereviews.prefetch_related("lapsed")
        context["can_edit"] = can_change and status == EvaluationStatus.DRAFT
        context["can_review"] = can_review and status == EvaluationStatus.SUBMITTED
        context["can_conclude"] = can_review and status == EvaluationStatus.PUBLICITY
        context["can_rereview"] = can_review and status == EvaluationStatus.AWARDED
        context["publicity_over"] = (
            status == EvaluationStatus.PUBLICITY
            and timezone.localdate() > evaluation.publicity_until
        )
        return context


class EvaluationFormMixin:
    model = HomeEvaluation

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["evaluation"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.heading} · {self.object}"
        return context


class SelfAssessView(EvaluationFormMixin, ScopedObjectFormView):
    form_class = SelfAssessForm
    heading = gettext_lazy("Self-assessment")
    success_message = gettext_lazy("The self-assessment was saved.")

    def perform(self, form):
        return actions.evaluation_self_assess(
            actor=self.request.user,
            evaluation=self.object,
            scores=form.scores(),
            summary=form.cleaned_data["summary"],
        )


class EvidenceUploadView(EvaluationFormMixin, ScopedObjectFormView):
    form_class = EvidenceForm
    heading = gettext_lazy("Add evidence")
    success_message = gettext_lazy("The file was added.")

    def perform(self, form):
        actions.evidence_add(
            actor=self.request.user,
            evaluation=self.object,
            upload=form.cleaned_data["file"],
            criterion=form.cleaned_data["criterion"],
        )
        return self.object

    def get_success_url(self):
        return self.object.get_absolute_url() + "?tab=evidence"


class EvidenceDownloadView(StoredFileView):
    model = EvidenceFile


class EvidenceRemoveView(ScopedPostView):
    model = EvidenceFile
    scope_action = Action.CHANGE

    def perform(self, evidence):
        self.evaluation = evidence.evaluation
        actions.evidence_remove(actor=self.request.user, evidence=evidence)
        return _("The file was removed.")

    def next_url(self, obj):
        return obj.evaluation.get_absolute_url() + "?tab=evidence"


class EvaluationSubmitView(ScopedPostView):
    model = HomeEvaluation
    scope_action = Action.CHANGE

    def perform(self, evaluation):
        actions.evaluation_submit(actor=self.request.user, evaluation=evaluation)
        return _("The self-assessment was submitted for review.")


class ReviewerFormView(EvaluationFormMixin, ScopedObjectFormView):
    scope_action = Action.REVIEW


class EvaluationReviewView(ReviewerFormView):
    form_class = ReviewForm
    heading = gettext_lazy("Review")
    success_message = pgettext_lazy("grassroots", "The review was recorded.")

    def perform(self, form):
        data = form.cleaned_data
        return actions.evaluation_review(
            actor=self.request.user,
            evaluation=self.object,
            decision=data["decision"],
            scores=form.scores(),
            comment=data["comment"],
        )


class EvaluationConcludeView(ReviewerFormView):
    form_class = ConcludeForm
    heading = gettext_lazy("Conclude the public notice")
    success_message = pgettext_lazy("grassroots", "The outcome was recorded.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("evaluation")
        return kwargs

    def perform(self, form):
        return actions.evaluation_conclude(
            actor=self.request.user, evaluation=self.object, **form.cleaned_data
        )


class EvaluationReReviewView(ReviewerFormView):
    form_class = ReReviewForm
    heading = gettext_lazy("Yearly re-review")
    success_message = gettext_lazy("The re-review was recorded.")

    def get_initial(self):
        return {"year": timezone.localdate().year}

    def perform(self, form):
        data = form.cleaned_data
        actions.evaluation_rereview(
            actor=self.request.user,
            evaluation=self.object,
            year=data["year"],
            lapsed=list(data["lapsed"]),
            note=data["note"],
        )
        return self.object


# --- report forms and tasks ----------------------------------------------------------------


class TemplateListView(ObjectListView):
    model = FormTemplate
    filterset_class = TemplateFilterSet
    columns = TEMPLATE_COLUMNS
    title = gettext_lazy("Report forms")
    export_name = "报表模板"
    create_url_name = "grassroots:form-create"
    default_sort = ("name", "pk")

    def base_queryset(self):
        return FormTemplate.objects.select_related("org")


class TemplateDetailView(ObjectDetailView):
    model = FormTemplate
    template_name = "grassroots/form_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return FormTemplate.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = _can(self.request.user, FormTemplate, self.object)
        return context


class TemplateCreateView(HomeOrgInitialMixin, ActionFormView):
    form_class = FormTemplateForm
    title = gettext_lazy("New report form")
    success_message = gettext_lazy("The report form was saved.")

    def perform(self, form):
        return actions.template_save(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class TemplateEditView(ScopedObjectFormView):
    model = FormTemplate
    form_class = FormTemplateForm
    success_message = gettext_lazy("The report form was saved.")

    def get_initial(self):
        t = self.object
        return {
            "org": t.org_id,
            "name": t.name,
            "description": t.description,
            "fields": actions.fields_text(t.fields),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(form)s") % {"form": self.object}
        return context

    def perform(self, form):
        return actions.template_save(
            actor=self.request.user, template=self.object, **form.cleaned_data
        )


def _with_completion(tasks):
    return tasks.annotate(
        reports_total=Count("reports"),
        reports_submitted=Count("reports", filter=Q(reports__status=ReportStatus.SUBMITTED)),
    )


class TaskListView(ObjectListView):
    model = Task
    filterset_class = TaskFilterSet
    columns = TASK_COLUMNS
    title = gettext_lazy("Tasks")
    export_name = "上下联动任务"
    create_url_name = "grassroots:task-create"
    default_sort = ("-created_at", "-pk")
    template_name = "grassroots/task_list.html"

    def get_queryset(self):
        return _with_completion(super().get_queryset().select_related("org"))


class TaskDetailView(ObjectDetailView):
    model = Task
    template_name = "grassroots/task_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Task.objects.select_related("org", "parent", "template", "created_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task, user = self.object, self.request.user
        # Per recipient: the issuer sees every report, a recipient its own only.
        reports = (
            TaskReport.objects.visible_to(user)
            .filter(task=task)
            .select_related("org")
            .order_by("org__path")
        )
        forwards = _with_completion(Task.objects.visible_to(user).filter(parent=task))
        by_org = {f.org_id: f for f in forwards}
        context["reports"] = [(r, by_org.get(r.org_id)) for r in reports]
        context["counts"] = selectors.report_counts(reports)
        context["is_issuer"] = _can(user, Task, task)
        context["is_open"] = task.status == TaskStatus.OPEN
        context["overdue"] = task.deadline < timezone.localdate()
        return context


class TaskCreateView(HomeOrgInitialMixin, ActionFormView):
    form_class = TaskForm
    title = gettext_lazy("Hand down a task")
    success_message = gettext_lazy("The task was sent.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["template"].queryset = FormTemplate.objects.visible_to(self.request.user)
        return form

    def get_initial(self):
        return super().get_initial() | {"template": self.request.GET.get("template")}

    def perform(self, form):
        data = form.cleaned_data
        try:
            recipients = form.recipients_under(data["org"])
        except ValidationError as error:
            raise ValidationError({"recipients": error.messages}) from error
        return actions.task_issue(
            actor=self.request.user,
            org=data["org"],
            title=data["title"],
            instructions=data["instructions"],
            deadline=data["deadline"],
            recipients=recipients,
            fields=data["fields"],
            template=data["template"],
        )

    def get_success_url(self):
        return self.result.get_absolute_url()


class TaskRemindView(ScopedPostView):
    model = Task
    scope_action = Action.CHANGE

    def perform(self, task):
        count = actions.task_remind(actor=self.request.user, task=task)
        return _("%(count)s organisations were reminded.") % {"count": count}


class TaskCloseView(ScopedPostView):
    model = Task
    scope_action = Action.CHANGE

    def perform(self, task):
        actions.task_close(actor=self.request.user, task=task)
        return _("The task was closed.")


class TaskExportView(ScopedMixin, View):
    """Every answer the user may see of one task, one row per organisation, in one xlsx."""

    model = Task

    def get(self, request, pk):
        task = self.get_scoped_object(pk)
        reports = (
            TaskReport.objects.visible_to(request.user)
            .filter(task=task)
            .select_related("org")
            .order_by("org__path")
        )
        return xlsx_response(task.title, report_columns(task), reports)


class ReportListView(ObjectListView):
    model = TaskReport
    filterset_class = ReportFilterSet
    columns = REPORT_COLUMNS
    title = gettext_lazy("Task reports")
    export_name = "任务填报"
    default_sort = ("-task__created_at", "org__path", "pk")

    def base_queryset(self):
        return TaskReport.objects.select_related("task__org", "org")


class ReportDetailView(ObjectDetailView):
    model = TaskReport
    template_name = "grassroots/report_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return TaskReport.objects.select_related("task__org", "org", "submitted_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        task = report.task
        answers = report.answers or {}
        context["answers"] = [(f, answers.get(f["key"])) for f in task.fields]
        is_open = task.status == TaskStatus.OPEN
        context["can_fill"] = is_open and _org_may(user, report.org, Action.CHANGE)
        context["can_return"] = (
            is_open
            and report.status == ReportStatus.SUBMITTED
            and _org_may(user, task.org, Action.CHANGE)
        )
        context["can_forward"] = context["can_fill"] and report.org.numchild > 0
        context["forwards"] = _with_completion(
            Task.objects.visible_to(user).filter(parent=task, org=report.org)
        )
        return context


class ReportFillView(ScopedObjectFormView):
    model = TaskReport
    form_class = ReportForm
    success_message = gettext_lazy("The report was sent.")

    def base_queryset(self):
        return TaskReport.objects.select_related("task__org", "org")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["report"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Report on %(task)s") % {"task": self.object.task}
        context["submit_label"] = _("Send the report")
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        note = data.pop("note", "")
        files = {k: v for k, v in data.items() if hasattr(v, "read")}
        answers = {k: v for k, v in data.items() if k not in files}
        return actions.report_submit(
            actor=self.request.user, report=self.object, answers=answers, files=files, note=note
        )


class ReportReturnView(ScopedObjectFormView):
    model = TaskReport
    form_class = ReturnForm
    scope_action = Action.CHANGE
    success_message = gettext_lazy("The report was returned for correction.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Return %(report)s") % {"report": self.object}
        return context

    def perform(self, form):
        return actions.report_return(
            actor=self.request.user, report=self.object, reason=form.cleaned_data["reason"]
        )


class ReportForwardView(ScopedObjectFormView):
    """A recipient hands the task on to its own subordinate orgs (same form)."""

    model = TaskReport
    form_class = ForwardForm
    success_message = gettext_lazy("The task was forwarded.")

    def base_queryset(self):
        return TaskReport.objects.select_related("task", "org")

    def get_initial(self):
        return {"deadline": self.object.task.deadline}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Forward %(task)s") % {"task": self.object.task}
        return context

    def perform(self, form):
        report = self.object
        data = form.cleaned_data
        try:
            recipients = form.recipients_under(report.org)
        except ValidationError as error:
            raise ValidationError({"recipients": error.messages}) from error
        return actions.task_issue(
            actor=self.request.user,
            org=report.org,
            title=report.task.title,
            instructions=data["instructions"] or report.task.instructions,
            deadline=data["deadline"],
            recipients=recipients,
            parent=report.task,
        )


class ReportFileView(StoredFileView):
    model = ReportFile
