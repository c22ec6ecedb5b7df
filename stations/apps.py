from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StationsConfig(AppConfig):
    name = "stations"
    verbose_name = _("Outdoor-worker stations")

    def ready(self):
        from core import stats
        from portal import home
        from stations.selectors import station_stats

        stats.register("stations", station_stats, "stations/_station_stats.html", order=60)
        home.register(
            "stations",
            _("Nearest rest stations"),
            "stations:m-nearest",
            icon="ti-map-pin",
            order=40,
            hint=_("Water, a rest, meal heating and charging near you"),
        )

        from stations import figures

        figures.register()
