from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import ScopedForm
from core.widgets import SearchSelect
from orgs.choices import OrgLevel
from orgs.forms import DATE_WIDGET
from orgs.models import Enterprise, Org
from stations.actions import HOST_LEVELS
from stations.choices import FACILITIES, ReviewFailure, StationStatus


class StationForm(ScopedForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    org = forms.ModelChoiceField(
        label=_("Host union"),
        queryset=Org.objects.active().filter(level__in=HOST_LEVELS),
        widget=SearchSelect(params={"status": "active"}),
    )
    enterprise = forms.ModelChoiceField(
        label=_("Host enterprise"),
        queryset=Enterprise.objects.all(),
        required=False,
        widget=SearchSelect(url_name="orgs:enterprise-pick"),
        help_text=_("If an enterprise provides the room."),
    )
    address = forms.CharField(label=_("Address"), max_length=200)
    latitude = forms.FloatField(
        label=_("Latitude"), min_value=-90, max_value=90, help_text=_("e.g. 30.2741")
    )
    longitude = forms.FloatField(
        label=_("Longitude"), min_value=-180, max_value=180, help_text=_("e.g. 120.1551")
    )
    open_24h = forms.BooleanField(label=_("Open 24 hours"), required=False)
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        max_length=100,
        required=False,
        help_text=_("e.g. 07:00–21:00 daily"),
    )
    phone = forms.CharField(label=_("Contact phone"), max_length=20, required=False)
    area_sqm = forms.IntegerField(label=_("Floor area (m²)"), min_value=1, required=False)
    seats = forms.IntegerField(label=_("Seats"), min_value=0, max_value=500, required=False)
    opened_on = forms.DateField(label=_("Opened on"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in FACILITIES:
            self.fields[f"has_{code}"] = forms.BooleanField(label=label, required=False)


class StationStatusForm(ScopedForm):
    status = forms.ChoiceField(label=_("New status"), choices=StationStatus.choices)
    reason = forms.CharField(label=_("Reason"), max_length=200)


class StationReviewForm(ScopedForm):
    year = forms.IntegerField(label=_("Year reviewed"), min_value=2000)
    assessed_stars = forms.TypedChoiceField(
        label=_("Stars assessed"),
        coerce=int,
        choices=[(n, "★" * n) for n in range(1, 6)],
        help_text=_("By size, equipment and service; each failure below cuts stars."),
    )
    failures = forms.MultipleChoiceField(
        label=_("Failures found during the year"),
        choices=ReviewFailure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reviewed_on = forms.DateField(
        label=pgettext_lazy("stations", "Reviewed on"), widget=DATE_WIDGET
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["failures"].widget.attrs["class"] = "form-check-input"
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("year", today.year)
            self.initial.setdefault("reviewed_on", today)


class DistrictAreaForm(ScopedForm):
    org = forms.ModelChoiceField(
        label=_("District federation"),
        queryset=Org.objects.active().filter(level=OrgLevel.DISTRICT),
        widget=SearchSelect(params={"status": "active", "levels": OrgLevel.DISTRICT}),
    )
    north = forms.FloatField(label=_("Northern latitude"), min_value=-90, max_value=90)
    south = forms.FloatField(label=_("Southern latitude"), min_value=-90, max_value=90)
    west = forms.FloatField(label=_("Western longitude"), min_value=-180, max_value=180)
    east = forms.FloatField(label=_("Eastern longitude"), min_value=-180, max_value=180)


class NearForm(forms.Form):
    """The worker's position: from the phone (filled in by the page's script) or typed."""

    lat = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    lng = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update({"class": "form-control", "inputmode": "decimal"})
            field.widget.input_type = "text"


class StationPhotoForm(ScopedForm):
    image = forms.FileField(
        label=_("Photo"), help_text=_("JPEG, PNG or WebP; the door with its sign, the room.")
    )
    caption = forms.CharField(label=_("Caption"), max_length=100, required=False)
