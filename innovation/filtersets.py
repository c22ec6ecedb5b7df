import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.filtersets import SubtreeMixin
from core.filtersets import ScopedFilterSet
from innovation.choices import (
    AwardGrade,
    FiveSmall,
    InnovationKind,
    InnovationStatus,
    StudioKind,
    StudioLevel,
)
from innovation.models import Innovation, Studio
from orgs.models import Org


class InnovationFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Title, authors or patent"))
    kind = django_filters.ChoiceFilter(choices=InnovationKind.choices, label=_("Kind"))
    five_small = django_filters.ChoiceFilter(choices=FiveSmall.choices, label=_("Five smalls"))
    status = django_filters.ChoiceFilter(choices=InnovationStatus.choices, label=_("Status"))
    award = django_filters.ChoiceFilter(choices=AwardGrade.choices, label=_("Award"))
    year = django_filters.NumberFilter(field_name="year", label=_("Year"))
    received = django_filters.BooleanFilter(
        method="received_filter", label=pgettext_lazy("innovation", "Forwarded upward")
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Union"), widget=HiddenInput
    )
    studio = django_filters.ModelChoiceFilter(
        queryset=Studio.objects.all(), label=_("Studio"), widget=HiddenInput
    )

    class Meta:
        model = Innovation
        fields = ["q", "kind", "five_small", "status", "award", "year", "received", "org", "studio"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(authors__icontains=value)
            | Q(patent_number__icontains=value)
        )

    def received_filter(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(forwarded_to__isnull=not value)


class StudioFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or leader"))
    kind = django_filters.ChoiceFilter(choices=StudioKind.choices, label=_("Kind"))
    level = django_filters.ChoiceFilter(choices=StudioLevel.choices, label=_("Level"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Union"), widget=HiddenInput
    )

    class Meta:
        model = Studio
        fields = ["q", "kind", "level", "org"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(leader_name__icontains=value))
