"""The plan pages per persona: who sees which plan, who writes it, and the forbidden paths
(404 for a plan one may not see, 403 for a step one may not take, 405 for a wrong method)."""

from cyberregions.plans.models import ActionPlan

from .helpers import PlanTestCase, cite, make_action, make_indicator, make_plan, make_report

# session, user, the user's roles for the navigation (2), count, page of plans.
LIST_QUERIES = 6
# plan, other partners, actions, citations, players, indicators, milestones, latest accepted
# report, its entries.
DETAIL_QUERIES = 9


class PlanPageTests(PlanTestCase):
    def titles(self, response):
        return [plan.title for plan in response.context["page"].object_list]

    def test_the_list_shows_drafts_to_their_region_and_staff_only(self):
        expected = {
            "visitor": ["Brittany plan in implementation"],
            "registered": ["Brittany plan in implementation"],
            "member": ["Brittany plan in implementation"],
            "tuscan coordinator": ["Brittany plan in implementation"],
            "coordinator": ["Brittany draft plan", "Brittany plan in implementation"],
            "staff": ["Brittany draft plan", "Brittany plan in implementation"],
            "admin": ["Brittany draft plan", "Brittany plan in implementation"],
        }
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get("/plans/")
            self.assertEqual(response.status_code, 200, name)
            self.assertEqual(self.titles(response), expected[name], name)

    def test_the_list_filters_and_pins_its_queries(self):
        self.login(self.staff)
        response = self.client.get("/plans/", {"status": "draft"})
        self.assertEqual(self.titles(response), ["Brittany draft plan"])
        response = self.client.get("/plans/", {"q": "innovation strategy"})
        self.assertEqual(self.titles(response), ["Brittany plan in implementation"])
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get("/plans/")
        for number in range(10):
            make_plan(self.tuscany, "endorsed", f"Plan {number}", instrument_name=f"I{number}")
        with self.assertNumQueries(LIST_QUERIES):
            response = self.client.get("/plans/")
        self.assertEqual(len(self.titles(response)), 12)

    def test_a_draft_is_not_found_by_those_who_may_not_see_it(self):
        url = f"/plans/{self.draft.pk}/"
        for name, user in self.personas():
            self.as_persona(user)
            expected = 200 if name in ("coordinator", "staff", "admin") else 404
            self.assertEqual(self.client.get(url).status_code, expected, name)
            self.assertEqual(self.client.get(f"{url}pdf/").status_code, expected, name)
            self.assertEqual(self.client.get(f"{url}timeline/").status_code, expected, name)

    def test_the_page_shows_the_three_parts_and_hides_the_contact_without_consent(self):
        ActionPlan.objects.filter(pk=self.running.pk).update(
            contact_name="Marie Le Bihan", contact_email="marie@example.org"
        )
        response = self.client.get(f"/plans/{self.running.pk}/")
        for text in (
            "Part I — General information",
            "Part II — Policy context",
            "Testbed for SMEs",
        ):
            self.assertContains(response, text)
        self.assertNotContains(response, "marie@example.org")
        self.login(self.coordinator)
        self.assertContains(self.client.get(f"/plans/{self.running.pk}/"), "marie@example.org")

    def test_the_page_of_a_plan_pins_its_queries(self):
        make_report(self.running, 2025, 1, "accepted", [(self.running_action, "on_track", 40)])
        url = f"/plans/{self.running.pk}/"
        self.client.get(url)
        with self.assertNumQueries(DETAIL_QUERIES):
            self.client.get(url)
        for position in range(2, 6):
            action = make_action(self.running, position)
            action.players.set([self.breton_sme])
            make_indicator(action, milestones=[("2026-01-01", 5)])
            cite(action, self.practice)
        with self.assertNumQueries(DETAIL_QUERIES):
            response = self.client.get(url)
        self.assertEqual(len(response.context["actions"]), 5)

    def test_only_the_region_edits_its_draft(self):
        url = f"/plans/{self.draft.pk}/edit/"
        self.assertEqual(self.client.get(url).status_code, 302)
        for user, code in (
            (self.member, 404),
            (self.tuscan_coordinator, 404),
            (self.staff, 403),
        ):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, code, user)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.get(f"/plans/{self.running.pk}/edit/").status_code, 403)

    def test_a_coordinator_writes_a_plan_for_their_own_region_only(self):
        self.login(self.member)
        self.assertEqual(self.client.get("/plans/new/").status_code, 403)
        self.login(self.coordinator)
        data = {
            "title": "Second Brittany plan",
            "region": self.tuscany.pk,
            "partner": self.partner.pk,
            "instrument_name": "Regional training plan",
            "managing_authority": "Regional council",
            "instrument_type": "other",
        }
        response = self.client.post("/plans/new/", data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)
        response = self.client.post("/plans/new/", {**data, "region": self.brittany.pk})
        plan = ActionPlan.objects.get(title="Second Brittany plan")
        self.assertRedirects(response, f"/plans/{plan.pk}/")
        self.assertEqual((plan.status, plan.created_by), ("draft", self.coordinator))
        response = self.client.post("/plans/new/", {**data, "region": self.brittany.pk})
        self.assertContains(response, "already has an action plan for this policy instrument")

    def test_posting_only_pages_refuse_other_methods(self):
        self.login(self.coordinator)
        for url in (
            f"/plans/{self.draft.pk}/delete/",
            f"/plans/{self.draft.pk}/comments/",
            f"/plans/{self.draft.pk}/actions/{self.draft_action.pk}/delete/",
        ):
            self.assertEqual(self.client.get(url).status_code, 405, url)

    def test_staff_and_the_region_comment_others_may_not(self):
        url = f"/plans/{self.draft.pk}/comments/"
        self.login(self.staff)
        response = self.client.post(url, {"body": "Please quantify action 1."})
        self.assertRedirects(response, f"/plans/{self.draft.pk}/#comments")
        self.login(self.coordinator)
        self.assertContains(
            self.client.get(f"/plans/{self.draft.pk}/"), "Please quantify action 1."
        )
        self.login(self.registered)
        self.assertEqual(
            self.client.post(f"/plans/{self.running.pk}/comments/", {"body": "Hi"}).status_code, 403
        )
        self.assertNotContains(self.client.get(f"/plans/{self.running.pk}/"), 'id="comments"')

    def test_a_draft_never_submitted_may_be_deleted_by_its_region(self):
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.client.post(f"/plans/{self.draft.pk}/delete/").status_code, 404)
        self.login(self.coordinator)
        self.assertRedirects(self.client.post(f"/plans/{self.draft.pk}/delete/"), "/plans/")
        self.assertFalse(ActionPlan.objects.filter(pk=self.draft.pk).exists())

    def test_the_pages_speak_french(self):
        self.client.cookies.load({"django_language": "fr"})
        response = self.client.get(f"/plans/{self.running.pk}/", headers={"accept-language": "fr"})
        self.assertContains(response, "Partie I — Informations générales")
        self.assertContains(response, "En cours de mise en œuvre")
        self.assertContains(self.client.get("/plans/"), "1 plan d’action")
