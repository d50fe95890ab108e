"""'Transferred to': a practice's page lists the actions that cite it, once their plan is
public, through ``practice.citations``."""

from cyberregions.plans.models import ActionCitation

from .helpers import PlanTestCase, cite


class CitationTests(PlanTestCase):
    def test_citations_name_the_region_the_plan_and_the_action_and_link_to_it(self):
        citation = cite(self.running_action, self.practice)
        self.assertEqual(list(self.practice.citations.all()), [citation])
        self.assertEqual(
            str(citation),
            "Bretagne (Brittany) — Brittany plan in implementation, action 1: Testbed for SMEs",
        )
        self.assertEqual(
            citation.get_absolute_url(),
            f"/plans/{self.running.pk}/#action-{self.running_action.pk}",
        )

    def test_the_practice_page_shows_where_it_was_transferred_once_the_plan_is_public(self):
        cite(self.running_action, self.practice)
        cite(self.draft_action, self.practice)
        with self.assertNumQueries(1):
            citations = list(self.practice.citations.all())
            labels = [str(citation) for citation in citations]
        self.assertEqual(len(labels), 1)  # the draft's citation stays private
        response = self.client.get(f"/practices/{self.practice.slug}/")
        self.assertContains(response, "Transferred to")
        self.assertContains(
            response,
            f'<a href="/plans/{self.running.pk}/#action-{self.running_action.pk}">{labels[0]}</a>',
            html=True,
        )
        self.assertNotContains(response, "Brittany draft plan")

    def test_from_the_action_every_citation_is_seen(self):
        cite(self.draft_action, self.practice)
        self.assertEqual(self.draft_action.citations.count(), 1)
        self.assertEqual(list(self.draft_action.practices.all()), [self.practice])
        self.assertEqual(ActionCitation.objects.count(), 1)
