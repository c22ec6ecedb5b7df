from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = _("Organisations")

    def ready(self):
        from core import stats
        from orgs.selectors import coverage_stats

        stats.register("coverage", coverage_stats, "orgs/_coverage.html", order=10)

        from orgs import figures

        figures.register()
