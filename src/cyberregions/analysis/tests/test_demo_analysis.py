"""`cyberregions demo-analysis`: every partner territory gets a closed needs survey with
answers and a SWOT analysis in all four quadrants, so that dashboards, the comparison and the
transferability ranking have survey data everywhere."""

from io import StringIO

from django.core.management import call_command

from cyberregions.analysis import indicators, profiles
from cyberregions.analysis.models import NeedsSurvey, SwotItem
from cyberregions.geo.models import Region

from .base import AnalysisTestCase


class DemoAnalysisTests(AnalysisTestCase):
    def test_it_gives_every_partner_territory_a_survey_and_a_swot(self):
        out = StringIO()
        call_command("demo_analysis", stdout=out)
        self.assertIn("Demo analysis loaded", out.getvalue())
        regions = list(Region.objects.filter(is_partner_territory=True))
        self.assertGreater(len(regions), 1)
        for region in regions:
            with self.subTest(region=region.code):
                survey = NeedsSurvey.objects.get(region=region)
                self.assertEqual(survey.status, "closed")
                self.assertGreaterEqual(survey.responses.count(), 12)
                self.assertEqual(
                    set(SwotItem.objects.filter(region=region).values_list("quadrant", flat=True)),
                    {"strength", "weakness", "opportunity", "threat"},
                )
                self.assertEqual(
                    set(profiles.barrier_scores(region.pk)),
                    {"coordination", "fragmentation", "skills"},
                )
                self.assertTrue(profiles.domain_demand(region.pk))
        self.assertEqual(
            indicators.survey_results(region_id=regions[0].pk)["responses"],
            regions[0].needs_surveys.get().responses.count(),
        )
        # Again: replaced, not doubled; with --if-empty: kept.
        call_command("demo_analysis", stdout=StringIO())
        self.assertEqual(NeedsSurvey.objects.count(), len(regions))
        self.assertIn("keeping", self.run_if_empty())

    def run_if_empty(self):
        out = StringIO()
        call_command("demo_analysis", "--if-empty", stdout=out)
        return out.getvalue()
