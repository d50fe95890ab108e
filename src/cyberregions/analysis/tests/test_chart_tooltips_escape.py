"""The analysis charts insert names into HTML tooltips: every name goes through the script's
escaping function first (a JS-free check of the static file; the browser test draws them)."""

import re
from pathlib import Path

from django.test import SimpleTestCase

CHARTS = Path(__file__).resolve().parents[2] / "static" / "analysis" / "charts.js"


class TooltipEscapeTests(SimpleTestCase):
    def setUp(self):
        self.source = CHARTS.read_text(encoding="utf-8")

    def test_it_defines_an_html_escape(self):
        body = re.search(r"function escapeHtml\(text\) \{(.*?)\n  \}", self.source, re.S)
        self.assertIsNotNone(body)
        for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
            self.assertIn(entity, body.group(1), character)
        self.assertIn("&#39;", body.group(1))

    def test_every_tooltip_formatter_escapes_what_it_inserts(self):
        formatters = re.findall(
            r"tooltip: \{[^{}]*formatter: function \(\w+\) \{(.*?)\}", self.source, re.S
        )
        self.assertTrue(formatters)
        for body in formatters:
            inserted = re.findall(r"\b\w+\.(?:name|seriesName|data\.name)\b", body)
            escaped = re.findall(r"escapeHtml\((\w+\.(?:name|seriesName|data\.name))\)", body)
            self.assertEqual(sorted(inserted), sorted(escaped), body)
