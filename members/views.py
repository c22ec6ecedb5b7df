from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.choices import Action
from core.forms import ScopedForm
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
)
from dues import participation
from members import actions, joining
from members.choices import JoinKind, JoinStatus, TransferStatus
from members.filtersets import JoinApplicationFilterSet, MemberFilterSet, TransferFilterSet
from members.forms import (
    JoinRejectForm,
    MemberForm,
    MemberStatusForm,
    TransferDecisionForm,
    TransferRequestForm,
)
from members.models import JoinApplication, Member, Transfer
from members.tables import JOIN_APPLICATION_COLUMNS, MEMBER_COLUMNS, TRANSFER_COLUMNS
from orgs.models import Org


class MemberListView(ObjectListView):
    model = Member
    filterset_class = MemberFilterSet
    columns = MEMBER_COLUMNS
    title = gettext_lazy("Members")
    export_name = "会员名册"
    create_url_name = "members:create"
    import_kind = "members"
    default_sort = ("name_pinyin", "pk")

    def base_queryset(self):
        return Member.objects.select_related("org", "enterprise")


class MemberDetailView(ObjectDetailView):
    model = Member
    template_name = "members/member_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("changes", gettext_lazy("Membership changes")),
        ("dues", gettext_lazy("Dues")),
        # The key stays "activities" so links to ``?tab=activities`` keep working.
        ("activities", gettext_lazy("Participation record")),
        ("history", gettext_lazy("History")),
    ]

    def base_queryset(self):
        return Member.objects.select_related("org", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        visible = Member.objects.filter(pk=self.object.pk)
        context["can_change"] = visible.visible_to(user, Action.CHANGE).exists()
        context["can_reveal"] = visible.visible_to(user, Action.REVEAL).exists()
        if context["tab"] == "changes":
            context["changes"] = self.object.changes.select_related("from_org", "to_org", "actor")
        elif context["tab"] == "activities":
            rows = participation.record(self.object, user)
            context["participation_rows"] = rows
            context["participation_kinds"] = participation.kind_counts(rows)
        return context


class MemberRevealView(ScopedMixin, View):
    """POST: the plain ID number or phone as an HTMX fragment; audited by the action."""

    model = Member
    scope_action = Action.REVEAL

    def post(self, request, pk):
        member = self.get_scoped_object(pk)
        value = actions.member_reveal(
            actor=request.user, member=member, field=request.POST.get("field", "")
        )
        return HttpResponse(format_html('<span data-testid="revealed">{}</span>', value))


class MemberCreateView(ActionFormView):
    form_class = MemberForm
    title = gettext_lazy("New member")

    def get_initial(self):
        return {"joined_on": timezone.localdate(), "org": self.request.GET.get("org")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("members:list")
        return context

    def perform(self, form):
        return actions.member_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The member was registered.")


class MemberObjectFormView(ScopedObjectFormView):
    model = Member


class MemberUpdateView(MemberObjectFormView):
    form_class = MemberForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The union changes by transfer, not by editing the record.
        form.fields["org"].disabled = True
        form.fields["org"].required = False
        return form

    def get_initial(self):
        fields = [name for name in MemberForm.base_fields if name not in ("id_number", "phone")]
        return {name: getattr(self.object, name) for name in fields}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object.name}
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        if not data.get("phone"):
            data.pop("phone", None)
        return actions.member_update(actor=self.request.user, member=self.object, data=data)

    @property
    def success_message(self):
        return _("Saved.")


class MemberStatusView(MemberObjectFormView):
    form_class = MemberStatusForm

    def get_initial(self):
        return {"on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Change the membership of %(name)s") % {"name": self.object.name}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.member_change_status(
            actor=self.request.user, member=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The membership was changed.")


class TransferListView(ObjectListView):
    """Transfers out of and into the user's unions."""

    model = Transfer
    filterset_class = TransferFilterSet
    columns = TRANSFER_COLUMNS
    title = gettext_lazy("Transfers")
    export_name = "会员转会"
    default_sort = ("-requested_on", "-pk")

    def base_queryset(self):
        return Transfer.objects.select_related("member", "from_org", "to_org")


class TransferDetailView(ObjectDetailView):
    model = Transfer
    template_name = "members/transfer_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Transfer.objects.select_related("member", "from_org", "to_org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        transfer, user = self.object, self.request.user
        pending = transfer.status == TransferStatus.PENDING
        changeable = Org.objects.visible_to(user, Action.CHANGE)
        context["can_answer"] = pending and changeable.filter(pk=transfer.to_org_id).exists()
        context["can_cancel"] = pending and changeable.filter(pk=transfer.from_org_id).exists()
        return context


class TransferRequestView(MemberObjectFormView):
    form_class = TransferRequestForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Transfer %(name)s to another union") % {"name": self.object.name}
        return context

    def perform(self, form):
        return actions.transfer_request(
            actor=self.request.user, member=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The transfer was sent; the receiving union will answer it.")


class TransferDecisionView(ScopedObjectFormView):
    """Accept, refuse or withdraw a transfer; which side may do what is the action's rule."""

    model = Transfer
    form_class = TransferDecisionForm
    decision = ""
    titles = {
        "accept": gettext_lazy("Receive %(name)s"),
        "reject": gettext_lazy("Refuse the transfer of %(name)s"),
        "cancel": gettext_lazy("Withdraw the transfer of %(name)s"),
    }
    messages_done = {
        "accept": gettext_lazy("The member was received."),
        "reject": gettext_lazy("The transfer was refused."),
        "cancel": gettext_lazy("The transfer was withdrawn."),
    }

    # Either side may open it; the action decides which side may answer how.
    scope_action = Action.VIEW

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.titles[self.decision] % {"name": self.object.member.name}
        context["danger"] = self.decision != "accept"
        return context

    def perform(self, form):
        action = getattr(actions, f"transfer_{self.decision}")
        return action(actor=self.request.user, transfer=self.object, **form.cleaned_data)

    @property
    def success_message(self):
        return self.messages_done[self.decision]


class JoinApplicationListView(ObjectListView):
    """Online join applications routed to the user's unions."""

    model = JoinApplication
    filterset_class = JoinApplicationFilterSet
    columns = JOIN_APPLICATION_COLUMNS
    title = gettext_lazy("Join applications")
    export_name = "入会申请"
    default_sort = ("-created_at", "-pk")

    def base_queryset(self):
        return JoinApplication.objects.select_related("org", "enterprise")


class JoinApplicationDetailView(ObjectDetailView):
    model = JoinApplication
    template_name = "members/join_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return JoinApplication.objects.select_related(
            "org", "enterprise", "work_area", "existing_member__org", "member", "reviewer"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context["can_review"] = (
            application.status == JoinStatus.SUBMITTED
            and JoinApplication.objects.visible_to(self.request.user, Action.REVIEW)
            .filter(pk=application.pk)
            .exists()
        )
        return context


class JoinDecisionView(ScopedObjectFormView):
    """Approve or reject an application; only reviewers of its union reach it (404 else)."""

    model = JoinApplication
    scope_action = Action.REVIEW
    decision = ""
    messages_done = {
        "approve": gettext_lazy("The application was approved."),
        "reject": gettext_lazy("The application was rejected."),
    }

    def get_form_class(self):
        return JoinRejectForm if self.decision == "reject" else ScopedForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        names = {"name": application.name, "union": application.org}
        if self.decision == "reject":
            context["title"] = _("Reject the application of %(name)s") % names
            context["danger"] = True
        elif application.kind == JoinKind.TRANSFER:
            context["title"] = _("Receive %(name)s into %(union)s as a transfer") % names
        else:
            context["title"] = _("Take %(name)s into %(union)s") % names
        return context

    def perform(self, form):
        if self.decision == "reject":
            return joining.join_application_reject(
                actor=self.request.user, application=self.object, **form.cleaned_data
            )
        return joining.join_application_approve(actor=self.request.user, application=self.object)

    @property
    def success_message(self):
        return self.messages_done[self.decision]
