from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cyberregions.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Each app declares what it holds about a person in its ``privacy`` module, which
        # registers it with ``cyberregions.core.privacy`` (see that module).
        from . import personal_data  # noqa: F401

        autodiscover_modules("privacy")

        # Every ModelAdmin writes the audit trail (the admin app, listed first, has already
        # imported every app's admin module by now).
        from .admin_audit import audit_every_registered_admin

        audit_every_registered_admin()
