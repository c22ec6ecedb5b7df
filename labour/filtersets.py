import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filtersets import ScopedFilterSet
from labour.choices import (
    CongressKind,
    ContractKind,
    ContractScope,
    ContractState,
    DisclosureChannel,
)
from labour.models import Congress, Contract, Disclosure
from labour.selectors import in_force_on
from orgs.models import Enterprise, Org


class SubtreeFilterSet(ScopedFilterSet):
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    enterprise = django_filters.ModelChoiceFilter(
        queryset=Enterprise.objects.all(), label=_("Enterprise"), widget=HiddenInput
    )

    def subtree(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(org__path__startswith=value.path)
            | Q(enterprise__territory__path__startswith=value.path)
        )


class ContractFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Title or enterprise"))
    kind = django_filters.ChoiceFilter(choices=ContractKind.choices, label=_("Kind"))
    coverage = django_filters.ChoiceFilter(choices=ContractScope.choices, label=_("Coverage"))
    state = django_filters.ChoiceFilter(
        choices=ContractState.choices, method="by_state", label=_("State")
    )

    class Meta:
        model = Contract
        fields = ["q", "kind", "coverage", "state", "org", "enterprise"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__contains=value) | Q(enterprise__name__contains=value))

    def by_state(self, queryset, name, value):
        today = timezone.localdate()
        came = Q(status__in=("filed", "published"))
        conditions = {
            ContractState.REQUESTED: Q(status="requested"),
            ContractState.NEGOTIATING: Q(status="negotiating"),
            ContractState.SIGNED: Q(status="signed"),
            ContractState.UNDER_REVIEW: came & Q(effective_on__gt=today),
            ContractState.IN_FORCE: in_force_on(today),
            ContractState.EXPIRED: came & Q(expires_on__lt=today),
            ContractState.TERMINATED: Q(status="terminated"),
        }
        return queryset.filter(conditions[value]) if value in conditions else queryset


class TodoFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Title or enterprise"))
    todo = django_filters.ChoiceFilter(
        choices=[
            ("reply", _("Written reply due")),
            ("file", _("Filing due")),
            ("publish", _("Publication due")),
            ("renew", _("Expires: renewal talks")),
        ],
        label=_("What is due"),
    )

    class Meta:
        model = Contract
        fields = ["q", "todo", "org"]

    search = ContractFilterSet.search


class CongressFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(
        field_name="enterprise__name", lookup_expr="contains", label=_("Enterprise")
    )
    kind = django_filters.ChoiceFilter(choices=CongressKind.choices, label=_("Kind"))
    year = django_filters.NumberFilter(field_name="held_on", lookup_expr="year", label=_("Year"))

    class Meta:
        model = Congress
        fields = ["q", "kind", "year", "org", "enterprise"]


class DisclosureFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Enterprise or matter"))
    channel = django_filters.ChoiceFilter(choices=DisclosureChannel.choices, label=_("Channel"))
    year = django_filters.NumberFilter(
        field_name="disclosed_on", lookup_expr="year", label=_("Year")
    )

    class Meta:
        model = Disclosure
        fields = ["q", "channel", "year", "org", "enterprise"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(enterprise__name__contains=value) | Q(topics__contains=value))
