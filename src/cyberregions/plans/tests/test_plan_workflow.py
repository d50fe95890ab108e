"""The workflow of a plan: draft → submitted (a version frozen) → validated → endorsed (who,
when) → in implementation → completed; returned for changes with a reason; who may do what."""

import datetime

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from cyberregions.core.models import AuditEntry
from cyberregions.plans import services
from cyberregions.plans.models import ActionPlan, PlanTransition

from .helpers import PlanTestCase


class WorkflowTests(PlanTestCase):
    def fresh(self):
        return ActionPlan.objects.get(pk=self.draft.pk)

    def walk_to_endorsed(self):
        services.submit_plan(self.coordinator, self.fresh())
        services.validate_plan(self.staff, self.fresh())
        today = timezone.localdate()
        return services.endorse_plan(
            self.coordinator, self.fresh(), "Regional Council", "Vice-president", today
        )

    def test_it_runs_from_draft_to_completed_recording_who_and_when(self):
        with self.captureOnCommitCallbacks(execute=True):
            plan = services.submit_plan(self.coordinator, self.fresh())
        self.assertEqual(plan.status, "submitted")
        self.assertEqual(plan.versions.count(), 1)
        self.assertEqual([m.to for m in mail.outbox], [["staff@example.org"]])
        plan = services.validate_plan(self.staff, self.fresh())
        self.assertEqual(plan.status, "validated")
        self.assertEqual(plan.validated_by, self.staff)
        plan = services.endorse_plan(
            self.coordinator,
            self.fresh(),
            "Regional Council of Brittany",
            "Vice-president for the economy",
            timezone.localdate(),
        )
        self.assertEqual(plan.status, "endorsed")
        self.assertEqual(plan.endorsing_authority, "Regional Council of Brittany")
        self.assertEqual(plan.endorsed_by_name, "Vice-president for the economy")
        self.assertEqual(plan.endorsed_on, timezone.localdate())
        self.assertEqual(plan.endorsement_recorded_by, self.coordinator)
        plan = services.start_implementation(self.coordinator, self.fresh())
        self.assertEqual(plan.implementation_started_on, timezone.localdate())
        plan = services.complete_plan(self.coordinator, self.fresh())
        self.assertEqual(plan.status, "completed")
        steps = list(PlanTransition.objects.filter(plan=plan).values_list("step", "to_state"))
        self.assertEqual(
            steps,
            [
                ("submit", "submitted"),
                ("validate", "validated"),
                ("endorse", "endorsed"),
                ("start", "in_implementation"),
                ("complete", "completed"),
            ],
        )
        actions = list(
            AuditEntry.objects.filter(object_type="plans.actionplan", object_id=str(plan.pk))
            .order_by("at", "id")
            .values_list("action", flat=True)
        )
        self.assertEqual(
            actions,
            ["plan.submit", "plan.validate", "plan.endorse", "plan.start", "plan.complete"],
        )

    def test_staff_return_a_submitted_plan_with_a_reason_and_it_may_be_edited_again(self):
        services.submit_plan(self.coordinator, self.fresh())
        with self.assertRaises(services.PlanError):
            services.return_plan(self.staff, self.fresh(), "  ")
        plan = services.return_plan(self.staff, self.fresh(), "Add indicators to action 1.")
        self.assertEqual(plan.status, "draft")
        self.assertEqual(plan.transitions.last().reason, "Add indicators to action 1.")
        services.update_plan(self.coordinator, self.fresh(), {"title": "Brittany plan, v2"})
        plan = services.submit_plan(self.coordinator, self.fresh())
        self.assertEqual(list(plan.versions.values_list("number", flat=True)), [1, 2])

    def test_a_submitted_plan_is_frozen_and_endorsement_waits_for_validation(self):
        services.submit_plan(self.coordinator, self.fresh())
        with self.assertRaises(PermissionDenied):
            services.update_plan(self.coordinator, self.fresh(), {"title": "Changed"})
        with self.assertRaises(services.PlanError):
            services.endorse_plan(
                self.coordinator, self.fresh(), "Council", "Director", timezone.localdate()
            )
        self.assertEqual(services.allowed_steps(self.coordinator, self.fresh()), [])
        self.assertEqual(services.allowed_steps(self.staff, self.fresh()), ["return", "validate"])

    def test_an_endorsement_needs_who_and_a_date_not_in_the_future(self):
        services.submit_plan(self.coordinator, self.fresh())
        services.validate_plan(self.staff, self.fresh())
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with self.assertRaises(services.PlanError):
            services.endorse_plan(
                self.coordinator, self.fresh(), "Council", "", timezone.localdate()
            )
        with self.assertRaises(services.PlanError):
            services.endorse_plan(self.coordinator, self.fresh(), "Council", "Director", tomorrow)
        self.assertEqual(self.fresh().status, "validated")

    def test_a_validated_plan_may_still_be_returned_and_loses_its_validation(self):
        services.submit_plan(self.coordinator, self.fresh())
        services.validate_plan(self.staff, self.fresh())
        self.assertEqual(services.allowed_steps(self.staff, self.fresh()), ["return", "endorse"])
        self.assertEqual(services.allowed_steps(self.coordinator, self.fresh()), ["endorse"])
        with self.assertRaises(services.PlanError):
            services.validate_plan(self.staff, self.fresh())
        plan = services.return_plan(self.staff, self.fresh(), "The budget changed.")
        self.assertEqual((plan.status, plan.validated_at), ("draft", None))
        self.assertEqual(
            list(plan.transitions.values_list("from_state", "to_state")),
            [("draft", "submitted"), ("submitted", "validated"), ("validated", "draft")],
        )

    def test_a_plan_without_actions_cannot_be_submitted(self):
        self.draft_action.delete()
        with self.assertRaises(services.PlanError):
            services.submit_plan(self.coordinator, self.fresh())

    def test_each_step_is_refused_to_whoever_may_not_take_it(self):
        for user in (None, self.registered, self.member, self.tuscan_coordinator, self.staff):
            with self.subTest(user=user), self.assertRaises(PermissionDenied):
                services.submit_plan(user, self.fresh())
        services.submit_plan(self.coordinator, self.fresh())
        for user in (self.coordinator, self.tuscan_coordinator, self.member):
            with self.subTest(user=user), self.assertRaises(PermissionDenied):
                services.validate_plan(user, self.fresh())
        self.walk_to_endorsed_after_submit()
        for user in (self.staff, self.tuscan_coordinator):
            with self.subTest(user=user), self.assertRaises(PermissionDenied):
                services.start_implementation(user, self.fresh())

    def walk_to_endorsed_after_submit(self):
        services.validate_plan(self.staff, self.fresh())
        services.endorse_plan(
            self.staff, self.fresh(), "Regional Council", "Director", timezone.localdate()
        )

    def test_the_step_page_takes_the_endorsement_and_refuses_other_personas(self):
        services.submit_plan(self.coordinator, self.fresh())
        services.validate_plan(self.staff, self.fresh())
        url = f"/plans/{self.draft.pk}/step/endorse/"
        self.assertEqual(self.client.get(url).status_code, 302)  # to the login page
        for user, code in ((self.member, 404), (self.tuscan_coordinator, 404)):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, code)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(f"/plans/{self.draft.pk}/step/unknown/").status_code, 404)
        response = self.client.post(url, {"authority": "Regional Council"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        response = self.client.post(
            url,
            {
                "authority": "Regional Council",
                "signed_by": "Vice-president",
                "endorsed_on": timezone.localdate().isoformat(),
            },
        )
        self.assertRedirects(response, f"/plans/{self.draft.pk}/")
        self.assertEqual(self.fresh().status, "endorsed")
        self.assertEqual(self.client.get(url).status_code, 200)  # shown, no longer possible
        self.login(self.registered)
        self.assertEqual(self.client.get(url).status_code, 403)  # the plan is public now
