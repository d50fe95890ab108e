"""The report PDF made by a task (immediately in the test run): the signed-in reader is sent
to the progress page, downloads the file from there, and nobody else can."""

import tempfile

from django.test import override_settings

from cyberregions.analysis import services
from cyberregions.core.models import TaskRun, TaskRunStatus

from .base import AnalysisTestCase

PREPARE = "/analysis/regions/FRH0/report.pdf/prepare/"


class ReportPdfTaskTests(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        services.add_swot_item(
            cls.coordinator, cls.brittany, {"quadrant": "threat", "text": "Talent drain to Paris"}
        )

    def setUp(self):
        media = tempfile.TemporaryDirectory()
        self.addCleanup(media.cleanup)
        self.enterContext(override_settings(MEDIA_ROOT=media.name))

    def test_the_pdf_is_made_by_a_task_and_downloaded_from_its_page(self):
        self.login(self.member)
        response = self.client.post(PREPARE)
        run = TaskRun.objects.get(kind="analysis.report_pdf")
        self.assertRedirects(response, f"/tasks/{run.pk}/")
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED, run.failure_message)
        page = self.client.get(f"/tasks/{run.pk}/")
        self.assertContains(page, f'href="/tasks/{run.pk}/file/"')
        download = self.client.get(f"/tasks/{run.pk}/file/")
        self.assertEqual(download.status_code, 200)
        self.assertIn("territorial-analysis-FRH0.pdf", download["Content-Disposition"])
        self.assertTrue(b"".join(download.streaming_content).startswith(b"%PDF-"))
        self.login(self.registered)
        self.assertEqual(self.client.get(f"/tasks/{run.pk}/file/").status_code, 404)

    def test_visitors_keep_the_direct_download_and_cannot_start_a_task(self):
        page = self.client.get("/analysis/regions/FRH0/report/")
        self.assertContains(page, 'href="/analysis/regions/FRH0/report.pdf"')
        self.assertNotContains(page, PREPARE)
        self.assertEqual(self.client.post(PREPARE).status_code, 302)
        self.assertFalse(TaskRun.objects.exists())

    def test_signed_in_readers_get_the_button_and_unknown_regions_404(self):
        self.login(self.member)
        self.assertContains(self.client.get("/analysis/regions/FRH0/report/"), PREPARE)
        self.assertEqual(
            self.client.post("/analysis/regions/XX99/report.pdf/prepare/").status_code, 404
        )
        self.assertEqual(self.client.get(PREPARE).status_code, 405)
