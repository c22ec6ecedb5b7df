import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from members.choices import EmploymentForm, Gender, MemberStatus
from members.models import Member
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
