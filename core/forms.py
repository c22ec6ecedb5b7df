from django import forms
from django.utils.translation import gettext_lazy as _

from core.choices import Action


def restrict_choices_to_scope(form, user, action: str = Action.CHANGE) -> None:
    """Limit every model-choice field to rows the user may act on, so a dropdown never
    offers (and validation never accepts) an object outside the user's scope."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField):
            queryset = field.queryset
            if hasattr(queryset, "visible_to"):
                field.queryset = queryset.visible_to(user, action)


class ScopedForm(forms.Form):
    """A plain form that knows its user; ActionFormView restricts its choices to scope."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (photos of an activity, a notice's attachments); cleans
    to a list. Size, type and count are the action's rules, checked on the whole request."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not uploads and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return uploads


class ImportForm(ScopedForm):
    """Upload a spreadsheet for one org: check only, all-or-nothing, or accept valid rows."""

    file = forms.FileField(
        label=_("File"), help_text=_("xlsx, xls or csv; the first sheet is read.")
    )
    dry_run = forms.BooleanField(
        label=_("Check only (dry run): write nothing"), required=False, initial=True
    )
    accept_valid = forms.BooleanField(
        label=_("Write the valid rows even if other rows have problems"), required=False
    )


class ConfirmForm(ScopedForm):
    """A confirmation with nothing to fill in (the step's action says what happens)."""
