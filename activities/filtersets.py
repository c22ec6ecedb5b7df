import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.choices import (
    ActivityKind,
    ActivityStatus,
    NoticeAudience,
    NoticeKind,
    NoticeStatus,
    RegistrationStatus,
)
from activities.models import Activity, Notice, QuestionBank, Quiz, QuizAttempt, Registration
from core.filtersets import ScopedFilterSet
from orgs.models import Org


class ActivityFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=pgettext_lazy("activities", "Title")
    )
    kind = django_filters.ChoiceFilter(choices=ActivityKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=ActivityStatus.choices, label=_("Status"))
    since = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__gte", label=_("From")
    )
    until = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__lte", label=_("To")
    )
    org = django_filters.ModelChoiceFilter(
        queryset=Org.objects.all(), method="subtree", label=_("Organisation"), widget=HiddenInput
    )

    class Meta:
        model = Activity
        fields = ["q", "kind", "status", "since", "until", "org"]

    def subtree(self, queryset, name, value):
        return queryset.filter(org__path__startswith=value.path) if value else queryset


class RegistrationFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="member__name", lookup_expr="contains", label=_("Member")
    )
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices, label=_("Status"))
    activity = django_filters.ModelChoiceFilter(
        queryset=Activity.objects.all(), label=_("Activity"), widget=HiddenInput
    )
    checked_in = django_filters.BooleanFilter(
        field_name="checked_in_at", lookup_expr="isnull", exclude=True, label=_("Checked in")
    )

    class Meta:
        model = Registration
        fields = ["q", "status", "activity", "checked_in"]


class NoticeFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=pgettext_lazy("activities", "Title")
    )
    kind = django_filters.ChoiceFilter(choices=NoticeKind.choices, label=_("Kind"))
    audience = django_filters.ChoiceFilter(choices=NoticeAudience.choices, label=_("Audience"))
    status = django_filters.ChoiceFilter(choices=NoticeStatus.choices, label=_("Status"))

    class Meta:
        model = Notice
        fields = ["q", "kind", "audience", "status"]


class QuestionBankFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))

    class Meta:
        model = QuestionBank
        fields = ["q"]


class QuizFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=pgettext_lazy("activities", "Title")
    )

    class Meta:
        model = Quiz
        fields = ["q"]


class QuizAttemptFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(
        field_name="member__name", lookup_expr="contains", label=_("Member")
    )
    quiz = django_filters.ModelChoiceFilter(
        queryset=Quiz.objects.all(), label=_("Quiz"), widget=HiddenInput
    )
    late = django_filters.BooleanFilter(field_name="late", label=_("Late"))

    class Meta:
        model = QuizAttempt
        fields = ["q", "quiz", "late"]
