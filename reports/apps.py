from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The leaders' dashboard, statistical tables and the drafted work report (C16): the
    statistics layer every capability contributes figures to (``reports/figures.py``) and
    report paragraphs to (``reports/narrative.py``)."""

    name = "reports"
    verbose_name = _("Dashboard and reports")
