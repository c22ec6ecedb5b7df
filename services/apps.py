from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Services for workers")

    def ready(self):
        from core import stats, todos
        from dues import participation
        from portal import home
        from services import selectors

        stats.register("services", selectors.services_stats, "services/_stats.html", order=40)

        from services import figures

        figures.register()
        todos.register("services", selectors.workbench_todos)
        participation.register(
            "services", selectors.members_who_requested_services, record=selectors.request_record
        )
        home.register(
            "service-request",
            _("Request a service"),
            "services:m-catalogue",
            icon="ti-heart-handshake",
            order=20,
            hint=_("Counselling, legal help, skills, recuperation and more"),
        )
        home.register(
            "my-service-requests",
            _("My service requests"),
            "services:m-requests",
            icon="ti-list-check",
            order=21,
            hint=_("Follow your requests and rate the result"),
        )
