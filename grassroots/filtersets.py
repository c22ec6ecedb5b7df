import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from grassroots.choices import (
    BookingStatus,
    EvaluationStatus,
    ProgrammeKind,
    ReportStatus,
    TaskStatus,
    VenueKind,
)
from grassroots.models import (
    Booking,
    FormTemplate,
    HomeEvaluation,
    HomeProgramme,
    Task,
    TaskReport,
    Venue,
)
from orgs.models import Org


class SubtreeFilterSet(ScopedFilterSet):
    """``?org=`` narrows a list to one organisation's subtree."""

    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    subtree_field = "org"

    def subtree(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.subtree_field}__path__startswith": value.path})


class VenueFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or address"))
    kind = django_filters.ChoiceFilter(choices=VenueKind.choices, label=_("Kind"))
    is_active = django_filters.BooleanFilter(label=_("Open for booking"))

    class Meta:
        model = Venue
        fields = ["q", "org", "kind", "is_active"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(address__icontains=value))


class BookingFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Venue, union or purpose"))
    venue = django_filters.ModelChoiceFilter(
        queryset=Venue.objects.all(), label=_("Venue"), widget=HiddenInput
    )
    status = django_filters.ChoiceFilter(choices=BookingStatus.choices, label=_("Status"))
    since = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    until = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"))

    class Meta:
        model = Booking
        fields = ["q", "org", "venue", "status", "since", "until"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(venue__name__icontains=value)
            | Q(org__name__icontains=value)
            | Q(purpose__icontains=value)
        )


class ProgrammeFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(choices=ProgrammeKind.choices, label=_("Title"))
    year = django_filters.NumberFilter(label=_("Year"))

    class Meta:
        model = HomeProgramme
        fields = ["q", "kind", "year"]


class EvaluationFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="org__name", lookup_expr="icontains", label=_("Union"))
    status = django_filters.ChoiceFilter(choices=EvaluationStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(
        field_name="programme__kind", choices=ProgrammeKind.choices, label=_("Title")
    )
    stars = django_filters.NumberFilter(label=_("Stars"))
    programme = django_filters.ModelChoiceFilter(
        queryset=HomeProgramme.objects.all(), label=_("Home programme"), widget=HiddenInput
    )

    class Meta:
        model = HomeEvaluation
        fields = ["q", "org", "status", "kind", "stars", "programme"]


class TaskFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Subject"))
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices, label=_("Status"))

    class Meta:
        model = Task
        fields = ["q", "status"]


class ReportFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Task or organisation"))
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, label=_("Status"))
    task = django_filters.ModelChoiceFilter(
        queryset=Task.objects.all(), label=_("Task"), widget=HiddenInput
    )

    class Meta:
        model = TaskReport
        fields = ["q", "org", "status", "task"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(task__title__icontains=value) | Q(org__name__icontains=value))


class TemplateFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))

    class Meta:
        model = FormTemplate
        fields = ["q"]
