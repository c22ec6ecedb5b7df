from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuesConfig(AppConfig):
    name = "dues"
    verbose_name = _("Dues")

    def ready(self):
        from core import stats
        from dues.selectors import dues_stats

        stats.register("dues", dues_stats, "dues/_dues_stats.html", order=30)

        from dues import figures

        figures.register()

        from dues import importers  # noqa: F401  (registers the payroll importer)
