from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrassrootsConfig(AppConfig):
    name = "grassroots"
    verbose_name = _("Grassroots work")

    def ready(self):
        from core import stats
        from dues import participation
        from grassroots.selectors import booking_participants, booking_record, grassroots_stats

        stats.register(
            "grassroots", grassroots_stats, "grassroots/_grassroots_stats.html", order=60
        )
        # A member's venue booking that was used counts as taking part in union life.
        participation.register("venue_bookings", booking_participants, record=booking_record)

        from grassroots import figures

        figures.register()

        from portal import home

        home.register(
            "venue-booking",
            _("Book a venue"),
            "grassroots:m-venues",
            order=40,
            hint=_("Reading rooms, halls and sports grounds of your union"),
        )
