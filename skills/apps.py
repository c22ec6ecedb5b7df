from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "skills"
    verbose_name = _("Skills improvement")

    def ready(self):
        from core import stats
        from dues import participation
        from skills.selectors import enrolment_record, skills_stats, took_part

        stats.register("skills", skills_stats, "skills/_skills_stats.html", order=64)
        participation.register("skills", took_part, record=enrolment_record)

        from skills import figures

        figures.register()
