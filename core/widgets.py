from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy


class SearchSelect(forms.Select):
    """A select that renders only its current choice plus a search box; typing asks the
    picker URL (an ObjectListView, so scoped like every list) for matching options.

    The form field keeps its full, scoped queryset for validation, so a submitted id is still
    checked against what the user may pick; the page just never lists thousands of rows.
    """

    template_name = "core/widgets/search_select.html"

    def __init__(self, url_name="orgs:pick", params: dict | None = None, attrs=None):
        super().__init__(attrs)
        self.url = reverse_lazy(url_name)
        self.params = params or {}

    def optgroups(self, name, value, attrs=None):
        queryset = getattr(self.choices, "queryset", None)
        selected = [v for v in value if v not in ("", None)]
        if queryset is not None:
            # A re-rendered form may carry whatever was posted; only real ids are looked up.
            selected = [v for v in selected if _is_valid_pk(queryset.model, v)]
        groups = [(None, [self.create_option(name, "", "—", not selected, 0)], 0)]
        if queryset is None or not selected:
            return groups
        for index, obj in enumerate(queryset.filter(pk__in=selected), start=1):
            groups.append((None, [self.create_option(name, obj.pk, str(obj), True, index)], index))
        return groups

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        query = "&".join(f"{key}={val}" for key, val in self.params.items())
        context["widget"]["search_url"] = f"{self.url}?{query}" if query else str(self.url)
        return context


def _is_valid_pk(model, value) -> bool:
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True
