from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabourConfig(AppConfig):
    name = "labour"
    verbose_name = _("Labour relations")

    def ready(self):
        from core import facts, stats
        from labour import figures, selectors
        from warning import sources

        figures.register()
        stats.register("labour", selectors.labour_stats, "labour/_labour_stats.html", order=50)
        facts.register(facts.CONTRACT_IN_FORCE, selectors.contract_in_force_fact)
        sources.register("labour.contract_expiry", selectors.contract_expiry_contributions)
