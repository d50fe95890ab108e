"""'Transferred to': action plans (a later app) cite practices through ``citations``; the
practice page shows them only once that relation exists."""

from unittest import mock

from cyberregions.practices.models import Practice

from .helpers import PracticeTestCase


class FakeCitation:
    def __init__(self, text, url):
        self.text, self.url = text, url

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.url


class CitationTests(PracticeTestCase):
    def test_an_uncited_practice_shows_no_transfer_section(self):
        response = self.client.get(f"/practices/{self.published.slug}/")
        self.assertEqual(list(response.context["citations"] or []), [])
        self.assertNotContains(response, "Transferred to")

    def test_with_citations_the_page_shows_where_the_practice_was_transferred(self):
        citations = mock.Mock()
        citations.all.return_value = [FakeCitation("Tuscany action plan — action 2", "/plans/7/")]
        with mock.patch.object(Practice, "citations", citations, create=True):
            response = self.client.get(f"/practices/{self.published.slug}/")
        self.assertContains(response, "Transferred to")
        self.assertContains(
            response, '<a href="/plans/7/">Tuscany action plan — action 2</a>', html=True
        )
