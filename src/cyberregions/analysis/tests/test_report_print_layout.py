"""The printed report keeps each heading with its chart, prints the domain-gap chart's long
labels whole, and the region map fills its panel (checks of the static files and of the pure
SVG charts)."""

import re
from pathlib import Path

from django.test import SimpleTestCase

from cyberregions.analysis import svgcharts

STATIC = Path(__file__).resolve().parents[2] / "static" / "analysis"
LONG = "Security management, governance and risk: incident management and response"


class PrintLayoutTests(SimpleTestCase):
    def test_a_heading_and_its_definition_stay_with_the_chart(self):
        css = (STATIC / "report.css").read_text(encoding="utf-8")
        self.assertRegex(css, r"\.report-document \.definition \{[^}]*break-after: avoid")
        self.assertRegex(css, r"\.report-document figure \{[^}]*break-inside: avoid")
        self.assertRegex(css, r"\.report-document h2 \{[^}]*break-after: avoid")

    def test_long_labels_are_wrapped_not_cut(self):
        for svg in (
            svgcharts.diverging_chart([(LONG, 0.02), ("Cryptology", -0.01)], "Gaps"),
            svgcharts.bar_chart([(LONG, 3), ("Cryptology", 1)], "Domains"),
        ):
            self.assertNotIn("…", svg)
            words = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))
            self.assertIn(LONG, words)
            height = int(re.search(r'height="(\d+)"', svg).group(1))
            self.assertGreater(height, 2 * svgcharts.ROW + 10)  # the wrapped row is taller

    def test_the_map_fills_its_panel(self):
        js = (STATIC / "charts.js").read_text(encoding="utf-8")
        self.assertIn("boundingCoords", js)
        self.assertIn("clientWidth", js)
        self.assertIn('"beforeprint"', js)
