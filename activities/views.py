"""Cadre pages of activities: list, hold, edit, cancel, the registrations, check-in at the
door (scanning the member's e-card QR code), and the summary afterwards."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from activities import actions, notices, quizzes, selectors, works
from activities.choices import ActivityStatus
from activities.filtersets import (
    ActivityFilterSet,
    NoticeFilterSet,
    QuestionBankFilterSet,
    QuizAttemptFilterSet,
    QuizFilterSet,
    RegistrationFilterSet,
)
from activities.forms import (
    ActivityCancelForm,
    ActivityForm,
    ActivitySummaryForm,
    BankImportForm,
    CheckInForm,
    NoticeForm,
    QuizForm,
)
from activities.models import (
    Activity,
    ActivityPhoto,
    Notice,
    NoticeAttachment,
    QuestionBank,
    Quiz,
    QuizAttempt,
    Registration,
    Submission,
)
from activities.tables import (
    ACTIVITY_COLUMNS,
    ATTEMPT_COLUMNS,
    BANK_COLUMNS,
    NOTICE_COLUMNS,
    QUIZ_COLUMNS,
    REGISTRATION_COLUMNS,
)
from core.choices import Action
from core.forms import ConfirmForm, ScopedForm
from core.uploads import file_response
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
    StoredFileView,
)

WORKS_TAB = gettext_lazy("Works")


class ActivityListView(ObjectListView):
    model = Activity
    filterset_class = ActivityFilterSet
    columns = ACTIVITY_COLUMNS
    title = gettext_lazy("Activities")
    export_name = "活动"
    create_url_name = "activities:create"
    default_sort = ("-starts_at", "pk")

    def base_queryset(self):
        return Activity.objects.select_related("org")


class RegistrationListView(ObjectListView):
    model = Registration
    filterset_class = RegistrationFilterSet
    columns = REGISTRATION_COLUMNS
    title = gettext_lazy("Activity registrations")
    export_name = "活动报名"
    default_sort = ("-registered_at", "pk")

    def base_queryset(self):
        return Registration.objects.select_related("member", "member__org", "activity")


class ActivityDetailView(ObjectDetailView):
    model = Activity
    template_name = "activities/activity_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("registrations", gettext_lazy("Registrations")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Activity.objects.select_related("org", "audience")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.object
        context["can_change"] = (
            Activity.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=activity.pk)
            .exists()
        )
        context["counts"] = selectors.activity_counts(activity)
        context["started"] = activity.starts_at <= timezone.now()
        context["photos"] = list(activity.photos.all())
        if activity.is_works_call:
            context["tabs"] = [
                (key, WORKS_TAB if key == "registrations" else label) for key, label in self.tabs
            ]
        if context["tab"] == "registrations":
            if activity.is_works_call:
                context["submissions"] = selectors.activity_submissions(
                    activity, self.request.user
                )[:500]
                context["can_send_to_judging"] = (
                    context["can_change"]
                    and not activity.contest_id
                    and activity.status == ActivityStatus.OPEN
                    and activity.ends_at <= timezone.now()
                )
            else:
                context["registrations"] = selectors.activity_registrations(
                    activity, self.request.user
                )[:500]
        return context


class ActivityCreateView(ActionFormView):
    form_class = ActivityForm
    title = gettext_lazy("New activity")

    def get_initial(self):
        org = self.request.GET.get("org")
        return {"org": org, "audience": org, "capacity": 50}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("activities:list")
        return context

    def perform(self, form):
        return actions.activity_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The activity was published; members may now register.")


class ActivityObjectFormView(ScopedObjectFormView):
    model = Activity

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.title} · {self.object.title}"
        return context


class ActivityUpdateView(ActivityObjectFormView):
    form_class = ActivityForm
    title = gettext_lazy("Edit")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["org"].disabled = True
        form.fields["org"].required = False
        return form

    def get_initial(self):
        return {name: getattr(self.object, name) for name in actions.ACTIVITY_FIELDS}

    def perform(self, form):
        return actions.activity_update(
            actor=self.request.user, activity=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("Saved.")


class ActivityCancelView(ActivityObjectFormView):
    form_class = ActivityCancelForm
    title = gettext_lazy("Cancel the activity")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.activity_cancel(
            actor=self.request.user, activity=self.object, reason=form.cleaned_data["reason"]
        )

    @property
    def success_message(self):
        return _("The activity was cancelled.")


class ActivitySummaryView(ActivityObjectFormView):
    form_class = ActivitySummaryForm
    title = gettext_lazy("Summary")

    def get_initial(self):
        return {"summary": self.object.summary}

    def perform(self, form):
        data = form.cleaned_data
        return actions.activity_summarise(
            actor=self.request.user,
            activity=self.object,
            summary=data["summary"],
            photos=data["photos"],
            caption=data["caption"],
        )

    @property
    def success_message(self):
        return _("The summary was saved.")


class SendToJudgingView(ActivityObjectFormView):
    """The host sends a closed call's works to judging (a contest of kind "culture")."""

    form_class = ConfirmForm
    title = gettext_lazy("Send the works to judging")

    def perform(self, form):
        return works.works_send_to_judging(actor=self.request.user, activity=self.object)

    @property
    def success_message(self):
        return _(
            "The works were entered into the contest. Set up its round, rubric and judges there."
        )


