from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import Column
from stations.selectors import coverage


def _stars(station) -> str:
    return "★" * station.stars if station.stars else _("Not rated")


STATION_COLUMNS = [
    Column("code", _("Station code"), sort="code"),
    Column("name", _("Name"), sort="name", link=True),
    Column("org", _("Host union"), sort="org__name", wrap=True),
    Column("address", _("Address"), wrap=True),
    Column(
        "hours",
        _("Opening hours"),
        accessor=lambda s: _("24 hours") if s.open_24h else s.opening_hours,
    ),
    Column("facility_names", _("Facilities"), wrap=True),
    Column("stars", _("Stars"), sort="stars", accessor=_stars),
    Column("status", _("Status"), sort="status"),
    Column("visit_count", _("Visits (12 months)"), sort="visit_count", css="text-end"),
]


def _coverage(attribute):
    def value(area):
        # The grid of an area is computed once per row, on screen and in the export alike.
        if not hasattr(area, "grid_coverage"):
            area.grid_coverage = coverage(area)
        result = area.grid_coverage
        figure = getattr(result, attribute)
        return len(figure) if isinstance(figure, list) else figure

    return value


AREA_COLUMNS = [
    Column("name", pgettext_lazy("stations", "District"), link=True, accessor=lambda a: a.org.name),
    Column("cells", _("Grid cells"), accessor=_coverage("total"), css="text-end"),
    Column(
        "uncovered", _("Cells without a station"), accessor=_coverage("uncovered"), css="text-end"
    ),
    Column("rate", _("Coverage (%)"), accessor=_coverage("coverage_rate"), css="text-end"),
]
