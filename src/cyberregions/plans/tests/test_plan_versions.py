"""A version frozen at each submission, and the readable difference between any two of them
(or one and the plan as it stands), as a page for the region and programme staff."""

from cyberregions.plans import services
from cyberregions.plans.models import ActionPlan, PlanVersion

from .helpers import PlanTestCase, cite

OLD = "A voucher of up to EUR 5,000 for a diagnostic by a labelled provider, decided in six weeks."
NEW = (
    "A voucher of up to EUR 10,000 for a diagnostic by a labelled provider, decided in four weeks."
)


class VersionTests(PlanTestCase):
    def fresh(self):
        return ActionPlan.objects.get(pk=self.draft.pk)

    def two_versions(self):
        self.draft_action.description = OLD
        self.draft_action.save()
        services.submit_plan(self.coordinator, self.fresh())
        services.return_plan(self.staff, self.fresh(), "Raise the voucher.")
        action = self.draft_action.__class__.objects.get(pk=self.draft_action.pk)
        services.update_action(self.coordinator, action, {"description": NEW, "cost_eur": 150_000})
        cite(action, self.practice)
        services.submit_plan(self.coordinator, self.fresh())

    def test_each_submission_freezes_the_whole_plan(self):
        services.submit_plan(self.coordinator, self.fresh())
        version = PlanVersion.objects.get(plan=self.draft)
        self.assertEqual(version.number, 1)
        self.assertEqual(version.created_by, self.coordinator)
        self.assertEqual(version.snapshot["plan"]["title"], "Brittany draft plan")
        self.assertEqual(version.snapshot["plan"]["region"], "Bretagne (Brittany) (FRH0)")
        [action] = version.snapshot["actions"]
        self.assertEqual(
            (action["key"], action["title"], action["cost_eur"]),
            (self.draft_action.pk, "Diagnostic voucher", 100_000),
        )

    def test_the_page_shows_what_changed_between_two_versions(self):
        self.two_versions()
        self.login(self.staff)
        response = self.client.get(f"/plans/{self.draft.pk}/versions/")
        self.assertEqual((response.context["chosen_from"], response.context["chosen_to"]), (1, 2))
        self.assertContains(response, "Changed")
        self.assertContains(response, "Diagnostic voucher")
        hidden = '<span class="visually-hidden">'
        self.assertContains(
            response, f"<del>{hidden}[removed: </span>5{hidden}]</span></del>", html=True
        )
        self.assertContains(
            response, f"<ins>{hidden}[added: </span>four{hidden}]</span></ins>", html=True
        )
        self.assertContains(response, "<td>100000</td>", html=True)
        self.assertContains(
            response, "<ins>Competence centre vouchers (Tuscany (Toscana))</ins>", html=True
        )

    def test_a_version_compares_with_the_plan_as_it_stands(self):
        services.submit_plan(self.coordinator, self.fresh())
        self.login(self.coordinator)
        response = self.client.get(f"/plans/{self.draft.pk}/versions/")
        self.assertEqual(response.context["chosen_to"], "current")
        self.assertContains(response, "No difference.")
        response = self.client.get(f"/plans/{self.draft.pk}/versions/?from=1&to=1")
        self.assertContains(response, "No difference.")

    def test_versions_stay_with_the_region_and_staff(self):
        services.submit_plan(self.coordinator, self.fresh())
        url = f"/plans/{self.running.pk}/versions/"
        self.assertEqual(self.client.get(url).status_code, 302)
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.client.get(f"/plans/{self.draft.pk}/versions/").status_code, 404)
        self.login(self.coordinator)
        self.assertEqual(
            self.client.get(f"/plans/{self.draft.pk}/versions/?from=7").status_code, 404
        )
