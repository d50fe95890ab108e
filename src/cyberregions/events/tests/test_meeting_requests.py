"""Meeting requests: sent with a message, accepted or declined by the other side only, capped by
the organiser; a participant sees only its own, on its page and in the API."""

from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.events import services
from cyberregions.events.models import MeetingRequest
from cyberregions.events.tests.factories import make_event, make_user, register
from cyberregions.testing import PersonaTestCase

# token/session authentication (session, user), count, rows.
API_QUERIES = 4


class MeetingRequestTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(
            title="B2B days", event_type="brokerage", created_by=cls.coordinator, request_cap=2
        )
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton_user = make_user("breton")
        cls.breton = register(cls.event, cls.breton_user, cls.breton_sme)
        cls.estonian_user = make_user("tallinn")
        cls.estonian = register(cls.event, cls.estonian_user, cls.estonian_rto)

    def send(self, user, requester, recipient, message="Let us talk"):
        return services.send_meeting_request(user, requester, recipient, message)

    def test_a_participant_sends_a_request_with_a_message(self):
        self.login(self.member)
        response = self.client.post(
            f"/events/{self.event.slug}/b2b/participants/{self.breton.pk}/request/",
            {"message": "Your crypto needs match our library."},
        )
        self.assertRedirects(response, f"/events/{self.event.slug}/b2b/")
        request = MeetingRequest.objects.get()
        self.assertEqual(
            (request.requester, request.recipient, request.status, request.message),
            (self.tuscan, self.breton, "pending", "Your crypto needs match our library."),
        )
        self.assertTrue(AuditEntry.objects.filter(action="b2b.request.send").exists())

    def test_only_the_recipient_accepts_or_declines(self):
        request = self.send(self.member, self.tuscan, self.breton)
        answer = f"/events/{self.event.slug}/b2b/requests/{request.pk}/answer/"
        for user in (self.member, self.estonian_user, self.coordinator, self.registered):
            self.login(user)
            self.assertEqual(self.client.post(answer, {"decision": "accept"}).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.post(answer, {"decision": "accept"}).status_code, 302)
        request.refresh_from_db()
        self.assertEqual(request.status, "pending")
        self.login(self.breton_user)
        self.assertEqual(self.client.get(answer).status_code, 405)
        self.client.post(answer, {"decision": "accept", "mutual": "on"})
        request.refresh_from_db()
        self.assertEqual((request.status, request.mutual), ("accepted", True))
        with self.assertRaises(services.EventError):
            services.answer_meeting_request(self.breton_user, request, accept=False)

    def test_asking_back_accepts_as_mutual(self):
        first = self.send(self.member, self.tuscan, self.breton)
        second = self.send(self.breton_user, self.breton, self.tuscan)
        self.assertEqual(second.pk, first.pk)
        first.refresh_from_db()
        self.assertEqual((first.status, first.mutual), ("accepted", True))
        with self.assertRaises(services.EventError):
            self.send(self.member, self.tuscan, self.breton)

    def test_the_organisers_cap_holds_and_can_be_raised_per_participant(self):
        self.send(self.member, self.tuscan, self.breton)
        self.send(self.member, self.tuscan, self.estonian)
        extra = register(self.event, make_user("third"), None)
        with self.assertRaises(services.EventError):
            self.send(self.member, self.tuscan, extra)
        services.set_request_cap(self.coordinator, self.tuscan, 3)
        self.send(self.member, self.tuscan, extra)
        with self.assertRaises(PermissionDenied):
            services.set_request_cap(self.member, self.tuscan, 10)

    def test_one_cannot_ask_for_another_participant_or_to_meet_oneself(self):
        with self.assertRaises(PermissionDenied):
            self.send(self.member, self.breton, self.estonian)
        with self.assertRaises(services.EventError):
            self.send(self.member, self.tuscan, self.tuscan)
        waiting = register(self.event, make_user("late"), None, status="waitlisted")
        with self.assertRaises(PermissionDenied):
            self.send(waiting.user, waiting, self.tuscan)
        with self.assertRaises(services.EventError):
            self.send(self.member, self.tuscan, waiting)

    def test_either_side_cancels_and_the_meeting_goes(self):
        request = self.send(self.member, self.tuscan, self.breton)
        cancel = f"/events/{self.event.slug}/b2b/requests/{request.pk}/cancel/"
        self.login(self.estonian_user)
        self.assertEqual(self.client.post(cancel).status_code, 403)
        self.login(self.breton_user)
        self.client.post(cancel)
        request.refresh_from_db()
        self.assertEqual(request.status, "cancelled")
        # Sending again revives the request.
        again = self.send(self.member, self.tuscan, self.breton, "Second try")
        self.assertEqual(
            (again.pk, again.status, again.message), (request.pk, "pending", "Second try")
        )

    def test_a_participant_sees_only_its_own_requests(self):
        mine = self.send(self.member, self.tuscan, self.breton)
        theirs = self.send(self.breton_user, self.breton, self.estonian, "Private matter")
        self.login(self.member)
        page = self.client.get(f"/events/{self.event.slug}/b2b/")
        self.assertEqual([r.pk for r in page.context["sent"]], [mine.pk])
        self.assertEqual(page.context["received"], [])
        self.assertNotContains(page, "Private matter")
        with self.assertNumQueries(API_QUERIES):
            response = self.client.get("/api/meeting-requests/")
        self.assertEqual([row["id"] for row in response.json()["results"]], [mine.pk])
        self.assertEqual(response.json()["results"][0]["direction"], "sent")
        self.assertEqual(self.client.get(f"/api/meeting-requests/{theirs.pk}/").status_code, 404)
        self.login(self.estonian_user)
        response = self.client.get("/api/meeting-requests/")
        self.assertEqual(response.json()["results"][0]["direction"], "received")

    def test_the_api_answers_401_to_visitors_and_refuses_writes(self):
        response = self.client.get("/api/meeting-requests/")
        self.assertEqual(response.status_code, 401)
        self.assertIn("Token", response["WWW-Authenticate"])
        self.login(self.member)
        self.assertEqual(self.client.post("/api/meeting-requests/", {}).status_code, 405)

    def test_the_b2b_page_is_for_participants(self):
        self.login(self.registered)
        self.assertEqual(self.client.get(f"/events/{self.event.slug}/b2b/").status_code, 403)
        self.login(self.coordinator)
        response = self.client.get(f"/events/{self.event.slug}/b2b/")
        self.assertRedirects(response, f"/events/{self.event.slug}/b2b/organiser/")
        workshop = make_event(title="Workshop")
        self.assertEqual(self.client.get(f"/events/{workshop.slug}/b2b/").status_code, 404)
