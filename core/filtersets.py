import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import Action, AuditAction, JobStatus
from core.forms import restrict_choices_to_scope
from core.models import AuditEntry, ImportJob


class ScopedFilterSet(django_filters.FilterSet):
    """A FilterSet whose model-choice filters only offer rows the user may see."""

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        if request is not None:
            restrict_choices_to_scope(self.form, request.user, Action.VIEW)
        for field in self.form.fields.values():
            if hasattr(field, "empty_label"):
                field.empty_label = _("All")


class AuditFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    action = django_filters.ChoiceFilter(choices=AuditAction.choices, label=_("Action"))
    since = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("From"))
    until = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("To"))

    class Meta:
        model = AuditEntry
        fields = ["q", "action", "since", "until"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(object_repr__icontains=value) | Q(actor_name__iexact=value))


class ImportJobFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="file_name", lookup_expr="icontains", label=_("File"))
    status = django_filters.ChoiceFilter(choices=JobStatus.choices, label=_("Status"))

    class Meta:
        model = ImportJob
        fields = ["q", "status"]
