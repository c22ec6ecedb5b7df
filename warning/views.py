import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import TemplateView

from core.forms import ScopedForm
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from orgs.models import Enterprise
from orgs.selectors import user_scope_roots
from warning import actions, selectors
from warning.choices import (
    LEVEL_RANK,
    WARNING_LEVELS,
    AlertStatus,
    InspectionStatus,
    RiskLevel,
    SignalKind,
    SignalStatus,
)
from warning.filtersets import (
    AlertFilterSet,
    CampaignFilterSet,
    InspectionFilterSet,
    RiskScoreFilterSet,
    RiskSignalFilterSet,
)
from warning.forms import (
    CampaignForm,
    EscalateForm,
    HandleForm,
    InspectionForm,
    ResolveAlertForm,
    ResolveSignalForm,
    RiskModelForm,
    SignalForm,
    VerifyForm,
)
from warning.models import Alert, Campaign, Inspection, RiskModel, RiskScore, RiskSignal
from warning.selectors import can_change
from warning.tables import (
    ALERT_COLUMNS,
    CAMPAIGN_COLUMNS,
    INSPECTION_COLUMNS,
    RISK_COLUMNS,
    SIGNAL_COLUMNS,
)


class RiskListView(ObjectListView):
    """预警企业: enterprises with a warning level in the user's scope, counts by level and the
    monthly trend of alerts above the list."""

    model = RiskScore
    filterset_class = RiskScoreFilterSet
    columns = RISK_COLUMNS
    title = gettext_lazy("Risk list")
    export_name = "劳动关系风险企业"
    default_sort = ("-score", "enterprise__name", "pk")
    template_name = "warning/risk_list.html"

    def base_queryset(self):
        return RiskScore.objects.exclude(level=RiskLevel.NONE).select_related(
            "enterprise", "enterprise__covering_union"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        scores = RiskScore.objects.visible_to(user)
        alerts = Alert.objects.visible_to(user)
        form = context["filterset"].form
        root = form.cleaned_data.get("org") if form.is_valid() else None
        if root is not None:
            scores = selectors.in_subtree(scores, root)
            alerts = alerts.filter(
                Q(org__path__startswith=root.path)
                | Q(origin_org__path__startswith=root.path)
                | Q(enterprise__territory__path__startswith=root.path)
            )
        else:
            roots = [entry["org"] for entry in user_scope_roots(user)]
            root = roots[0] if len(roots) == 1 else None
        context["level_counts"] = [
            (level, RiskLevel(level).label, count)
            for level, count in selectors.level_counts(scores).items()
        ]
        context["trend"] = selectors.alert_trend(alerts, timezone.localdate())
        context["root"] = root
        context["children"] = selectors.levels_by_child(root, user) if root else []
        context["levels"] = [(str(lv), RiskLevel(lv).label) for lv in WARNING_LEVELS]
        context["open_alerts"] = selectors.open_alerts_for(user).count()
        return context


class RiskDetailView(ObjectDetailView):
    model = RiskScore
    template_name = "warning/risk_detail.html"

    def base_queryset(self):
        return RiskScore.objects.select_related(
            "enterprise", "enterprise__covering_union", "enterprise__territory"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        enterprise = self.object.enterprise
        context["signals"] = (
            RiskSignal.objects.visible_to(user)
            .filter(enterprise=enterprise, status=SignalStatus.OPEN)
            .order_by("-observed_on", "-pk")[:50]
        )
        context["alerts"] = (
            Alert.objects.visible_to(user)
            .filter(enterprise=enterprise)
            .select_related("org")
            .order_by("-opened_at")[:20]
        )
        context["model"] = actions.active_model()
        return context


class SignalListView(ObjectListView):
    model = RiskSignal
    filterset_class = RiskSignalFilterSet
    columns = SIGNAL_COLUMNS
    title = gettext_lazy("Risk signals")
    export_name = "风险信号"
    create_url_name = "warning:signal-create"
    default_sort = ("-observed_on", "-pk")
    import_kind = "risk_signals"

    def base_queryset(self):
        return RiskSignal.objects.select_related("enterprise")


class SignalDetailView(ObjectDetailView):
    model = RiskSignal
    template_name = "warning/signal_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return RiskSignal.objects.select_related("enterprise", "recorded_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = can_change(RiskSignal, self.request.user, self.object)
        context["score"] = RiskScore.objects.filter(enterprise=self.object.enterprise).first()
        return context


class SignalCreateView(ActionFormView):
    form_class = SignalForm
    title = gettext_lazy("Record a risk signal")

    def get_initial(self):
        initial = {"observed_on": timezone.localdate(), "count": 1}
        enterprise = self.request.GET.get("enterprise")
        if enterprise and enterprise.isdigit():
            initial["enterprise"] = enterprise
        kind = self.request.GET.get("kind")
        if kind in SignalKind.values:
            initial["kind"] = kind
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("warning:signal-list")
        return context

    def perform(self, form):
        return actions.record_signal(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The signal was recorded and the enterprise re-scored.")


class SignalResolveView(ScopedObjectFormView):
    model = RiskSignal
    form_class = ResolveSignalForm

    def get_initial(self):
        return {"resolved_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Resolve: %(signal)s") % {"signal": self.object}
        return context

    def perform(self, form):
        return actions.resolve_signal(
            actor=self.request.user, signal=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The signal was resolved and the enterprise re-scored.")


class AlertListView(ObjectListView):
    model = Alert
    filterset_class = AlertFilterSet
    columns = ALERT_COLUMNS
    title = gettext_lazy("Alerts")
    export_name = "预警"
    default_sort = ("-opened_at", "-pk")

    def base_queryset(self):
        return Alert.objects.select_related("enterprise", "org")


class AlertDetailView(ObjectDetailView):
    model = Alert
    template_name = "warning/alert_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Alert.objects.select_related(
            "enterprise", "enterprise__covering_union", "org", "origin_org"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alert = self.object
        context["events"] = alert.events.select_related("actor", "org")
        context["can_change"] = alert.is_open and can_change(Alert, self.request.user, alert)
        context["overdue"] = alert.is_open and alert.due_on < timezone.localdate()
        context["can_verify"] = alert.status in (AlertStatus.NEW, AlertStatus.ESCALATED)
        context["can_handle"] = alert.status in (
            AlertStatus.VERIFIED,
            AlertStatus.HANDLING,
            AlertStatus.ESCALATED,
        )
        context["can_resolve"] = alert.status in (AlertStatus.VERIFIED, AlertStatus.HANDLING)
        return context


class AlertStepView(ScopedObjectFormView):
    model = Alert
    step_title = ""
    message = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.step_title}：{self.object}"
        return context

    @property
    def success_message(self):
        return self.message


class AlertVerifyView(AlertStepView):
    form_class = VerifyForm
    step_title = gettext_lazy("Verify")
    message = gettext_lazy("The verification was recorded.")

    def perform(self, form):
        return actions.alert_verify(actor=self.request.user, alert=self.object, **form.cleaned_data)


class AlertHandleView(AlertStepView):
    form_class = HandleForm
    step_title = gettext_lazy("Dispose")
    message = gettext_lazy("The measures were recorded.")

    def perform(self, form):
        return actions.alert_handle(actor=self.request.user, alert=self.object, **form.cleaned_data)


class AlertResolveView(AlertStepView):
    form_class = ResolveAlertForm
    step_title = pgettext_lazy("warning", "Resolve")
    message = gettext_lazy("The alert was closed as resolved.")

    def perform(self, form):
        return actions.alert_resolve(
            actor=self.request.user, alert=self.object, **form.cleaned_data
        )


class AlertEscalateView(AlertStepView):
    form_class = EscalateForm
    step_title = gettext_lazy("Escalate")
    message = gettext_lazy("The alert went up to the next union.")

    def perform(self, form):
        return actions.alert_escalate(
            actor=self.request.user, alert=self.object, **form.cleaned_data
        )

    def get_success_url(self):
        # The escalating cadre may see the alert only through its origin; the list is safe.
        return reverse("warning:alert-list")


class RiskModelView(LoginRequiredMixin, TemplateView):
    """The scoring model in use, its indicators, and the earlier versions."""

    template_name = "warning/risk_model.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        model = actions.active_model()
        config = model.config
        context["model"] = model
        context["levels"] = [
            (
                RiskLevel(lv).label,
                str(lv),
                config["levels"][str(lv)],
                str(lv) in config["alert_levels"],
            )
            for lv in WARNING_LEVELS
        ]
        context["indicators"] = [
            (SignalKind(kind).label, spec)
            for kind, spec in sorted(
                config["indicators"].items(), key=lambda item: -item[1]["weight"]
            )
        ]
        context["versions"] = RiskModel.objects.select_related("created_by")[:20]
        context["can_edit"] = actions.is_city_admin(self.request.user)
        return context


class RiskModelEditView(ActionFormView):
    form_class = RiskModelForm
    title = gettext_lazy("Change the scoring model")
    template_name = "warning/risk_model_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not actions.is_city_admin(request.user):
            raise PermissionDenied(_("Only an administrator of the city federation may change it."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["config"] = actions.active_model().config
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("warning:model")
        return context

    def perform(self, form):
        return actions.model_update(
            actor=self.request.user,
            config=form.cleaned_data["config"],
            note=form.cleaned_data["note"],
        )

    def get_success_url(self):
        return reverse("warning:model")

    @property
    def success_message(self):
        return _("Version %(version)s is in use; the city is being re-scored.") % {
            "version": self.result.version
        }


class CampaignListView(ObjectListView):
    model = Campaign
    filterset_class = CampaignFilterSet
    columns = CAMPAIGN_COLUMNS
    title = gettext_lazy("Inspection campaigns")
    export_name = "专项排查"
    create_url_name = "warning:campaign-create"
    default_sort = ("-starts_on", "-pk")

    def base_queryset(self):
        return Campaign.objects.select_related("org").annotate(
            inspections_total=Count("inspections"),
            inspections_done=Count(
                "inspections", filter=Q(inspections__status=InspectionStatus.DONE)
            ),
        )


class CampaignDetailView(ObjectDetailView):
    model = Campaign
    template_name = "warning/campaign_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Campaign.objects.select_related("org", "created_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inspections = Inspection.objects.filter(campaign=self.object).select_related(
            "enterprise", "assignee"
        )
        context["inspections"] = inspections.order_by("status", "enterprise__name")[:500]
        context["done"] = inspections.filter(status=InspectionStatus.DONE).count()
        context["total"] = inspections.count()
        context["hazards"] = inspections.filter(hazard_found=True).count()
        context["can_change"] = can_change(Campaign, self.request.user, self.object)
        return context


class CampaignCreateView(ActionFormView):
    form_class = CampaignForm
    title = gettext_lazy("New inspection campaign")

    def get_initial(self):
        today = timezone.localdate()
        return {"starts_on": today, "due_on": today + datetime.timedelta(days=30)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("warning:campaign-list")
        return context

    def perform(self, form):
        data = form.cleaned_data
        org = data["org"]
        enterprises = Enterprise.objects.visible_to(self.request.user).filter(
            Q(territory__path__startswith=org.path) | Q(covering_union__path__startswith=org.path)
        )
        wanted = Q(pk__in=[])
        if data["signal_kinds"]:
            wanted |= Q(
                pk__in=RiskSignal.objects.filter(
                    kind__in=data["signal_kinds"], status=SignalStatus.OPEN
                ).values("enterprise")
            )
        if data["min_level"]:
            levels = [lv for lv, r in LEVEL_RANK.items() if r >= LEVEL_RANK[data["min_level"]]]
            wanted |= Q(risk_score__level__in=levels)
        return actions.campaign_create(
            actor=self.request.user,
            org=org,
            title=data["title"],
            description=data["description"],
            starts_on=data["starts_on"],
            due_on=data["due_on"],
            enterprises=list(enterprises.filter(wanted).values_list("pk", flat=True)),
            assignees=data["assignees"],
        )

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The campaign was created.")


class CampaignCloseView(ScopedObjectFormView):
    model = Campaign
    form_class = ScopedForm  # no fields: a confirmation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = pgettext("warning", "Close the campaign %(title)s") % {
            "title": self.object
        }
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.campaign_close(actor=self.request.user, campaign=self.object)

    @property
    def success_message(self):
        return pgettext("warning", "The campaign was closed.")


class InspectionListView(ObjectListView):
    model = Inspection
    filterset_class = InspectionFilterSet
    columns = INSPECTION_COLUMNS
    title = gettext_lazy("Inspections")
    export_name = "排查任务"
    default_sort = ("status", "campaign__due_on", "enterprise__name", "pk")

    def base_queryset(self):
        return Inspection.objects.select_related("enterprise", "campaign", "assignee")


class InspectionDetailView(ObjectDetailView):
    model = Inspection
    template_name = "warning/inspection_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Inspection.objects.select_related("enterprise", "campaign", "assignee", "signal")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = can_change(Inspection, self.request.user, self.object)
        return context


class InspectionRecordView(ScopedObjectFormView):
    model = Inspection
    form_class = InspectionForm

    def get_initial(self):
        return {"inspected_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Record the inspection of %(enterprise)s") % {
            "enterprise": self.object.enterprise
        }
        return context

    def perform(self, form):
        return actions.inspection_record(
            actor=self.request.user, inspection=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The inspection was recorded.")
