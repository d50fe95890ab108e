"""Transferability for a region: inputs from the territorial analysis and the atlas, the page
per persona, and the fallback while the analysis has no data."""

from unittest import mock

from cyberregions.practices import services
from cyberregions.testing import make_organisation

from .helpers import PracticeTestCase, make_practice

URL = "/practices/transferability/"


def profiles(barriers, gaps, demand=None):
    return mock.patch.multiple(
        "cyberregions.analysis.profiles",
        barrier_scores=mock.Mock(return_value=barriers),
        domain_gaps=mock.Mock(return_value=gaps),
        domain_demand=mock.Mock(return_value=demand or {}),
    )


class TransferabilityTests(PracticeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Tuscany's skills practice works on education; Estonia's on incident handling.
        cls.academy = make_practice(
            "Tuscan cyber academy", cls.tuscany, barriers=("skills",), domains=("EDU",)
        )
        cls.network = make_practice(
            "Estonian incident network", cls.estonia, barriers=("coordination",), domains=("IHF",)
        )
        make_practice("Estonian draft", cls.estonia, status="draft", barriers=("skills",))
        make_organisation("Rennes Public Agency", "FR", "FRH0", actor_type="public")

    def test_it_ranks_published_practices_of_other_regions_with_reasons(self):
        with profiles({"skills": 0.9, "coordination": 0.3}, {"EDU": 0.5, "IHF": 0.1}):
            result = services.transferability(self.brittany)
        titles = [row.practice.title for row in result.rows]
        self.assertEqual(titles[0], "Tuscan cyber academy")
        self.assertNotIn("Estonian draft", titles)  # not published
        self.assertNotIn("Cyber voucher for SMEs", titles)  # Brittany's own
        self.assertEqual(
            set(titles),
            {"Tuscan cyber academy", "Estonian incident network", "Competence centre vouchers"},
        )
        first = result.rows[0]
        self.assertIn("Addresses “Lack of skills”, rated 90 % in the needs survey.", first.reasons)
        self.assertIn(
            "Works on “Education and Training”, one of the region's largest supply–demand gaps "
            "(+50.0 pt).",
            first.reasons,
        )
        self.assertEqual(result.notes, [])

    def test_without_survey_data_the_ranking_says_so(self):
        with profiles({}, {}):
            result = services.transferability(self.brittany)
        self.assertEqual(len(result.notes), 2)

    def test_the_page_per_persona(self):
        expected = {
            "visitor": 302,
            "registered": 403,
            "member": 403,
            "tuscan coordinator": 200,
            "coordinator": 200,
            "staff": 200,
            "admin": 200,
        }
        for name, user in self.personas():
            self.as_persona(user)
            with profiles({"skills": 0.9}, {}):
                response = self.client.get(URL)
            self.assertEqual(response.status_code, expected[name], name)
        # a coordinator ranks for their own region only; staff for any.
        self.login(self.coordinator)
        with profiles({"skills": 0.9}, {}):
            response = self.client.get(URL)
            self.assertContains(response, "Tuscan cyber academy")
            self.assertContains(response, "rated 90 %")
            self.assertEqual(self.client.get(URL, {"region": "ITI1"}).status_code, 404)
        self.login(self.staff)
        with profiles({}, {}):
            response = self.client.get(URL, {"region": "ITI1"})
        self.assertContains(response, "Estonian incident network")
        self.assertNotContains(response, "Tuscan cyber academy")

    def test_the_ranking_pins_its_queries(self):
        for number in range(6):
            make_practice(f"More {number}", self.estonia, barriers=("skills",), domains=("EDU",))
        # practices, barriers, domains, two context aggregates, barrier labels, domain labels.
        with profiles({"skills": 0.9}, {"EDU": 0.4}), self.assertNumQueries(7):
            result = services.transferability(self.brittany)
        self.assertEqual(len(result.rows), 9)
