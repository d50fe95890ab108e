from django.db import models
from django.utils import timezone

from cyberregions.core.permissions import is_authenticated, is_programme_staff

from .choices import (
    ACTIVE_REGISTRATION_STATUSES,
    EventStatus,
    MeetingRequestStatus,
    RegistrationStatus,
)
from .permissions import event_manage_scope


def managed_event_condition(user, prefix: str = "") -> models.Q | None:
    """The events ``user`` organises, as a condition on ``prefix`` + their fields; None when
    it organises every event (an administrator)."""
    scope = event_manage_scope(user)
    if scope is None:
        return None
    condition = models.Q(**{f"{prefix}pk__in": []})
    if scope["region_ids"]:
        condition |= models.Q(**{f"{prefix}host_region_id__in": scope["region_ids"]})
    if scope["user_id"] is not None:
        condition |= models.Q(**{f"{prefix}created_by_id": scope["user_id"]})
    return condition


# The fields a search reads, with their weights in the ranking.
SEARCH_FIELDS = {"title": 3.0, "summary": 2.0, "venue": 1.0, "host_region__name": 1.0}


class EventQuerySet(models.QuerySet):
    def search(self, query: str):
        """The events matching ``query`` in the platform's search syntax and vocabulary."""
        from cyberregions.taxonomy.search_vocabulary import filter_small

        return filter_small(self, query, SEARCH_FIELDS)

    def visible_to(self, user):
        """Published and cancelled events for everyone; drafts for their organisers
        (``permissions.can_view_event``)."""
        managed = managed_event_condition(user)
        if managed is None:
            return self
        return self.filter(~models.Q(status=EventStatus.DRAFT) | managed)

    def managed_by(self, user):
        """The events ``user`` organises (``permissions.can_manage_event``)."""
        managed = managed_event_condition(user)
        return self if managed is None else self.filter(managed)

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
        """The waiting list in the order seats are given: first come, first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("registered_at", "id")

    def waitlist_position(self, registration) -> int | None:
        """``registration``'s place on its event's waiting list (1 is next): those who
        registered before it and still wait, in the order ``waitlisted`` promotes them; never
        those who came after. ``None`` when it is not waiting."""
        if registration.status != RegistrationStatus.WAITLISTED:
            return None
        ahead = (
            self.filter(event_id=registration.event_id)
            .waitlisted()
            .filter(
                models.Q(registered_at__lt=registration.registered_at)
                | models.Q(registered_at=registration.registered_at, pk__lt=registration.pk)
            )
        )
        return ahead.count() + 1

    def of_user(self, user):
        if not is_authenticated(user):
            return self.none()
        return self.filter(user=user)

    def visible_to(self, user):
        """Registrations whose participant data ``user`` sees: its own, and every one of the
        events it organises (``permissions.can_see_participant_data``)."""
        managed = managed_event_condition(user, "event__")
        if managed is None:
            return self
        if is_authenticated(user):
            managed |= models.Q(user=user)
        return self.filter(managed)

    def for_list(self):
        return self.select_related("organisation", "organisation__region", "organisation__country")


class CooperationProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A participant's own profile and those of the events it organises; the profiles of
        confirmed participants in the catalogues it browses: every catalogue for programme
        staff, those of the events where it is confirmed itself
        (``permissions.can_view_cooperation_profile``)."""
        managed = managed_event_condition(user, "registration__event__")
        if managed is None:
            return self
        own = models.Q(registration__user=user) if is_authenticated(user) else models.Q(pk__in=[])
        condition = managed | own
        if is_programme_staff(user):
            condition |= models.Q(registration__status=RegistrationStatus.CONFIRMED)
        elif is_authenticated(user):
            from .models import Registration

            confirmed_in = Registration.objects.filter(
                user=user, status=RegistrationStatus.CONFIRMED
            ).values("event_id")
            condition |= models.Q(
                registration__status=RegistrationStatus.CONFIRMED,
                registration__event_id__in=confirmed_in,
            )
        return self.filter(condition)


class MeetingRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Requests ``user`` sent or received, and those of the events it organises
        (``permissions.can_view_meeting_request``)."""
        managed = managed_event_condition(user, "event__")
        if managed is None:
            return self
        if is_authenticated(user):
            managed |= models.Q(requester__user=user) | models.Q(recipient__user=user)
        return self.filter(managed)

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
