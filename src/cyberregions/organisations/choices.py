from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    CLOSED = "closed", _("Closed")


class HelixGroup(models.TextChoices):
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia")
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class ActorType(models.TextChoices):
    SME = "sme", _("Micro-enterprise or SME")
    LARGE = "large", _("Large company")
    RTO = "rto", _("Research and technology organisation")
    UNIVERSITY = "university", _("University")
    TRAINING = "training", _("Training centre")
    INCUBATOR = "incubator", _("Incubator or accelerator")
    CLUSTER = "cluster", _("Cluster or association")
    PUBLIC = "public", _("Public administration")
    CSIRT = "csirt", _("CSIRT / CERT")
    INVESTOR = "investor", _("Investor")
    OTHER = "other", _("Other")


HELIX_OF_ACTOR_TYPE = {
    ActorType.SME: HelixGroup.BUSINESS,
    ActorType.LARGE: HelixGroup.BUSINESS,
    ActorType.INVESTOR: HelixGroup.BUSINESS,
    ActorType.RTO: HelixGroup.ACADEMIA,
    ActorType.UNIVERSITY: HelixGroup.ACADEMIA,
    ActorType.TRAINING: HelixGroup.ACADEMIA,
    ActorType.PUBLIC: HelixGroup.GOVERNMENT,
    ActorType.CSIRT: HelixGroup.GOVERNMENT,
    ActorType.INCUBATOR: HelixGroup.CIVIL_SOCIETY,
    ActorType.CLUSTER: HelixGroup.CIVIL_SOCIETY,
    ActorType.OTHER: HelixGroup.CIVIL_SOCIETY,
}

COMPANY_TYPES = (ActorType.SME, ActorType.LARGE)


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")
    UNKNOWN = "unknown", _("Unknown")


class ItemKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    NEED = "need", _("Need")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REFUSED = "refused", _("Refused")
