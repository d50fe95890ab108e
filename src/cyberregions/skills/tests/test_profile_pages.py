"""The ECSF pages and API: a page per profile with everything the framework says."""

from django.urls import reverse

from cyberregions.testing import PersonaTestCase

from .helpers import make_course


class ProfilePageTests(PersonaTestCase):
    def test_it_lists_the_twelve_profiles(self):
        response = self.client.get(reverse("skills:profiles"))
        self.assertEqual(len(response.context["profiles"]), 12)
        self.assertContains(response, "Penetration Tester")

    def test_it_shows_a_profile_with_tasks_skills_knowledge_levels_and_courses(self):
        make_course(self.tuscan_sme, "Ethical hacking", profiles=("ECSF-CISO",))
        response = self.client.get(reverse("skills:profile", args=["ECSF-CISO"]))
        self.assertContains(response, "Head of Information Security")  # alternative title
        self.assertContains(response, "Cybersecurity Policy")  # deliverable
        self.assertContains(response, "Develop cybersecurity plans")  # task
        self.assertContains(response, "D.1 Information Security Strategy Development")
        self.assertContains(response, "e-5")
        self.assertContains(response, "Ethical hacking")
        self.assertEqual(len(response.context["tasks"]), 14)

    def test_it_answers_404_for_an_unknown_profile(self):
        self.assertEqual(self.client.get(reverse("skills:profile", args=["NOPE"])).status_code, 404)

    def test_it_lists_the_41_competences(self):
        response = self.client.get(reverse("skills:competences"))
        self.assertEqual(len(response.context["rows"]), 41)

    def test_it_serves_the_profiles_in_the_api_with_pinned_queries(self):
        with self.assertNumQueries(3):
            data = self.client.get("/api/skills/profiles/").json()
        self.assertEqual(len(data), 12)
        ciso = self.client.get("/api/skills/profiles/ECSF-CISO/").json()
        kinds = {item["kind"] for item in ciso["items"]}
        self.assertEqual(kinds, {"deliverable", "task", "skill", "knowledge"})
        self.assertIn(
            {"competence": "D.1", "title": "Information Security Strategy Development", "level": 5},
            ciso["ecf_competences"],
        )
        self.assertEqual(len(self.client.get("/api/skills/competences/").json()), 41)

    def test_it_refuses_writes_in_the_api(self):
        self.assertIn(self.client.post("/api/skills/profiles/", {}).status_code, (401, 403, 405))
        self.login(self.admin)
        self.assertEqual(self.client.post("/api/skills/courses/", {}).status_code, 405)
