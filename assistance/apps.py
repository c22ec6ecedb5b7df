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

        from portal import home

        home.register(
            "assistance",
            _("Hardship assistance"),
            "assistance:m-mine",
            order=30,
            hint=_("Apply for a hardship file, see the aid you received"),
        )

        from assistance import figures

        figures.register()
