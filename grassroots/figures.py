"""Grassroots figures of the statistics layer (reports/figures.py) and the work report's
paragraph on them: venue use and 职工之家 named. Task completion stays on the org pages
(``core.stats`` section): each base here costs the dashboard a query."""

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from grassroots.choices import BookingStatus, EvaluationStatus
from grassroots.models import Booking, HomeEvaluation
from reports.figures import Figure, Section


def bookings_of_subtree(org):
    return Booking.objects.filter(org__path__startswith=org.path)


def homes_of_subtree(org):
    return HomeEvaluation.objects.filter(org__path__startswith=org.path)


def _used_in(period) -> Q:
    return Q(status=BookingStatus.USED, date__range=(period.start, period.end))


def register():
    from reports import figures

    figures.register(
        Figure(
            "grassroots.venue_uses",
            _("Venue bookings used"),
            _("times"),
            Section.BUILDING,
            base=bookings_of_subtree,
            where=_used_in,
            describe=_("bookings of venue slots by the subtree's unions and members, used"),
            order=60,
            trend_field="date",
        ),
        Figure(
            "grassroots.venue_people",
            _("People served at venues"),
            _("person-times"),
            Section.BUILDING,
            base=bookings_of_subtree,
            where=_used_in,
            measure=Sum("headcount"),
            describe=_("the headcounts of the used venue bookings"),
            order=61,
        ),
        Figure(
            "grassroots.homes_named",
            _("Workers' homes named"),
            _("homes"),
            Section.BUILDING,
            base=homes_of_subtree,
            where=lambda p: Q(status=EvaluationStatus.AWARDED, awarded_on__range=(p.start, p.end)),
            describe=_("职工之家 titles awarded after review and public notice"),
            order=62,
        ),
    )
    from reports import narrative

    narrative.register_paragraph(Section.BUILDING, grassroots_paragraph, order=60)


def grassroots_paragraph(ctx):
    from reports.narrative import joined

    parts = []
    if ctx.positive("grassroots.homes_named"):
        parts.append(
            _("%(homes)s workers' homes were named after review and public notice")
            % {"homes": ctx.text("grassroots.homes_named")}
        )
    if ctx.positive("grassroots.venue_uses"):
        parts.append(
            _("union venues were used %(uses)s times, serving %(people)s")
            % {
                "uses": ctx.text("grassroots.venue_uses"),
                "people": ctx.text("grassroots.venue_people"),
            }
        )
    return joined(parts) if parts else None
