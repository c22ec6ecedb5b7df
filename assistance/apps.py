from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = _("Assistance")

    def ready(self):
        from assistance.selectors import assistance_stats
        from core import stats

        stats.register(
            "assistance", assistance_stats, "assistance/_assistance_stats.html", order=40
        )
