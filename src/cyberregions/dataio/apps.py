from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class DataioConfig(AppConfig):
    name = "cyberregions.dataio"
    label = "dataio"
    verbose_name = _("Data in and out")

    def ready(self) -> None:
        # Each app declares the exports of its list pages in an ``exports`` module, which
        # registers them with ``cyberregions.dataio.exporters.register``.
        autodiscover_modules("exports")
