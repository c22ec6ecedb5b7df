import django_filters
from django.conf import settings
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from orgs.choices import (
    Coverage,
    EnterpriseStatus,
    GrassrootsType,
    Industry,
    OrgLevel,
    OrgStatus,
    UnitCategory,
)
from orgs.models import Enterprise, Org


class CharInFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    pass


class OrgFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    level = django_filters.ChoiceFilter(choices=OrgLevel.choices, label=_("Level"))
    levels = CharInFilter(field_name="level", widget=HiddenInput)
    status = django_filters.ChoiceFilter(choices=OrgStatus.choices, label=_("Status"))
    # Hidden: set by links from an org page; a select of every org would weigh megabytes.
    under = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Under"), widget=HiddenInput
    )

    class Meta:
        model = Org
        fields = ["q", "level", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(Q(name__icontains=value) | Q(code__iexact=value)) if value else queryset
        )

    def subtree(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path) if value else queryset


SIZE_BANDS = {
    "micro": (0, 19),
    "small": (20, 99),
    "medium": (100, 999),
    "large": (1000, None),
}


class EnterpriseFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    coverage = django_filters.ChoiceFilter(
        choices=Coverage.choices, method="filter_coverage", label=_("Union")
    )
    category = django_filters.ChoiceFilter(choices=UnitCategory.choices, label=_("Unit category"))
    industry = django_filters.ChoiceFilter(choices=Industry.choices, label=_("Industry"))
    is_platform = django_filters.BooleanFilter(label=_("Platform company"))
    size = django_filters.ChoiceFilter(
        choices=[
            ("micro", _("Under 20 employees")),
            ("small", _("20–99 employees")),
            ("medium", _("100–999 employees")),
            ("large", _("1000 employees or more")),
            ("threshold", _("At or above the own-union threshold")),
        ],
        method="filter_size",
        label=_("Size"),
    )
    status = django_filters.ChoiceFilter(choices=EnterpriseStatus.choices, label=_("Status"))

    class Meta:
        model = Enterprise
        fields = ["q", "org", "coverage", "category", "industry", "is_platform", "size", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(uscc__iexact=value))

    def subtree(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(territory__path__startswith=value.path)
            | Q(covering_union__path__startswith=value.path)
        )

    def filter_coverage(self, queryset, name, value):
        covered = Q(covering_union__status=OrgStatus.ACTIVE)
        separate = covered & Q(
            covering_union__level=OrgLevel.GRASSROOTS,
            covering_union__grassroots_type=GrassrootsType.STANDALONE,
        )
        if value == Coverage.SEPARATE:
            return queryset.filter(separate)
        if value == Coverage.JOINT:
            return queryset.filter(covered).exclude(separate)
        if value == Coverage.NONE:
            return queryset.exclude(covered)
        return queryset

    def filter_size(self, queryset, name, value):
        if value == "threshold":
            threshold = settings.GONGHUI["SEPARATE_UNION_EMPLOYEE_THRESHOLD"]
            return queryset.filter(employee_count__gte=threshold)
        low, high = SIZE_BANDS.get(value, (None, None))
        if low is not None:
            queryset = queryset.filter(employee_count__gte=low)
        if high is not None:
            queryset = queryset.filter(employee_count__lte=high)
        return queryset
