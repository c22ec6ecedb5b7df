"""Cadre pages of 信访: list (search, filters, export), register, detail (overview with the
steps and deadlines, history), each step, and the audited phone reveal. Rules live in
``petitions.actions``."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.choices import Action
from core.scoping import user_may
from core.views import ActionFormView, ObjectDetailView, ObjectListView
from petitions import actions, forms, selectors
from petitions.choices import PetitionStatus
from petitions.filtersets import PetitionFilterSet
from petitions.models import Petition
from petitions.tables import PETITION_COLUMNS
from rights.views import TABS, CallerPhoneRevealView, StepView


class PetitionListView(ObjectListView):
    model = Petition
    filterset_class = PetitionFilterSet
    columns = PETITION_COLUMNS
    title = gettext_lazy("Letters and visits")
    export_name = "信访"
    create_url_name = "petitions:create"
    default_sort = ("-received_on", "-pk")

    def base_queryset(self):
        return Petition.objects.select_related("org", "handed_to")


class PetitionDetailView(ObjectDetailView):
    model = Petition
    template_name = "petitions/petition_detail.html"
    tabs = TABS

    def base_queryset(self):
        return Petition.objects.select_related("org", "handed_to", "review_org", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        petition = self.object
        today = timezone.localdate()
        context.update(
            can_change=user_may(self.request.user, petition),
            can_reveal=user_may(self.request.user, petition, Action.REVEAL),
            events=petition.events.select_related("org"),
            overdue=selectors.is_overdue(petition, today),
            due_on=selectors.due_on(petition),
            review_until=selectors.review_request_until(petition),
            S=PetitionStatus,
        )
        return context


class PetitionCreateView(ActionFormView):
    form_class = forms.PetitionForm
    title = gettext_lazy("Register a petition")
    success_message = gettext_lazy("The petition was registered.")

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("petitions:list")
        return context

    def perform(self, form):
        return actions.petition_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class PetitionPhoneRevealView(CallerPhoneRevealView):
    model = Petition


class PetitionStepView(StepView):
    model = Petition
    actions_module = actions
    object_argument = "petition"


class AcceptView(PetitionStepView):
    form_class = forms.NoteForm
    step = "petition_accept"
    heading = gettext_lazy("Accept the petition")
    done = gettext_lazy("The petition was accepted; the reply deadline is set.")


class RejectView(PetitionStepView):
    form_class = forms.RejectForm
    step = "petition_reject"
    heading = gettext_lazy("Do not accept")
    done = gettext_lazy("The petition was not accepted; tell the petitioner the reason.")
    danger = True


class HandDownView(PetitionStepView):
    form_class = forms.HandDownForm
    step = "petition_hand_down"
    heading = gettext_lazy("Hand down")
    done = gettext_lazy("The petition was handed down.")


class ExtendView(PetitionStepView):
    form_class = forms.ExtendForm
    step = "petition_extend"
    heading = gettext_lazy("Extend the deadline")
    done = gettext_lazy("The reply deadline was extended.")


class ReplyView(PetitionStepView):
    form_class = forms.ReplyForm
    step = "petition_reply"
    heading = gettext_lazy("Reply and close")
    done = gettext_lazy("The reply was recorded; the petition is closed.")


class RequestReviewView(PetitionStepView):
    form_class = forms.NoteForm
    step = "petition_request_review"
    heading = gettext_lazy("Record a review request")
    done = gettext_lazy("The review request was recorded; the union above reviews it.")


class ReviewView(PetitionStepView):
    form_class = forms.ReviewForm
    step = "petition_review"
    heading = gettext_lazy("Conclude the review")
    done = gettext_lazy("The review was concluded.")
