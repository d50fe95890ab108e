"""`demo_plans`: one plan per partner territory citing the demo practices, with monitoring
reports for the plans in implementation; an existing set is kept unless --replace."""

import io

from django.core.management import call_command

from cyberregions.plans.models import ActionCitation, ActionPlan, MonitoringReport, PlanVersion
from cyberregions.practices.demo import load_practices
from cyberregions.testing import PersonaTestCase


class DemoCommandTests(PersonaTestCase):
    def test_it_writes_a_plan_per_partner_territory_and_keeps_them(self):
        load_practices()
        out = io.StringIO()
        call_command("demo_plans", stdout=out)
        self.assertIn("7 action plans", out.getvalue())
        plans = ActionPlan.objects.all()
        self.assertEqual(
            sorted(plans.values_list("region__code", flat=True)),
            ["BE3", "EE00", "ES41", "FRH0", "ITI1", "SI0", "SK042"],
        )
        self.assertEqual(plans.filter(status="in_implementation").count(), 5)
        # Every citation is of a published practice of another region.
        citations = ActionCitation.objects.select_related("practice", "action__plan")
        self.assertTrue(citations.exists())
        for citation in citations:
            self.assertEqual(citation.practice.status, "published")
            self.assertNotEqual(citation.practice.region_id, citation.action.plan.region_id)
        per_plan = {plan.region.code: plan.reports.count() for plan in plans}
        self.assertTrue(
            all(1 <= per_plan[code] <= 2 for code in ("FRH0", "ITI1", "BE3", "SI0", "EE00"))
        )
        self.assertEqual(
            set(MonitoringReport.objects.values_list("status", flat=True)),
            {"accepted", "submitted", "returned"},
        )
        self.assertEqual(PlanVersion.objects.filter(plan__region__code="SK042").count(), 2)
        call_command("demo_plans", stdout=io.StringIO())
        self.assertEqual(ActionPlan.objects.count(), 7)
        call_command("demo_plans", "--replace", stdout=io.StringIO())
        self.assertEqual(ActionPlan.objects.count(), 7)
