from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarningConfig(AppConfig):
    name = "warning"
    verbose_name = _("Early warning")

    def ready(self):
        from core import facts, stats
        from warning import figures, importers  # noqa: F401  (importers: the signal import)
        from warning.selectors import risk_level_fact, wage_arrears_fact, warning_stats

        figures.register()
        stats.register("warning", warning_stats, "warning/_warning_stats.html", order=60)
        facts.register(facts.WAGE_ARREARS, wage_arrears_fact)
        facts.register(facts.RISK_LEVEL, risk_level_fact)
