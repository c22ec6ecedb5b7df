from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from core import stats
        from members.selectors import membership_stats

        stats.register("membership", membership_stats, "members/_membership.html", order=20)

        from members import figures

        figures.register()

        from members import imports  # noqa: F401  (registers the member importer)
