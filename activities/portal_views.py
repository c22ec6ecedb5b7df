"""The member's activity pages in the worker portal (``/m/activities/``, portal base
template): what they may register for, register or join the waiting list, cancel, and check
in with the code announced at the activity. Rules live in ``activities.actions``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from activities import actions, notices, quizzes, selectors, works
from activities.forms import CodeCheckInForm, WorkForm
from activities.models import (
    Activity,
    ActivityPhoto,
    NoticeAttachment,
    Quiz,
    QuizAttempt,
    Registration,
)
from core.uploads import file_response
from core.views import add_form_errors
from portal.auth import MemberRequiredMixin


def _activity_for(member, pk) -> Activity:
    """An activity the member may see: open to their union, or one they registered for."""
    activity = (
        Activity.objects.select_related("org", "audience")
        .filter(pk=pk, audience__path__in=selectors.ancestor_paths(member.org.path))
        .first()
    )
    if activity is None:
        activity = Activity.objects.filter(
            Q(registrations__member=member) | Q(submissions__member=member), pk=pk
        ).first()
    if activity is None:
        raise Http404(_("Not found."))
    return activity


@method_decorator(never_cache, name="dispatch")
class MemberActivityListView(MemberRequiredMixin, View):
    def get(self, request):
        mine = list(selectors.registrations_of_member(self.member)[:30])
        taken = {registration.activity_id for registration in mine}
        offered = [
            activity
            for activity in selectors.activities_for_member(self.member)[:50]
            if activity.pk not in taken
        ]
        context = {
            "offered": offered,
            "mine": mine,
            "title": _("Activities"),
            "now": timezone.now(),
        }
        return render(request, "activities/m_list.html", context)


@method_decorator(never_cache, name="dispatch")
class MemberActivityDetailView(MemberRequiredMixin, View):
    def get(self, request, pk):
        activity = _activity_for(self.member, pk)
        registration = Registration.objects.filter(activity=activity, member=self.member).first()
        context = {
            "activity": activity,
            "photos": list(activity.photos.all()) if activity.summary else [],
            "registration": registration,
            "submission": selectors.submission_of(activity, self.member),
            "problem": (
                works.submission_problem if activity.is_works_call else actions.registration_problem
            )(activity, self.member, timezone.now()),
            "title": activity.title,
        }
        return render(request, "activities/m_detail.html", context)


class MemberWorkView(MemberRequiredMixin, View):
    """Send a work to a call for works, or replace it (a page of its own on the phone)."""

    template_name = "activities/m_work.html"

    def get(self, request, pk):
        activity = _activity_for(self.member, pk)
        submission = selectors.submission_of(activity, self.member)
        initial = {"title": submission.title, "text": submission.text} if submission else {}
        return self.page(request, activity, submission, WorkForm(initial=initial))

    def post(self, request, pk):
        activity = _activity_for(self.member, pk)
        form = WorkForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                works.submission_save(
                    member=self.member,
                    activity=activity,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    upload=form.cleaned_data["file"],
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("Your work was received."))
                return redirect("activities:m-detail", pk=activity.pk)
        return self.page(request, activity, selectors.submission_of(activity, self.member), form)

    def page(self, request, activity, submission, form):
        context = {
            "activity": activity,
            "submission": submission,
            "form": form,
            "problem": works.submission_problem(activity, self.member, timezone.now()),
            "title": _("Send my work"),
        }
        return render(request, self.template_name, context)


class MemberWorkWithdrawView(MemberRequiredMixin, View):
    def post(self, request, pk):
        activity = _activity_for(self.member, pk)
        submission = selectors.submission_of(activity, self.member)
        if submission is None:
            raise Http404(_("Not found."))
        try:
            works.submission_withdraw(member=self.member, submission=submission)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your work was withdrawn."))
        return redirect("activities:m-detail", pk=activity.pk)


class MemberRegisterView(MemberRequiredMixin, View):
    def post(self, request, pk):
        activity = _activity_for(self.member, pk)
        wait = request.POST.get("wait") == "1"
        try:
            registration = actions.registration_create(
                member=self.member, activity=activity, wait=wait
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("You have a place. Show your e-card at the door.")
                if registration.status == "registered"
                else _("You are on the waiting list; a freed place goes to you in turn."),
            )
        return redirect("activities:m-detail", pk=activity.pk)


class MemberCancelView(MemberRequiredMixin, View):
    def post(self, request, pk):
        activity = _activity_for(self.member, pk)
        registration = Registration.objects.filter(activity=activity, member=self.member).first()
        if registration is None:
            raise Http404(_("Not found."))
        try:
            actions.registration_cancel(member=self.member, registration=registration)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your registration was cancelled."))
        return redirect("activities:m-detail", pk=activity.pk)


@method_decorator(never_cache, name="dispatch")
class MemberCheckInView(MemberRequiredMixin, View):
    template_name = "activities/m_check_in.html"

    def get(self, request):
        return self.page(request, CodeCheckInForm())

    def post(self, request):
        form = CodeCheckInForm(request.POST)
        if form.is_valid():
            try:
                registration = actions.check_in_by_code(
                    member=self.member, code=form.cleaned_data["code"]
                )
            except ValidationError as error:
                for message in error.message_dict.get("code", error.messages):
                    form.add_error("code", message)
            else:
                messages.success(
                    request,
                    _("You are checked in at %(title)s.") % {"title": registration.activity.title},
                )
                return redirect("activities:m-detail", pk=registration.activity_id)
        return self.page(request, form)

    def page(self, request, form):
        return render(request, self.template_name, {"form": form, "title": _("Check in")})


@method_decorator(never_cache, name="dispatch")
class MemberNoticeListView(MemberRequiredMixin, View):
    def get(self, request):
        feed = notices.member_feed(self.member)
        page = Paginator(feed, 20).get_page(request.GET.get("page"))
        return render(
            request, "activities/m_notices.html", {"page": page, "title": _("Notices and news")}
        )


@method_decorator(never_cache, name="dispatch")
class MemberNoticeDetailView(MemberRequiredMixin, View):
    def get(self, request, pk):
        notice = notices.member_feed(self.member).filter(pk=pk).first()
        if notice is None:
            raise Http404(_("Not found."))
        notices.notice_mark_read(notice, member=self.member)
        context = {
            "notice": notice,
            "attachments": list(notice.attachments.all()),
            "title": notice.title,
        }
        return render(request, "activities/m_notice.html", context)


class MemberNoticeAttachmentView(MemberRequiredMixin, View):
    """A notice's file, for a member whose feed holds the notice."""

    def get(self, request, pk):
        feed = notices.member_feed(self.member).values("pk")
        attachment = NoticeAttachment.objects.filter(pk=pk, notice__in=feed).first()
        if attachment is None:
            raise Http404(_("Not found."))
        return file_response(attachment.file, filename=attachment.name)


