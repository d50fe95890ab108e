"""The states and fixed vocabularies of the get-help module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceKind(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    RESPONSE = "response", _("Response")


class ClientType(models.TextChoices):
    """Who a provider serves, and who asks for help."""

    PERSON = "person", _("A person")
    SME = "sme", _("A micro-enterprise or SME")
    LOCAL_ADMIN = "local_admin", _("A local administration")
    ESSENTIAL = "essential", _("An essential or important entity (NIS2)")


# Providers serve organisations; a person is told where to go but is not a client type.
PROVIDER_CLIENTS = [choice for choice in ClientType.choices if choice[0] != ClientType.PERSON]


class Proximity(models.IntegerChoices):
    """How near a provider's coverage is to a place: the finder sorts by it."""

    REGION = 0, _("Covers the region")
    COUNTRY = 1, _("Covers the country")
    REMOTE = 2, _("Remote")


class LabelStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    REFUSED = "refused", _("Refused")


class Urgency(models.TextChoices):
    """How soon help is needed; each urgency has a deadline for a provider's acceptance."""

    CRITICAL = "critical", _("Critical: we are under attack now")
    HIGH = "high", _("High: within a day")
    NORMAL = "normal", _("Normal: within a week")
    PLANNED = "planned", _("Planned: a project in the coming months")


# Hours a request waits for an acceptance before it goes to the region's coordinator.
URGENCY_DEADLINE_HOURS = {
    Urgency.CRITICAL: 2,
    Urgency.HIGH: 24,
    Urgency.NORMAL: 72,
    Urgency.PLANNED: 240,
}


class RequestStatus(models.TextChoices):
    ROUTED = "routed", _("Sent to providers")
    ESCALATED = "escalated", _("With the regional coordinator")
    ACCEPTED = "accepted", _("Accepted by a provider")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn by the requester")


OPEN_REQUEST_STATES = (RequestStatus.ROUTED, RequestStatus.ESCALATED, RequestStatus.ACCEPTED)


class OfferStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    TAKEN = "taken", _("Taken by another provider")
    EXPIRED = "expired", _("Expired")


class Incident(models.TextChoices):
    RANSOMWARE = "ransomware", _("Ransomware: files encrypted, a ransom note")
    PHISHING = "phishing", _("Phishing or fraud (fake invoice, CEO fraud)")
    ACCOUNT = "account", _("An account taken over (e-mail, social media, bank)")
    DATA_BREACH = "data_breach", _("Personal or confidential data leaked or stolen")
    WEBSITE = "website", _("Website down, defaced or under DDoS")
    OTHER = "other", _("Something else")


class Questionnaire(models.TextChoices):
    SME = "sme", _("Micro-enterprises and SMEs")
    LOCAL_ADMIN = "local_admin", _("Local administrations")


class BudgetBand(models.TextChoices):
    UNDER_25K = "lt25k", _("Under EUR 25,000")
    UP_TO_140K = "lt140k", _("EUR 25,000 to 140,000")
    UP_TO_750K = "lt750k", _("EUR 140,000 to 750,000")
    ABOVE = "gte750k", _("EUR 750,000 or more")
    UNKNOWN = "unknown", _("Not decided yet")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
