import re

import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import pii
from core.filtersets import ScopedFilterSet
from orgs.models import Enterprise, Org
from rights.choices import (
    Category,
    DisputeOutcome,
    DisputeStatus,
    LegalAidStatus,
    TicketChannel,
    TicketKind,
    TicketStatus,
    TicketTier,
)
from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket
from rights.selectors import overdue_q

# A case number as shown (12351-20260213-000042, FY-…, TJ-…): the trailing digits are the id.
_NUMBER = re.compile(r"^(?:12351|FY|TJ)-\d{8}-(\d{1,12})$", re.IGNORECASE)


def case_search(value: str, *text_fields: str) -> Q | None:
    """By case number, the caller's full phone (blind index), or words in the text fields."""
    value = (value or "").strip()
    if not value:
        return None
    match = _NUMBER.match(value)
    if match:
        return Q(pk=int(match.group(1)))
    condition = Q()
    for field in text_fields:
        condition |= Q(**{f"{field}__icontains": value})
    try:
        phone = pii.normalise_phone(value, allow_landline=True)
    except Exception:  # not a phone number: search the words only
        return condition
    return condition | Q(caller_phone_hash=pii.blind_index(pii.KIND_PHONE, phone))


class SubtreeFilterSet(ScopedFilterSet):
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )
    enterprise = django_filters.ModelChoiceFilter(
        queryset=Enterprise.objects.all(), label=_("Enterprise"), widget=HiddenInput
    )
    search_fields: tuple[str, ...] = ()

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset

    def search(self, queryset, name, value):
        condition = case_search(value, *self.search_fields)
        return queryset if condition is None else queryset.filter(condition)


class TicketFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Number, subject, caller or phone"))
    status = django_filters.ChoiceFilter(choices=TicketStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=TicketKind.choices, label=_("Type"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Matter category"))
    tier = django_filters.ChoiceFilter(choices=TicketTier.choices, label=_("Difficulty"))
    channel = django_filters.ChoiceFilter(choices=TicketChannel.choices, label=_("Contact channel"))
    is_group = django_filters.BooleanFilter(label=_("Group case"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Past the deadline"))
    escalated = django_filters.BooleanFilter(
        field_name="escalated_to", lookup_expr="isnull", exclude=True, label=_("Escalated upward")
    )
    since = django_filters.DateFilter(
        field_name="received_on", lookup_expr="gte", label=_("Received from")
    )
    until = django_filters.DateFilter(
        field_name="received_on", lookup_expr="lte", label=_("Received until")
    )
    search_fields = ("subject", "caller_name", "employer_name", "enterprise__name")

    class Meta:
        model = Ticket
        fields = [
            "q", "status", "kind", "category", "tier", "channel", "is_group", "overdue",
            "escalated", "since", "until", "org", "enterprise",
        ]  # fmt: skip

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        condition = overdue_q(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)


class LegalAidFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Number, applicant or phone"))
    status = django_filters.ChoiceFilter(choices=LegalAidStatus.choices, label=_("Status"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Matter category"))
    eligible = django_filters.BooleanFilter(label=_("Eligible"))
    lawyer = django_filters.ModelChoiceFilter(
        queryset=Lawyer.objects.all(), label=_("Lawyer"), widget=HiddenInput
    )
    search_fields = ("caller_name", "employer_name", "enterprise__name", "matter")

    class Meta:
        model = LegalAidCase
        fields = ["q", "status", "category", "eligible", "org", "enterprise", "lawyer"]


class DisputeFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Number, party or employer"))
    status = django_filters.ChoiceFilter(choices=DisputeStatus.choices, label=_("Status"))
    outcome = django_filters.ChoiceFilter(choices=DisputeOutcome.choices, label=_("Case outcome"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Matter category"))
    search_fields = ("workers", "employer_name", "enterprise__name", "claims")

    class Meta:
        model = DisputeCase
        fields = ["q", "status", "outcome", "category", "org", "enterprise"]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        match = _NUMBER.match(value)
        if match:
            return queryset.filter(pk=int(match.group(1)))
        if not value:
            return queryset
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class LawyerFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or firm"))
    is_active = django_filters.BooleanFilter(label=_("Available for cases"))
    org = SubtreeFilterSet.base_filters["org"]

    class Meta:
        model = Lawyer
        fields = ["q", "is_active", "org"]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(firm__icontains=value) | Q(specialties__icontains=value)
        )

    subtree = SubtreeFilterSet.subtree
