from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationConfig(AppConfig):
    name = "innovation"
    verbose_name = _("Worker technical innovation")

    def ready(self):
        from core import stats
        from dues import participation
        from innovation.selectors import innovation_record, innovation_stats, took_part

        stats.register(
            "innovation", innovation_stats, "innovation/_innovation_stats.html", order=62
        )
        participation.register("innovation", took_part, record=innovation_record)

        from innovation import figures

        figures.register()
