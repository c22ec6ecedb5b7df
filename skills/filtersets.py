import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.filtersets import SubtreeMixin
from core.filtersets import ScopedFilterSet
from members.models import Member
from members.selectors import search_condition
from orgs.models import Org
from skills.choices import EnrolmentStatus, Fund, SkillAwardKind, TrainingKind
from skills.models import Enrolment, SkillAward, Training


class TrainingFilterSet(SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(choices=TrainingKind.choices, label=_("Kind"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(),
        method="subtree",
        label=pgettext_lazy("skills", "Host"),
        widget=HiddenInput,
    )

    class Meta:
        model = Training
        fields = ["q", "kind", "org"]


class MemberSearchMixin:
    def search(self, queryset, name, value):
        condition = search_condition(value)
        if not condition:
            return queryset
        return queryset.filter(member__in=Member.objects.filter(condition))


class EnrolmentFilterSet(MemberSearchMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, pinyin or card"))
    training = django_filters.ModelChoiceFilter(
        queryset=Training.objects.all(), label=_("Training"), widget=HiddenInput
    )
    status = django_filters.ChoiceFilter(choices=EnrolmentStatus.choices, label=_("Status"))

    class Meta:
        model = Enrolment
        fields = ["q", "training", "status"]


class SkillAwardFilterSet(MemberSearchMixin, SubtreeMixin, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, pinyin or card"))
    kind = django_filters.ChoiceFilter(choices=SkillAwardKind.choices, label=_("Kind"))
    fund = django_filters.ChoiceFilter(choices=Fund.choices, label=_("Fund"))
    since = django_filters.DateFilter(field_name="granted_on", lookup_expr="gte", label=_("From"))
    until = django_filters.DateFilter(field_name="granted_on", lookup_expr="lte", label=_("To"))
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Paid by"), widget=HiddenInput
    )

    class Meta:
        model = SkillAward
        fields = ["q", "kind", "fund", "since", "until", "org"]
