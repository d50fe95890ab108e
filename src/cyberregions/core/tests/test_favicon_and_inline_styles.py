"""The favicon answers, and the base template carries nothing the Content Security Policy
blocks: no style attribute, no <style> element, and htmx told not to add its own."""

import json
import re

from django.test import TestCase


class FaviconTests(TestCase):
    def test_it_sends_favicon_ico_to_the_projects_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].endswith("cyberregions/favicon.svg"))

    def test_it_links_the_icon_from_every_page(self):
        page = self.client.get("/").content.decode()
        self.assertRegex(page, r'<link rel="icon" href="[^"]*favicon\.svg" type="image/svg\+xml">')

    def test_it_refuses_writes(self):
        self.assertEqual(self.client.post("/favicon.ico").status_code, 405)


class NoInlineStyleTests(TestCase):
    def test_it_has_no_inline_style_in_the_base_template_output(self):
        response = self.client.get("/")
        page = response.content.decode()
        self.assertIn("style-src 'self'", response["Content-Security-Policy"])
        self.assertIsNone(re.search(r"\sstyle=", page))
        self.assertNotIn("<style", page)

    def test_it_stops_htmx_adding_its_indicator_style_element(self):
        page = self.client.get("/").content.decode()
        match = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", page)
        self.assertIsNotNone(match)
        self.assertIs(json.loads(match.group(1))["includeIndicatorStyles"], False)
