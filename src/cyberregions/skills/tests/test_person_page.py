"""The person's page: pick a profile or tick liked tasks, see what it takes and courses near
or online by level. Nothing is stored."""

from django.urls import reverse

from cyberregions.testing import PersonaTestCase, make_organisation

from ..models import EcsfItem
from ..views import finder_tasks
from .helpers import make_course, profile


class PersonPageTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        school = make_organisation("Rennes Cyber School", "FR", "FRH0", actor_type="training")
        make_course(school, "Pentest in Rennes", eqf_level=5)
        make_course(school, "Pentest master in Rennes", eqf_level=7, kind="master", cyber_share=50)
        make_course(cls.tuscan_sme, "Pentest online", mode="online", eqf_level=4)
        make_course(cls.tuscan_sme, "Pentest in Firenze", eqf_level=5)

    def test_it_shows_a_profile_and_the_courses_near_or_online_by_level(self):
        response = self.client.get(
            reverse("skills:index"), {"profile": profile("ECSF-PEN").pk, "region": "FRH0"}
        )
        self.assertContains(response, "Penetration Tester")
        groups = dict(response.context["course_groups"])
        titles = {level: [t.course.title for t in targets] for level, targets in groups.items()}
        self.assertEqual(
            titles,
            {4: ["Pentest online"], 5: ["Pentest in Rennes"], 7: ["Pentest master in Rennes"]},
        )

    def test_it_keeps_to_the_level_asked(self):
        response = self.client.get(
            reverse("skills:index"), {"profile": profile("ECSF-PEN").pk, "level": "5"}
        )
        levels = [level for level, _targets in response.context["course_groups"]]
        self.assertEqual(levels, [4])

    def test_it_suggests_profiles_from_liked_tasks(self):
        tasks = dict(finder_tasks())
        pen_tasks = EcsfItem.objects.filter(code__in=tasks, profiles__code="ECSF-PEN").values_list(
            "code", flat=True
        )
        self.assertTrue(pen_tasks)
        response = self.client.get(reverse("skills:index"), {"likes": list(pen_tasks)})
        self.assertEqual(response.context["suggestions"][0][0].code, "ECSF-PEN")
        self.assertEqual(response.context["profile"].code, "ECSF-PEN")

    def test_it_stores_nothing_and_needs_no_account(self):
        # The profile, the regions, the liked-task choices (2), the profile's items, its
        # courses and the profile menu; no write, no session.
        with self.assertNumQueries(8):
            response = self.client.get(
                reverse("skills:index"), {"profile": profile("ECSF-PEN").pk, "region": "FRH0"}
            )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("sessionid", response.cookies)

    def test_it_refuses_an_unknown_profile_gently(self):
        response = self.client.get(reverse("skills:index"), {"profile": "999999", "level": "12"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)
