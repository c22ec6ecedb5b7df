import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from dues.choices import DuesSource, DuesStatus
from dues.forms import MonthField
from dues.models import DuesRecord
from members.models import Member
from members.selectors import search_condition
from orgs.models import Org


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class DuesFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Name, pinyin, ID number, phone or card")
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    member = django_filters.ModelChoiceFilter(
        queryset=Member.objects.all(), label=_("Member"), widget=HiddenInput
    )
    month = MonthFilter(field_name="month", label=_("Month"))
    status = django_filters.ChoiceFilter(choices=DuesStatus.choices, label=_("Status"))
    source = django_filters.ChoiceFilter(choices=DuesSource.choices, label=_("Source"))

    class Meta:
        model = DuesRecord
        fields = ["q", "org", "member", "month", "status", "source"]

    def search(self, queryset, name, value):
        condition = search_condition(value)
        if not condition:
            return queryset
        return queryset.filter(member__in=Member.objects.filter(condition))

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


class ReviewFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Name, pinyin, ID number, phone or card")
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = Member
        fields = ["q", "org"]

    def search(self, queryset, name, value):
        return queryset.filter(search_condition(value))

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


class SummaryFilterSet(ScopedFilterSet):
    """Unions by name; the month is read by the view, which builds the figures for it."""

    q = django_filters.CharFilter(field_name="name", lookup_expr="contains", label=_("Union"))
    month = MonthFilter(method="keep", label=_("Month"))
    under = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Under"), widget=HiddenInput
    )

    class Meta:
        model = Org
        fields = ["q", "month", "under"]

    def keep(self, queryset, name, value):
        return queryset

    def subtree(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path) if value else queryset
