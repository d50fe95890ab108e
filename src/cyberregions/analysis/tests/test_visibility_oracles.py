"""Every rule of analysis.permissions that decides over one record agrees with its queryset,
for every persona and every state of a needs survey and a SWOT item (see
``testing.OracleTestCase``)."""

from cyberregions.analysis import permissions
from cyberregions.analysis.choices import SurveyStatus, SwotQuadrant
from cyberregions.analysis.models import NeedsSurvey, SwotItem
from cyberregions.geo.models import Region
from cyberregions.testing import OracleTestCase


class AnalysisOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Brittany (the coordinator's), Tuscany (the other coordinator's), Estonia (nobody's).
        cls.regions = [cls.brittany, cls.tuscany, Region.objects.get(code="EE00")]

    def test_it_agrees_on_who_manages_a_survey(self):
        surveys = {
            f"{status} survey in {region.code}": NeedsSurvey.objects.create(
                region=region, title=f"{status} {region.code}", status=status
            )
            for status in SurveyStatus
            for region in self.regions
        }
        self.assert_oracle(
            permissions.can_manage_survey, NeedsSurvey.objects.manageable_by, surveys
        )

    def swot_items(self) -> dict:
        return {
            f"{quadrant} in {region.code}": SwotItem.objects.create(
                region=region, quadrant=quadrant, text=f"{quadrant} of {region.code}"
            )
            for quadrant in SwotQuadrant
            for region in self.regions
        }

    def test_it_agrees_on_who_sees_a_swot_item(self):
        self.assert_oracle(
            permissions.can_view_swot_item,
            SwotItem.objects.visible_to,
            self.swot_items(),
            everyone=True,
        )

    def test_it_agrees_on_who_changes_a_swot_item(self):
        self.assert_oracle(
            permissions.can_change_swot_item, SwotItem.objects.editable_by, self.swot_items()
        )
