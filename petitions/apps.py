from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Letters and visits")

    def ready(self):
        from core import todos
        from petitions import figures, selectors

        todos.register("petitions", selectors.petition_todos)
        figures.register()
