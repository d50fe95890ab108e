"""The rules of practices.permissions and plans.permissions agree with their querysets, for
every persona and every state of a good practice, an action plan and a monitoring report
(see ``testing.OracleTestCase``).

Editing: ``editable_by`` selects the records of the regions ``user`` writes for, whatever
their state, which is what ``owns_practice``/``owns_plan`` decide; ``can_edit_practice`` and
``can_edit_plan`` add the state (a draft, or changes requested) on top."""

from cyberregions.geo.models import Region
from cyberregions.plans import permissions as plan_rules
from cyberregions.plans.choices import PlanStatus, ReportStatus
from cyberregions.plans.models import ActionPlan, MonitoringReport
from cyberregions.plans.tests.helpers import make_plan, make_report
from cyberregions.practices import permissions as practice_rules
from cyberregions.practices.choices import PracticeStatus
from cyberregions.practices.models import Practice
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import OracleTestCase


class PracticeAndPlanOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Brittany (the coordinator's), Tuscany (the other coordinator's), Estonia (nobody's).
        cls.regions = [cls.brittany, cls.tuscany, Region.objects.get(code="EE00")]

    def practices(self) -> dict:
        return {
            f"{status} practice of {region.code}": make_practice(
                f"{status} {region.code}", region, status=status
            )
            for status in PracticeStatus
            for region in self.regions
        }

    def plans(self) -> dict:
        return {
            f"{status} plan of {region.code}": make_plan(
                region, status=status, instrument_name=f"{status} programme"
            )
            for status in PlanStatus
            for region in self.regions
        }

    def test_it_agrees_on_who_sees_a_practice(self):
        self.assert_oracle(
            practice_rules.can_view_practice, Practice.objects.visible_to, self.practices()
        )

    def test_it_agrees_on_whose_region_writes_a_practice(self):
        self.assert_oracle(
            practice_rules.owns_practice, Practice.objects.editable_by, self.practices()
        )

    def test_it_agrees_on_who_sees_a_plan(self):
        self.assert_oracle(plan_rules.can_view_plan, ActionPlan.objects.visible_to, self.plans())

    def test_it_agrees_on_whose_region_writes_a_plan(self):
        self.assert_oracle(plan_rules.owns_plan, ActionPlan.objects.editable_by, self.plans())

    def test_it_agrees_on_who_sees_a_monitoring_report(self):
        reports = {}
        for region in self.regions:
            for status in PlanStatus:
                plan = make_plan(region, status=status, instrument_name=f"{status} programme")
                for semester, report_status in enumerate(ReportStatus):
                    reports[f"{report_status} report on the {status} plan of {region.code}"] = (
                        make_report(plan, year=2025 + semester, status=report_status)
                    )
        self.assert_oracle(plan_rules.can_view_report, MonitoringReport.objects.visible_to, reports)
