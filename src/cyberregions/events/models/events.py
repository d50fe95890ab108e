"""The event itself, its agenda, who registered, who came and what they thought of it."""

from __future__ import annotations

import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import TimeStampedModel

from ..choices import EventStatus, EventType, Rating, RegistrationStatus
from ..querysets import EventQuerySet, RegistrationQuerySet


@functools.cache
def time_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(
            _("%(value)s is not a known time zone (use a name such as Europe/Paris)."),
            params={"value": value},
            code="unknown_time_zone",
        )


def _ends_after_starts(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(ends_at__gt=models.F("starts_at")),
        name=f"{prefix}_ends_after_start",
        violation_error_message=_("The end must come after the start."),
    )


class Event(TimeStampedModel):
    """An interregional event: a workshop, study visit, peer review, thematic seminar or B2B
    brokerage event hosted by a region. Times are stored in UTC and shown in the event's own
    time zone."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    host_region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("host region"),
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_time_zone],
        help_text=_("Times are shown in this zone, for example Europe/Paris."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown to confirmed participants and organisers only."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit; beyond it, registrations join a waiting list."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    barriers = models.ManyToManyField(
        "taxonomy.Barrier",
        verbose_name=_("barriers addressed"),
        blank=True,
        related_name="events",
    )
    domains = models.ManyToManyField(
        "taxonomy.Domain", verbose_name=_("domains"), blank=True, related_name="events"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_events",
    )
    # The B2B meeting grid and rules, used by brokerage events.
    request_cap = models.PositiveSmallIntegerField(
        _("meeting requests per participant"),
        null=True,
        blank=True,
        help_text=_("How many meeting requests each participant may send; empty for no limit."),
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    meeting_tables = models.PositiveSmallIntegerField(
        _("tables"), default=10, validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    schedule_published_at = models.DateTimeField(
        _("meeting schedule published"), null=True, blank=True
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_status_start_idx"),
            models.Index(fields=["host_region", "starts_at"], name="event_region_start_idx"),
        ]
        constraints = [
            _ends_after_starts("event"),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="event_capacity_positive",
                violation_error_message=_("The capacity must be at least 1, or empty."),
            ),
            models.CheckConstraint(
                condition=models.Q(meeting_minutes__gte=5, meeting_minutes__lte=240),
                name="event_meeting_minutes_range",
                violation_error_message=_("Meetings last between 5 and 240 minutes."),
            ),
            models.CheckConstraint(
                condition=models.Q(meeting_tables__gte=1),
                name="event_meeting_tables_positive",
                violation_error_message=_("There must be at least one table."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_brokerage(self) -> bool:
        return self.event_type == EventType.BROKERAGE

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def registration_is_open(self) -> bool:
        now = timezone.now()
        if self.status != EventStatus.PUBLISHED or self.starts_at <= now:
            return False
        return self.registration_deadline is None or now <= self.registration_deadline


class AgendaSession(models.Model):
    """One item of an event's programme: a talk, a panel, a visit, the B2B meetings…"""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("room or place"), max_length=200, blank=True)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")
        ordering = ["starts_at", "id"]
        constraints = [_ends_after_starts("agenda_session")]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """A person's registration to an event, usually on behalf of an organisation of the atlas.

    Beyond the capacity a registration waits on the list, in order of arrival, and is promoted
    automatically when a seat frees up. In a brokerage event the registration is the
    participant: it has a cooperation profile, availability, requests and an agenda.
    """

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(
        _("attended"), null=True, blank=True, help_text=_("Empty until recorded.")
    )
    request_cap = models.PositiveSmallIntegerField(
        _("meeting requests allowed"),
        null=True,
        blank=True,
        help_text=_("Set by the organiser; empty to use the event's rule."),
    )
    show_name = models.BooleanField(
        _("show my name to the other participants"),
        default=False,
        help_text=_("Otherwise only your organisation is shown."),
    )
    name_consent_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "id"]
        indexes = [
            models.Index(fields=["event", "status", "registered_at"], name="registration_queue_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~models.Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_active_per_user",
                violation_error_message=_("You are already registered for this event."),
            ),
            models.CheckConstraint(
                condition=models.Q(show_name=False) | models.Q(name_consent_at__isnull=False),
                name="registration_name_consent_has_date",
                violation_error_message=_("Consent to show a name is recorded with its date."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The organisation, never the person unless they agreed to be shown."""
        if self.organisation_id:
            return self.organisation.name
        return str(_("Participant %(number)s") % {"number": self.pk})

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def region_id(self) -> int | None:
        return self.organisation.region_id if self.organisation_id else None


class FeedbackResponse(models.Model):
    """A participant's answers to the feedback survey sent after the event."""

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    overall = models.PositiveSmallIntegerField(_("overall rating"), choices=Rating.choices)
    content = models.PositiveSmallIntegerField(
        _("relevance of the content"), choices=Rating.choices
    )
    organisation_rating = models.PositiveSmallIntegerField(
        _("organisation and logistics"), choices=Rating.choices
    )
    new_contacts = models.PositiveSmallIntegerField(
        _("useful new contacts made"), null=True, blank=True
    )
    would_return = models.BooleanField(_("would come to a similar event again"), default=True)
    comments = models.TextField(_("comments"), blank=True, max_length=3000)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback response")
        verbose_name_plural = _("feedback responses")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    overall__gte=1,
                    overall__lte=5,
                    content__gte=1,
                    content__lte=5,
                    organisation_rating__gte=1,
                    organisation_rating__lte=5,
                ),
                name="feedback_ratings_1_to_5",
                violation_error_message=_("Ratings run from 1 to 5."),
            )
        ]

    def __str__(self) -> str:
        return str(_("Feedback on %(event)s") % {"event": self.registration.event})
