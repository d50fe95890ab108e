"""A practice's page marks a closed organisation as closed (one rule: only active ones count,
the others stay listed, marked)."""

from cyberregions.testing import make_organisation

from .helpers import PracticeTestCase, make_practice


class ClosedOrganisationMarkTests(PracticeTestCase):
    def test_it_marks_closed_organisations_on_a_practice(self):
        closed = make_organisation("Old Breton Lab", "FR", "FRH0", status="closed")
        practice = make_practice("Cyber hub", self.brittany, main_institution=self.breton_sme)
        practice.other_organisations.add(closed)
        response = self.client.get(f"/practices/{practice.slug}/")
        html = response.content.decode()
        after = html[html.index("Old Breton Lab") :]
        self.assertIn('<span class="badge text-bg-secondary">Closed</span>', after[:400])
        main = html[html.index(self.breton_sme.name) :]
        self.assertNotIn("badge", main[: main.index("</dd>")])  # active: no mark
