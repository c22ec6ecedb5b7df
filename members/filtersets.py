import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from members.choices import (
    EmploymentForm,
    Gender,
    JoinKind,
    JoinStatus,
    MemberStatus,
    TransferStatus,
)
from members.models import JoinApplication, Member, Transfer
from members.selectors import search_condition
from orgs.models import Org


class MemberFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Name, pinyin, ID number, phone or card")
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    status = django_filters.ChoiceFilter(choices=MemberStatus.choices, label=_("Status"))
    employment_form = django_filters.ChoiceFilter(
        choices=EmploymentForm.choices, label=_("Employment form")
    )
    is_migrant_worker = django_filters.BooleanFilter(label=_("Migrant worker"))
    gender = django_filters.ChoiceFilter(choices=Gender.choices, label=_("Gender"))

    class Meta:
        model = Member
        fields = ["q", "org", "status", "employment_form", "is_migrant_worker", "gender"]

    def search(self, queryset, name, value):
        return queryset.filter(search_condition(value))

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


class TransferFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    status = django_filters.ChoiceFilter(choices=TransferStatus.choices, label=_("Status"))

    class Meta:
        model = Transfer
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(member__name__contains=value.strip())
            | Q(member__card_number=value.strip())
            | Q(from_org__name__contains=value.strip())
            | Q(to_org__name__contains=value.strip())
        )


class JoinApplicationFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, pinyin, ID number or phone"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    status = django_filters.ChoiceFilter(choices=JoinStatus.choices, label=_("Status"))
    employment_form = django_filters.ChoiceFilter(
        choices=EmploymentForm.choices, label=_("Employment form")
    )
    kind = django_filters.ChoiceFilter(choices=JoinKind.choices, label=_("Kind of application"))

    class Meta:
        model = JoinApplication
        fields = ["q", "org", "status", "employment_form", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(search_condition(value, with_card=False))

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset
