"""The indicators read from the database, by region, country and the EU, on their pages and
in the API, against figures worked out by hand from a small fixture.

Fixture (today): Brittany: 2 open pentester vacancies, a need of 3 pentesters now, a need of
5 in 3 years (not counted), 1 closed vacancy (not counted); a course of 20 seats covering all
of the pentester profile, i.e. supply 20 → gap 5 − 20 = −15.
Tuscany: a need of 4 CISOs within 12 months; a course of 10 seats covering half of the
pentester profile → supply 5 for pentesters, demand 0.
EU: pentester demand 5, supply 25; CISO demand 4, supply 0.
Location quotient of Brittany's pentester demand: (5/5) / (5/9) = 1.8.
"""

from django.urls import reverse

from cyberregions.testing import PersonaTestCase

from .. import aggregates
from ..models import EcsfItem
from .helpers import make_course, make_need, make_vacancy


class IndicatorPageTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_vacancy(cls.breton_sme)
        make_vacancy(cls.breton_sme, title="Second")
        make_vacancy(cls.breton_sme, title="Closed", days=-1)
        make_need(cls.breton_sme, count=3, horizon="now")
        make_need(cls.breton_sme, count=5, horizon="3y")
        make_need(cls.tuscan_sme, "ECSF-CISO", count=4, horizon="12m")
        make_course(cls.breton_sme, "Full", seats=20)
        total = EcsfItem.objects.filter(
            profiles__code="ECSF-PEN", kind__in=["task", "skill", "knowledge"]
        ).count()
        cls.half = total // 2
        make_course(cls.tuscan_sme, "Half", seats=10, items=cls.half)
        make_course(cls.tuscan_sme, "Draft", seats=1000, status="draft")
        cls.total = total

    def test_it_computes_the_hand_figures(self):
        result = aggregates.compute_indicators()
        brittany = result.cells[("R:FRH0", "ECSF-PEN")]
        self.assertEqual((brittany.demand, brittany.supply, brittany.gap), (5, 20, -15))
        self.assertEqual(brittany.ratio, 4)
        self.assertAlmostEqual(brittany.demand_lq, (5 / 5) / (5 / 9))
        tuscany = result.cells[("R:ITI1", "ECSF-PEN")]
        self.assertAlmostEqual(tuscany.supply, 10 * self.half / self.total)
        self.assertEqual(tuscany.demand, 0)
        self.assertEqual(result.cells[("R:ITI1", "ECSF-CISO")].gap, 4)
        eu = result.cells[("EU", "ECSF-PEN")]
        self.assertAlmostEqual(eu.supply, 20 + 10 * self.half / self.total)
        self.assertEqual(result.cells[("C:FR", "ECSF-PEN")].demand, 5)
        self.assertNotIn("R:EE00", result.areas)

    def test_it_shows_the_overview_with_its_definitions(self):
        response = self.client.get(reverse("skills:indicators"))
        self.assertContains(response, "Definitions")
        self.assertContains(response, "location quotient")
        self.assertContains(response, reverse("skills:region", args=["FRH0"]))

    def test_it_shows_a_region_with_its_largest_gap(self):
        response = self.client.get(reverse("skills:region", args=["ITI1"]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual([m["cell"].profile for m in response.context["matches"]], ["ECSF-CISO"])
        self.assertEqual(self.client.get(reverse("skills:region", args=["XX99"])).status_code, 404)

    def test_it_shows_a_region_without_figures(self):
        response = self.client.get(reverse("skills:region", args=["EE00"]))
        self.assertContains(response, "No demand or supply is recorded")

    def test_it_serves_the_indicators_in_the_api(self):
        areas = self.client.get("/api/skills/indicators/").json()
        self.assertEqual(
            {area["key"] for area in areas}, {"EU", "C:FR", "C:IT", "R:FRH0", "R:ITI1"}
        )
        brittany = self.client.get("/api/skills/indicators/R:FRH0/").json()
        pen = next(row for row in brittany["profiles"] if row["profile"] == "ECSF-PEN")
        self.assertEqual((pen["demand"], pen["supply"], pen["gap"]), (5.0, 20.0, -15.0))
        self.assertEqual(self.client.get("/api/skills/indicators/R:XX/").status_code, 404)

    def test_it_pins_the_queries_of_the_overview(self):
        with self.assertNumQueries(6):
            self.client.get(reverse("skills:indicators"))
