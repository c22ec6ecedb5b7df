"""The leaders' dashboard, the work report drafts and their downloads."""

from __future__ import annotations

import io
from urllib.parse import quote, urlencode

import xlsxwriter
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from core.choices import Action
from core.exports import XLSX_CONTENT_TYPE
from core.forms import ScopedForm, restrict_choices_to_scope
from core.tables import Column
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedMixin
from core.widgets import SearchSelect
from orgs.models import Org
from orgs.selectors import user_scope_roots
from reports import actions, dashboard, figures, selectors
from reports.choices import DraftStatus
from reports.document import no_problem_text, no_record_text
from reports.filtersets import ReportDraftFilterSet
from reports.models import ReportDraft
from reports.periods import Period

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(draft: ReportDraft) -> HttpResponse:
    response = HttpResponse(bytes(draft.content), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(draft.file_name())}"
    return response


def _period(request) -> tuple[Period, list[str]]:
    today = timezone.localdate()
    try:
        return Period.parse(request.GET.get("from"), request.GET.get("to"), today), []
    except ValidationError as error:
        return Period.year_to_date(today), [m for ms in error.message_dict.values() for m in ms]


def _org(request) -> Org:
    """The org of ``?org=`` if the user may see it (404 otherwise), else their first root."""
    visible = Org.objects.visible_to(request.user, Action.VIEW)
    chosen = request.GET.get("org")
    if chosen:
        try:
            return visible.get(pk=chosen)
        except (Org.DoesNotExist, ValueError) as exc:
            raise Http404(_("Not found.")) from exc
    roots = user_scope_roots(request.user)
    if roots:
        return roots[0]["org"]
    root = visible.filter(depth=1).order_by("path").first()
    if root is None:
        raise Http404(_("You have no organisation to show."))
    return root


class DashboardView(LoginRequiredMixin, TemplateView):
    """Figures of an org's subtree for a period: headline with the change against the
    previous period, monthly trends, the breakdown by child org (sortable, xlsx), the
    capabilities' panels and the overdue work."""

    template_name = "reports/dashboard.html"

    def get(self, request, *args, **kwargs):
        org = _org(request)
        period, errors = _period(request)
        for error in errors:
            messages.error(request, error)
        snapshot, stale = selectors.snapshot_for(org, period, refresh="refresh" in request.GET)
        values = figures.from_json(snapshot.data["values"])
        previous = figures.from_json(snapshot.data["previous"])
        keys = selectors.breakdown_keys()
        by_path = {path: figures.from_json(raw) for path, raw in snapshot.data["children"].items()}
        breakdown = selectors.child_breakdown(org, period, request.user, keys, by_path)
        sort = request.GET.get("sort", "")
        if sort.lstrip("-") in keys:
            key = sort.lstrip("-")
            breakdown.sort(
                key=lambda row: (row["values"][key].value is None, row["values"][key].value or 0),
                reverse=sort.startswith("-"),
            )
        for row in breakdown:
            row["cells"] = [row["values"][key] for key in keys]
        totals = [values[key] for key in keys]
        if request.GET.get("export") == "xlsx":
            return breakdown_xlsx(org, period, keys, breakdown, totals)
        query = {"org": org.pk, "from": period.start.isoformat(), "to": period.end.isoformat()}
        context = self.get_context_data(
            org=org,
            period=period,
            title=_("Dashboard"),
            snapshot=snapshot,
            stale=stale,
            refresh_query=urlencode({**query, "refresh": 1}),
            headline=selectors.headline(values, previous),
            sections=selectors.sections(values),
            trends=snapshot.data["trends"],
            columns=[figures.get(key) for key in keys],
            breakdown=breakdown,
            totals=totals,
            sort=sort,
            ancestors=Org.objects.visible_to(request.user).filter(
                path__in=[org.path[:i] for i in range(Org.steplen, len(org.path), Org.steplen)]
            ),
            panels=dashboard_panels(org, period, request.user, snapshot),
            # Per user (their scope), so counted on each view: one indexed count each.
            todos=[
                {"label": todo.label, "count": count, "url": url}
                for todo in dashboard.todos()
                for count, url in [todo.count(request.user, org)]
                if count
            ],
        )
        return self.render_to_response(context)


def dashboard_panels(org, period, user, snapshot) -> list[tuple[str, dict]]:
    """The panels to show: an org's figures from the snapshot, the others live for ``user``."""
    shown = []
    for panel in dashboard.panels():
        if panel.stored:
            found = panel.context_from(snapshot.data["panels"][panel.key])
        else:
            found = panel.context(org, period, user)
        if found is not None:
            shown.append((panel.template, found))
    return shown


