from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org
from warning import scoring
from warning.actions import REQUIRED_MEASURES
from warning.choices import WARNING_LEVELS, RiskLevel, SignalKind

ENTERPRISE_WIDGET = SearchSelect(url_name="orgs:enterprise-pick", params={"status": "active"})


class SignalForm(ScopedForm):
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"), queryset=Enterprise.objects.all(), widget=ENTERPRISE_WIDGET
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=SignalKind.choices)
    observed_on = forms.DateField(label=_("Observed on"), widget=DATE_WIDGET)
    months = forms.IntegerField(label=_("Months"), required=False, min_value=0, max_value=120)
    workers = forms.IntegerField(label=_("Workers affected"), required=False, min_value=0)
    amount = forms.DecimalField(
        label=_("Amount (yuan)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    percent = forms.DecimalField(
        label=_("Percent"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=1,
        help_text=_("Layoffs as a share of staff, or the pay cut."),
    )
    count = forms.IntegerField(label=_("Count"), min_value=1, initial=1)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        needed = "；".join(
            f"{SignalKind(kind).label}: " + "/".join(str(self.fields[f].label) for f in fields)
            for kind, fields in REQUIRED_MEASURES.items()
        )
        self.fields["kind"].help_text = _("Figures needed: %(list)s.") % {"list": needed}


class ResolveSignalForm(ScopedForm):
    resolved_on = forms.DateField(label=_("Resolved on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("How it was resolved"), max_length=200)


class VerifyForm(ScopedForm):
    finding = forms.CharField(
        label=pgettext_lazy("warning", "Finding"), widget=forms.Textarea(attrs={"rows": 4})
    )
    confirmed = forms.TypedChoiceField(
        label=_("Result"),
        choices=[("yes", _("The risk is real: dispose of it")), ("no", _("Unfounded: dismiss"))],
        coerce=lambda value: value == "yes",
        initial="yes",
    )


class HandleForm(ScopedForm):
    measures = forms.CharField(label=_("Measures taken"), widget=forms.Textarea(attrs={"rows": 4}))


class ResolveAlertForm(ScopedForm):
    disposal = forms.CharField(
        label=_("How the risk was settled"), widget=forms.Textarea(attrs={"rows": 4})
    )


class EscalateForm(ScopedForm):
    reason = forms.CharField(label=_("Why it goes up"), widget=forms.Textarea(attrs={"rows": 3}))


class RiskModelForm(ScopedForm):
    """The model as numbers per indicator: weight, window and saturation points."""

    note = forms.CharField(label=_("Reason for the change"), max_length=200)

    def __init__(self, *args, config=None, **kwargs):
        super().__init__(*args, **kwargs)
        config = config or scoring.default_model()
        self.config = config
        for level in WARNING_LEVELS:
            self.fields[f"level_{level}"] = forms.IntegerField(
                label=_("Threshold of %(level)s") % {"level": RiskLevel(level).label},
                min_value=1,
                max_value=100,
                initial=config["levels"][str(level)],
            )
        self.fields["alert_levels"] = forms.MultipleChoiceField(
            label=_("Levels that open an alert"),
            choices=[(str(lv), RiskLevel(lv).label) for lv in WARNING_LEVELS],
            initial=config["alert_levels"],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        self.indicator_rows = []
        for kind, spec in config["indicators"].items():
            label = SignalKind(kind).label
            names = [f"weight_{kind}", f"window_{kind}"]
            self.fields[f"weight_{kind}"] = forms.DecimalField(
                label=_("%(indicator)s: weight") % {"indicator": label},
                min_value=0,
                max_value=100,
                decimal_places=1,
                initial=spec["weight"],
            )
            self.fields[f"window_{kind}"] = forms.IntegerField(
                label=_("%(indicator)s: window (days)") % {"indicator": label},
                min_value=1,
                max_value=3650,
                initial=spec["window_days"],
            )
            for measure, point in spec["saturate"].items():
                name = f"sat_{kind}_{measure}"
                names.append(name)
                self.fields[name] = forms.DecimalField(
                    label=_("%(indicator)s: full points at %(measure)s")
                    % {"indicator": label, "measure": measure},
                    min_value=0,
                    decimal_places=3,
                    initial=point,
                )
            self.indicator_rows.append((kind, label, names))
        self.order_fields([*(f"level_{lv}" for lv in WARNING_LEVELS), "alert_levels"])

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        config = {
            "levels": {str(lv): data[f"level_{lv}"] for lv in WARNING_LEVELS},
            "alert_levels": list(data["alert_levels"]),
            "indicators": {},
        }
        for kind, spec in self.config["indicators"].items():
            weight = data[f"weight_{kind}"]
            config["indicators"][kind] = {
                "weight": int(weight) if weight == int(weight) else float(weight),
                "window_days": data[f"window_{kind}"],
                "saturate": {
                    measure: _plain(data[f"sat_{kind}_{measure}"]) for measure in spec["saturate"]
                },
            }
        problems = scoring.validate(config)
        if problems:
            raise ValidationError(problems)
        data["config"] = config
        return data


def _plain(value):
    return int(value) if value == int(value) else float(value)


class CampaignForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=pgettext_lazy("warning", "Organised by"),
        queryset=Org.objects.active(),
        widget=SearchSelect(params={"status": "active"}),
    )
    title = forms.CharField(label=pgettext_lazy("warning", "Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)
    due_on = forms.DateField(label=_("Due on"), widget=DATE_WIDGET)
    signal_kinds = forms.MultipleChoiceField(
        label=_("Enterprises with open signals of"),
        choices=SignalKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    min_level = forms.ChoiceField(
        label=_("Or at least this warning level"),
        choices=[("", "—"), *[(str(lv), RiskLevel(lv).label) for lv in WARNING_LEVELS]],
        required=False,
    )
    assignees = forms.ModelMultipleChoiceField(
        label=_("Cadres who inspect"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("The enterprises are shared among them in turn."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from warning.selectors import assignable_cadres

        self.fields["assignees"].queryset = assignable_cadres(self.user)

    def clean(self):
        data = super().clean()
        if not data.get("signal_kinds") and not data.get("min_level"):
            raise ValidationError(_("Choose which enterprises to inspect."))
        return data


class InspectionForm(ScopedForm):
    inspected_on = forms.DateField(label=_("Inspected on"), widget=DATE_WIDGET)
    finding = forms.CharField(
        label=pgettext_lazy("warning", "Finding"), widget=forms.Textarea(attrs={"rows": 4})
    )
    hazard_found = forms.BooleanField(label=_("A hazard was found"), required=False)
    signal_kind = forms.ChoiceField(
        label=_("Record it as a signal of kind"),
        choices=[("", "—")]
        + [(k, label) for k, label in SignalKind.choices if k not in REQUIRED_MEASURES],
        required=False,
    )
