import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filtersets import ScopedFilterSet
from orgs.models import Org
from stations.choices import FACILITIES, StationStatus
from stations.geo import parse_point
from stations.models import DistrictArea, Station, StationReview


class StationFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, code or address"))
    status = django_filters.ChoiceFilter(choices=StationStatus.choices, label=_("Status"))
    stars = django_filters.ChoiceFilter(
        choices=[(n, "★" * n if n else _("Not rated")) for n in range(0, 6)], label=_("Stars")
    )
    facility = django_filters.ChoiceFilter(
        choices=FACILITIES, method="with_facility", label=_("Facility")
    )
    open_24h = django_filters.BooleanFilter(label=_("Open 24 hours"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = Station
        fields = ["q", "status", "stars", "facility", "open_24h", "org"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(code__iexact=value) | Q(address__icontains=value)
        )

    def with_facility(self, queryset, name, value):
        return queryset.filter(**{f"has_{value}": True}) if value else queryset

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


class PublicStationFilterSet(django_filters.FilterSet):
    """Filters of the public station API (no scope: every open station)."""

    q = django_filters.CharFilter(method="search", label=_("Name, code or address"))
    facility = django_filters.ChoiceFilter(
        choices=FACILITIES, method="with_facility", label=_("Facility")
    )
    open_24h = django_filters.BooleanFilter(label=_("Open 24 hours"))

    class Meta:
        model = Station
        fields = ["q", "facility", "open_24h"]

    search = StationFilterSet.search
    with_facility = StationFilterSet.with_facility


class DistrictAreaFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="org__name", lookup_expr="contains", label=pgettext_lazy("stations", "District")
    )

    class Meta:
        model = DistrictArea
        fields = ["q"]


def near_point(request):
    """The ``?near=lat,lng`` of a request, or ``None``."""
    return parse_point(request.GET.get("near", "")) if request.GET.get("near") else None


class ReviewFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Station name or code"))
    year = django_filters.NumberFilter(label=_("Year"))
    stars = django_filters.ChoiceFilter(
        choices=[(n, "★" * n if n else _("Delisted")) for n in range(0, 6)],
        label=_("Stars awarded"),
    )

    class Meta:
        model = StationReview
        fields = ["q", "year", "stars"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(station__name__icontains=value) | Q(station__code__iexact=value))
