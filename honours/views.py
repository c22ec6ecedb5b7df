from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Action
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from honours import actions, rules, selectors
from honours.choices import CareKind, NominationStatus
from honours.filtersets import (
    CareFilterSet,
    ModelWorkerFilterSet,
    NominationFilterSet,
    ProgrammeFilterSet,
    TitleFilterSet,
)
from honours.forms import (
    AwardForm,
    CareForm,
    ConfirmForm,
    ModelWorkerCreateForm,
    ModelWorkerForm,
    NominationForm,
    NoticeForm,
    ObjectionForm,
    ObjectionResolveForm,
    ProgrammeEditForm,
    ProgrammeForm,
    ProgrammeNoticeForm,
    QuotaForm,
    ReasonForm,
    TitleForm,
)
from honours.models import (
    CareRecord,
    HonourProgramme,
    HonourTitle,
    ModelWorker,
    Nomination,
    Objection,
)
from honours.tables import (
    CARE_COLUMNS,
    MODEL_WORKER_COLUMNS,
    NOMINATION_COLUMNS,
    PROGRAMME_COLUMNS,
    TITLE_COLUMNS,
)
from orgs.filtersets import OrgFilterSet
from orgs.models import Org
from orgs.tables import ORG_COLUMNS


def _can(user, model, obj, action) -> bool:
    return model.objects.visible_to(user, action).filter(pk=obj.pk).exists()


def _holds(user, org, action) -> bool:
    """Whether ``user`` may take ``action`` at ``org`` (the level holding a nomination)."""
    return Org.objects.visible_to(user, action).filter(pk=org.pk).exists()


# --- pickers -------------------------------------------------------------------------------


class OrgPickView(ObjectListView):
    """Options for the quota form: orgs the user may view (a quota goes to lower levels)."""

    model = Org
    filterset_class = OrgFilterSet
    columns = ORG_COLUMNS
    paginate_by = 30
    template_name = table_template = "core/_options.html"
    export_name = "组织"


# --- programmes ----------------------------------------------------------------------------


class ProgrammeListView(ObjectListView):
    model = HonourProgramme
    filterset_class = ProgrammeFilterSet
    columns = PROGRAMME_COLUMNS
    title = gettext_lazy("Honour programmes")
    export_name = "表彰项目"
    create_url_name = "honours:programme-create"
    default_sort = ("-year", "name", "pk")

    def base_queryset(self):
        return HonourProgramme.objects.select_related("org").annotate(
            nomination_count=Count("nominations")
        )


