from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GethelpConfig(AppConfig):
    name = "cyberregions.gethelp"
    label = "gethelp"
    verbose_name = _("Get help")

    def ready(self):
        # Its section of the start page (home.sections).
        from . import start_page  # noqa: F401
