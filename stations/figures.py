"""Station figures of the statistics layer (reports/figures.py) and the paragraph of the
work report's 帮扶救助 sub-section on outdoor-worker service stations (工会驿站).

Two sets, one aggregate query each: the subtree's stations — in service now among those
opened by the period's end (the record keeps no status history), and opened in the period —
and the check-ins at them in the period (a range on the indexed ``visited_at``)."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reports.figures import Figure, Section
from stations.choices import StationStatus
from stations.models import Station, StationVisit
from stations.selectors import start_of_day


def stations_of_subtree(org):
    return Station.objects.filter(org__path__startswith=org.path)


def visits_of_subtree(org):
    return StationVisit.objects.filter(station__org__path__startswith=org.path)


def _in_service_by_end(period) -> Q:
    return Q(status=StationStatus.ACTIVE) & (
        Q(opened_on__lte=period.end) | Q(opened_on__isnull=True)
    )


def _visited_in(period) -> Q:
    return Q(
        visited_at__gte=start_of_day(period.start),
        visited_at__lt=start_of_day(period.end + datetime.timedelta(days=1)),
    )


def register():
    from reports import figures, narrative

    stations = pgettext_lazy("report unit", "stations")
    figures.register(
        Figure(
            "stations.in_service",
            _("Outdoor-worker stations in service"),
            stations,
            Section.ASSISTANCE,
            base=stations_of_subtree,
            where=_in_service_by_end,
            stock=True,
            describe=_(
                "stations of the subtree in service, among those opened by the period's end"
            ),
            order=60,
        ),
        Figure(
            "stations.opened",
            _("Outdoor-worker stations opened"),
            stations,
            Section.ASSISTANCE,
            base=stations_of_subtree,
            where=lambda p: Q(opened_on__range=(p.start, p.end)),
            describe=_("stations of the subtree whose opening date falls in the period"),
            order=61,
        ),
        Figure(
            "stations.visits",
            _("Station check-ins"),
            _("person-times"),
            Section.ASSISTANCE,
            base=visits_of_subtree,
            where=_visited_in,
            describe=_("check-ins by QR code at the subtree's stations in the period"),
            order=62,
            path="station__org__path",
            trend_field="visited_at",
        ),
    )
    narrative.register_paragraph(Section.ASSISTANCE, stations_paragraph, order=60)


def stations_paragraph(ctx):
    from django.utils.translation import gettext

    from reports.narrative import joined

    if not ctx.positive("stations.opened", "stations.visits"):
        return None
    parts = [
        gettext("%(in_service)s outdoor-worker service stations were in service")
        % {"in_service": ctx.text("stations.in_service")}
    ]
    if ctx.positive("stations.opened"):
        parts.append(
            gettext("%(opened)s of them opened in the period")
            % {"opened": ctx.text("stations.opened")}
        )
    if ctx.positive("stations.visits"):
        parts.append(
            gettext("outdoor workers checked in at them %(visits)s")
            % {"visits": ctx.text("stations.visits")}
        )
    return joined(parts)