class SubmissionFileView(StoredFileView):
    """The file of a work, for the cadres of the member's union and of the host."""

    model = Submission
    name_field = "file_name"


class ActivityCheckInView(ActivityObjectFormView):
    """The door: each scan checks one member in and the form is ready for the next."""

    form_class = CheckInForm
    template_name = "activities/check_in.html"
    title = gettext_lazy("Check in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = selectors.activity_counts(self.object)
        context["submit_label"] = _("Check in")
        return context

    def perform(self, form):
        registration = actions.check_in_by_card(
            actor=self.request.user, activity=self.object, scanned=form.cleaned_data["scanned"]
        )
        messages.success(
            self.request,
            _("%(name)s (%(union)s) is checked in.")
            % {"name": registration.member.name, "union": registration.member.org.name},
        )
        return registration

    def get_success_url(self):
        return reverse("activities:check-in", args=[self.object.pk])


class ActivityPhotoView(ScopedMixin, View):
    """A photo of an activity's summary, for the cadres who see the activity."""

    model = ActivityPhoto

    def get(self, request, pk):
        photo = self.get_scoped_object(pk)
        return file_response(photo.image, content_type=photo.content_type)


class ActivityPhotoRemoveView(ScopedMixin, View):
    model = ActivityPhoto
    scope_action = Action.CHANGE

    def post(self, request, pk):
        photo = self.get_scoped_object(pk)
        actions.activity_photo_remove(actor=request.user, photo=photo)
        messages.success(request, _("The photo was removed."))
        return redirect(photo.activity.get_absolute_url())


class NoticeListView(ObjectListView):
    model = Notice
    filterset_class = NoticeFilterSet
    columns = NOTICE_COLUMNS
    title = gettext_lazy("Notices and news")
    export_name = "通知新闻"
    create_url_name = "activities:notice-create"
    default_sort = ("-publish_at", "-pk")
    template_name = "activities/notice_list.html"

    def base_queryset(self):
        return Notice.objects.select_related("org")


class NoticeDetailView(ObjectDetailView):
    model = Notice
    template_name = "activities/notice_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Notice.objects.select_related("org", "created_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        notice = self.object
        context["can_change"] = (
            Notice.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=notice.pk)
            .exists()
        )
        context["read_rate"] = notices.read_rate(notice)
        context["attachments"] = list(notice.attachments.all())
        context["scheduled"] = notice.publish_at > timezone.now()
        return context


