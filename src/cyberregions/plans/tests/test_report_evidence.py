"""Evidence in a report: links, and files checked by their content (the practices app's
checker), served only to those who see the report."""

import shutil
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from cyberregions.plans.models import ActionProgress, Evidence

from .helpers import PlanTestCase, make_report

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MEDIA = tempfile.mkdtemp(prefix="plans-evidence-")


def tearDownModule():
    shutil.rmtree(MEDIA, ignore_errors=True)


@override_settings(MEDIA_ROOT=MEDIA)
class EvidenceTests(PlanTestCase):
    def setUp(self):
        self.report = make_report(self.running, entries=[(self.running_action, "on_track", 40)])
        self.entry = ActionProgress.objects.get(report=self.report)
        self.url = f"/plans/reports/{self.report.pk}/actions/{self.entry.pk}/evidence/"

    def test_the_region_adds_a_link_and_a_file(self):
        self.login(self.coordinator)
        upload = SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf")
        response = self.client.post(
            self.url, {"url": "https://example.org/call", "file": upload, "title": "Call"}
        )
        self.assertRedirects(
            response, f"/plans/reports/{self.report.pk}/#action-{self.running_action.pk}"
        )
        link, document = Evidence.objects.order_by("id")
        self.assertEqual((link.kind, link.url), ("link", "https://example.org/call"))
        self.assertEqual(
            (document.kind, document.name, document.size), ("pdf", "minutes.pdf", len(PDF))
        )
        download = self.client.get(f"/plans/reports/{self.report.pk}/evidence/{document.pk}/")
        self.assertEqual(download["Content-Type"], "application/pdf")
        self.assertEqual(b"".join(download.streaming_content), PDF)
        self.client.post(f"/plans/reports/{self.report.pk}/evidence/{link.pk}/delete/")
        self.assertEqual(list(Evidence.objects.all()), [document])
        self.login(self.tuscan_coordinator)
        self.assertEqual(
            self.client.get(f"/plans/reports/{self.report.pk}/evidence/{document.pk}/").status_code,
            403,
        )

    def test_a_program_is_refused_whatever_its_name(self):
        self.login(self.coordinator)
        upload = SimpleUploadedFile(
            "report.pdf", b"MZ\x90\x00binary", content_type="application/pdf"
        )
        response = self.client.post(self.url, {"file": upload}, follow=True)
        self.assertContains(response, "Programs and scripts cannot be attached")
        self.assertFalse(Evidence.objects.exists())

    def test_only_the_region_adds_evidence_while_the_report_is_open(self):
        for user in (self.staff, self.tuscan_coordinator):
            self.login(user)
            response = self.client.post(self.url, {"url": "https://example.org/x"})
            self.assertEqual(response.status_code, 403, user)
        self.assertEqual(self.client.get(self.url).status_code, 405)
        self.report.status = "submitted"
        self.report.save()
        self.login(self.coordinator)
        self.assertEqual(
            self.client.post(self.url, {"url": "https://example.org/x"}).status_code, 403
        )