def breakdown_xlsx(org, period, keys, breakdown, totals) -> HttpResponse:
    """统计报表: the breakdown by child org with a total row, Chinese headers."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet(_("By sub-unit")[:31])
    bold = workbook.add_format(
        {"bold": True, "bg_color": "#E8EEF7", "border": 1, "text_wrap": True}
    )
    title = workbook.add_format({"bold": True, "font_size": 14})
    sheet.write(0, 0, f"{org.name} {_('statistical table')}（{period.label()}）", title)
    headers = [_("Organisation"), *[str(figures.get(key).label) for key in keys]]
    for col, text in enumerate(headers):
        sheet.write(2, col, text, bold)
        sheet.set_column(col, col, 24 if col == 0 else 14)

    def cell(value):
        if value.value is None:
            return ""
        return float(value.value) if not isinstance(value.value, int) else value.value

    row = 2
    for row, entry in enumerate(breakdown, start=3):
        sheet.write(row, 0, entry["org"].name)
        for col, key in enumerate(keys, start=1):
            sheet.write(row, col, cell(entry["values"][key]))
    total_row = row + 1
    sheet.write(total_row, 0, _("Total (%(org)s)") % {"org": org.name}, bold)
    for col, value in enumerate(totals, start=1):
        sheet.write(total_row, col, cell(value), bold)
    sheet.write(
        total_row + 2,
        0,
        _(
            "Rates are percentages; sums of sub-units can differ from the total where "
            "enterprises lie outside every sub-unit."
        ),
    )
    sheet.freeze_panes(3, 1)
    workbook.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    name = f"{org.name}统计报表_{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


# --- report drafts -------------------------------------------------------------------------


class ReportForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=Org.objects.all(),
        widget=SearchSelect(url_name="orgs:pick"),
    )
    period_start = forms.DateField(
        label=gettext_lazy("Period from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    period_end = forms.DateField(
        label=gettext_lazy("Period to"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    outline = forms.CharField(
        label=gettext_lazy("Next steps"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "One item per line. Leave empty to use the steps suggested from the problems "
            "(shown in the preview)."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The end date cannot be before the start date."))
        return cleaned


class ReportCreateView(ActionFormView):
    """Choose the org and period, preview the draft, then have the .docx written."""

    form_class = ReportForm
    template_name = "reports/report_form.html"
    title = gettext_lazy("Draft a work report")

    def get_form(self, form_class=None):
        # Drafting reads figures: whoever may view an org may draft its report.
        form = FormView.get_form(self, form_class)
        restrict_choices_to_scope(form, self.request.user, Action.VIEW)
        return form

    def get_initial(self):
        today = timezone.localdate()
        initial = {"period_start": today.replace(month=1, day=1), "period_end": today}
        org = self.request.GET.get("org")
        if org and Org.objects.visible_to(self.request.user).filter(pk=org).exists():
            initial["org"] = org
        elif roots := user_scope_roots(self.request.user):
            initial["org"] = roots[0]["org"].pk  # the user's own organisation by default
        return initial

    def form_valid(self, form):
        if "preview" not in self.request.POST:
            return super().form_valid(form)
        data = form.cleaned_data
        outline = [line.strip() for line in data["outline"].splitlines() if line.strip()]
        draft = selectors.build_draft(
            data["org"], Period(data["period_start"], data["period_end"]), outline=outline or None
        )
        context = self.get_context_data(
            form=form,
            preview=draft,
            no_record=no_record_text(),
            no_problem=no_problem_text(),
        )
        return self.render_to_response(context)

    def perform(self, form):
        data = form.cleaned_data
        return actions.report_request(
            actor=self.request.user,
            org=data["org"],
            period=Period(data["period_start"], data["period_end"]),
            outline=data["outline"],
        )

    def get_success_url(self):
        return reverse("reports:draft-detail", args=[self.result.pk])


REPORT_COLUMNS = [
    Column("org__name", gettext_lazy("Organisation"), sort="org__path", link=True, wrap=True),
    Column("period_start", gettext_lazy("Period from"), sort="period_start"),
    Column("period_end", gettext_lazy("Period to"), sort="period_end"),
    Column("status", gettext_lazy("Status"), sort="status"),
    Column("requested_by", gettext_lazy("Requested by")),
    Column("created_at", gettext_lazy("Requested at"), sort="created_at"),
]


class ReportDraftListView(ObjectListView):
    model = ReportDraft
    columns = REPORT_COLUMNS
    default_sort = ("-created_at", "-id")
    title = gettext_lazy("Work reports")
    create_url_name = "reports:draft-create"
    filterset_class = ReportDraftFilterSet

    def base_queryset(self):
        return ReportDraft.objects.select_related("org", "requested_by").defer("content")


class ReportDraftDetailView(ObjectDetailView):
    model = ReportDraft
    template_name = "reports/draft_detail.html"

    def base_queryset(self):
        return ReportDraft.objects.select_related("org", "requested_by").defer("content")

    def get_template_names(self):
        if self.request.htmx:
            return ["reports/_draft_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Work report draft")
        context["running"] = self.object.status in (DraftStatus.QUEUED, DraftStatus.RUNNING)
        return context


class ReportDownloadView(ScopedMixin, View):
    model = ReportDraft

    def get(self, request, pk):
        draft = self.get_scoped_object(pk)
        if draft.status != DraftStatus.DONE:
            raise Http404(_("The draft is not ready yet."))
        return docx_response(draft)


def dashboard_url(org, period) -> str:
    return (
        f"{reverse('reports:dashboard')}?org={org.pk}"
        f"&from={period.start.isoformat()}&to={period.end.isoformat()}"
    )
