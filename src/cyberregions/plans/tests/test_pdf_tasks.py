"""Plan and monitoring-report PDFs made by a task (immediately in the test run): the signed-in
reader is sent to the progress page and downloads the file from there; nobody else can; a
reader who may not see the plan gets 404 and starts nothing; visitors keep the direct
download of a public plan."""

import tempfile

from django.test import override_settings

from cyberregions.core.models import TaskRun, TaskRunStatus

from .helpers import PlanTestCase, make_plan, make_report


class PdfTaskTests(PlanTestCase):
    def setUp(self):
        media = tempfile.TemporaryDirectory()
        self.addCleanup(media.cleanup)
        self.enterContext(override_settings(MEDIA_ROOT=media.name))

    def download(self, run):
        response = self.client.get(f"/tasks/{run.pk}/file/")
        self.assertEqual(response.status_code, 200)
        return response, b"".join(response.streaming_content)

    def test_a_plan_pdf_is_made_by_a_task_and_downloaded_from_its_page(self):
        self.as_persona(self.coordinator)
        response = self.client.post(f"/plans/{self.running.pk}/pdf/prepare/")
        run = TaskRun.objects.get(kind="plans.plan_pdf")
        self.assertRedirects(response, f"/tasks/{run.pk}/")
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED, run.failure_message)
        self.assertIn(self.running.title, run.title)
        response, content = self.download(run)
        self.assertIn(f"action-plan-{self.running.pk}.pdf", response["Content-Disposition"])
        self.assertTrue(content.startswith(b"%PDF-"))
        # A second click while a run is unfinished follows that run; once done, a new one.
        self.client.post(f"/plans/{self.running.pk}/pdf/prepare/")
        self.assertEqual(TaskRun.objects.filter(kind="plans.plan_pdf").count(), 2)
        self.as_persona(self.registered)
        self.assertEqual(self.client.get(f"/tasks/{run.pk}/file/").status_code, 404)

    def test_a_report_pdf_is_made_for_the_region_and_staff_only(self):
        report = make_report(self.running, entries=[(self.running_action, "on_track", 40)])
        self.as_persona(self.staff)
        response = self.client.post(f"/plans/reports/{report.pk}/pdf/prepare/")
        run = TaskRun.objects.get(kind="plans.report_pdf")
        self.assertRedirects(response, f"/tasks/{run.pk}/")
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED, run.failure_message)
        self.assertTrue(self.download(run)[1].startswith(b"%PDF-"))
        self.as_persona(self.member)
        self.assertEqual(
            self.client.post(f"/plans/reports/{report.pk}/pdf/prepare/").status_code, 403
        )
        self.assertEqual(TaskRun.objects.filter(kind="plans.report_pdf").count(), 1)

    def test_a_plan_the_reader_may_not_see_starts_nothing(self):
        draft = make_plan(self.tuscany, "draft", instrument_name="Tuscan draft instrument")
        self.as_persona(self.coordinator)
        self.assertEqual(self.client.post(f"/plans/{draft.pk}/pdf/prepare/").status_code, 404)
        self.assertEqual(self.client.get(f"/plans/{self.running.pk}/pdf/prepare/").status_code, 405)
        self.assertFalse(TaskRun.objects.exists())

    def test_visitors_keep_the_direct_download_and_signed_in_readers_get_the_button(self):
        page = self.client.get(f"/plans/{self.running.pk}/")
        self.assertContains(page, f'href="/plans/{self.running.pk}/pdf/"')
        self.assertEqual(
            self.client.post(f"/plans/{self.running.pk}/pdf/prepare/").status_code, 302
        )
        self.assertFalse(TaskRun.objects.exists())
        self.as_persona(self.member)
        page = self.client.get(f"/plans/{self.running.pk}/")
        self.assertContains(page, f'action="/plans/{self.running.pk}/pdf/prepare/"')
