"""Registrations tell people: the registrant gets a receipt (a seat or the waiting list), the
waiting list is told when a seat frees up, and a registrant learns when an organiser cancelled
the registration. In the bell always; by e-mail by the person's preference, in their language,
and only once the change is committed."""

from django.core import mail
from django.db import transaction
from django.utils import translation

from cyberregions.core.models import Notification
from cyberregions.events import services
from cyberregions.events.models import Registration
from cyberregions.events.tests.factories import make_event, make_user
from cyberregions.testing import PersonaTestCase


class RegistrationNotificationTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(title="Seminar", capacity=1, created_by=cls.coordinator)
        cls.first = make_user("first")
        cls.second = make_user("second")

    def committed(self, function, *args, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return function(*args, **kwargs)

    def kinds(self, user):
        return list(
            Notification.objects.filter(recipient=user)
            .order_by("pk")
            .values_list("kind", "url", "actor")
        )

    def test_it_gives_the_registrant_a_receipt_with_the_event_link(self):
        self.committed(services.register, self.first, self.event)
        self.assertEqual(
            self.kinds(self.first), [("events.registration.confirmed", "/events/seminar/", None)]
        )
        self.assertEqual([message.to for message in mail.outbox], [["first@example.org"]])
        self.assertIn("Seminar", mail.outbox[0].subject)
        self.assertIn("You are registered. See you there!", mail.outbox[0].body)
        self.assertIn("http://127.0.0.1:8000/events/seminar/", mail.outbox[0].body)

    def test_it_tells_a_late_registrant_they_are_on_the_waiting_list(self):
        self.committed(services.register, self.first, self.event)
        self.committed(services.register, self.second, self.event)
        self.assertEqual(
            self.kinds(self.second),
            [("events.registration.waitlisted", "/events/seminar/", None)],
        )
        self.assertIn("waiting list", mail.outbox[1].subject)
        self.assertIn("On the waiting list", mail.outbox[1].body)

    def test_it_tells_the_waiting_list_when_a_seat_frees_up(self):
        first = services.register(self.first, self.event)
        services.register(self.second, self.event)
        mail.outbox.clear()
        self.committed(services.cancel_registration, self.first, first)
        self.assertEqual(
            self.kinds(self.second)[-1],
            ("events.registration.promoted", "/events/seminar/", self.first.pk),
        )
        # The person who cancelled is not told about their own cancellation.
        self.assertEqual(len(self.kinds(self.first)), 1)
        self.assertEqual([message.to for message in mail.outbox], [["second@example.org"]])
        self.assertIn("A seat is free", mail.outbox[0].subject)
        self.assertIn("Status: Confirmed", mail.outbox[0].body)

    def test_it_tells_the_waiting_list_when_the_capacity_grows(self):
        services.register(self.first, self.event)
        services.register(self.second, self.event)
        self.committed(services.update_event, self.coordinator, self.event, {"capacity": 2})
        self.assertEqual(self.kinds(self.second)[-1][0], "events.registration.promoted")

    def test_it_tells_a_registrant_the_organiser_cancelled_them(self):
        registration = services.register(self.first, self.event)
        mail.outbox.clear()
        self.committed(services.cancel_registration, self.coordinator, registration)
        self.assertEqual(
            self.kinds(self.first)[-1],
            ("events.registration.cancelled", "/events/seminar/", self.coordinator.pk),
        )
        self.assertIn("The organisers have cancelled your registration", mail.outbox[0].body)
        self.assertIn("Status: Cancelled", mail.outbox[0].body)

    def test_it_sends_no_email_to_whoever_chose_never_but_keeps_the_bell(self):
        self.first.email_notifications = "never"
        self.first.save()
        self.committed(services.register, self.first, self.event)
        self.assertEqual(len(self.kinds(self.first)), 1)
        self.assertEqual(Notification.objects.get(recipient=self.first).email_state, "not_sent")
        self.assertEqual(mail.outbox, [])

    def test_it_keeps_the_notice_in_the_platform_for_a_person_without_an_address(self):
        self.first.email = ""
        self.first.save()
        self.committed(services.register, self.first, self.event)
        self.assertEqual(len(self.kinds(self.first)), 1)
        self.assertEqual(mail.outbox, [])

    def test_it_writes_in_the_recipients_language(self):
        self.first.language = "fr"
        self.first.save()
        self.second.language = "en"
        self.second.save()
        first = self.committed(services.register, self.first, self.event)
        self.committed(services.register, self.second, self.event)
        self.assertIn("Vous êtes inscrit. À bientôt !", mail.outbox[0].body)
        self.assertIn("Confirmée", mail.outbox[0].body)
        self.assertIn("On the waiting list", mail.outbox[1].body)
        # The French registrant cancels: the English one is told in English, not in the
        # language of the person acting.
        with translation.override("fr"):
            self.committed(services.cancel_registration, self.first, first)
        self.assertIn("Status: Confirmed", mail.outbox[-1].body)

    def test_it_tells_nothing_when_the_change_is_rolled_back(self):
        with (
            self.captureOnCommitCallbacks(execute=True) as callbacks,
            self.assertRaises(RuntimeError),
            transaction.atomic(),
        ):
            services.register(self.first, self.event)
            raise RuntimeError("the request failed after the service")
        self.assertEqual(callbacks, [])
        self.assertFalse(Registration.objects.exists())
        self.assertFalse(Notification.objects.exists())
        self.assertEqual(mail.outbox, [])


class EventCancelledNotificationTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(title="Seminar", capacity=1, created_by=cls.coordinator)
        cls.seated = make_user("seated")
        cls.waiting = make_user("waiting")
        cls.gone = make_user("gone")

    def test_it_tells_everyone_registered_or_waiting_that_the_event_is_cancelled(self):
        services.register(self.seated, self.event)
        services.register(self.waiting, self.event)
        gone = services.register(self.gone, self.event)
        services.cancel_registration(self.gone, gone)
        Notification.objects.all().delete()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            services.set_event_status(self.coordinator, self.event, "cancelled")
        told = Notification.objects.filter(kind="events.event.cancelled")
        self.assertEqual(
            sorted(told.values_list("recipient__username", flat=True)), ["seated", "waiting"]
        )
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("Seminar", mail.outbox[0].subject)
        self.assertIn("/events/seminar/", mail.outbox[0].body)

    def test_cancelling_a_draft_tells_nobody(self):
        draft = make_event(title="Draft day", status="draft", created_by=self.coordinator)
        with self.captureOnCommitCallbacks(execute=True):
            services.set_event_status(self.coordinator, draft, "cancelled")
        self.assertFalse(Notification.objects.filter(kind="events.event.cancelled").exists())
