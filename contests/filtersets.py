import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.choices import AwardGrade, ContestKind, ContestStatus, EntryKind, EntryStatus
from contests.models import Contest, ContestEntry, ContestStage
from core.filtersets import ScopedFilterSet
from orgs.models import Org


class SubtreeMixin:
    subtree_field = "org__path"

    def subtree(self, queryset, name, value):
        return (
            queryset.filter(**{f"{self.subtree_field}__startswith": value.path})
            if value
            else queryset
        )


class ContestFilterSet(SubtreeMixin, ScopedFilterSet):
    subtree_field = "host__path"
    q = django_filters.CharFilter(method="search", label=_("Name or theme"))
    year = django_filters.NumberFilter(field_name="year", label=_("Year"))
    kind = django_filters.ChoiceFilter(choices=ContestKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=ContestStatus.choices, label=_("Status"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(),
        method="subtree",
        label=pgettext_lazy("contests", "Host"),
        widget=HiddenInput,
    )

    class Meta:
        model = Contest
        fields = ["q", "year", "kind", "status", "org"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(theme__icontains=value))


class EntryFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Entrant or number"))
    contest = django_filters.ModelChoiceFilter(
        queryset=Contest.objects.all(), label=_("Contest"), widget=HiddenInput
    )
    kind = django_filters.ChoiceFilter(choices=EntryKind.choices, label=_("Entry type"))
    award = django_filters.ChoiceFilter(choices=AwardGrade.choices, label=_("Award"))
    status = django_filters.ChoiceFilter(choices=EntryStatus.choices, label=_("Status"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Union"), widget=HiddenInput
    )

    class Meta:
        model = ContestEntry
        fields = ["q", "contest", "kind", "award", "status", "org"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(number=value))


class JudgingFilterSet(ScopedFilterSet):
    class Meta:
        model = ContestStage
        fields = ["status"]
