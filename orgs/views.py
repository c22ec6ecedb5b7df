from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core import stats, todos, workbench
from core.choices import Action
from core.context_processors import roleless_landing
from core.forms import ScopedForm
from core.scoping import has_any_role
from core.views import (
    ActionFormView,
    ObjectDetailView,
    ObjectListView,
    ScopedMixin,
    ScopedObjectFormView,
)
from orgs import actions, selectors
from orgs.filtersets import EnterpriseFilterSet, OrgFilterSet
from orgs.forms import ElectionForm, EnterpriseForm, OrgDissolveForm, OrgForm, OrgMoveForm
from orgs.models import Enterprise, Org
from orgs.tables import ELECTION_DUE_COLUMNS, ENTERPRISE_COLUMNS, ORG_COLUMNS


class OrgListView(ObjectListView):
    """The organisation tree of the user's scope, in tree order unless sorted."""

    model = Org
    filterset_class = OrgFilterSet
    columns = ORG_COLUMNS
    title = gettext_lazy("Organisation tree")
    export_name = "组织体系"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tree_order = not context["sort"]
        depths = [row["object"].depth for row in context["rows"]]
        top = min(depths) if depths else 1
        for row in context["rows"]:
            indent = row["object"].depth - top if tree_order else 0
            row["indent"] = indent
            row["indent_range"] = range(indent)
        return context


class OrgPickView(ObjectListView):
    """Options for the org search-selects of forms: orgs the user may act on."""

    model = Org
    filterset_class = OrgFilterSet
    columns = ORG_COLUMNS
    scope_action = Action.CHANGE
    paginate_by = 30
    template_name = table_template = "core/_options.html"
    export_name = "组织"


