from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    """C14 思想引领与职工文化: activities with registration, waiting list and check-in;
    notices and news to a subtree's members or cadres with read receipts."""

    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from activities import figures
        from activities.notices import workbench_panel
        from activities.quizzes import quiz_taken
        from activities.selectors import (
            activity_stats,
            quiz_record,
            registration_record,
            took_part,
            work_record,
            works_sent,
        )
        from core import stats, workbench
        from dues import participation
        from portal import home

        stats.register("activities", activity_stats, "activities/_activity_stats.html", order=60)
        participation.register("activities", took_part, record=registration_record)
        participation.register("quizzes", quiz_taken, record=quiz_record)
        participation.register("works", works_sent, record=work_record)
        home.register(
            "activities",
            _("Activities"),
            "activities:m-list",
            icon="ti-flag",
            order=30,
            hint=_("Lectures, theme education, sports and culture"),
        )
        home.register(
            "notices",
            _("Notices and news"),
            "activities:m-notices",
            icon="ti-news",
            order=31,
        )
        home.register("quizzes", _("Quizzes"), "activities:m-quizzes", icon="ti-bulb", order=32)
        workbench.register("notices", "activities/_workbench_notices.html", workbench_panel)
        figures.register()