class NoticeCreateView(ActionFormView):
    form_class = NoticeForm
    title = gettext_lazy("Publish a notice")

    def get_initial(self):
        return {"org": self.request.GET.get("org"), "audience": "members", "kind": "notice"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("activities:notice-list")
        return context

    def perform(self, form):
        data = form.cleaned_data
        return notices.notice_publish(actor=self.request.user, data=data, files=data["files"])

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The notice was published.")


class NoticeWithdrawView(ScopedObjectFormView):
    model = Notice
    form_class = ScopedForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Withdraw %(title)s") % {"title": self.object.title}
        context["danger"] = True
        return context

    def perform(self, form):
        return notices.notice_withdraw(actor=self.request.user, notice=self.object)

    @property
    def success_message(self):
        return _("The notice was withdrawn.")


class CadreInboxView(LoginRequiredMixin, TemplateView):
    """Notices addressed to the cadres of the user's unions, from any union above."""

    template_name = "activities/inbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed = notices.cadre_feed(self.request.user)
        context["page"] = Paginator(feed, 20).get_page(self.request.GET.get("page"))
        context["title"] = _("Notices for cadres")
        return context


class CadreInboxDetailView(LoginRequiredMixin, TemplateView):
    template_name = "activities/inbox_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        notice = notices.cadre_feed(self.request.user).filter(pk=kwargs["pk"]).first()
        if notice is None:
            raise Http404(_("Not found."))
        notices.notice_mark_read(notice, user=self.request.user)
        context["notice"] = notice
        context["attachments"] = list(notice.attachments.all())
        context["title"] = notice.title
        return context


class NoticeAttachmentView(ScopedMixin, View):
    """A notice's file, for the cadres who see the notice: its publisher's subtree, or the
    cadres whose inbox holds it (see ``NoticeAttachmentQuerySet``)."""

    model = NoticeAttachment

    def get(self, request, pk):
        attachment = self.get_scoped_object(pk)
        return file_response(attachment.file, filename=attachment.name)


class QuestionBankListView(ObjectListView):
    model = QuestionBank
    filterset_class = QuestionBankFilterSet
    columns = BANK_COLUMNS
    title = gettext_lazy("Question banks")
    export_name = "题库"
    create_url_name = "activities:bank-import"
    default_sort = ("-created_at", "-pk")

    def base_queryset(self):
        return QuestionBank.objects.select_related("org")


class QuestionBankDetailView(ObjectDetailView):
    model = QuestionBank
    template_name = "activities/bank_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return QuestionBank.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        questions = self.object.questions.all()
        context["page"] = Paginator(questions, 50).get_page(self.request.GET.get("page"))
        context["query"] = "tab=overview"
        return context


class QuestionBankImportView(ActionFormView):
    form_class = BankImportForm
    title = gettext_lazy("Import a question bank")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("activities:bank-list")
        context["submit_label"] = _("Import")
        return context

    def perform(self, form):
        data = form.cleaned_data
        return quizzes.bank_import(
            actor=self.request.user, org=data["org"], name=data["name"], upload=data["file"]
        )

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("%(n)s questions were imported.") % {"n": self.result.question_count}


class QuizListView(ObjectListView):
    model = Quiz
    filterset_class = QuizFilterSet
    columns = QUIZ_COLUMNS
    title = gettext_lazy("Quizzes")
    export_name = "知识竞赛"
    create_url_name = "activities:quiz-create"
    default_sort = ("-opens_at", "-pk")

    def base_queryset(self):
        return Quiz.objects.select_related("org", "bank")


class QuizAttemptListView(ObjectListView):
    model = QuizAttempt
    filterset_class = QuizAttemptFilterSet
    columns = ATTEMPT_COLUMNS
    title = gettext_lazy("Quiz attempts")
    export_name = "答题记录"
    default_sort = ("-started_at", "-pk")

    def base_queryset(self):
        return QuizAttempt.objects.select_related("member", "member__org", "quiz")


class QuizDetailView(ObjectDetailView):
    model = Quiz
    template_name = "activities/quiz_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("leaderboard", gettext_lazy("Leaderboard")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Quiz.objects.select_related("org", "audience", "bank")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["tab"] == "leaderboard":
            context["board"] = quizzes.org_leaderboard(self.object)
            context["best"] = quizzes.best_scores(self.object)[:50]
        return context


class QuizCreateView(ActionFormView):
    form_class = QuizForm
    title = gettext_lazy("New quiz")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["bank"].queryset = QuestionBank.objects.visible_to(self.request.user)
        return form

    def get_initial(self):
        return {"time_limit_minutes": 20, "question_count": 10, "attempts_allowed": 1}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("activities:quiz-list")
        return context

    def perform(self, form):
        return quizzes.quiz_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The quiz was published.")
