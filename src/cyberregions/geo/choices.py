from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerRole(models.TextChoices):
    LEAD = "lead partner", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ADVISORY = "advisory partner", _("Advisory partner")


class RegionRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Regional coordinator")
