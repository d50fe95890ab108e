"""Help: an index and one page per module, linked from every page's footer."""

from __future__ import annotations

from django.urls import reverse

from cyberregions.home.views import HELP_MODULES
from cyberregions.testing import PersonaTestCase


class HelpTests(PersonaTestCase):
    def test_the_index_links_every_module(self):
        response = self.client.get("/help/")
        self.assertEqual(response.status_code, 200)
        for module in HELP_MODULES:
            self.assertContains(response, f'href="/help/{module}/"')

    def test_every_module_has_its_page(self):
        for module, (title, _summary) in HELP_MODULES.items():
            with self.subTest(module=module):
                response = self.client.get(reverse("home:help_module", args=[module]))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<h1 class="h2">{title}</h1>', html=False)

    def test_an_unknown_module_is_404_and_a_post_405(self):
        self.assertEqual(self.client.get("/help/nothing/").status_code, 404)
        self.assertEqual(self.client.post("/help/").status_code, 405)

    def test_the_footer_links_help_and_the_barriers(self):
        response = self.client.get("/events/")
        self.assertContains(response, 'href="/help/"')
        self.assertContains(response, 'href="/barriers/"')

    def test_help_reads_in_french(self):
        response = self.client.get("/help/atlas/", headers={"accept-language": "fr"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Language"], "fr")
