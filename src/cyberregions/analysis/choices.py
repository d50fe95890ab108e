from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Importance(models.IntegerChoices):
    """How much a barrier holds the region back, on a five-point scale."""

    NONE = 1, _("Not at all")
    SLIGHT = 2, _("Slightly")
    MODERATE = 3, _("Moderately")
    STRONG = 4, _("Strongly")
    CRITICAL = 5, _("Critically")


class NeedLevel(models.IntegerChoices):
    """How much a respondent needs a domain; "no need" is not stored."""

    SOME = 1, _("Some need")
    IMPORTANT = 2, _("Important need")
    CRITICAL = 3, _("Critical need")


class SwotQuadrant(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    WEAKNESS = "weakness", _("Weakness")
    OPPORTUNITY = "opportunity", _("Opportunity")
    THREAT = "threat", _("Threat")


class ScopeKind(models.TextChoices):
    EU = "eu", _("European Union")
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
