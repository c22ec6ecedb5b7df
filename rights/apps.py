from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "rights"
    verbose_name = _("Rights protection")

    def ready(self):
        from core import facts, stats
        from portal import home
        from rights import figures
        from rights.selectors import WAGE_ARREARS_TICKETS, rights_stats, wage_arrears_fact

        figures.register()
        stats.register("rights", rights_stats, "rights/_rights_stats.html", order=40)
        # The labour developer's signals register facts.WAGE_ARREARS; ours is its own fact.
        facts.register(WAGE_ARREARS_TICKETS, wage_arrears_fact)
        home.register(
            "rights",
            _("Complaints and legal aid"),
            "rights:m-home",
            icon="ti-scale",
            order=30,
            hint=_("Report unpaid wages or other problems at work; ask for a lawyer."),
        )