class ProgrammeCreateView(ActionFormView):
    form_class = ProgrammeForm
    title = gettext_lazy("New honour programme")

    def get_initial(self):
        return {
            "year": timezone.localdate().year,
            "notice_workdays": settings.GONGHUI["HONOURS_NOTICE_WORKDAYS"],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("honours:programme-list")
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        org = data.pop("org")
        return actions.programme_create(actor=self.request.user, org=org, data=data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The programme was created.")


class ProgrammeDetailView(ObjectDetailView):
    model = HonourProgramme
    template_name = "honours/programme_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("nominations", gettext_lazy("Nominations")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return HonourProgramme.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.object
        user = self.request.user
        context["can_change"] = _can(user, HonourProgramme, programme, Action.CHANGE)
        context["can_review"] = _holds(user, programme.org, Action.REVIEW)
        context["quotas"] = selectors.quota_usage(programme)
        nominations = Nomination.objects.visible_to(user).filter(programme=programme)
        counts = nominations.values_list("status").annotate(n=Count("pk")).order_by("status")
        context["status_counts"] = [(NominationStatus(s).label, n) for s, n in counts]
        slate = list(
            programme.nominations.filter(
                status__in=(
                    NominationStatus.IN_NOTICE,
                    NominationStatus.APPROVED,
                    NominationStatus.AWARDED,
                )
            )
        )
        context["composition"] = rules.composition(programme, slate)
        context["awaiting_notice"] = programme.nominations.filter(
            status=NominationStatus.IN_REVIEW, stage_org=programme.org
        ).count()
        if context["tab"] == "nominations":
            context["nominations"] = nominations.select_related("org", "stage_org").order_by(
                "status", "nominee_name"
            )[:200]
        return context


class ProgrammeUpdateView(ScopedObjectFormView):
    model = HonourProgramme
    form_class = ProgrammeEditForm

    def get_initial(self):
        p = self.object
        return {f: getattr(p, f) for f in actions.PROGRAMME_FIELDS}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(programme)s") % {"programme": self.object}
        return context

    def perform(self, form):
        return actions.programme_update(
            actor=self.request.user, programme=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The programme was saved.")


class QuotaView(ScopedObjectFormView):
    model = HonourProgramme
    form_class = QuotaForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Quotas go to lower levels, which the organiser sees but may not change.
        form.fields["org"].queryset = Org.objects.active().visible_to(self.request.user)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Places of an organisation in %(programme)s") % {
            "programme": self.object
        }
        return context

    def perform(self, form):
        actions.quota_set(actor=self.request.user, programme=self.object, **form.cleaned_data)
        return self.object

    @property
    def success_message(self):
        return _("The quota was saved.")


class ProgrammeNoticeView(ScopedObjectFormView):
    """The organiser chooses the nominations that reached it and opens their public notice."""

    model = HonourProgramme
    form_class = ProgrammeNoticeForm
    scope_action = Action.REVIEW
    template_name = "honours/notice_form.html"

    def candidates(self):
        return (
            self.object.nominations.filter(
                status=NominationStatus.IN_REVIEW, stage_org=self.object.org
            )
            .select_related("org")
            .order_by("nominee_name", "pk")
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["candidates"] = self.candidates()
        return kwargs

    def get_initial(self):
        return {"start": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Open the public notice of %(programme)s") % {"programme": self.object}
        return context

    def perform(self, form):
        data = form.cleaned_data
        self.opened = actions.notice_open(
            actor=self.request.user,
            programme=self.object,
            nominations=list(data["nominations"]),
            start=data["start"],
        )
        return self.object

    @property
    def success_message(self):
        return _("The public notice of %(count)s nominations was opened.") % {
            "count": len(self.opened)
        }


# --- nominations ---------------------------------------------------------------------------


class NominationListView(ObjectListView):
    model = Nomination
    filterset_class = NominationFilterSet
    columns = NOMINATION_COLUMNS
    title = gettext_lazy("Nominations")
    export_name = "推荐对象"
    create_url_name = "honours:nomination-create"
    default_sort = ("-updated_at", "-pk")
    template_name = "honours/nomination_list.html"

    def base_queryset(self):
        return Nomination.objects.select_related("programme", "org", "stage_org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_calls"] = selectors.programmes_open_to(self.request.user).order_by(
            "nomination_deadline", "pk"
        )[:10]
        return context


class NominationCreateView(ActionFormView):
    form_class = NominationForm
    title = gettext_lazy("Nominate")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # A call goes down the tree: the organiser's programme is not the nominator's row,
        # so the scope restriction of the base class would hide it.
        form.fields["programme"].queryset = selectors.programmes_open_to(self.request.user)
        return form

    def get_initial(self):
        return {
            "programme": self.request.GET.get("programme"),
            "org": self.request.GET.get("org"),
            "meeting_kind": "recommendation",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("honours:nomination-list")
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        programme, org = data.pop("programme"), data.pop("org")
        data["nominee_kind"] = actions.expected_nominee_kind(programme)[0]
        return actions.nomination_create(
            actor=self.request.user, programme=programme, org=org, data=data
        )

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The nomination was saved as a draft; submit it when it is complete.")


class NominationDetailView(ObjectDetailView):
    model = Nomination
    template_name = "honours/nomination_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("veto", gettext_lazy("One-vote veto")),
        ("objections", gettext_lazy("Objections")),
        ("steps", gettext_lazy("Steps")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Nomination.objects.select_related(
            "programme",
            "programme__org",
            "org",
            "stage_org",
            "member",
            "member__enterprise",
            "member__enterprise__covering_union",
            "enterprise",
            "enterprise__covering_union",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        n = self.object
        user = self.request.user
        today = timezone.localdate()
        at_stage = _holds(user, n.stage_org, Action.REVIEW)
        at_organiser = n.stage_org_id == n.programme.org_id
        open_review = n.status == NominationStatus.IN_REVIEW
        context.update(
            can_submit=n.status == NominationStatus.DRAFT and _holds(user, n.org, Action.CHANGE),
            can_withdraw=n.status in (NominationStatus.DRAFT, NominationStatus.IN_REVIEW)
            and _holds(user, n.org, Action.CHANGE),
            can_forward=open_review and at_stage and not at_organiser,
            can_open_notice=open_review and at_stage and at_organiser,
            can_reject=at_stage
            and n.status
            in (NominationStatus.IN_REVIEW, NominationStatus.IN_NOTICE, NominationStatus.APPROVED),
            can_object=at_stage and n.status == NominationStatus.IN_NOTICE,
            can_approve=at_stage and n.status == NominationStatus.IN_NOTICE,
            can_award=at_stage and n.status == NominationStatus.APPROVED,
            can_resolve=at_stage,
            route=rules.review_route(n.programme, n.org),
            next_stop=rules.next_stop(n) if n.status == NominationStatus.DRAFT else None,
            veto=selectors.veto_checks([n], on=today)[n.pk],
            approval_problems=actions.approval_problems(n, today)
            if n.status == NominationStatus.IN_NOTICE
            else [],
            open_objection_count=selectors.open_objections(n),
            title_record=HonourTitle.objects.filter(nomination=n).first(),
        )
        if context["tab"] == "objections":
            context["objections"] = selectors.objections_of(n)
        if context["tab"] == "steps":
            context["steps"] = n.events.select_related("from_org", "to_org", "actor")
        return context


class NominationStepView(ScopedObjectFormView):
    """Base of the one-click steps of a nomination (confirm, optional note)."""

    model = Nomination
    form_class = ConfirmForm
    scope_action = Action.REVIEW
    heading = ""
    done = ""

    def base_queryset(self):
        return Nomination.objects.select_related("programme", "org", "stage_org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.heading}：{self.object.nominee_name}"
        context["submit_label"] = self.heading
        return context

    @property
    def success_message(self):
        return self.done


class NominationSubmitView(NominationStepView):
    scope_action = Action.CHANGE
    heading = gettext_lazy("Submit upward")
    done = gettext_lazy("The nomination was submitted.")

    def perform(self, form):
        return actions.nomination_submit(actor=self.request.user, nomination=self.object)


class NominationForwardView(NominationStepView):
    heading = gettext_lazy("Forward upward")
    done = gettext_lazy("The nomination was forwarded.")

    def perform(self, form):
        return actions.nomination_forward(actor=self.request.user, nomination=self.object)


class NominationRejectView(NominationStepView):
    form_class = ReasonForm
    heading = gettext_lazy("Do not recommend")
    done = gettext_lazy("The nomination was closed.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.nomination_reject(
            actor=self.request.user, nomination=self.object, **form.cleaned_data
        )


class NominationWithdrawView(NominationRejectView):
    scope_action = Action.CHANGE
    heading = gettext_lazy("Withdraw")
    done = gettext_lazy("The nomination was withdrawn.")

    def perform(self, form):
        return actions.nomination_withdraw(
            actor=self.request.user, nomination=self.object, **form.cleaned_data
        )


class NominationNoticeView(NominationStepView):
    form_class = NoticeForm
    heading = gettext_lazy("Open the public notice")
    done = gettext_lazy("The public notice was opened.")

    def get_initial(self):
        return {"start": timezone.localdate()}

    def perform(self, form):
        actions.notice_open(
            actor=self.request.user,
            programme=self.object.programme,
            nominations=[self.object],
            start=form.cleaned_data["start"],
        )
        return self.object


class ObjectionCreateView(NominationStepView):
    form_class = ObjectionForm
    heading = gettext_lazy("Record an objection")
    done = gettext_lazy("The objection was recorded.")

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def perform(self, form):
        actions.objection_file(actor=self.request.user, nomination=self.object, **form.cleaned_data)
        return self.object

    def get_success_url(self):
        return self.object.get_absolute_url() + "?tab=objections"


class NominationApproveView(NominationStepView):
    heading = gettext_lazy("Approve")
    done = gettext_lazy("The nomination was approved.")

    def perform(self, form):
        return actions.nomination_approve(
            actor=self.request.user, nomination=self.object, note=form.cleaned_data["note"]
        )


class NominationAwardView(NominationStepView):
    form_class = AwardForm
    heading = gettext_lazy("Award the title")
    done = gettext_lazy("The title was awarded and written into the record.")

    def get_initial(self):
        return {"awarded_on": timezone.localdate()}

    def perform(self, form):
        actions.nomination_award(
            actor=self.request.user, nomination=self.object, **form.cleaned_data
        )
        return self.object


class ObjectionResolveView(ScopedObjectFormView):
    model = Objection
    form_class = ObjectionResolveForm
    scope_action = Action.REVIEW
    template_name = "honours/objection_form.html"

    def base_queryset(self):
        return Objection.objects.select_related("nomination")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Resolve the objection to %(name)s") % {
            "name": self.object.nomination.nominee_name
        }
        return context

    def perform(self, form):
        return actions.objection_resolve(
            actor=self.request.user, objection=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The objection was resolved.")


# --- registry ------------------------------------------------------------------------------


class ModelWorkerListView(ObjectListView):
    model = ModelWorker
    filterset_class = ModelWorkerFilterSet
    columns = MODEL_WORKER_COLUMNS
    title = gettext_lazy("Model-worker registry")
    export_name = "劳模档案"
    create_url_name = "honours:model-worker-create"
    default_sort = ("name", "pk")

    def base_queryset(self):
        return (
            ModelWorker.objects.select_related("org")
            .annotate(
                title_count=Count("titles", distinct=True),
                last_visit=Max("care__on", filter=_visit_filter()),
            )
            .prefetch_related(
                Prefetch("titles", queryset=HonourTitle.objects.order_by("-year", "-id"))
            )
        )


def _visit_filter():
    return Q(care__kind=CareKind.VISIT)


class ModelWorkerCreateView(ActionFormView):
    form_class = ModelWorkerCreateForm
    title = gettext_lazy("Add to the model-worker registry")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("honours:model-worker-list")
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        member = data.pop("member")
        return actions.model_worker_create(actor=self.request.user, member=member, data=data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The model worker was added to the registry.")


class ModelWorkerDetailView(ObjectDetailView):
    model = ModelWorker
    template_name = "honours/model_worker_detail.html"
    tabs = [
        ("overview", gettext_lazy("Titles")),
        ("care", gettext_lazy("Benefits and visits")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return ModelWorker.objects.select_related("org", "member", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        worker = self.object
        context["can_change"] = _can(self.request.user, ModelWorker, worker, Action.CHANGE)
        context["titles"] = worker.titles.select_related("nomination").order_by("-year", "-id")
        care = worker.care.all()
        totals = care.values_list("kind").annotate(n=Count("pk")).order_by("kind")
        context["care_totals"] = {CareKind(kind).label: n for kind, n in totals}
        if context["tab"] == "care":
            context["care"] = care.select_related("created_by")
        return context


class ModelWorkerFormMixin:
    model = ModelWorker

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.heading}：{self.object.name}"
        return context


class ModelWorkerUpdateView(ModelWorkerFormMixin, ScopedObjectFormView):
    form_class = ModelWorkerForm
    heading = gettext_lazy("Edit the record")
    success_message = gettext_lazy("The record was saved.")

    def get_initial(self):
        return {f: getattr(self.object, f) for f in actions.MODEL_WORKER_FIELDS}

    def perform(self, form):
        return actions.model_worker_update(
            actor=self.request.user, model_worker=self.object, data=form.cleaned_data
        )


class TitleCreateView(ModelWorkerFormMixin, ScopedObjectFormView):
    form_class = TitleForm
    heading = gettext_lazy("Add a title")
    success_message = gettext_lazy("The title was added.")

    def perform(self, form):
        actions.title_record(
            actor=self.request.user, model_worker=self.object, data=form.cleaned_data
        )
        return self.object


class CareCreateView(ModelWorkerFormMixin, ScopedObjectFormView):
    form_class = CareForm
    heading = gettext_lazy("Record a benefit or visit")
    success_message = gettext_lazy("The record was added.")

    def get_initial(self):
        return {"on": timezone.localdate(), "kind": self.request.GET.get("kind", "visit")}

    def perform(self, form):
        actions.care_record(actor=self.request.user, model_worker=self.object, **form.cleaned_data)
        return self.object

    def get_success_url(self):
        return self.object.get_absolute_url() + "?tab=care"


class TitleListView(ObjectListView):
    model = HonourTitle
    filterset_class = TitleFilterSet
    columns = TITLE_COLUMNS
    title = gettext_lazy("Honour titles")
    export_name = "表彰名录"
    default_sort = ("-year", "holder_name", "pk")

    def base_queryset(self):
        return HonourTitle.objects.select_related("org")


class CareListView(ObjectListView):
    model = CareRecord
    filterset_class = CareFilterSet
    columns = CARE_COLUMNS
    title = gettext_lazy("Benefits and visits")
    export_name = "劳模待遇与慰问"
    default_sort = ("-on", "-pk")

    def base_queryset(self):
        return CareRecord.objects.select_related("model_worker")
