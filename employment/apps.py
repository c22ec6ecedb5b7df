from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmploymentConfig(AppConfig):
    name = "employment"
    verbose_name = _("Employment services")

    def ready(self):
        from core import stats
        from dues import participation
        from employment.selectors import employment_stats, fair_record, took_part_in_fairs
        from portal import home

        participation.register("job_fairs", took_part_in_fairs, record=fair_record)

        stats.register("employment", employment_stats, "employment/_employment_stats.html", 70)
        home.register(
            "jobs",
            _("Jobs and job fairs"),
            "employment:m-jobs",
            icon="ti-briefcase",
            order=50,
            hint=_("Openings posted by employers through their unions"),
        )

        from employment import figures

        figures.register()
