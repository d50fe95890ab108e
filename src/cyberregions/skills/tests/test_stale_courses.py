"""A course not confirmed for 12 months is flagged stale and its provider reminded once; past
the grace period it is hidden from the public until confirmed. The daily job runs it."""

from django.core import mail

from cyberregions.core import periodic
from cyberregions.core.models import Notification
from cyberregions.testing import PersonaTestCase

from .. import services, tasks
from ..models import Course
from .helpers import make_course


class StaleCourseTests(PersonaTestCase):
    def test_it_reminds_the_provider_once_per_stale_course(self):
        fresh = make_course(self.tuscan_sme, "Fresh", confirmed_days_ago=100)
        stale = make_course(self.tuscan_sme, "Stale", confirmed_days_ago=370)
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(services.remind_stale_courses(), {"reminded": 1})
        notes = Notification.objects.filter(kind="skills.course.stale")
        self.assertEqual([note.recipient for note in notes], [self.member])
        self.assertIn("Stale", notes[0].title)
        self.assertEqual(services.remind_stale_courses(), {"reminded": 0})
        stale.refresh_from_db()
        fresh.refresh_from_db()
        self.assertIsNotNone(stale.reminded_at)
        self.assertIsNone(fresh.reminded_at)
        self.assertTrue(mail.outbox)

    def test_it_hides_a_course_after_the_grace_period_until_it_is_confirmed(self):
        course = make_course(self.tuscan_sme, "Old", confirmed_days_ago=430)
        self.assertEqual(self.client.get(course.get_absolute_url()).status_code, 404)
        self.login(self.member)
        response = self.client.get(course.get_absolute_url())
        self.assertContains(response, "hidden from the catalogue")
        services.transition(self.member, course, "confirm")
        self.client.logout()
        self.assertEqual(self.client.get(course.get_absolute_url()).status_code, 200)

    def test_it_flags_a_stale_course_on_its_page(self):
        course = make_course(self.tuscan_sme, "Aging", confirmed_days_ago=380)
        self.assertContains(self.client.get(course.get_absolute_url()), "Not confirmed for more")

    def test_it_runs_with_the_daily_jobs(self):
        self.assertIn(
            "cyberregions.skills.tasks.remind_stale_courses", periodic.PERIODIC_JOBS["daily"]
        )
        make_course(self.tuscan_sme, "Stale", confirmed_days_ago=370)
        tasks.remind_stale_courses.call()
        self.assertIsNotNone(Course.objects.get().reminded_at)
