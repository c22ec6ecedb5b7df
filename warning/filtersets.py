import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filtersets import ScopedFilterSet
from orgs.models import Enterprise, Org
from warning.choices import (
    AlertStatus,
    CampaignStatus,
    InspectionStatus,
    RiskLevel,
    SignalKind,
    SignalSource,
    SignalStatus,
)
from warning.models import Alert, Campaign, Inspection, RiskScore, RiskSignal


class EnterpriseSubtreeMixin(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="enterprise__name", lookup_expr="contains", label=_("Enterprise")
    )
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
            Q(enterprise__territory__path__startswith=value.path)
            | Q(enterprise__covering_union__path__startswith=value.path)
        )


class RiskScoreFilterSet(EnterpriseSubtreeMixin, ScopedFilterSet):
    level = django_filters.ChoiceFilter(choices=RiskLevel.choices, label=_("Warning level"))

    class Meta:
        model = RiskScore
        fields = ["q", "level", "org", "enterprise"]


class RiskSignalFilterSet(EnterpriseSubtreeMixin, ScopedFilterSet):
    kind = django_filters.ChoiceFilter(choices=SignalKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=SignalStatus.choices, label=_("Status"))
    source = django_filters.ChoiceFilter(choices=SignalSource.choices, label=_("Source"))
    since = django_filters.DateFilter(
        field_name="observed_on", lookup_expr="gte", label=_("Observed from")
    )

    class Meta:
        model = RiskSignal
        fields = ["q", "kind", "status", "source", "since", "org", "enterprise"]


class AlertFilterSet(EnterpriseSubtreeMixin, ScopedFilterSet):
    level = django_filters.ChoiceFilter(choices=RiskLevel.choices, label=_("Warning level"))
    status = django_filters.ChoiceFilter(choices=AlertStatus.choices, label=_("Status"))
    open = django_filters.BooleanFilter(method="only_open", label=_("Open only"))
    overdue = django_filters.BooleanFilter(method="past_due", label=_("Past the deadline"))

    class Meta:
        model = Alert
        fields = ["q", "level", "status", "open", "overdue", "org", "enterprise"]

    def past_due(self, queryset, name, value):
        from django.utils import timezone

        from warning.choices import OPEN_ALERT_STATUSES

        if value is None:
            return queryset
        late = Q(status__in=OPEN_ALERT_STATUSES, due_on__lt=timezone.localdate())
        return queryset.filter(late) if value else queryset.exclude(late)

    def only_open(self, queryset, name, value):
        from warning.choices import OPEN_ALERT_STATUSES

        if value is None:
            return queryset
        if value:
            return queryset.filter(status__in=OPEN_ALERT_STATUSES)
        return queryset.exclude(status__in=OPEN_ALERT_STATUSES)


class CampaignFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="contains", label=pgettext_lazy("warning", "Title")
    )
    status = django_filters.ChoiceFilter(choices=CampaignStatus.choices, label=_("Status"))

    class Meta:
        model = Campaign
        fields = ["q", "status"]


class InspectionFilterSet(EnterpriseSubtreeMixin, ScopedFilterSet):
    status = django_filters.ChoiceFilter(choices=InspectionStatus.choices, label=_("Status"))
    campaign = django_filters.ModelChoiceFilter(
        queryset=Campaign.objects.all(),
        label=pgettext_lazy("warning", "Campaign"),
        widget=HiddenInput,
    )
    mine = django_filters.BooleanFilter(method="assigned_to_me", label=_("Assigned to me"))

    class Meta:
        model = Inspection
        fields = ["q", "status", "mine", "campaign", "org", "enterprise"]

    def assigned_to_me(self, queryset, name, value):
        if value is None or self.request is None:
            return queryset
        if value:
            return queryset.filter(assignee=self.request.user)
        return queryset.exclude(assignee=self.request.user)
