import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from petitions.choices import PetitionChannel, PetitionStatus
from petitions.models import Petition
from petitions.selectors import overdue_q
from rights.choices import Category
from rights.filtersets import SubtreeFilterSet


class PetitionFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Subject, content, petitioner or phone"))
    status = django_filters.ChoiceFilter(choices=PetitionStatus.choices, label=_("Status"))
    channel = django_filters.ChoiceFilter(
        choices=PetitionChannel.choices, label=pgettext_lazy("petitions", "Channel")
    )
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Matter category"))
    is_collective = django_filters.BooleanFilter(label=_("Collective petition"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Past the deadline"))
    since = django_filters.DateFilter(
        field_name="received_on", lookup_expr="gte", label=_("Received from")
    )
    until = django_filters.DateFilter(
        field_name="received_on", lookup_expr="lte", label=_("Received until")
    )
    search_fields = ("subject", "content", "caller_name")

    class Meta:
        model = Petition
        fields = [
            "q", "status", "channel", "category", "is_collective", "overdue", "since", "until",
            "org", "enterprise",
        ]  # fmt: skip

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        condition = overdue_q(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)
