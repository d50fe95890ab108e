"""A course moves draft → submitted → validated (or returned) through the workflow engine:
its provider submits, the coordinators of the provider's region validate, and a validated
course is confirmed once a year."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from cyberregions.core.models import AuditEntry, Notification
from cyberregions.geo.models import RegionMembership
from cyberregions.testing import PersonaTestCase

from .. import services
from ..models import Course, CourseTransition
from .helpers import make_course


class CourseWorkflowTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from django.contrib.auth import get_user_model

        cls.tuscan_coordinator = get_user_model().objects.create_user("gianni", "g@example.org")
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)

    def course(self, **fields):
        return make_course(self.tuscan_sme, status="draft", **fields)

    def test_it_lets_the_provider_submit_and_the_region_validate(self):
        course = self.course()
        services.transition(self.member, course, "submit")
        course = services.transition(
            self.tuscan_coordinator, Course.objects.get(pk=course.pk), "validate"
        )
        self.assertEqual(course.status, "validated")
        self.assertIsNotNone(course.confirmed_at)
        steps = list(CourseTransition.objects.filter(course=course).values_list("step", flat=True))
        self.assertEqual(steps, ["submit", "validate"])
        self.assertTrue(AuditEntry.objects.filter(action="course.validate").exists())

    def test_it_tells_the_coordinators_of_a_submission_and_the_provider_of_the_decision(self):
        course = self.course()
        services.transition(self.member, course, "submit")
        self.assertTrue(
            Notification.objects.filter(
                recipient=self.tuscan_coordinator, kind="skills.course.step"
            ).exists()
        )
        services.transition(self.tuscan_coordinator, Course.objects.get(pk=course.pk), "validate")
        self.assertTrue(Notification.objects.filter(recipient=self.member).exists())

    def test_it_refuses_validation_by_another_region_or_the_provider(self):
        course = self.course()
        services.transition(self.member, course, "submit")
        for user in (self.coordinator, self.member, self.registered):
            with self.subTest(user=user.username), self.assertRaises(PermissionDenied):
                services.transition(user, Course.objects.get(pk=course.pk), "validate")

    def test_it_refuses_a_submission_by_someone_outside_the_provider(self):
        with self.assertRaises(PermissionDenied):
            services.transition(self.coordinator, self.course(), "submit")

    def test_it_needs_a_profile_before_submission(self):
        course = self.course()
        course.targets.all().delete()
        with self.assertRaises(services.CourseError):
            services.transition(self.member, course, "submit")

    def test_it_needs_a_reason_to_return_a_course(self):
        course = self.course()
        services.transition(self.member, course, "submit")
        with self.assertRaises(services.CourseError):
            services.transition(self.tuscan_coordinator, Course.objects.get(pk=course.pk), "return")
        course = services.transition(
            self.tuscan_coordinator, Course.objects.get(pk=course.pk), "return", "Seats missing."
        )
        self.assertEqual(course.status, "returned")
        self.assertEqual(services.allowed_steps(self.member, course), ["submit"])

    def test_it_refuses_validating_a_draft(self):
        with self.assertRaises(services.CourseError):
            services.transition(self.tuscan_coordinator, self.course(), "validate")

    def test_it_confirms_a_validated_course_for_another_year(self):
        course = make_course(self.tuscan_sme, confirmed_days_ago=400)
        Course.objects.filter(pk=course.pk).update(reminded_at=timezone.now())
        course = services.transition(self.member, Course.objects.get(pk=course.pk), "confirm")
        self.assertEqual(course.status, "validated")
        self.assertGreater(course.confirmed_at, timezone.now() - datetime.timedelta(minutes=1))
        self.assertIsNone(course.reminded_at)

    def test_it_offers_only_the_steps_the_engine_would_take(self):
        course = self.course()
        self.assertEqual(services.allowed_steps(self.member, course), ["submit"])
        self.assertEqual(services.allowed_steps(self.tuscan_coordinator, course), ["submit"])
        self.assertEqual(services.allowed_steps(self.coordinator, course), [])
        self.assertEqual(services.allowed_steps(None, course), [])
