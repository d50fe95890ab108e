from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    WORKSHOP = "workshop", _("Interregional workshop")
    STUDY_VISIT = "study_visit", _("Study visit")
    PEER_REVIEW = "peer_review", _("Peer review")
    SEMINAR = "seminar", _("Thematic seminar")
    BROKERAGE = "brokerage", _("B2B brokerage event")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_REGISTRATION_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class CooperationKind(models.TextChoices):
    TECHNOLOGY_OFFER = "tech_offer", _("Technology offer")
    TECHNOLOGY_REQUEST = "tech_request", _("Technology request")
    BUSINESS_OFFER = "business_offer", _("Business offer")
    BUSINESS_REQUEST = "business_request", _("Business request")
    RND_PARTNER = "rnd_partner", _("R&D partner search")


# Which side of a match each kind stands on: what a participant gives, what it looks for.
# An R&D partner search is both: partners bring and seek research capacity alike.
OFFER_KINDS = (
    CooperationKind.TECHNOLOGY_OFFER,
    CooperationKind.BUSINESS_OFFER,
    CooperationKind.RND_PARTNER,
)
REQUEST_KINDS = (
    CooperationKind.TECHNOLOGY_REQUEST,
    CooperationKind.BUSINESS_REQUEST,
    CooperationKind.RND_PARTNER,
)


class MeetingRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_REQUEST_STATUSES = (MeetingRequestStatus.PENDING, MeetingRequestStatus.ACCEPTED)


class Priority(models.IntegerChoices):
    LOW = 0, _("Low")
    NORMAL = 1, _("Normal")
    HIGH = 2, _("High")


class Rating(models.IntegerChoices):
    VERY_POOR = 1, _("1 – very poor")
    POOR = 2, _("2 – poor")
    FAIR = 3, _("3 – fair")
    GOOD = 4, _("4 – good")
    EXCELLENT = 5, _("5 – excellent")
