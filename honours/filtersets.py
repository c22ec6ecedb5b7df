import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from honours.choices import (
    CareKind,
    HonourKind,
    HonourLevel,
    ModelWorkerStatus,
    NominationStatus,
    ProgrammeStatus,
)
from honours.models import CareRecord, HonourProgramme, HonourTitle, ModelWorker, Nomination
from orgs.models import Org


class SubtreeMixin:
    org_field = "org"

    def subtree(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.org_field}__path__startswith": value.path})


class ProgrammeFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="contains", label=_("Name"))
    kind = django_filters.ChoiceFilter(choices=HonourKind.choices, label=_("Honour"))
    level = django_filters.ChoiceFilter(choices=HonourLevel.choices, label=_("Honour level"))
    year = django_filters.NumberFilter(label=_("Year"))
    status = django_filters.ChoiceFilter(choices=ProgrammeStatus.choices, label=_("Status"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = HonourProgramme
        fields = ["q", "kind", "level", "year", "status", "org"]


class NominationFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="nominee_name", lookup_expr="contains", label=_("Nominee")
    )
    status = django_filters.ChoiceFilter(choices=NominationStatus.choices, label=_("Status"))
    waiting = django_filters.BooleanFilter(method="waiting_for_me", label=_("Waiting for me"))
    programme = django_filters.ModelChoiceFilter(
        queryset=HonourProgramme.objects.all(), label=_("Programme"), widget=HiddenInput
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = Nomination
        fields = ["q", "status", "waiting", "programme", "org"]

    def waiting_for_me(self, queryset, name, value):
        """Nominations held by a level where the user decides (review right) and open."""
        if value is None or self.request is None:
            return queryset
        from core.choices import Action
        from core.scoping import scope_paths

        condition = Q(pk__in=[])
        for path in scope_paths(self.request.user, Action.REVIEW):
            condition |= Q(stage_org__path__startswith=path)
        if self.request.user.is_superuser:
            condition = Q()
        condition &= Q(
            status__in=(
                NominationStatus.IN_REVIEW,
                NominationStatus.IN_NOTICE,
                NominationStatus.APPROVED,
            )
        )
        return queryset.filter(condition) if value else queryset.exclude(condition)


class ModelWorkerFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or employer"))
    level = django_filters.ChoiceFilter(
        choices=HonourLevel.choices, method="with_title", label=_("Title level")
    )
    kind = django_filters.ChoiceFilter(
        choices=HonourKind.choices, method="with_title", label=_("Honour")
    )
    status = django_filters.ChoiceFilter(choices=ModelWorkerStatus.choices, label=_("Status"))
    in_hardship = django_filters.BooleanFilter(label=_("In hardship"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = ModelWorker
        fields = ["q", "level", "kind", "status", "in_hardship", "org"]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__contains=value) | Q(employer_name__contains=value))

    def with_title(self, queryset, name, value):
        """Model workers holding a title of this level (``level``) or honour (``kind``)."""
        if not value:
            return queryset
        holders = HonourTitle.objects.filter(**{name: value}).values("model_worker")
        return queryset.filter(pk__in=holders)


class TitleFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="holder_name", lookup_expr="contains", label=_("Holder")
    )
    kind = django_filters.ChoiceFilter(choices=HonourKind.choices, label=_("Honour"))
    level = django_filters.ChoiceFilter(choices=HonourLevel.choices, label=_("Honour level"))
    year = django_filters.NumberFilter(label=_("Year"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = HonourTitle
        fields = ["q", "kind", "level", "year", "org"]


class CareFilterSet(SubtreeMixin, ScopedFilterSet):
    org_field = "model_worker__org"
    q = django_filters.CharFilter(
        field_name="model_worker__name", lookup_expr="contains", label=_("Model worker")
    )
    kind = django_filters.ChoiceFilter(choices=CareKind.choices, label=_("Kind"))
    since = django_filters.DateFilter(field_name="on", lookup_expr="gte", label=_("On or after"))
    until = django_filters.DateFilter(field_name="on", lookup_expr="lte", label=_("On or before"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = CareRecord
        fields = ["q", "kind", "since", "until", "org"]