class MemberActivityPhotoView(MemberRequiredMixin, View):
    """A photo of an activity's summary, for a member who may see the activity."""

    def get(self, request, pk):
        photo = ActivityPhoto.objects.filter(pk=pk).first()
        if photo is None:
            raise Http404(_("Not found."))
        _activity_for(self.member, photo.activity_id)
        return file_response(photo.image, content_type=photo.content_type)


def _quizzes_for(member):
    return Quiz.objects.filter(
        audience__path__in=selectors.ancestor_paths(member.org.path)
    ).select_related("org", "audience")


@method_decorator(never_cache, name="dispatch")
class MemberQuizListView(MemberRequiredMixin, View):
    def get(self, request):
        now = timezone.now()
        open_quizzes = list(
            _quizzes_for(self.member).filter(closes_at__gt=now).order_by("closes_at")[:30]
        )
        mine = QuizAttempt.objects.filter(member=self.member).select_related("quiz")[:30]
        context = {"quizzes": open_quizzes, "mine": mine, "now": now, "title": _("Quizzes")}
        return render(request, "activities/m_quizzes.html", context)


@method_decorator(never_cache, name="dispatch")
class MemberQuizView(MemberRequiredMixin, View):
    """A quiz: its rules, the member's papers, and the button that draws a new paper."""

    def quiz(self, pk):
        quiz = _quizzes_for(self.member).filter(pk=pk).first()
        if quiz is None:
            raise Http404(_("Not found."))
        return quiz

    def get(self, request, pk):
        quiz = self.quiz(pk)
        attempts = QuizAttempt.objects.filter(quiz=quiz, member=self.member).order_by("number")
        context = {
            "quiz": quiz,
            "attempts": attempts,
            "problem": quizzes.start_problem(quiz, self.member, timezone.now()),
            "left": max(0, quiz.attempts_allowed - len(attempts)),
            "title": quiz.title,
        }
        return render(request, "activities/m_quiz.html", context)

    def post(self, request, pk):
        quiz = self.quiz(pk)
        try:
            attempt = quizzes.attempt_start(member=self.member, quiz=quiz)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("activities:m-quiz", pk=quiz.pk)
        return redirect("activities:m-attempt", pk=attempt.pk)


@method_decorator(never_cache, name="dispatch")
class MemberAttemptView(MemberRequiredMixin, View):
    """The paper (questions and options in this paper's shuffled order) and, once handed
    in, the result."""

    def attempt(self, pk):
        attempt = (
            QuizAttempt.objects.select_related("quiz").filter(pk=pk, member=self.member).first()
        )
        if attempt is None:
            raise Http404(_("Not found."))
        return attempt

    def get(self, request, pk):
        attempt = self.attempt(pk)
        seconds_left = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
        context = {
            "attempt": attempt,
            "items": quizzes.paper_questions(attempt),
            "seconds_left": seconds_left,
            "clock": f"{seconds_left // 60}:{seconds_left % 60:02d}",
            "title": attempt.quiz.title,
        }
        return render(request, "activities/m_attempt.html", context)

    def post(self, request, pk):
        attempt = self.attempt(pk)
        shown = {}
        for item in attempt.paper:
            key = str(item["q"])
            values = request.POST.getlist(f"q{key}")
            shown[key] = [int(v) for v in values if v.isdigit()]
        try:
            attempt = quizzes.attempt_submit(
                member=self.member, attempt=attempt, shown_answers=shown
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            if attempt.late:
                messages.warning(request, _("Handed in after the time limit; it is not scored."))
            else:
                messages.success(
                    request,
                    _("Handed in: %(score)s of %(total)s right.")
                    % {"score": attempt.score, "total": len(attempt.paper)},
                )
        return redirect("activities:m-attempt", pk=attempt.pk)
