"""Matching a region's largest gaps with courses elsewhere and good practices about skills,
and turning one into an action of the region's draft plan in one step."""

from django.urls import reverse

from cyberregions.core.models import AuditEntry
from cyberregions.plans.models import Action
from cyberregions.plans.tests.helpers import make_plan
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import PersonaTestCase, make_organisation

from .. import matching
from .helpers import make_course, make_need


class MatchingTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_need(cls.breton_sme, "ECSF-PEN", count=12)
        make_course(cls.tuscan_sme, "Pentest online in English", mode="online", languages=["en"])
        make_course(cls.tuscan_sme, "Pentest in Italian only", mode="online", languages=["it"])
        make_course(cls.tuscan_sme, "Pentest on site in Firenze", languages=["en"])
        rennes = make_organisation("Rennes school", "FR", "FRH0", actor_type="training")
        make_course(rennes, "Pentest at home", mode="online")
        cls.practice = make_practice("Cyber skills academy", cls.tuscany)
        make_practice("Breton practice", cls.brittany)
        make_practice("Not about skills", cls.tuscany, barriers=("coordination",))
        cls.plan = make_plan(cls.brittany, "draft", "Brittany plan")

    def test_it_finds_courses_elsewhere_in_a_language_spoken_in_the_region(self):
        titles = [t.course.title for t in matching.courses_elsewhere(self.brittany, "ECSF-PEN")]
        self.assertEqual(
            sorted(titles), ["Pentest on site in Firenze", "Pentest online in English"]
        )

    def test_it_finds_skills_practices_of_other_regions(self):
        self.assertEqual(matching.skills_practices(self.brittany), [self.practice])

    def test_it_adds_a_course_as_an_action_of_the_plan_in_one_step(self):
        self.login(self.coordinator)
        page = self.client.get(reverse("skills:region", args=["FRH0"]))
        self.assertEqual(page.context["plans"], [self.plan])
        url = reverse("skills:region_plan_action", args=["FRH0"])
        response = self.client.post(
            url, {"plan": self.plan.pk, "source": "course:pentest-online-in-english"}
        )
        self.assertRedirects(response, self.plan.get_absolute_url(), fetch_redirect_response=False)
        action = Action.objects.get(plan=self.plan)
        self.assertIn("Pentest online in English", action.title)
        self.assertEqual(list(action.players.all()), [self.tuscan_sme])
        self.assertTrue(AuditEntry.objects.filter(action="plan.action.create").exists())

    def test_it_adds_a_practice_as_an_action_citing_it(self):
        self.login(self.coordinator)
        self.client.post(
            reverse("skills:region_plan_action", args=["FRH0"]),
            {"plan": self.plan.pk, "source": f"practice:{self.practice.slug}"},
        )
        self.assertEqual(list(Action.objects.get().practices.all()), [self.practice])

    def test_it_refuses_others_and_bad_input(self):
        url = reverse("skills:region_plan_action", args=["FRH0"])
        data = {"plan": self.plan.pk, "source": "course:pentest-online-in-english"}
        self.assertEqual(self.client.get(url).status_code, 302)
        self.login(self.member)
        self.assertEqual(self.client.post(url, data).status_code, 403)
        self.assertEqual(self.client.get(url).status_code, 405)
        self.login(self.coordinator)
        self.assertEqual(self.client.post(url, {**data, "source": "nothing"}).status_code, 404)
        self.assertEqual(self.client.post(url, {**data, "plan": "abc"}).status_code, 404)
        other = make_plan(self.tuscany, "draft", "Tuscan plan")
        self.assertEqual(self.client.post(url, {**data, "plan": other.pk}).status_code, 404)
        self.assertFalse(Action.objects.exists())
