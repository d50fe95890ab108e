from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class RegistrationStatus(models.TextChoices):
    # Labels carry a context: the same words name the states of plans and practices, whose
    # grammatical gender differs in several languages (a request, a plan, a practice).
    # A request is written in this state and submitted in the same transaction, so that its
    # first step goes through the workflow engine like every other; nobody sees a draft.
    DRAFT = "draft", pgettext_lazy("registration request", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("registration request", "Submitted")
    CHANGES_REQUESTED = (
        "changes_requested",
        pgettext_lazy("registration request", "Changes requested"),
    )
    RESUBMITTED = "resubmitted", pgettext_lazy("registration request", "Resubmitted")
    APPROVED = "approved", pgettext_lazy("registration request", "Approved")
    REFUSED = "refused", pgettext_lazy("registration request", "Refused")


# The states in which the region's coordinator (or programme staff) has to decide.
AWAITING_DECISION = (RegistrationStatus.SUBMITTED, RegistrationStatus.RESUBMITTED)


class RegistrationStep(models.TextChoices):
    SUBMIT = "submit", _("Submit")
    ASK_CHANGES = "ask_changes", _("Ask for changes")
    RESUBMIT = "resubmit", _("Resubmit")
    APPROVE = "approve", _("Approve")
    REFUSE = "refuse", _("Refuse")


class ClaimStep(models.TextChoices):
    # Named after the resulting status: the audit actions stay ``claim.accepted``/``refused``.
    ACCEPT = "accepted", _("Accept")
    REFUSE = "refused", _("Refuse")
