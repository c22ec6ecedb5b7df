from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Action
from core.views import ActionFormView, ObjectDetailView, ObjectListView, ScopedObjectFormView
from dues import actions, selectors
from dues.filtersets import DuesFilterSet, ReviewFilterSet, SummaryFilterSet
from dues.forms import (
    DuesCorrectForm,
    DuesPayForm,
    DuesRecordForm,
    MarkMonthPaidForm,
    MarkSelectedPaidForm,
    MonthField,
)
from dues.models import DuesRecord
from dues.months import add_months, first_of_month, month_label
from dues.tables import DUES_COLUMNS, REVIEW_COLUMNS, SUMMARY_COLUMNS
from members.filtersets import MemberFilterSet
from members.models import Member
from members.tables import MEMBER_COLUMNS
from orgs.models import Org

PAYROLL_IMPORT_KIND = "dues_payroll"


class DuesListView(ObjectListView):
    model = DuesRecord
    filterset_class = DuesFilterSet
    columns = DUES_COLUMNS
    title = gettext_lazy("Dues")
    export_name = "会费记录"
    create_url_name = "dues:create"
    default_sort = ("-month", "member__name_pinyin", "pk")
    template_name = "dues/dues_list.html"
    table_template = "dues/_dues_table.html"

    def base_queryset(self):
        return DuesRecord.objects.select_related("member", "org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payroll_import_kind"] = PAYROLL_IMPORT_KIND
        context["today"] = timezone.localdate()
        return context


class DuesMemberPickView(ObjectListView):
    """Options for the member search-select of the dues form: members the user may change."""

    model = Member
    filterset_class = MemberFilterSet
    columns = MEMBER_COLUMNS
    scope_action = Action.CHANGE
    paginate_by = 30
    template_name = table_template = "core/_options.html"
    export_name = "会员"
    default_sort = ("name_pinyin", "pk")


class DuesDetailView(ObjectDetailView):
    model = DuesRecord
    template_name = "dues/record_detail.html"
    tabs = [("overview", gettext_lazy("Overview")), ("history", gettext_lazy("History"))]

    def base_queryset(self):
        return DuesRecord.objects.select_related("member", "org")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        context["can_change"] = (
            DuesRecord.objects.visible_to(self.request.user, Action.CHANGE)
            .filter(pk=record.pk)
            .exists()
        )
        context["counted_wage"] = actions.counted_wage(record.wage_base)
        context["month"] = month_label(record.month)
        return context


class DuesCreateView(ActionFormView):
    form_class = DuesRecordForm
    title = gettext_lazy("Record dues")

    def get_initial(self):
        return {
            "member": self.request.GET.get("member"),
            "month": add_months(first_of_month(timezone.localdate()), -1),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("dues:list")
        return context

    def perform(self, form):
        return actions.dues_record(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()

    @property
    def success_message(self):
        return _("The dues were recorded.")


class DuesPayView(ScopedObjectFormView):
    model = DuesRecord
    form_class = DuesPayForm

    def get_initial(self):
        return {"paid_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Mark the dues of %(record)s as paid") % {"record": self.object}
        return context

    def perform(self, form):
        count = actions.dues_mark_paid(
            actor=self.request.user, records=[self.object], **form.cleaned_data
        )
        self.success_message = (
            _("Marked as paid.") if count else _("Nothing to mark: the month is not unpaid.")
        )
        return self.object


class DuesCorrectView(ScopedObjectFormView):
    model = DuesRecord
    form_class = DuesCorrectForm

    def get_initial(self):
        record = self.object
        return {"wage_base": record.wage_base, "status": record.status, "paid_on": record.paid_on}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Correct the dues of %(record)s") % {"record": self.object}
        context["danger"] = True
        return context

    def perform(self, form):
        return actions.dues_correct(
            actor=self.request.user, record=self.object, **form.cleaned_data
        )

    @property
    def success_message(self):
        return _("The record was corrected.")


class MarkMonthPaidView(ActionFormView):
    """A union collected a whole month: mark every unpaid record of that month paid."""

    form_class = MarkMonthPaidForm
    title = gettext_lazy("Mark a month of a union as paid")

    def get_initial(self):
        return {
            "org": self.request.GET.get("org"),
            "month": add_months(first_of_month(timezone.localdate()), -1),
            "paid_on": timezone.localdate(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("dues:list")
        context["danger"] = True
        return context

    def perform(self, form):
        data = form.cleaned_data
        self.count = actions.dues_mark_month_paid(actor=self.request.user, **data)
        self.filters = f"?org={data['org'].pk}&month={month_label(data['month'])}"
        return data["org"]

    def get_success_url(self):
        return reverse("dues:list") + self.filters

    @property
    def success_message(self):
        return _("%(count)s records were marked as paid.") % {"count": self.count}


class MarkSelectedPaidView(ActionFormView):
    """The records ticked on the dues list, marked paid together."""

    form_class = MarkSelectedPaidForm
    title = gettext_lazy("Mark the selected dues as paid")

    def get_initial(self):
        return {"paid_on": timezone.localdate(), "ids": self.request.GET.getlist("ids")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = reverse("dues:list")
        return context

    def perform(self, form):
        data = form.cleaned_data
        self.count = actions.dues_mark_paid(
            actor=self.request.user, records=data["ids"], paid_on=data["paid_on"]
        )
        self.next_url = data.get("next") or ""

    def get_success_url(self):
        safe = url_has_allowed_host_and_scheme(
            self.next_url, allowed_hosts={self.request.get_host()}
        )
        return self.next_url if self.next_url and safe else reverse("dues:list")

    @property
    def success_message(self):
        return _("%(count)s records were marked as paid.") % {"count": self.count}


class MonthMixin:
    """The month a page is about: ``?month=`` or, by default, the last full month."""

    def get_month(self):
        if not hasattr(self, "_month"):
            field = MonthField(required=False)
            try:
                month = field.clean(self.request.GET.get("month", ""))
            except ValidationError:  # a malformed month reads like an empty one
                month = None
            self._month = month or add_months(first_of_month(timezone.localdate()), -1)
        return self._month


class MonthSummaryView(MonthMixin, ObjectListView):
    """Per union: members due and paid, exempt, amounts due and paid for one month."""

    model = Org
    filterset_class = SummaryFilterSet
    columns = SUMMARY_COLUMNS
    export_name = "会费月度汇总"
    default_sort = ("path",)
    template_name = "dues/summary.html"

    def base_queryset(self):
        return selectors.month_summary(Org.objects.all(), self.get_month())

    @property
    def title(self):
        return _("Dues by union, %(month)s") % {"month": month_label(self.get_month())}


class ReviewListView(ObjectListView):
    """待核查会员: six full months without dues or participation. The list only names them;
    the cadre counsels the member and records a leaving, if any, on the member page."""

    model = Member
    filterset_class = ReviewFilterSet
    columns = REVIEW_COLUMNS
    title = gettext_lazy("Members to review")
    export_name = "待核查会员"
    default_sort = ("org__path", "name_pinyin", "pk")
    template_name = "dues/review_list.html"

    def as_of(self):
        if not hasattr(self, "_as_of"):
            records = DuesRecord.objects.visible_to(self.request.user)
            self._as_of = selectors.review_as_of(records, timezone.localdate())
        return self._as_of

    def get_queryset(self):
        members = Member.objects.select_related("org").visible_to(self.request.user)
        return selectors.members_to_review(None, self.as_of(), members=members)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = selectors.review_window(self.as_of())
        context["window_start"] = month_label(start)
        context["window_end"] = month_label(add_months(end, -1))
        return context
