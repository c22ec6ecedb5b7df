from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Action
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from skills import actions, selectors
from skills.choices import EnrolmentStatus, SkillAwardKind
from skills.filtersets import EnrolmentFilterSet, SkillAwardFilterSet, TrainingFilterSet
from skills.forms import EnrolForm, FinishForm, SkillAwardForm, TrainingEditForm, TrainingForm
from skills.models import Enrolment, SkillAward, Training
from skills.tables import AWARD_COLUMNS, ENROLMENT_COLUMNS, TRAINING_COLUMNS


class TrainingListView(ObjectListView):
    model = Training
    filterset_class = TrainingFilterSet
    columns = TRAINING_COLUMNS
    title = gettext_lazy("Trainings")
    export_name = "技能培训"
    create_url_name = "skills:create"
    template_name = "skills/training_list.html"
    default_sort = ("-starts_on", "pk")

    def base_queryset(self):
        return selectors.trainings_with_counts()


class TrainingDetailView(ObjectDetailView):
    model = Training
    template_name = "skills/training_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Training.objects.select_related("org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        training = self.object
        context["can_change"] = (
            Training.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=training.pk)
            .exists()
        )
        context["figures"] = training.enrolments.aggregate(
            enrolled=Count("pk", filter=~Q(status=EnrolmentStatus.DROPPED)),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
        )
        context["enrolments"] = (
            training.enrolments.visible_to(self.request.user)
            .select_related("member", "member__org")
            .order_by("-id")[:20]
        )
        return context


class TrainingCreateView(ActionFormView):
    form_class = TrainingForm
    title = gettext_lazy("New training")
    success_message = gettext_lazy("The training was created.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("skills:list")
        return context

    def perform(self, form):
        return actions.training_save(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class TrainingUpdateView(ScopedObjectFormView):
    model = Training
    form_class = TrainingEditForm
    success_message = gettext_lazy("The training was saved.")

    def get_initial(self):
        t = self.object
        names = [
            "name",
            "kind",
            "trade",
            "starts_on",
            "ends_on",
            "hours",
            "capacity",
            "description",
        ]
        return {n: getattr(t, n) for n in names}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.training_save(
            actor=self.request.user, data=form.cleaned_data, training=self.object
        )


class EnrolView(ScopedObjectFormView):
    model = Training
    form_class = EnrolForm
    success_message = gettext_lazy("The member was enrolled.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Enrol a member on %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        actions.enrol(actor=self.request.user, training=self.object, **form.cleaned_data)
        return self.object


class EnrolmentListView(ObjectListView):
    model = Enrolment
    filterset_class = EnrolmentFilterSet
    columns = ENROLMENT_COLUMNS
    title = gettext_lazy("Enrolments")
    export_name = "培训报名"
    default_sort = ("-enrolled_on", "pk")

    def base_queryset(self):
        return Enrolment.objects.select_related("member", "member__org", "training")


class EnrolmentFinishView(ScopedObjectFormView):
    model = Enrolment
    form_class = FinishForm
    success_message = gettext_lazy("The result was recorded.")

    def base_queryset(self):
        return Enrolment.objects.select_related("training", "member")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Result of %(enrolment)s") % {"enrolment": self.object}
        return context

    def perform(self, form):
        return actions.enrolment_finish(
            actor=self.request.user, enrolment=self.object, **form.cleaned_data
        )


class SkillAwardListView(ObjectListView):
    model = SkillAward
    filterset_class = SkillAwardFilterSet
    columns = AWARD_COLUMNS
    title = gettext_lazy("Skills awards")
    export_name = "技能提升资助"
    create_url_name = "skills:award-create"
    default_sort = ("-granted_on", "pk")

    def base_queryset(self):
        return SkillAward.objects.select_related("member", "org")


class SkillAwardDetailView(ObjectDetailView):
    model = SkillAward
    template_name = "skills/award_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return SkillAward.objects.select_related("member", "org")


class SkillAwardCreateView(ActionFormView):
    form_class = SkillAwardForm
    title = gettext_lazy("New skills award")
    success_message = gettext_lazy("The award was recorded.")

    def get_initial(self):
        kind = self.request.GET.get("kind") or SkillAwardKind.TECHNICIAN
        amounts = settings.GONGHUI["SKILL_AWARD_AMOUNTS"]
        return {"kind": kind, "amount": amounts.get(kind), "member": self.request.GET.get("member")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("skills:award-list")
        return context

    def perform(self, form):
        return actions.award_grant(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()
