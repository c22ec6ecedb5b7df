"""Generic views. Scope is the default of these base classes, never something a view
remembers: every queryset comes from ``visible_to`` and out of scope answers 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, TemplateView

from core import audit
from core.choices import Action
from core.exports import xlsx_response
from core.filtersets import AuditFilterSet
from core.forms import restrict_choices_to_scope
from core.models import AuditEntry
from core.tables import AUDIT_COLUMNS, Column, rows_for


class ScopedMixin(LoginRequiredMixin):
    """Supplies ``get_queryset`` from ``Model.objects.visible_to(user, scope_action)``."""

    model = None
    scope_action = Action.VIEW

    def base_queryset(self):
        return self.model._default_manager.all()

    def get_queryset(self):
        return self.base_queryset().visible_to(self.request.user, self.scope_action)

    def get_scoped_object(self, pk):
        try:
            return self.get_queryset().get(pk=pk)
        except (self.model.DoesNotExist, ValueError, TypeError) as exc:
            raise Http404(_("Not found.")) from exc


class ObjectListView(ScopedMixin, TemplateView):
    """A list page: filter form, search, sorting by whitelisted columns, pagination,
    an HTMX fragment for the table, and ``?export=xlsx`` of every filtered row."""

    template_name = "core/object_list.html"
    table_template = "core/_table.html"
    filterset_class = None
    columns: list[Column] = []
    default_sort: tuple[str, ...] = ()
    paginate_by = 25
    title = ""
    export_name = ""
    create_url_name = ""

    def get_filterset(self):
        return self.filterset_class(
            self.request.GET, queryset=self.get_queryset(), request=self.request
        )

    def sorted_queryset(self, queryset):
        sort = self.request.GET.get("sort", "")
        allowed = {column.name: column.sort for column in self.columns if column.sort}
        key = sort.lstrip("-")
        if key in allowed:
            prefix = "-" if sort.startswith("-") else ""
            return queryset.order_by(f"{prefix}{allowed[key]}", "pk"), sort
        if self.default_sort:
            return queryset.order_by(*self.default_sort), ""
        return queryset, ""

    def get(self, request, *args, **kwargs):
        filterset = self.get_filterset()
        queryset, sort = self.sorted_queryset(filterset.qs)
        if request.GET.get("export") == "xlsx":
            return xlsx_response(self.export_name or str(self.title), self.columns, queryset)
        paginator = Paginator(queryset, self.paginate_by)
        page = paginator.get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        sort_query = query.copy()
        sort_query.pop("sort", None)
        context = self.get_context_data(
            filterset=filterset,
            page=page,
            rows=rows_for(self.columns, page.object_list),
            columns=self.columns,
            sort=sort,
            query=query.urlencode(),
            sort_query=sort_query.urlencode(),
            title=self.title,
            create_url_name=self.create_url_name,
        )
        if request.htmx and not request.htmx.boosted:
            return self.response_class(request, self.table_template, context)
        return self.render_to_response(context)


class ObjectDetailView(ScopedMixin, DetailView):
    tabs: list[tuple[str, str]] = []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tab = self.request.GET.get("tab") or (self.tabs[0][0] if self.tabs else "")
        context["tab"] = tab
        context["tabs"] = self.tabs
        if tab == "history":
            context["history"] = audit.history_for(self.object).select_related("actor")[:200]
        return context


class ActionFormView(LoginRequiredMixin, FormView):
    """A form whose valid data goes to an action (``perform(form)`` in the subclass).

    The action's ValidationError lands on the form field by field and an out-of-scope
    refusal becomes a form error; the action's transaction guarantees nothing was written.
    """

    template_name = "core/object_form.html"
    title = ""
    success_message = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        restrict_choices_to_scope(form, self.request.user)
        return form

    def form_valid(self, form):
        try:
            self.result = self.perform(form)
        except ValidationError as error:
            _add_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("You may not do this."))
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("title", self.title)
        return context


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in field_errors:
                form.add_error(target, item.messages[0] if hasattr(item, "messages") else item)
    else:
        for message in error.messages:
            form.add_error(None, message)


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception as exc:  # the probe reports any failure rather than raising
        database = f"error: {exc.__class__.__name__}"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {
            "status": "ok" if status == 200 else "error",
            "database": database,
            "vendor": connection.vendor,
        },
        status=status,
    )


class AuditLogView(ObjectListView):
    """Every recorded change within the user's scope; read-only by construction."""

    model = AuditEntry
    filterset_class = AuditFilterSet
    columns = AUDIT_COLUMNS
    title = gettext_lazy("Audit log")
    export_name = "操作日志"
    default_sort = ("-at", "-id")

    def base_queryset(self):
        return AuditEntry.objects.select_related("content_type")


class ScopedObjectFormView(ScopedMixin, ActionFormView):
    """A form about one object (edit, move, decide…): the object comes from the user's scope
    for ``scope_action`` (404 otherwise) before anything else runs."""

    scope_action = Action.CHANGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = self.get_scoped_object(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context.setdefault("cancel_url", self.object.get_absolute_url())
        return context

    def get_success_url(self):
        return self.result.get_absolute_url()
