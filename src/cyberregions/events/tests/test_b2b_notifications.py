"""B2B tells people: a participant learns that another asks to meet it; the requester learns
the answer; the other side learns of a cancellation; every participant learns that the schedule
is published, with its number of meetings and the link to its agenda."""

from django.core import mail
from django.db import transaction
from django.utils import translation

from cyberregions.core.models import Notification
from cyberregions.events import services
from cyberregions.events.models import Meeting, MeetingRequest
from cyberregions.events.tests.factories import make_brokerage, make_user, register
from cyberregions.testing import PersonaTestCase


class B2BNotificationTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=3, tables=2)
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton_user = make_user("breton")
        cls.breton = register(cls.event, cls.breton_user, cls.breton_sme)
        cls.estonian_user = make_user("tallinn")
        cls.estonian = register(cls.event, cls.estonian_user, cls.estonian_rto)
        cls.b2b = f"/events/{cls.event.slug}/b2b/"

    def committed(self, function, *args, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return function(*args, **kwargs)

    def notices(self, user):
        return list(
            Notification.objects.filter(recipient=user)
            .order_by("pk")
            .values_list("kind", "url", "actor")
        )

    def request(self):
        return services.send_meeting_request(
            self.member, self.tuscan, self.breton, "Your crypto needs match our library."
        )

    def test_it_tells_the_requested_participant(self):
        self.committed(self.request)
        self.assertEqual(
            self.notices(self.breton_user),
            [("events.meeting_request.received", self.b2b, self.member.pk)],
        )
        self.assertEqual(self.notices(self.member), [])
        self.assertEqual([message.to for message in mail.outbox], [["breton@example.org"]])
        message = mail.outbox[0]
        self.assertIn("Firenze Secure Systems asks to meet you", message.subject)
        self.assertIn("Your crypto needs match our library.", message.body)
        self.assertIn(f"http://127.0.0.1:8000{self.b2b}", message.body)

    def test_it_tells_the_requester_the_answer(self):
        meeting_request = self.request()
        for accept, kind, status in (
            (True, "accepted", "Accepted"),
            (False, "declined", "Declined"),
        ):
            with self.subTest(kind):
                MeetingRequest.objects.filter(pk=meeting_request.pk).update(status="pending")
                mail.outbox.clear()
                self.committed(
                    services.answer_meeting_request, self.breton_user, meeting_request, accept
                )
                self.assertEqual(
                    self.notices(self.member)[-1],
                    (f"events.meeting_request.{kind}", self.b2b, self.breton_user.pk),
                )
                self.assertEqual([message.to for message in mail.outbox], [["luca@example.org"]])
                self.assertIn(status, mail.outbox[0].subject)
                self.assertIn(f"Status: {status}", mail.outbox[0].body)

    def test_asking_back_accepts_and_tells_the_first_requester(self):
        self.request()
        self.committed(services.send_meeting_request, self.breton_user, self.breton, self.tuscan)
        self.assertEqual(self.notices(self.member)[-1][0], "events.meeting_request.accepted")

    def test_it_tells_the_other_side_of_a_cancellation(self):
        meeting_request = self.request()
        mail.outbox.clear()
        self.committed(services.cancel_meeting_request, self.member, meeting_request)
        self.assertEqual(
            self.notices(self.breton_user)[-1],
            ("events.meeting_request.cancelled", self.b2b, self.member.pk),
        )
        self.assertEqual([message.to for message in mail.outbox], [["breton@example.org"]])

    def test_an_organiser_cancelling_tells_both_sides(self):
        meeting_request = self.request()
        mail.outbox.clear()
        self.committed(services.cancel_meeting_request, self.coordinator, meeting_request)
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["breton@example.org", "luca@example.org"],
        )

    def test_it_tells_every_participant_its_meetings_when_the_schedule_is_published(self):
        slots = list(self.event.slots.order_by("starts_at"))
        for slot, other in zip(slots, (self.breton, self.estonian), strict=False):
            accepted = MeetingRequest.objects.create(
                event=self.event, requester=self.tuscan, recipient=other, status="accepted"
            )
            Meeting.objects.create(request=accepted, slot=slot, table=1)
        self.committed(services.publish_schedule, self.coordinator, self.event)
        agenda = f"/events/{self.event.slug}/b2b/agenda/"
        for user, registration in (
            (self.member, self.tuscan),
            (self.breton_user, self.breton),
            (self.estonian_user, self.estonian),
        ):
            self.assertEqual(
                self.notices(user),
                [("events.schedule.published", f"{agenda}{registration.pk}/", self.coordinator.pk)],
            )
        bodies = {message.to[0]: message.body for message in mail.outbox}
        self.assertIn("Your agenda holds 2 meetings.", bodies["luca@example.org"])
        self.assertIn("Your agenda holds 1 meeting.", bodies["breton@example.org"])
        # The organiser (who published) is not told.
        self.assertEqual(self.notices(self.coordinator), [])

    def test_it_follows_each_persons_preference_and_address(self):
        self.breton_user.email_notifications = "never"
        self.breton_user.save()
        self.estonian_user.email = ""
        self.estonian_user.save()
        self.committed(services.publish_schedule, self.coordinator, self.event)
        self.assertEqual([message.to for message in mail.outbox], [["luca@example.org"]])
        self.assertEqual(Notification.objects.filter(kind="events.schedule.published").count(), 3)

    def test_it_writes_in_the_recipients_language(self):
        self.member.language = "fr"
        self.member.save()
        meeting_request = self.request()
        with translation.override("en"):
            self.committed(services.answer_meeting_request, self.breton_user, meeting_request, True)
        self.assertIn("Acceptée", mail.outbox[-1].subject)
        self.assertIn("Acceptée", mail.outbox[-1].body)

    def test_it_tells_nothing_when_the_change_is_rolled_back(self):
        with (
            self.captureOnCommitCallbacks(execute=True) as callbacks,
            self.assertRaises(RuntimeError),
            transaction.atomic(),
        ):
            self.request()
            raise RuntimeError("the request failed after the service")
        self.assertEqual(callbacks, [])
        self.assertFalse(Notification.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_cancelled_registration_tells_the_other_side_of_its_open_requests(self):
        self.request()
        declined = services.send_meeting_request(self.member, self.tuscan, self.estonian)
        services.answer_meeting_request(self.estonian_user, declined, False)
        Notification.objects.all().delete()
        self.committed(services.cancel_registration, self.member, self.tuscan)
        self.assertEqual(
            list(Notification.objects.values_list("recipient", "kind")),
            [(self.breton_user.pk, "events.meeting_request.cancelled")],
        )
        self.assertIn("Status: Cancelled", mail.outbox[-1].body)
