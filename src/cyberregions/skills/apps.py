from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "cyberregions.skills"
    label = "skills"
    verbose_name = _("Skills")

    def ready(self):
        # Its section of the start page (home.sections).
        from . import start_page  # noqa: F401
