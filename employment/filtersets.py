import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filtersets import ScopedFilterSet
from employment.choices import (
    AidStatus,
    ApplicationStatus,
    FairKind,
    FairStatus,
    JobLossReason,
    PostingStatus,
)
from employment.models import EmploymentAid, JobApplication, JobFair, JobPosting
from members.models import Member
from members.selectors import search_condition
from orgs.models import Org


class SubtreeMixin:
    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


def _org_filter():
    return django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )


class JobPostingFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Job title or employer"))
    status = django_filters.ChoiceFilter(choices=PostingStatus.choices, label=_("Status"))
    org = _org_filter()

    class Meta:
        model = JobPosting
        fields = ["q", "status", "org"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(enterprise__name__icontains=value))


class JobApplicationFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Member name, pinyin or card"))
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices, label=_("Status"))
    posting = django_filters.ModelChoiceFilter(
        queryset=JobPosting.objects.all(), label=_("Job"), widget=HiddenInput
    )

    class Meta:
        model = JobApplication
        fields = ["q", "status", "posting"]

    def search(self, queryset, name, value):
        condition = search_condition(value)
        if not condition:
            return queryset
        return queryset.filter(member__in=Member.objects.filter(condition))


class JobFairFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=pgettext_lazy("employment", "Title")
    )
    kind = django_filters.ChoiceFilter(choices=FairKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=FairStatus.choices, label=_("Status"))
    since = django_filters.DateFilter(field_name="held_on", lookup_expr="gte", label=_("From"))
    org = _org_filter()

    class Meta:
        model = JobFair
        fields = ["q", "kind", "status", "since", "org"]


class EmploymentAidFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Member name, pinyin or card"))
    status = django_filters.ChoiceFilter(choices=AidStatus.choices, label=_("Status"))
    reason = django_filters.ChoiceFilter(choices=JobLossReason.choices, label=_("Reason"))
    org = _org_filter()

    class Meta:
        model = EmploymentAid
        fields = ["q", "status", "reason", "org"]

    search = JobApplicationFilterSet.search
