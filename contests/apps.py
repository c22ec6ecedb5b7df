from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = _("Labour and skills contests")

    def ready(self):
        from contests.selectors import contest_stats, entry_record, took_part
        from core import stats
        from dues import participation

        stats.register("contests", contest_stats, "contests/_contest_stats.html", order=60)
        participation.register("contests", took_part, record=entry_record)

        from contests import figures

        figures.register()
