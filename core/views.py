"""Generic views. Scope is the default of these base classes, never something a view
remembers: every queryset comes from ``visible_to`` and out of scope answers 404."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import quote

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from core import audit
from core.choices import Action
from core.exports import xlsx_response
from core.filtersets import AuditFilterSet, ImportJobFilterSet
from core.forms import ImportForm, restrict_choices_to_scope
from core.importing import write_template
from core.jobs import IMPORTERS, import_start
from core.models import AuditEntry, ImportJob
from core.tables import AUDIT_COLUMNS, IMPORT_JOB_COLUMNS, Column, rows_for
from core.uploads import file_response
from core.widgets import SearchSelect


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


class StoredFileView(ScopedMixin, View):
    """A stored file, only for users who may see the row it belongs to; it is served
    under the name it was uploaded with (``name_field``), never the random stored name."""

    file_field = "file"
    name_field = "name"

    def get(self, request, pk):
        stored = self.get_scoped_object(pk)
        field = getattr(stored, self.file_field)
        if not field:
            raise Http404(_("The file is not available."))
        return file_response(field, filename=getattr(stored, self.name_field))


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
    # The kind of spreadsheet import (core.jobs) this list offers, if any.
    import_kind = ""

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
            import_kind=self.import_kind,
            table_template=self.table_template,
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
            add_form_errors(form, error)
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


def add_form_errors(form, error: ValidationError) -> None:
    """An action's ValidationError on the form: field by field where the field exists."""
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


class ImportJobListView(ObjectListView):
    """The imports of the user's scope: what was uploaded, by whom, with what result."""

    model = ImportJob
    filterset_class = ImportJobFilterSet
    columns = IMPORT_JOB_COLUMNS
    title = gettext_lazy("Imports")
    export_name = "导入记录"
    default_sort = ("-created_at", "-id")

    def base_queryset(self):
        return ImportJob.objects.select_related("org", "created_by")


class ImportJobDetailView(ObjectDetailView):
    """One import: a progress bar while it runs (the page polls its own fragment), then the
    counts, the message and the row-level report."""

    model = ImportJob
    template_name = "core/import_job.html"
    progress_template = "core/_import_progress.html"

    def base_queryset(self):
        return ImportJob.objects.select_related("org", "created_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = str(self.object)
        context["kind_title"] = IMPORTERS.get(self.object.kind, (self.object.kind,))[0]
        return context

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [self.progress_template]
        return [self.template_name]


class ImportReportView(ScopedMixin, View):
    """The row-level report of an import (personal numbers in it are masked)."""

    model = ImportJob

    def get(self, request, pk):
        job = self.get_scoped_object(pk)
        path = Path(job.report_path) if job.report_path else None
        if path is None or not path.is_file():
            raise Http404(_("The report is not available."))
        stem = Path(job.file_name).stem
        return FileResponse(path.open("rb"), as_attachment=True, filename=f"{stem}-导入结果.xlsx")


class ImportTemplateView(LoginRequiredMixin, View):
    """The xlsx template to fill in for one kind of import."""

    def get(self, request, kind):
        if kind not in IMPORTERS:
            raise Http404(_("Not found."))
        title, factory = IMPORTERS[kind]
        importer = factory(actor=request.user, org=None)
        buffer = io.BytesIO()
        write_template(buffer, importer.columns, example=getattr(importer, "example", None))
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename = quote(f"{title}模板.xlsx")
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
        return response


class ImportStartView(ActionFormView):
    """Upload a file of one kind for an org in scope; the job page then shows its progress."""

    form_class = ImportForm
    template_name = "core/import_form.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in IMPORTERS:
            raise Http404(_("Not found."))
        self.kind = kwargs["kind"]
        self.title = IMPORTERS[self.kind][0]
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        org_model = apps.get_model("orgs", "Org")
        form.fields["org"] = forms.ModelChoiceField(
            label=_("Organisation"),
            queryset=org_model.objects.active().visible_to(self.request.user, Action.CHANGE),
            widget=SearchSelect(params={"status": "active"}, attrs={"class": "form-select"}),
            help_text=_("The rows are imported into this organisation."),
        )
        form.order_fields(["org", "file"])
        return form

    def get_initial(self):
        initial = super().get_initial()
        org_id = self.request.GET.get("org")
        if org_id and org_id.isdigit():
            initial["org"] = org_id
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_url"] = reverse("import-template", args=[self.kind])
        context["submit_label"] = _("Start the import")
        context["cancel_url"] = reverse("import-list")
        return context

    def perform(self, form):
        return import_start(
            actor=self.request.user,
            kind=self.kind,
            org=form.cleaned_data["org"],
            upload=form.cleaned_data["file"],
            dry_run=form.cleaned_data["dry_run"],
            accept_valid=form.cleaned_data["accept_valid"],
        )

    def get_success_url(self):
        return self.result.get_absolute_url()
