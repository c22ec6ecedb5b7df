from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Worker-facing pages (no login): online joining, its status, the e-membership card.
    Owns no models; calls the apps' actions and selectors."""

    name = "portal"
    verbose_name = _("Worker portal")
