import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assistance.choices import (
    AssistanceKind,
    CampaignKind,
    CampaignStatus,
    FileStatus,
    FundSource,
    HardshipCategory,
)
from assistance.models import Allocation, AssistanceRecord, Campaign, HardshipFile
from core.filtersets import ScopedFilterSet
from members.models import Member
from members.selectors import search_condition
from orgs.models import Org


class SubtreeMixin:
    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


def org_filter():
    return django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )


class FileFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Household head, ID number or card"))
    org = org_filter()
    status = django_filters.ChoiceFilter(choices=FileStatus.choices, label=_("Status"))
    category = django_filters.ChoiceFilter(
        choices=HardshipCategory.choices, label=_("Hardship category")
    )
    is_temporary = django_filters.BooleanFilter(label=_("Temporary file"))

    class Meta:
        model = HardshipFile
        fields = ["q", "org", "status", "category", "is_temporary"]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        condition = search_condition(value)
        members = Member.objects.filter(condition) if condition else Member.objects.none()
        from django.db.models import Q

        from core import pii

        by_number = Q(pk__in=[])
        try:
            number = pii.normalise_id_number(value)
        except Exception:  # not an ID number: search by name only
            number = ""
        if number:
            by_number = Q(household_key=pii.blind_index(pii.KIND_ID_NUMBER, number))
        return queryset.filter(Q(head_name__contains=value) | Q(member__in=members) | by_number)


class RecordFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Name, pinyin, ID number, phone or card")
    )
    org = org_filter()
    member = django_filters.ModelChoiceFilter(
        queryset=Member.objects.all(), label=_("Member"), widget=HiddenInput
    )
    campaign = django_filters.ModelChoiceFilter(
        queryset=Campaign.objects.all(), label=_("Campaign"), widget=HiddenInput
    )
    kind = django_filters.ChoiceFilter(choices=AssistanceKind.choices, label=_("Kind of aid"))
    fund_source = django_filters.ChoiceFilter(choices=FundSource.choices, label=_("Fund source"))
    since = django_filters.DateFilter(field_name="delivered_on", lookup_expr="gte", label=_("From"))
    until = django_filters.DateFilter(field_name="delivered_on", lookup_expr="lte", label=_("To"))

    class Meta:
        model = AssistanceRecord
        fields = ["q", "org", "member", "campaign", "kind", "fund_source", "since", "until"]

    def search(self, queryset, name, value):
        condition = search_condition(value)
        if not condition:
            return queryset
        return queryset.filter(member__in=Member.objects.filter(condition))


class CampaignFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="contains", label=pgettext_lazy("assistance", "Title")
    )
    org = org_filter()
    kind = django_filters.ChoiceFilter(choices=CampaignKind.choices, label=_("Kind"))
    year = django_filters.NumberFilter(field_name="year", label=_("Year"))
    status = django_filters.ChoiceFilter(choices=CampaignStatus.choices, label=_("Status"))

    class Meta:
        model = Campaign
        fields = ["q", "org", "kind", "year", "status"]


class FundFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="campaign__title", lookup_expr="contains", label=_("Campaign")
    )
    org = org_filter()
    kind = django_filters.ChoiceFilter(
        field_name="campaign__kind", choices=CampaignKind.choices, label=_("Kind")
    )
    year = django_filters.NumberFilter(field_name="campaign__year", label=_("Year"))

    class Meta:
        model = Allocation
        fields = ["q", "org", "kind", "year"]
