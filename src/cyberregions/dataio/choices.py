from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Previewed, waiting for confirmation")
    IMPORTED = "imported", _("Imported")
    DISCARDED = "discarded", _("Discarded")


class ImportSource(models.TextChoices):
    UPLOAD = "upload", _("Upload page")
    API = "api", _("API")
    COMMAND_LINE = "command_line", _("Command line")
