"""Every indicator against the hand-computed fixture of ``base.py``."""

from cyberregions.analysis import indicators
from cyberregions.geo.models import Region

from .base import AnalysisTestCase

BRITTANY_POPULATION = 3_422_845  # reference data of geo, FRH0
FRANCE_POPULATION = 68_402_000


class IndicatorTests(AnalysisTestCase):
    def frh0(self):
        return indicators.region_indicators([self.brittany.pk])[self.brittany.pk][1]

    def all_scopes(self):
        return {scope.key: summary for scope, summary in indicators.all_indicators()}

    def test_it_counts_active_organisations_of_the_region_and_its_subregions(self):
        summary = self.frh0()
        self.assertEqual(summary["organisations"], 4)  # SME, large, CSIRT + FRH01 university
        self.assertEqual(summary["population"], BRITTANY_POPULATION)
        self.assertAlmostEqual(
            summary["organisations_per_million"], 4 * 1_000_000 / BRITTANY_POPULATION
        )

    def test_it_breaks_organisations_down_by_actor_type_helix_and_size(self):
        summary = self.frh0()
        self.assertEqual(
            {k: v for k, v in summary["by_actor_type"].items() if v},
            {"sme": 1, "large": 1, "csirt": 1, "university": 1},
        )
        self.assertEqual(summary["by_actor_type"]["training"], 0)
        self.assertEqual(
            {k: v for k, v in summary["by_helix"].items() if v},
            {"business": 2, "academia": 1, "government": 1},
        )
        self.assertEqual(
            summary["by_size_class"],
            {"micro": 0, "small": 1, "medium": 0, "large": 1, "unknown": 0},
        )

    def test_it_computes_companies_and_the_sme_share(self):
        summary = self.frh0()
        self.assertEqual(summary["companies"], 2)
        self.assertEqual(summary["cyber_companies"], 2)
        self.assertAlmostEqual(
            summary["cyber_companies_per_million"], 2 * 1_000_000 / BRITTANY_POPULATION
        )
        self.assertEqual(summary["smes"], 1)
        self.assertEqual(summary["sme_share"], 0.5)
        self.assertEqual(summary["micro_share"], 0)

    def test_it_counts_it_companies_but_not_in_the_cybersecurity_market(self):
        from cyberregions.testing import make_organisation

        make_organisation(
            "Rennes IT Services", "FR", "FRH0", employees=5, turnover_eur=500_000, domains=["CRY"]
        )
        summary = self.frh0()
        self.assertEqual(summary["companies"], 3)
        self.assertEqual(summary["cyber_companies"], 2)
        self.assertEqual(summary["sme_share"], 0.5)  # among cybersecurity companies only
        self.assertEqual(summary["by_size_class"]["micro"], 0)
        self.assertEqual(summary["market_size_eur"], 81_500_000)
        self.assertEqual(summary["turnover_eur"], 82_000_000)

    def test_it_sums_employment_and_turnover(self):
        summary = self.frh0()
        self.assertEqual(summary["employees"], 12 + 400 + 6 + 900)
        self.assertEqual(summary["employees_known"], 4)
        self.assertEqual(summary["turnover_eur"], 81_500_000)
        self.assertEqual(summary["turnover_known"], 2)
        self.assertEqual(summary["market_size_eur"], 81_500_000)

    def test_it_computes_the_specialisation_index_against_the_eu(self):
        # Brittany: IHF 1, NDS 2, CRY 1 of 4; EU: IHF 2, NDS 2, CRY 2 of 7 active organisations.
        summary = self.frh0()
        self.assertEqual(summary["domains"]["NDS"], 2)
        self.assertAlmostEqual(summary["specialisation"]["NDS"], (2 / 4) / (2 / 7))
        self.assertAlmostEqual(summary["specialisation"]["IHF"], (1 / 4) / (2 / 7))
        self.assertAlmostEqual(summary["specialisation"]["CRY"], (1 / 4) / (2 / 7))
        self.assertIsNone(summary["specialisation"]["EDU"])  # absent from the EU too

    def test_it_counts_sectors_and_nist_functions(self):
        summary = self.frh0()
        self.assertEqual(summary["sectors"]["SEC.transportation"], 2)
        self.assertEqual(summary["sectors"]["SEC.defense"], 1)
        self.assertEqual(summary["sectors_served"], 2)
        self.assertEqual(
            summary["nist_functions"], {"GV": 0, "ID": 0, "PR": 0, "DE": 1, "RS": 2, "RC": 1}
        )
        self.assertEqual(summary["nist_functions_covered"], 3)

    def test_it_reports_the_presence_of_key_actors(self):
        self.assertEqual(
            self.frh0()["presence"],
            {"research": 1, "training": 0, "incubation": 0, "csirt": 1},
        )

    def test_it_sets_supply_against_demand_per_domain(self):
        summary = self.frh0()
        self.assertEqual((summary["offers"], summary["needs"]), (2, 2))
        self.assertEqual(
            {k: v for k, v in summary["supply"].items() if v}, {"NDS": 1, "IHF": 1, "CRY": 1}
        )
        self.assertEqual({k: v for k, v in summary["demand"].items() if v}, {"CRY": 1, "IHF": 1})
        self.assertAlmostEqual(summary["gaps"]["CRY"], 1 / 2 - 1 / 3)
        self.assertAlmostEqual(summary["gaps"]["NDS"], -1 / 3)
        self.assertEqual([code for code, _gap in summary["biggest_gaps"]], ["CRY", "IHF"])

    def test_it_computes_a_subregion_alone(self):
        frh01 = Region.objects.get(code="FRH01")
        summary = indicators.region_indicators([frh01.pk])[frh01.pk][1]
        self.assertEqual(summary["organisations"], 1)
        self.assertIsNone(summary["organisations_per_million"])  # no population recorded
        self.assertEqual(summary["companies"], 0)
        self.assertIsNone(summary["sme_share"])

    def test_it_computes_countries_and_the_eu_in_the_full_recomputation(self):
        scopes = self.all_scopes()
        france, eu = scopes["country-FR"], scopes["eu-EU"]
        self.assertEqual(france["organisations"], 5)
        self.assertEqual(france["companies"], 3)
        self.assertAlmostEqual(france["sme_share"], 2 / 3)
        self.assertAlmostEqual(france["organisations_per_million"], 5e6 / FRANCE_POPULATION)
        self.assertEqual(eu["organisations"], 7)
        self.assertEqual(eu["companies"], 4)
        self.assertEqual(eu["cyber_companies"], 4)
        self.assertEqual(eu["sme_share"], 0.75)
        self.assertEqual(eu["micro_share"], 0.25)
        self.assertEqual(eu["market_size_eur"], 1_500_000 + 80_000_000 + 4_000_000 + 900_000)
        self.assertEqual(eu["specialisation"]["CRY"], 1)
        self.assertEqual(scopes["country-DE"]["organisations"], 0)
        self.assertEqual(scopes["region-ITI1"]["organisations"], 1)

    def test_the_full_recomputation_agrees_with_the_region_computation(self):
        self.assertEqual(self.all_scopes()["region-FRH0"], self.frh0())

    def test_it_runs_a_fixed_number_of_aggregate_queries(self):
        with self.assertNumQueries(6):
            indicators.all_indicators()
        indicators.forget_eu_reference()
        with self.assertNumQueries(9):  # six on the regions, three for the EU reference
            indicators.region_indicators([self.brittany.pk, self.tuscany.pk])
        with self.assertNumQueries(6):  # the EU reference is now in the cache
            indicators.region_indicators([self.brittany.pk, self.tuscany.pk])

    def test_the_full_recomputation_refreshes_the_cached_eu_reference(self):
        from cyberregions.testing import make_organisation

        before = self.frh0()["specialisation"]["CRY"]  # caches the EU reference
        make_organisation("Extra", "DE", None, domains=["CRY"])
        self.assertEqual(self.frh0()["specialisation"]["CRY"], before)  # cached reference
        indicators.all_indicators()
        self.assertAlmostEqual(self.frh0()["specialisation"]["CRY"], (1 / 4) / (3 / 8))

    def test_the_query_count_does_not_grow_with_the_atlas(self):
        from cyberregions.testing import make_organisation

        for index in range(5):
            make_organisation(
                f"Extra {index}", "FR", "FRH02", domains=["CRY"], sectors=["SEC.energy"]
            )
        with self.assertNumQueries(6):
            scopes = {scope.key: summary for scope, summary in indicators.all_indicators()}
        self.assertEqual(scopes["region-FRH0"]["organisations"], 9)
