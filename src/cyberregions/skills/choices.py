"""The choices of the skills module: ECSF item kinds, course types and states, demand fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cyberregions.core.languages import EU_LANGUAGE_CODES


class ItemKind(models.TextChoices):
    DELIVERABLE = "deliverable", _("Deliverable")
    TASK = "task", _("Main task")
    SKILL = "skill", _("Key skill")
    KNOWLEDGE = "knowledge", _("Key knowledge")


# What a course may cover, and so what its coverage share of a profile counts.
COVERED_KINDS = (ItemKind.TASK, ItemKind.SKILL, ItemKind.KNOWLEDGE)


class CompetenceArea(models.TextChoices):
    PLAN = "plan", _("Plan")
    BUILD = "build", _("Build")
    RUN = "run", _("Run")
    ENABLE = "enable", _("Enable")
    MANAGE = "manage", _("Manage")


class CourseKind(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor programme")
    MASTER = "master", _("Master programme")
    PHD = "phd", _("PhD programme")
    SHORT = "short", _("Short course")
    CERTIFICATION = "certification", _("Certification preparation")
    BOOTCAMP = "bootcamp", _("Bootcamp")
    ONLINE = "online", _("Online course")


DEGREE_KINDS = (CourseKind.BACHELOR, CourseKind.MASTER, CourseKind.PHD)
# ENISA's higher-education database lists a programme when at least this share of its
# modules (in ECTS) is about cybersecurity; it sets no rule for doctorates.
INCLUSION_THRESHOLDS = {CourseKind.BACHELOR: 25, CourseKind.MASTER: 40}


class Mode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class CostBand(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Under €500")
    MEDIUM = "medium", _("€500 to €2,000")
    HIGH = "high", _("€2,000 to €10,000")
    VERY_HIGH = "very_high", _("Over €10,000")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for validation")
    RETURNED = "returned", _("Returned to the provider")
    VALIDATED = "validated", _("Validated")


class CourseStep(models.TextChoices):
    SUBMIT = "submit", _("Submit for validation")
    VALIDATE = "validate", _("Validate")
    RETURN = "return", _("Return to the provider")
    CONFIRM = "confirm", _("Confirm it is still offered")


class Horizon(models.TextChoices):
    NOW = "now", _("Now")
    YEAR = "12m", _("Within 12 months")
    THREE_YEARS = "3y", _("Within 3 years")


# Declared needs counted as this year's demand, comparable with seats per year.
DEMAND_HORIZONS = (Horizon.NOW, Horizon.YEAR)


class Seniority(models.TextChoices):
    ENTRY = "entry", _("Entry level")
    EXPERIENCED = "experienced", _("Experienced")
    SENIOR = "senior", _("Senior or expert")


class Remote(models.TextChoices):
    NO = "no", _("On site")
    HYBRID = "hybrid", _("Partly remote")
    FULL = "full", _("Fully remote")


# The languages a course or a vacancy may name: the EU's official ones (core.languages).
LANGUAGE_CODES = EU_LANGUAGE_CODES

# A course not confirmed for this long is flagged stale and its provider reminded; after the
# grace period it is hidden from everyone but its provider and the region.
STALE_AFTER_DAYS = 365
GRACE_DAYS = 60
