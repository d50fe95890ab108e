"""One rule for which organisations count: active ones (``Organisation.objects.counted``).
The home page's figures and the analysis agree; closed organisations stay in the atlas and
are marked as closed where they are listed."""

from cyberregions.analysis import indicators
from cyberregions.organisations.models import Organisation

from .base import AnalysisTestCase


class CountedOrganisationTests(AnalysisTestCase):
    def test_it_counts_active_organisations_only(self):
        counted = Organisation.objects.counted()
        self.assertNotIn(self.closed, counted)
        self.assertIn(self.breton_sme, counted)
        self.assertEqual(counted.count(), Organisation.objects.filter(status="active").count())

    def test_it_gives_the_home_page_and_the_analysis_the_same_figures(self):
        response = self.client.get("/")
        totals = response.context["totals"]
        self.assertEqual(totals["organisations"], Organisation.objects.counted().count())
        self.assertEqual(
            totals["companies"],
            Organisation.objects.counted()
            .filter(core_business=True, actor_type__in=["sme", "large"])
            .count(),
        )
        cards = {
            region.code: region.organisation_count for region in response.context["territories"]
        }
        # Brittany (FRH0) itself: Armor, Naval, CERT; the closed Old Breton SME is left out.
        self.assertEqual(cards["FRH0"], 3)
        [(_scope, figures)] = indicators.region_indicators([self.tuscany.pk]).values()
        self.assertEqual(cards["ITI1"], figures["organisations"])
