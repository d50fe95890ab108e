"""The stable interface other apps call: barrier scores and domain gaps of a region."""

from cyberregions.analysis import profiles, services
from cyberregions.analysis.choices import SurveyStatus
from cyberregions.geo.models import Region

from .base import AnalysisTestCase


class ProfileTests(AnalysisTestCase):
    def answer(self, survey, barriers, needs=None):
        invitation = services.create_invitations(self.coordinator, survey)[0]
        services.submit_response(None, invitation, barriers, needs or {})

    def test_it_returns_no_barrier_scores_without_answers(self):
        self.assertEqual(profiles.barrier_scores(self.brittany.pk), {})

    def test_it_returns_the_mean_importance_of_each_barrier_on_zero_one(self):
        survey = services.create_survey(self.coordinator, self.brittany, "2024 needs")
        services.set_survey_status(self.coordinator, survey, SurveyStatus.OPEN)
        self.answer(survey, {"coordination": 5, "fragmentation": 2, "skills": 4})
        self.answer(survey, {"coordination": 3, "fragmentation": 1})
        scores = profiles.barrier_scores(self.brittany.pk)
        self.assertEqual(set(scores), {"coordination", "fragmentation", "skills"})
        self.assertAlmostEqual(scores["coordination"], (4 - 1) / 4)  # mean 4
        self.assertAlmostEqual(scores["fragmentation"], (1.5 - 1) / 4)
        self.assertAlmostEqual(scores["skills"], (4 - 1) / 4)
        self.assertEqual(profiles.barrier_scores(self.tuscany.pk), {})

    def test_it_returns_the_supply_demand_gap_of_each_domain(self):
        gaps = profiles.domain_gaps(self.brittany.pk)
        self.assertEqual(set(gaps), {"CRY", "IHF", "NDS"})
        self.assertAlmostEqual(gaps["CRY"], 1 / 6)
        self.assertAlmostEqual(gaps["IHF"], 1 / 6)
        self.assertAlmostEqual(gaps["NDS"], -1 / 3)
        self.assertIsInstance(gaps["CRY"], float)

    def test_it_returns_no_gaps_for_a_region_without_offers_or_needs(self):
        self.assertEqual(profiles.domain_gaps(self.tuscany.pk), {})
        self.assertEqual(profiles.domain_gaps(Region.objects.get(code="FRH01").pk), {"CRY": -1.0})
        self.assertEqual(profiles.domain_gaps(999_999), {})
