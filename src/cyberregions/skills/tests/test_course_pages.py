"""Adding and editing a course through its pages: providers only, with the input checked."""

import datetime

from django.urls import reverse
from django.utils import timezone

from cyberregions.core.models import AuditEntry
from cyberregions.testing import PersonaTestCase

from ..models import Course, EcsfItem
from .helpers import coverage_of, make_course


def form_data(provider, **overrides):
    items = EcsfItem.objects.filter(profiles__code="ECSF-PEN", kind__in=["task", "skill"])
    data = {
        "title": "Offensive security master",
        "provider": provider.pk,
        "kind": "master",
        "eqf_level": "7",
        "ects": "120",
        "languages": ["it", "en"],
        "mode": "on_site",
        "city": "Firenze",
        "start_dates": (timezone.localdate() + datetime.timedelta(days=200)).isoformat(),
        "cost_band": "medium",
        "seats_per_year": "40",
        "cyber_share": "60",
        "profiles": ["ECSF-PEN"],
        "items": [item.pk for item in items[:4]],
    }
    data.update(overrides)
    from cyberregions.taxonomy.models import EcsfProfile

    data["profiles"] = [EcsfProfile.objects.get(code=code).pk for code in data["profiles"]]
    return data


class CoursePageTests(PersonaTestCase):
    def test_it_lets_a_member_add_a_course_of_their_organisation(self):
        self.login(self.member)
        response = self.client.post(reverse("skills:course_create"), form_data(self.tuscan_sme))
        course = Course.objects.get(title="Offensive security master")
        self.assertRedirects(response, course.get_absolute_url())
        self.assertEqual(course.status, "draft")
        self.assertEqual(course.region, self.tuscany)
        self.assertTrue(course.meets_inclusion_rule)
        total = EcsfItem.objects.filter(
            profiles__code="ECSF-PEN", kind__in=["task", "skill", "knowledge"]
        ).count()
        self.assertAlmostEqual(coverage_of(course), 4 / total)
        self.assertTrue(AuditEntry.objects.filter(action="course.create").exists())

    def test_it_refuses_a_provider_the_user_may_not_change(self):
        self.login(self.member)
        response = self.client.post(reverse("skills:course_create"), form_data(self.breton_sme))
        self.assertEqual(response.status_code, 200)
        self.assertIn("provider", response.context["form"].errors)
        self.assertFalse(Course.objects.exists())

    def test_it_refuses_a_past_start_an_impossible_level_and_a_degree_without_share(self):
        self.login(self.member)
        past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
        data = form_data(self.tuscan_sme, start_dates=past, eqf_level="9", cyber_share="")
        response = self.client.post(reverse("skills:course_create"), data)
        errors = response.context["form"].errors
        self.assertIn("start_dates", errors)
        self.assertIn("eqf_level", errors)
        self.assertIn("cyber_share", errors)
        response = self.client.post(
            reverse("skills:course_create"), form_data(self.tuscan_sme, ects="400")
        )
        self.assertIn("ects", response.context["form"].errors)
        self.assertFalse(Course.objects.exists())

    def test_it_shows_whether_a_degree_meets_the_inclusion_rule(self):
        bachelor = make_course(self.tuscan_sme, "B", kind="bachelor", cyber_share=20)
        master = make_course(self.tuscan_sme, "M", kind="master", cyber_share=40)
        short = make_course(self.tuscan_sme, "S", kind="short")
        self.assertIs(bachelor.meets_inclusion_rule, False)
        self.assertIs(master.meets_inclusion_rule, True)
        self.assertIsNone(short.meets_inclusion_rule)
        response = self.client.get(bachelor.get_absolute_url())
        self.assertContains(response, "below ENISA")

    def test_it_sends_visitors_to_log_in_and_refuses_people_without_an_organisation(self):
        url = reverse("skills:course_create")
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])
        self.login(self.registered)
        self.assertEqual(self.client.get(url).status_code, 403)

    def test_it_lets_only_the_provider_edit_and_counts_an_edit_as_a_confirmation(self):
        course = make_course(self.tuscan_sme, confirmed_days_ago=300)
        url = reverse("skills:course_edit", args=[course.slug])
        self.login(self.coordinator)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.member)
        data = form_data(self.tuscan_sme, title="Renamed", kind="short", cyber_share="")
        response = self.client.post(url, data)
        self.assertRedirects(response, course.get_absolute_url())
        course.refresh_from_db()
        self.assertEqual(course.title, "Renamed")
        self.assertEqual(course.status, "validated")
        self.assertGreater(course.confirmed_at, timezone.now() - datetime.timedelta(minutes=1))

    def test_it_hides_a_draft_from_visitors_with_404(self):
        course = make_course(self.tuscan_sme, status="draft")
        self.assertEqual(self.client.get(course.get_absolute_url()).status_code, 404)
        self.login(self.member)
        self.assertEqual(self.client.get(course.get_absolute_url()).status_code, 200)

    def test_it_takes_a_step_from_its_page(self):
        course = make_course(self.breton_sme, status="draft")
        url = reverse("skills:course_step", args=[course.slug, "submit"])
        self.login(self.member)
        self.assertEqual(self.client.post(url).status_code, 404)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertRedirects(self.client.post(url), course.get_absolute_url())
        course.refresh_from_db()
        self.assertEqual(course.status, "submitted")
        self.assertEqual(
            self.client.get(reverse("skills:course_step", args=[course.slug, "fly"])).status_code,
            404,
        )

    def test_it_refuses_a_step_the_user_may_not_take(self):
        course = make_course(self.tuscan_sme, status="submitted")
        self.login(self.member)
        url = reverse("skills:course_step", args=[course.slug, "validate"])
        self.assertEqual(self.client.post(url).status_code, 403)