class OrgDetailView(ObjectDetailView):
    model = Org
    template_name = "orgs/org_detail.html"
    tabs = [
        ("overview", gettext_lazy("Overview")),
        ("children", gettext_lazy("Sub-units")),
        ("elections", gettext_lazy("Elections")),
        ("history", gettext_lazy("History")),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        user = self.request.user
        from reports.selectors import org_sections

        # Live for a small subtree; at city scale from the dashboard's snapshot, with its time.
        figures, snapshot, stale = org_sections(org, refresh="refresh" in self.request.GET)
        context["stats_sections"] = [
            (section.template, figures[section.key]) for section in stats.sections()
        ]
        context["stats_snapshot"], context["stats_stale"] = snapshot, stale
        context["ancestors"] = Org.objects.visible_to(user).filter(
            path__in=[org.path[:i] for i in range(Org.steplen, len(org.path), Org.steplen)]
        )
        parent = Org.objects.get_parent(org)
        context["parent"] = parent
        context["can_restructure"] = parent is not None and (
            Org.objects.visible_to(user, Action.CHANGE).filter(pk=parent.pk).exists()
        )
        context["can_change"] = (
            Org.objects.visible_to(user, Action.CHANGE).filter(pk=org.pk).exists()
        )
        if context["tab"] == "children":
            context["children"] = selectors.children_with_coverage(org, user)
        if context["tab"] == "elections":
            context["elections"] = org.elections.all()
        context["election_state"] = org.election_state(
            timezone.localdate(), settings.GONGHUI["ELECTION_DUE_WARNING_DAYS"]
        )
        return context


class OrgFormMixin:
    """Shared by the create/edit/move/dissolve/election forms of one org."""

    model = Org

    def org_url(self, org, tab=""):
        url = reverse("orgs:detail", args=[org.pk])
        return f"{url}?tab={tab}" if tab else url


class OrgCreateView(OrgFormMixin, ScopedMixin, ActionFormView):
    form_class = OrgForm
    scope_action = Action.CHANGE

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        parent_id = request.GET.get("parent") or request.POST.get("parent")
        self.parent = self.get_scoped_object(parent_id) if parent_id else None
        if self.parent is None and not request.user.is_superuser:
            raise Http404(_("Not found."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["parent_level"] = self.parent.level if self.parent else None
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = (
            _("New unit under %(parent)s") % {"parent": self.parent}
            if self.parent
            else _("New top-level federation")
        )
        context["hidden"] = {"parent": self.parent.pk if self.parent else ""}
        context["cancel_url"] = self.org_url(self.parent) if self.parent else reverse("orgs:list")
        return context

    def perform(self, form):
        return actions.org_create(
            actor=self.request.user, parent=self.parent, data=form.cleaned_data
        )

    def get_success_url(self):
        return self.org_url(self.result)

    @property
    def success_message(self):
        return _("The organisation was created.")


class OrgObjectFormView(OrgFormMixin, ScopedObjectFormView):
    pass


class OrgUpdateView(OrgObjectFormView):
    form_class = OrgForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        parent = Org.objects.get_parent(self.object)
        kwargs["parent_level"] = parent.level if parent else None
        return kwargs

    def get_initial(self):
        return {field: getattr(self.object, field) for field in actions.ORG_EDITABLE_FIELDS}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.org_update(actor=self.request.user, org=self.object, data=form.cleaned_data)

    @property
    def success_message(self):
        return _("Saved.")


class OrgMoveView(OrgObjectFormView):
    form_class = OrgMoveForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields["new_parent"]
        field.queryset = field.queryset.exclude(path__startswith=self.object.path)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Move %(name)s and its sub-units") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.org_move(
            actor=self.request.user, org=self.object, new_parent=form.cleaned_data["new_parent"]
        )

    @property
    def success_message(self):
        return _("The organisation was moved.")


class OrgDissolveView(OrgObjectFormView):
    form_class = OrgDissolveForm

    def get_initial(self):
        return {"on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Dissolve %(name)s") % {"name": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.org_dissolve(
            actor=self.request.user,
            org=self.object,
            on=form.cleaned_data["on"],
            reason=form.cleaned_data["reason"],
        )

    @property
    def success_message(self):
        return _("The organisation was dissolved; its history is kept.")


class ElectionCreateView(OrgObjectFormView):
    form_class = ElectionForm

    def get_initial(self):
        return {"term_years": self.object.term_years or 5, "chair_name": self.object.chair_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Record an election of %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.election_record(
            actor=self.request.user, org=self.object, **form.cleaned_data
        ).org

    def get_success_url(self):
        return self.org_url(self.result, "elections")

    @property
    def success_message(self):
        return _("The election was recorded.")


class ElectionTodoView(ObjectListView):
    """Orgs whose committee election (换届) is overdue or falls due soon."""

    model = Org
    filterset_class = OrgFilterSet
    columns = ELECTION_DUE_COLUMNS
    title = gettext_lazy("Elections due")
    export_name = "换届提醒"
    default_sort = ("next_election_due", "path")

    def get_queryset(self):
        return selectors.elections_todo(self.request.user, timezone.localdate())


class EnterpriseListView(ObjectListView):
    model = Enterprise
    filterset_class = EnterpriseFilterSet
    columns = ENTERPRISE_COLUMNS
    title = gettext_lazy("Enterprises")
    export_name = "单位名录"
    create_url_name = "orgs:enterprise-create"
    default_sort = ("name", "pk")

    def base_queryset(self):
        return Enterprise.objects.select_related("territory", "covering_union")


class EnterprisePickView(ObjectListView):
    """Options for the employer search-selects of forms: enterprises the user can see."""

    model = Enterprise
    filterset_class = EnterpriseFilterSet
    columns = ENTERPRISE_COLUMNS
    paginate_by = 30
    template_name = table_template = "core/_options.html"
    export_name = "单位"


class EnterpriseDetailView(ObjectDetailView):
    model = Enterprise
    template_name = "orgs/enterprise_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return Enterprise.objects.select_related("territory", "covering_union")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = (
            Enterprise.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=self.object.pk)
            .exists()
        )
        return context


class EnterpriseCreateView(ActionFormView):
    form_class = EnterpriseForm
    title = gettext_lazy("New enterprise")

    def get_initial(self):
        initial = {}
        union_id = self.request.GET.get("covering_union")
        if union_id:
            initial["covering_union"] = union_id
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("orgs:enterprise-list")
        return context

    def perform(self, form):
        return actions.enterprise_create(actor=self.request.user, data=form.cleaned_data)

    def get_success_url(self):
        return reverse("orgs:enterprise-detail", args=[self.result.pk])

    @property
    def success_message(self):
        return _("The enterprise was registered.")


class EnterpriseUpdateView(ScopedObjectFormView):
    model = Enterprise
    form_class = EnterpriseForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The current links stay selectable even where they lie above the user's subtree
        # (a grassroots cadre edits its enterprise but cannot manage the street it is in).
        for name in ("territory", "covering_union"):
            current = getattr(self.object, f"{name}_id")
            if current:
                field = form.fields[name]
                field.queryset = Org.objects.filter(
                    Q(pk__in=field.queryset.values("pk")) | Q(pk=current)
                )
        return form

    def get_initial(self):
        initial = {field: getattr(self.object, field) for field in actions.ENTERPRISE_FIELDS}
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object}
        return context

    def perform(self, form):
        return actions.enterprise_update(
            actor=self.request.user, enterprise=self.object, data=form.cleaned_data
        )

    @property
    def success_message(self):
        return _("Saved.")


class EnterpriseCloseView(ScopedObjectFormView):
    model = Enterprise
    form_class = ScopedForm  # no fields: confirming is the whole form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Mark %(name)s as closed") % {"name": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.enterprise_close(actor=self.request.user, enterprise=self.object)

    @property
    def success_message(self):
        return _("The enterprise was marked as closed.")


class HomeView(LoginRequiredMixin, TemplateView):
    """The cadre's start page: their scope with coverage figures and what is due."""

    template_name = "orgs/home.html"

    def get(self, request, *args, **kwargs):
        # An account with no cadre role but with work elsewhere (a contest judge) starts
        # there rather than on an empty workbench pointing it to the members' sign-in.
        if not has_any_role(request.user):
            landing = roleless_landing(request.user)
            if landing:
                return HttpResponseRedirect(landing)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        roots = selectors.user_scope_roots(user)
        if user.is_superuser and not roots:
            roots = [
                {"org": org, "roles": [_("System administrator")]}
                for org in Org.objects.get_root_nodes()
            ]
        for entry in roots:
            entry["stats_sections"] = [
                (section.template, section.compute(entry["org"])) for section in stats.sections()
            ]
        context["roots"] = roots
        context["elections_due"] = selectors.elections_todo(user, timezone.localdate()).count()
        from members.selectors import pending_join_applications

        context["join_pending"] = pending_join_applications(user).count()
        context["todos"] = todos.for_user(user, timezone.localdate())
        context["panels"] = workbench.panels_for(user, timezone.localdate())
        return context
