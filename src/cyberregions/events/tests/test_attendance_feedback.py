"""Attendance recorded by the organiser; the feedback survey after the event and its results."""

from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.events import services
from cyberregions.events.models import FeedbackResponse
from cyberregions.events.tests.factories import make_event, make_user, register
from cyberregions.testing import PersonaTestCase

ANSWERS = {
    "overall": "5",
    "content": "4",
    "organisation_rating": "4",
    "new_contacts": "3",
    "would_return": "on",
    "comments": "Great visits.",
}


class AttendanceFeedbackTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.past = make_event(title="Study visit", days=-10, created_by=cls.coordinator)
        cls.future = make_event(title="Seminar", days=10, created_by=cls.coordinator)
        cls.visitor = register(cls.past, cls.registered)
        cls.other = register(cls.past, make_user("other"))
        cls.upcoming = register(cls.future, cls.registered)

    def test_the_organiser_records_attendance_once_the_event_has_started(self):
        url = f"/events/{self.past.slug}/registrations/{self.visitor.pk}/"
        self.login(self.coordinator)
        self.client.post(url, {"attended": "yes"})
        self.visitor.refresh_from_db()
        self.assertIs(self.visitor.attended, True)
        self.assertEqual(
            AuditEntry.objects.get(action="registration.attendance").after, {"attended": True}
        )
        with self.assertRaises(services.EventError):
            services.record_attendance(self.coordinator, self.upcoming, True)

    def test_nobody_else_records_attendance(self):
        url = f"/events/{self.past.slug}/registrations/{self.visitor.pk}/"
        for user in (self.registered, self.member):
            self.login(user)
            self.assertEqual(self.client.post(url, {"attended": "yes"}).status_code, 403, user)
        self.client.logout()
        self.assertEqual(self.client.post(url, {"attended": "yes"}).status_code, 302)
        self.visitor.refresh_from_db()
        self.assertIsNone(self.visitor.attended)

    def test_a_participant_answers_the_survey_once_after_the_event(self):
        self.login(self.registered)
        url = f"/events/{self.past.slug}/feedback/"
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(url, ANSWERS)
        response = FeedbackResponse.objects.get()
        self.assertEqual((response.overall, response.new_contacts), (5, 3))
        entry = AuditEntry.objects.get(action="event.feedback")
        self.assertNotIn("comments", entry.after)
        self.client.post(url, ANSWERS)
        self.assertEqual(FeedbackResponse.objects.count(), 1)
        with self.assertRaises(services.EventError):
            services.submit_feedback(self.registered, self.visitor, {"overall": 3})

    def test_the_survey_waits_for_the_end_and_for_participants(self):
        with self.assertRaises(services.EventError):
            services.submit_feedback(
                self.registered,
                self.upcoming,
                {"overall": 4, "content": 4, "organisation_rating": 4},
            )
        with self.assertRaises(PermissionDenied):
            services.submit_feedback(self.member, self.visitor, {"overall": 4})
        self.login(self.member)
        self.assertEqual(self.client.get(f"/events/{self.past.slug}/feedback/").status_code, 403)

    def test_absent_participants_are_not_asked(self):
        self.visitor.attended = False
        self.visitor.save()
        with self.assertRaises(services.EventError):
            services.submit_feedback(self.registered, self.visitor, {"overall": 4})

    def test_results_are_aggregated_for_organisers_and_staff_only(self):
        services.submit_feedback(
            self.registered,
            self.visitor,
            {"overall": 5, "content": 4, "organisation_rating": 3, "comments": "Useful."},
        )
        self.other.user.is_active = True
        services.submit_feedback(
            self.other.user,
            self.other,
            {"overall": 3, "content": 4, "organisation_rating": 5, "would_return": False},
        )
        url = f"/events/{self.past.slug}/feedback/results/"
        for user in (self.coordinator, self.staff):
            self.login(user)
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, user)
            summary = response.context["summary"]
            self.assertEqual((summary["count"], summary["overall"]), (2, 4.0))
            self.assertEqual(summary["would_return"], 1)
            self.assertEqual(response.context["comments"], ["Useful."])
        for user in (self.registered, self.member):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, 403, user)
