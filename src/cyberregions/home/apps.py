from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "cyberregions.home"
    label = "home"
    verbose_name = _("Start page, barrier lens and help")

    def ready(self) -> None:
        # The built-in sections of the start page register themselves on import.
        from . import providers  # noqa: F401
