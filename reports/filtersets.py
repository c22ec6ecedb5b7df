import django_filters
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from reports.choices import DraftStatus
from reports.models import ReportDraft


class ReportDraftFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="org__name", lookup_expr="icontains", label=_("Search")
    )
    status = django_filters.ChoiceFilter(choices=DraftStatus.choices, label=_("Status"))

    class Meta:
        model = ReportDraft
        fields = ["q", "status"]
