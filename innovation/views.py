from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from core.choices import Action
from core.forms import ConfirmForm
from core.scoping import scope_paths
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from innovation import actions
from innovation.choices import InnovationStatus
from innovation.filtersets import InnovationFilterSet, StudioFilterSet
from innovation.forms import (
    AwardForm,
    InnovationForm,
    ReviewForm,
    StudioEditForm,
    StudioForm,
)
from innovation.models import Innovation, Studio
from innovation.tables import INNOVATION_COLUMNS, STUDIO_COLUMNS


def _within(org, user, action) -> bool:
    return user.is_superuser or any(org.path.startswith(p) for p in scope_paths(user, action))


class InnovationListView(ObjectListView):
    model = Innovation
    filterset_class = InnovationFilterSet
    columns = INNOVATION_COLUMNS
    title = gettext_lazy("Worker innovations")
    export_name = "职工技术创新"
    create_url_name = "innovation:create"
    template_name = "innovation/innovation_list.html"
    default_sort = ("-submitted_on", "-pk")

    def base_queryset(self):
        return Innovation.objects.select_related("org", "enterprise", "forwarded_to")


class InnovationDetailView(ObjectDetailView):
    model = Innovation
    template_name = "innovation/innovation_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Innovation.objects.select_related(
            "org", "enterprise", "forwarded_to", "award_org", "studio", "member"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item, user = self.object, self.request.user
        adopted = item.status in (InnovationStatus.ADOPTED, InnovationStatus.IMPLEMENTED)
        context["can_review"] = item.status == InnovationStatus.SUBMITTED and _within(
            item.org, user, Action.REVIEW
        )
        context["can_implement"] = item.status == InnovationStatus.ADOPTED and _within(
            item.org, user, Action.CHANGE
        )
        context["can_forward"] = (
            adopted and item.holder.depth > 1 and _within(item.holder, user, Action.CHANGE)
        )
        context["can_award"] = adopted and _within(item.holder, user, Action.REVIEW)
        return context


class InnovationCreateView(ActionFormView):
    form_class = InnovationForm
    title = gettext_lazy("New innovation")
    success_message = gettext_lazy("The innovation was recorded.")

    def get_initial(self):
        return {"estimated_benefit": 0, "studio": self.request.GET.get("studio")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("innovation:list")
        return context

    def perform(self, form):
        return actions.innovation_submit(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class InnovationStepView(ScopedObjectFormView):
    """A decision on one innovation; scope of the decision is checked by the action."""

    model = Innovation
    scope_action = Action.VIEW
    form_class = ConfirmForm
    heading = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.heading % {"title": self.object}
        return context


class InnovationReviewView(InnovationStepView):
    form_class = ReviewForm
    heading = gettext_lazy("Review %(title)s")
    success_message = pgettext_lazy("innovation", "The review was recorded.")

    def perform(self, form):
        return actions.innovation_review(
            actor=self.request.user, innovation=self.object, **form.cleaned_data
        )


class InnovationImplementView(InnovationStepView):
    heading = gettext_lazy("Mark %(title)s as implemented")
    success_message = gettext_lazy("Marked as implemented.")

    def perform(self, form):
        return actions.innovation_implement(actor=self.request.user, innovation=self.object)


class InnovationForwardView(InnovationStepView):
    heading = gettext_lazy("Forward %(title)s to the next level's selection")
    success_message = gettext_lazy("The innovation was forwarded upward.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.innovation_forward(actor=self.request.user, innovation=self.object)


class InnovationAwardView(InnovationStepView):
    form_class = AwardForm
    heading = gettext_lazy("Award %(title)s")
    success_message = gettext_lazy("The award was recorded.")

    def perform(self, form):
        return actions.innovation_award(
            actor=self.request.user, innovation=self.object, **form.cleaned_data
        )


class StudioListView(ObjectListView):
    model = Studio
    filterset_class = StudioFilterSet
    columns = STUDIO_COLUMNS
    title = gettext_lazy("Innovation studios")
    export_name = "创新工作室"
    create_url_name = "innovation:studio-create"
    default_sort = ("-named_on", "pk")

    def base_queryset(self):
        return Studio.objects.select_related("org", "enterprise").annotate(
            achievement_count=Count("innovations")
        )


class StudioDetailView(ObjectDetailView):
    model = Studio
    template_name = "innovation/studio_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Studio.objects.select_related("org", "enterprise", "leader")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        studio = self.object
        achievements = Innovation.objects.filter(studio=studio).visible_to(self.request.user)
        context["figures"] = achievements.aggregate(
            count=Count("pk"),
            patents=Count("pk", filter=~Q(patent_number="")),
            benefit=Sum("estimated_benefit"),
        )
        context["achievements"] = achievements.select_related("org").order_by("-submitted_on")[:20]
        context["can_change"] = (
            Studio.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=studio.pk)
            .exists()
        )
        return context


class StudioCreateView(ActionFormView):
    form_class = StudioForm
    title = gettext_lazy("New innovation studio")
    success_message = gettext_lazy("The studio was registered.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("innovation:studio-list")
        return context

    def perform(self, form):
        return actions.studio_save(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class StudioUpdateView(ScopedObjectFormView):
    model = Studio
    form_class = StudioEditForm
    success_message = gettext_lazy("The studio was saved.")

    def get_initial(self):
        s = self.object
        names = [
            "name",
            "kind",
            "level",
            "leader_name",
            "team",
            "speciality",
            "named_on",
            "named_by",
        ]
        return {n: getattr(s, n) for n in names} | {
            "enterprise": s.enterprise_id,
            "leader": s.leader_id,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.studio_save(
            actor=self.request.user, data=form.cleaned_data, studio=self.object
        )
