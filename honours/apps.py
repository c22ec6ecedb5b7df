from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonoursConfig(AppConfig):
    name = "honours"
    verbose_name = _("Honours")

    def ready(self):
        from core import stats
        from honours.selectors import honour_stats

        stats.register("honours", honour_stats, "honours/_honour_stats.html", order=60)

        from honours import figures

        figures.register()
