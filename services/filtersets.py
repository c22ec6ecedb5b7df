import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import Action
from core.filtersets import ScopedFilterSet
from members.models import Member
from members.selectors import search_condition
from orgs.models import Org
from services.choices import Eligibility, RequestStatus, ServiceCategory, ServiceStatus
from services.models import PracticalProject, Service, ServiceRequest
from services.selectors import overdue_condition


class _SubtreeMixin:
    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


class ServiceFilterSet(_SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="contains", label=_("Name"))
    category = django_filters.ChoiceFilter(choices=ServiceCategory.choices, label=_("Category"))
    eligibility = django_filters.ChoiceFilter(
        choices=Eligibility.choices, label=_("Who may request it")
    )
    status = django_filters.ChoiceFilter(choices=ServiceStatus.choices, label=_("Status"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = Service
        fields = ["q", "category", "eligibility", "status", "org"]


ESCALATED_CHOICES = [
    ("any", pgettext_lazy("services", "Escalated")),
    ("mine", _("Escalated to my unions")),
    ("no", _("Not escalated")),
]


class ServiceRequestFilterSet(_SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Member name, pinyin, phone or card, or service")
    )
    status = django_filters.ChoiceFilter(choices=RequestStatus.choices, label=_("Status"))
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label=pgettext_lazy("services", "Overdue")
    )
    escalated = django_filters.ChoiceFilter(
        choices=ESCALATED_CHOICES, method="filter_escalated", label=_("Escalation")
    )
    category = django_filters.ChoiceFilter(
        field_name="service__category", choices=ServiceCategory.choices, label=_("Category")
    )
    since = django_filters.DateFilter(
        field_name="submitted_at", lookup_expr="date__gte", label=_("Submitted from")
    )
    until = django_filters.DateFilter(
        field_name="submitted_at", lookup_expr="date__lte", label=_("Submitted until")
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    service = django_filters.ModelChoiceFilter(
        queryset=Service.objects.all(), label=_("Service"), widget=HiddenInput
    )

    class Meta:
        model = ServiceRequest
        fields = ["q", "status", "overdue", "escalated", "category", "since", "until", "org"]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        condition = search_condition(value)
        if not condition:
            return queryset
        return queryset.filter(
            Q(member__in=Member.objects.filter(condition)) | Q(service__name__contains=value)
        )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        condition = overdue_condition(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_escalated(self, queryset, name, value):
        if value == "any":
            return queryset.filter(escalated_at__isnull=False)
        if value == "no":
            return queryset.filter(escalated_at__isnull=True)
        if value == "mine" and self.request is not None:
            mine = Org.objects.visible_to(self.request.user, Action.CHANGE).values("pk")
            return queryset.filter(escalated_to__in=mine)
        return queryset


class PracticalProjectFilterSet(_SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="contains", label=_("Name"))
    year = django_filters.NumberFilter(field_name="year", label=_("Year"))
    category = django_filters.ChoiceFilter(choices=ServiceCategory.choices, label=_("Category"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = PracticalProject
        fields = ["q", "year", "category", "org"]
