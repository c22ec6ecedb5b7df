"""Cadre pages of employment services (jobs, applications, fairs, 就业帮扶) and the worker
pages (open jobs and fairs for anyone; applying and registering for signed-in members).
Rules live in ``employment.actions`` and ``employment.selectors``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from core.choices import Action
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
)
from employment import actions, selectors
from employment.filtersets import (
    EmploymentAidFilterSet,
    JobApplicationFilterSet,
    JobFairFilterSet,
    JobPostingFilterSet,
)
from employment.forms import (
    AidCloseForm,
    AidHelpForm,
    AidOpenForm,
    AidReemployedForm,
    ApplicationDecideForm,
    FairEnterpriseForm,
    FairStatusForm,
    JobFairForm,
    JobPostingCreateForm,
    JobPostingForm,
    PostingStatusForm,
)
from employment.models import EmploymentAid, JobApplication, JobFair, JobPosting
from employment.tables import AID_COLUMNS, APPLICATION_COLUMNS, FAIR_COLUMNS, JOB_COLUMNS
from orgs.models import Enterprise
from portal.auth import MemberRequiredMixin, current_member


def _can_change(model, user, obj) -> bool:
    return model.objects.visible_to(user, Action.CHANGE).filter(pk=obj.pk).exists()


class ObjectTitleMixin:
    """A form about one object, titled "<verb> <object>"."""

    title_format = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title_format % {"object": self.object}
        return context


# --- jobs ----------------------------------------------------------------------------------


class JobListView(ObjectListView):
    template_name = "employment/list.html"
    model = JobPosting
    filterset_class = JobPostingFilterSet
    columns = JOB_COLUMNS
    title = gettext_lazy("Job postings")
    export_name = "招聘岗位"
    create_url_name = "employment:job-create"
    default_sort = ("-published_on", "-pk")

    def base_queryset(self):
        return JobPosting.objects.select_related("org", "enterprise").annotate(
            application_count=Count("applications")
        )


class JobDetailView(ObjectDetailView):
    model = JobPosting
    template_name = "employment/job_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("applications", gettext_lazy("Applications")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return JobPosting.objects.select_related("org", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = _can_change(JobPosting, self.request.user, self.object)
        if context["tab"] == "applications":
            applications = self.object.applications.select_related("member", "member__org")
            context["page"] = Paginator(applications, 25).get_page(self.request.GET.get("page"))
        context["application_count"] = self.object.applications.count()
        return context


class JobCreateView(ActionFormView):
    form_class = JobPostingCreateForm
    title = gettext_lazy("Post a job")

    def get_initial(self):
        return {"enterprise": self.request.GET.get("enterprise"), "positions": 1}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("employment:job-list")
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        publish = data.pop("publish")
        return actions.job_posting_create(actor=self.request.user, data=data, publish=publish)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The job was saved.")


class JobEditView(ObjectTitleMixin, ScopedObjectFormView):
    model = JobPosting
    form_class = JobPostingForm
    title_format = gettext_lazy("Edit %(object)s")

    def get_initial(self):
        return {name: getattr(self.object, name) for name in actions.POSTING_FIELDS}

    def perform(self, form):
        return actions.job_posting_update(
            actor=self.request.user, posting=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The job was saved.")


class JobStatusView(ObjectTitleMixin, ScopedObjectFormView):
    model = JobPosting
    form_class = PostingStatusForm
    title_format = gettext_lazy("Publish or close %(object)s")

    def perform(self, form):
        return actions.job_posting_set_status(
            actor=self.request.user, posting=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The status was changed.")


class ApplicationListView(ObjectListView):
    template_name = "employment/list.html"
    model = JobApplication
    filterset_class = JobApplicationFilterSet
    columns = APPLICATION_COLUMNS
    title = gettext_lazy("Job applications")
    export_name = "求职申请"
    default_sort = ("-applied_at", "-pk")

    def base_queryset(self):
        return JobApplication.objects.select_related(
            "member", "member__org", "posting", "posting__enterprise", "posting__org"
        )


class ApplicationDecideView(ObjectTitleMixin, ScopedObjectFormView):
    model = JobApplication
    form_class = ApplicationDecideForm
    title_format = gettext_lazy("Outcome of %(object)s")

    def base_queryset(self):
        return JobApplication.objects.select_related("member", "posting")

    def perform(self, form):
        return actions.application_decide(
            actor=self.request.user, application=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The outcome was recorded.")


# --- job fairs -------------------------------------------------------------------------------


class FairListView(ObjectListView):
    template_name = "employment/list.html"
    model = JobFair
    filterset_class = JobFairFilterSet
    columns = FAIR_COLUMNS
    title = gettext_lazy("Job fairs")
    export_name = "招聘会"
    create_url_name = "employment:fair-create"
    default_sort = ("-held_on", "-pk")

    def base_queryset(self):
        return JobFair.objects.select_related("org").annotate(
            enterprise_count=Count("enterprises", distinct=True),
            registration_count=Count("registrations", distinct=True),
        )


class FairDetailView(ObjectDetailView):
    model = JobFair
    template_name = "employment/fair_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("enterprises", gettext_lazy("Enterprises")),
        ("registrations", gettext_lazy("Registrations")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return JobFair.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fair = self.object
        context["can_change"] = _can_change(JobFair, self.request.user, fair)
        context["registration_count"] = fair.registrations.count()
        if context["tab"] == "enterprises":
            context["enterprises"] = fair.enterprises.order_by("name")
        if context["tab"] == "registrations":
            registrations = fair.registrations.select_related("member", "member__org")
            context["page"] = Paginator(registrations, 25).get_page(self.request.GET.get("page"))
        return context


class FairCreateView(ActionFormView):
    form_class = JobFairForm
    title = gettext_lazy("Plan a job fair")

    def get_initial(self):
        return {"org": self.request.GET.get("org")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("employment:fair-list")
        return context

    def perform(self, form):
        return actions.job_fair_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url() + "?tab=enterprises"

    @property
    def success_message(self):
        return _("The fair was saved; now add the enterprises taking part.")


class FairEditView(ObjectTitleMixin, ScopedObjectFormView):
    model = JobFair
    form_class = JobFairForm
    title_format = gettext_lazy("Edit %(object)s")

    def get_initial(self):
        return {name: getattr(self.object, name) for name in actions.FAIR_FIELDS}

    def perform(self, form):
        return actions.job_fair_update(
            actor=self.request.user, fair=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The fair was saved.")


class FairStatusView(ObjectTitleMixin, ScopedObjectFormView):
    model = JobFair
    form_class = FairStatusForm
    title_format = gettext_lazy("Held or cancelled: %(object)s")

    def perform(self, form):
        return actions.job_fair_set_status(
            actor=self.request.user, fair=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The status was changed.")


class FairEnterpriseAddView(ObjectTitleMixin, ScopedObjectFormView):
    model = JobFair
    form_class = FairEnterpriseForm
    title_format = gettext_lazy("Add an enterprise to %(object)s")

    def perform(self, form):
        return actions.job_fair_add_enterprise(
            actor=self.request.user, fair=self.object, **form.cleaned_data
        )

    def get_success_url(self):
        return self.result.get_absolute_url() + "?tab=enterprises"

    @property
    def success_message(self):
        return _("The enterprise was added.")


class FairEnterpriseRemoveView(ScopedMixin, View):
    model = JobFair
    scope_action = Action.CHANGE

    def post(self, request, pk):
        fair = self.get_scoped_object(pk)
        enterprise = Enterprise.objects.filter(pk=request.POST.get("enterprise") or 0).first()
        if enterprise is None:
            raise Http404(_("Not found."))
        try:
            actions.job_fair_remove_enterprise(actor=request.user, fair=fair, enterprise=enterprise)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The enterprise was removed."))
        return redirect(fair.get_absolute_url() + "?tab=enterprises")


# --- 就业帮扶 --------------------------------------------------------------------------------


class AidListView(ObjectListView):
    template_name = "employment/list.html"
    model = EmploymentAid
    filterset_class = EmploymentAidFilterSet
    columns = AID_COLUMNS
    title = gettext_lazy("Employment aid")
    export_name = "就业帮扶"
    create_url_name = "employment:aid-create"
    default_sort = ("-lost_job_on", "-pk")

    def base_queryset(self):
        return EmploymentAid.objects.select_related("member", "org")


class AidDetailView(ObjectDetailView):
    model = EmploymentAid
    template_name = "employment/aid_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return EmploymentAid.objects.select_related("member", "org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = _can_change(EmploymentAid, self.request.user, self.object)
        context["help_lines"] = [line for line in self.object.help_given.splitlines() if line]
        return context


class AidCreateView(ActionFormView):
    form_class = AidOpenForm
    title = gettext_lazy("Open an employment aid record")

    def get_initial(self):
        return {"member": self.request.GET.get("member")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("employment:aid-list")
        return context

    def perform(self, form):
        return actions.aid_open(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The record was opened.")


class AidStepView(ObjectTitleMixin, ScopedObjectFormView):
    model = EmploymentAid
    action = None

    def base_queryset(self):
        return EmploymentAid.objects.select_related("member")

    def perform(self, form):
        return type(self).action(actor=self.request.user, aid=self.object, **form.cleaned_data)

    @property
    def success_message(self):
        return _("The record was updated.")


class AidHelpView(AidStepView):
    form_class = AidHelpForm
    action = actions.aid_add_help
    title_format = gettext_lazy("Help given to %(object)s")


class AidReemployedView(AidStepView):
    form_class = AidReemployedForm
    action = actions.aid_reemployed
    title_format = gettext_lazy("Re-employed: %(object)s")

    def get_initial(self):
        return {"reemployed_on": timezone.localdate()}


class AidCloseView(AidStepView):
    form_class = AidCloseForm
    action = actions.aid_close
    title_format = gettext_lazy("Close %(object)s without a job")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context


# --- worker pages --------------------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
class MemberJobsView(View):
    """Open jobs (anyone may look; applying needs the member's sign-in)."""

    def get(self, request):
        member = current_member(request)
        query = request.GET.get("q", "").strip()
        postings = selectors.postings_for_member(member).select_related("enterprise")
        if query:
            postings = postings.filter(
                Q(title__icontains=query)
                | Q(enterprise__name__icontains=query)
                | Q(location__icontains=query)
            )
        page = Paginator(postings.order_by("-published_on", "-pk"), 20).get_page(
            request.GET.get("page")
        )
        fairs = selectors.fairs_for_member(member).select_related("org").order_by("held_on")[:3]
        context = {
            "page": page,
            "q": query,
            "fairs": fairs,
            "member": member,
            "title": _("Jobs and job fairs"),
        }
        return render(request, "employment/m_jobs.html", context)


@method_decorator(never_cache, name="dispatch")
class MemberJobView(View):
    def get(self, request, pk):
        member = current_member(request)
        posting = (
            selectors.postings_for_member(member).select_related("enterprise").filter(pk=pk).first()
        )
        if posting is None:
            raise Http404(_("Not found."))
        context = {"posting": posting, "member": member, "title": _("Job")}
        return render(request, "employment/m_job.html", context)


class MemberApplyView(MemberRequiredMixin, View):
    def post(self, request, pk):
        posting = selectors.open_postings().filter(pk=pk).first()
        if posting is None:
            raise Http404(_("Not found."))
        try:
            actions.job_apply(
                member=self.member, posting=posting, message=request.POST.get("message", "")
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("employment:m-job", pk=pk)
        messages.success(request, _("Your application was sent. The union will contact you."))
        return redirect("employment:m-mine")


@method_decorator(never_cache, name="dispatch")
class MemberFairsView(View):
    def get(self, request):
        member = current_member(request)
        fairs = selectors.fairs_for_member(member).select_related("org").order_by("held_on")
        page = Paginator(fairs, 20).get_page(request.GET.get("page"))
        context = {"page": page, "member": member, "title": _("Job fairs")}
        return render(request, "employment/m_fairs.html", context)


class MemberFairRegisterView(MemberRequiredMixin, View):
    def post(self, request, pk):
        fair = JobFair.objects.filter(pk=pk).first()
        if fair is None:
            raise Http404(_("Not found."))
        try:
            actions.fair_register(member=self.member, fair=fair)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("employment:m-fairs")
        messages.success(request, _("You are registered for %(fair)s.") % {"fair": fair.title})
        return redirect("employment:m-mine")


@method_decorator(never_cache, name="dispatch")
class MemberMineView(MemberRequiredMixin, View):
    def get(self, request):
        context = {
            "applications": selectors.member_applications(self.member)[:50],
            "registrations": selectors.member_registrations(self.member)[:50],
            "title": _("My applications"),
        }
        return render(request, "employment/m_mine.html", context)
