"""The territorial analysis report renders as HTML (static SVG charts, print stylesheet) and
as PDF."""

from cyberregions.analysis import services

from .base import AnalysisTestCase


class ReportTests(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        services.add_swot_item(
            cls.coordinator, cls.brittany, {"quadrant": "threat", "text": "Talent drain to Paris"}
        )

    def test_it_renders_the_html_report_with_charts_and_tables(self):
        response = self.client.get("/analysis/regions/FRH0/report/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertEqual(
            html.count('<svg xmlns="http://www.w3.org/2000/svg" class="report-chart"'), 5
        )
        self.assertIn("<title>Organisations by actor type</title>", html)
        self.assertIn("Talent drain to Paris", html)
        self.assertIn("analysis/analysis.css", html)  # its print rules hide the navigation
        self.assertNotIn("<script>", html)
        self.assertGreaterEqual(html.count("<caption>"), 9)

    def test_it_renders_the_pdf_report(self):
        response = self.client.get("/analysis/regions/FRH0/report.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("territorial-analysis-FRH0.pdf", response["Content-Disposition"])
        self.assertTrue(response.content.startswith(b"%PDF-"))
        self.assertGreater(len(response.content), 10_000)

    def test_it_answers_404_for_unknown_regions_and_405_for_writes(self):
        for url in ("/analysis/regions/XX99/report/", "/analysis/regions/XX99/report.pdf"):
            self.assertEqual(self.client.get(url).status_code, 404)
        for url in ("/analysis/regions/FRH0/report/", "/analysis/regions/FRH0/report.pdf"):
            self.assertEqual(self.client.post(url).status_code, 405)
