from django.db import models
from django.utils import timezone

from cyberregions.core import permissions

from .choices import (
    ACTIVE_REGISTRATION_STATUSES,
    EventStatus,
    MeetingRequestStatus,
    RegistrationStatus,
)


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published and cancelled events for everyone; drafts for their organisers."""
        scope = permissions.event_manage_scope(user)
        if scope is None:
            return self
        condition = ~models.Q(status=EventStatus.DRAFT)
        if scope["region_ids"]:
            condition |= models.Q(host_region_id__in=scope["region_ids"])
        if scope["user_id"] is not None:
            condition |= models.Q(created_by_id=scope["user_id"])
        return self.filter(condition)

    def managed_by(self, user):
        scope = permissions.event_manage_scope(user)
        if scope is None:
            return self
        condition = models.Q(pk__in=[])
        if scope["region_ids"]:
            condition |= models.Q(host_region_id__in=scope["region_ids"])
        if scope["user_id"] is not None:
            condition |= models.Q(created_by_id=scope["user_id"])
        return self.filter(condition)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "id")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-id")

    def for_list(self):
        return self.select_related("host_region", "host_region__country").annotate(
            confirmed_count=models.Count(
                "registrations",
                filter=models.Q(registrations__status=RegistrationStatus.CONFIRMED),
            )
        )


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_REGISTRATION_STATUSES)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("registered_at", "id")

    def of_user(self, user):
        if not permissions.is_authenticated(user):
            return self.none()
        return self.filter(user=user)

    def for_list(self):
        return self.select_related("organisation", "organisation__region", "organisation__country")


class MeetingRequestQuerySet(models.QuerySet):
    def involving(self, registration):
        return self.filter(models.Q(requester=registration) | models.Q(recipient=registration))

    def accepted(self):
        return self.filter(status=MeetingRequestStatus.ACCEPTED)

    def for_list(self):
        return self.select_related(
            "requester__organisation__region",
            "recipient__organisation__region",
            "requester__user",
            "recipient__user",
            "meeting__slot",
        )
