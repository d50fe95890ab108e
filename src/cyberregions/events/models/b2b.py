"""The B2B side of a brokerage event: who offers and seeks what, who wants to meet whom, when
they can, and where and when they meet."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import CooperationKind, MeetingRequestStatus, Priority
from ..querysets import CooperationProfileQuerySet, MeetingRequestQuerySet
from .events import Event, Registration


class CooperationProfile(models.Model):
    """What a participant of a brokerage event brings and looks for, linked to its organisation
    through the registration."""

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    description = models.TextField(_("who we are and what we look for"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CooperationProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation profile")
        verbose_name_plural = _("cooperation profiles")

    def __str__(self) -> str:
        return self.headline or str(self.registration)


class CooperationItem(models.Model):
    """One offer or request of a cooperation profile, tagged with the taxonomy."""

    profile = models.ForeignKey(
        CooperationProfile,
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CooperationKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=3000)
    domains = models.ManyToManyField(
        "taxonomy.Domain", verbose_name=_("domains"), blank=True, related_name="cooperation_items"
    )
    sectors = models.ManyToManyField(
        "taxonomy.Sector", verbose_name=_("sectors"), blank=True, related_name="cooperation_items"
    )
    technologies = models.ManyToManyField(
        "taxonomy.Technology",
        verbose_name=_("technologies"),
        blank=True,
        related_name="cooperation_items",
    )

    class Meta:
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")
        ordering = ["profile", "kind", "id"]
        indexes = [models.Index(fields=["kind"], name="coop_item_kind_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class MeetingSession(models.Model):
    """A block of time reserved for one-to-one meetings, cut into slots of the event's meeting
    length."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_sessions"
    )
    label = models.CharField(_("label"), max_length=100, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting session")
        verbose_name_plural = _("meeting sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_session_ends_after_start",
                violation_error_message=_("The end must come after the start."),
            )
        ]

    def __str__(self) -> str:
        return self.label or f"{self.starts_at:%Y-%m-%d %H:%M}"


class MeetingSlot(models.Model):
    """One time slot of the meeting grid; every table can hold one meeting in it."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="slots"
    )
    session = models.ForeignKey(
        MeetingSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "starts_at"],
                name="meeting_slot_unique_start",
                violation_error_message=_("Two slots of an event cannot start together."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_slot_ends_after_start",
                violation_error_message=_("The end must come after the start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class Unavailability(models.Model):
    """A slot in which a participant cannot meet anyone. Participants are available in every
    slot they have not marked."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="unavailable_slots",
    )
    slot = models.ForeignKey(
        MeetingSlot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="unavailable"
    )

    class Meta:
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailabilities")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "slot"],
                name="unavailability_unique",
                violation_error_message=_("This slot is already marked as unavailable."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} ✗ {self.slot}"


class MeetingRequest(models.Model):
    """A participant's wish to meet another, with a message; the other accepts or declines.

    ``mutual`` is set when the recipient wanted the meeting too (it asked back, or said so when
    accepting); the organiser's ``priority`` and the regions of the two sides make the rest of
    the weight the scheduler maximises.
    """

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_requests"
    )
    requester = models.ForeignKey(
        Registration,
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="sent_requests",
    )
    recipient = models.ForeignKey(
        Registration,
        verbose_name=_("to"),
        on_delete=models.CASCADE,
        related_name="received_requests",
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MeetingRequestStatus.choices,
        default=MeetingRequestStatus.PENDING,
    )
    mutual = models.BooleanField(_("mutual interest"), default=False)
    priority = models.PositiveSmallIntegerField(
        _("organiser's priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = MeetingRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["event", "status"], name="meeting_request_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("recipient")),
                name="meeting_request_not_self",
                violation_error_message=_("A participant cannot ask to meet itself."),
            ),
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                name="meeting_request_unique_pair",
                violation_error_message=_("This meeting has already been requested."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient}"

    def involves(self, registration_id: int) -> bool:
        return registration_id in (self.requester_id, self.recipient_id)

    def other_side(self, registration_id: int) -> Registration:
        return self.recipient if registration_id == self.requester_id else self.requester


class Meeting(models.Model):
    """An accepted request placed in a slot, at a table. ``locked`` meetings stay where the
    organiser put them when the scheduler runs again; ``published`` ones are in the
    participants' agendas."""

    request = models.OneToOneField(
        MeetingRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="meeting",
    )
    slot = models.ForeignKey(
        MeetingSlot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="meetings"
    )
    table = models.PositiveSmallIntegerField(_("table"))
    locked = models.BooleanField(_("locked"), default=False)
    published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__starts_at", "table"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "table"],
                name="meeting_unique_table_per_slot",
                violation_error_message=_("This table is already taken in this slot."),
            ),
            models.CheckConstraint(
                condition=models.Q(table__gte=1),
                name="meeting_table_positive",
                violation_error_message=_("Tables are numbered from 1."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Table %(table)s, %(slot)s") % {"table": self.table, "slot": self.slot})


class ScheduleRun(models.Model):
    """One run of the scheduler for an event: what it achieved, how close to the bound, and
    why each request left out could not be placed."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="schedule_runs"
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schedule_runs",
    )
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    method = models.CharField(_("method"), max_length=20)
    optimal = models.BooleanField(_("proven optimal"), default=False)
    objective = models.FloatField(_("scheduled weight"))
    upper_bound = models.FloatField(_("upper bound"))
    seconds = models.FloatField(_("seconds"))
    accepted = models.PositiveIntegerField(_("accepted requests"))
    scheduled = models.PositiveIntegerField(_("scheduled meetings"))
    unscheduled = models.JSONField(_("unscheduled requests"), default=list, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.event} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def ratio(self) -> float | None:
        """Scheduled weight ÷ upper bound: 1 means nothing better is possible."""
        if not self.upper_bound:
            return None
        return self.objective / self.upper_bound
