"""An endorsed or running plan changes through a modification request: the region's
coordinator proposes changes with a reason, programme staff approve them through the workflow
engine (the plan changes and a new version is frozen) or refuse them with a reason. A refusal
page says who may do what."""

import datetime

from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.plans import services
from cyberregions.plans.models import PlanModification, PlanVersion

from .helpers import PlanTestCase


class ModificationTests(PlanTestCase):
    def propose(self, user=None, reason="The call moved to 2026.", **action_fields):
        fields = action_fields or {"end_date": datetime.date(2027, 6, 30), "cost_eur": 350_000}
        return services.propose_modification(
            user or self.coordinator,
            self.running,
            reason,
            {
                "plan": {"title": self.running.title},  # unchanged: not proposed
                "actions": {str(self.running_action.pk): fields},
            },
        )

    def test_it_lets_the_region_propose_with_a_reason(self):
        modification = self.propose()
        self.assertEqual(modification.status, "proposed")
        self.assertEqual(
            modification.changes,
            {
                "plan": {},
                "actions": {
                    str(self.running_action.pk): {"end_date": "2027-06-30", "cost_eur": 350_000}
                },
            },
        )
        self.assertEqual(
            modification.previous["actions"][str(self.running_action.pk)],
            {"end_date": "2026-12-31", "cost_eur": 300_000},
        )
        self.assertTrue(AuditEntry.objects.filter(action="plan.modification.propose").exists())
        with self.assertRaises(services.ModificationError):  # one open request at a time
            self.propose(cost_eur=1)

    def test_it_refuses_bad_requests(self):
        with self.assertRaises(services.ModificationError):
            self.propose(reason="  ")
        with self.assertRaises(services.ModificationError):
            self.propose(cost_eur=300_000)  # changes nothing
        for user in (self.tuscan_coordinator, self.member, self.staff):
            with self.assertRaises(PermissionDenied):
                self.propose(user=user)
        with self.assertRaises(PermissionDenied):  # a draft is edited, not modified
            services.propose_modification(self.coordinator, self.draft, "Why", {"plan": {}})

    def test_staff_approve_and_the_plan_gets_a_new_version(self):
        modification = self.propose()
        with self.assertRaises(PermissionDenied):
            services.modification_step(self.coordinator, modification, "approve")
        services.modification_step(self.staff, modification, "approve", "Agreed.")
        modification.refresh_from_db()
        self.running_action.refresh_from_db()
        self.assertEqual(modification.status, "approved")
        self.assertEqual(
            (self.running_action.end_date, self.running_action.cost_eur),
            (datetime.date(2027, 6, 30), 350_000),
        )
        version = PlanVersion.objects.get(pk=modification.version_id)
        [action] = version.snapshot["actions"]
        self.assertEqual((action["end_date"], action["cost_eur"]), ("2027-06-30", 350_000))
        self.assertEqual(modification.transitions.get().step, "approve")
        with self.assertRaises(services.ModificationError):
            services.modification_step(self.staff, modification, "refuse", "Too late.")

    def test_staff_refuse_with_a_reason(self):
        modification = self.propose()
        with self.assertRaises(services.ModificationError):
            services.modification_step(self.staff, modification, "refuse")
        services.modification_step(self.staff, modification, "refuse", "Keep the costs.")
        modification.refresh_from_db()
        self.running_action.refresh_from_db()
        self.assertEqual(
            (modification.status, modification.decision_reason), ("refused", "Keep the costs.")
        )
        self.assertEqual(self.running_action.cost_eur, 300_000)
        self.assertIsNone(modification.version)
        self.propose(cost_eur=320_000)  # a new request may follow


class ModificationPageTests(PlanTestCase):
    def test_the_coordinator_proposes_from_the_plan_page(self):
        self.login(self.coordinator)
        page = self.client.get(f"/plans/{self.running.pk}/")
        self.assertContains(page, f"/plans/{self.running.pk}/modifications/new/")
        url = f"/plans/{self.running.pk}/modifications/new/"
        self.assertEqual(self.client.get(url).status_code, 200)
        prefix = f"action-{self.running_action.pk}"
        data = {
            "reason": "Costs rose.",
            "plan-title": self.running.title,
            "plan-policy_context": self.running.policy_context,
            "plan-instrument_name": self.running.instrument_name,
            "plan-managing_authority": self.running.managing_authority,
            f"{prefix}-title": self.running_action.title,
            f"{prefix}-description": self.running_action.description,
            f"{prefix}-start_date": "2025-01-01",
            f"{prefix}-end_date": "2026-12-31",
            f"{prefix}-cost_eur": "400000",
            f"{prefix}-funding_sources": "",
        }
        response = self.client.post(url, data)
        modification = PlanModification.objects.get()
        self.assertRedirects(response, f"/plans/modifications/{modification.pk}/")
        self.assertEqual(
            modification.changes["actions"], {str(self.running_action.pk): {"cost_eur": 400_000}}
        )
        detail = self.client.get(f"/plans/modifications/{modification.pk}/")
        self.assertContains(detail, "Costs rose.")
        self.assertNotContains(detail, "/step/approve/")
        self.login(self.staff)
        detail = self.client.get(f"/plans/modifications/{modification.pk}/")
        self.assertContains(detail, f"/plans/modifications/{modification.pk}/step/approve/")
        step = f"/plans/modifications/{modification.pk}/step/approve/"
        self.assertEqual(self.client.get(step).status_code, 200)
        self.client.post(step, {"reason": ""})
        modification.refresh_from_db()
        self.assertEqual(modification.status, "approved")

    def test_others_are_refused_and_told_who_may(self):
        url = f"/plans/{self.running.pk}/modifications/new/"
        for user in (self.member, self.tuscan_coordinator, self.staff):
            self.login(user)
            response = self.client.get(url, follow=False)
            self.assertEqual(response.status_code, 403, user)
            self.assertContains(
                response, "Only the coordinators of Bretagne (Brittany) propose", status_code=403
            )
        self.login(self.coordinator)
        self.assertEqual(
            self.client.get(f"/plans/{self.draft.pk}/modifications/new/").status_code, 403
        )

    def test_the_edit_page_of_a_running_plan_names_the_modification_request(self):
        self.login(self.coordinator)
        response = self.client.get(f"/plans/{self.running.pk}/edit/")
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "modification request", status_code=403)
        self.assertContains(response, "approved by programme staff", status_code=403)
        self.assertNotContains(response, "ask your region", status_code=403)
