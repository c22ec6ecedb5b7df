from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Worker-facing pages: online joining, its status, the e-membership card, the check of
    its QR code, and, for members signed in with their phone (``portal/auth.py``), their home
    page with what the capabilities offer them (``portal/home.py``) and their participation
    record (``dues.participation``). Owns no models; calls the apps' actions and selectors."""

    name = "portal"
    verbose_name = _("Worker portal")

    def ready(self):
        from portal import home

        home.register("card", _("My membership card"), "portal:my-card", icon="id", order=0)
        home.register(
            "participation",
            _("My participation"),
            "portal:my-participation",
            icon="ti-history",
            order=1,
            hint=_("Activities, quizzes, bookings, services and more you took part in"),
        )
