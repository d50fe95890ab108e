"""Attachments: checked by content (not name), stored under generated names inside MEDIA_ROOT,
served only through the permission-checked view."""

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings

from cyberregions.core import uploads
from cyberregions.core.models import AuditEntry
from cyberregions.practices import services
from cyberregions.practices.models import Attachment

from .helpers import PracticeTestCase

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
PE = b"MZ\x90\x00" + b"\x00" * 64


def office(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = office({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = office({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODS = office(
    {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}
)
MACRO_DOCX = office(
    {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document/>",
        "word/vbaProject.bin": b"\x00",
    }
)
PLAIN_ZIP = office({"readme.txt": b"hello"})
JAR_LIKE = office({"META-INF/MANIFEST.MF": b"Main-Class: X", "x/Run.class": b"\xca\xfe\xba\xbe"})


def check(content: bytes, name: str, limit=uploads.DEFAULT_MAX_BYTES):
    return uploads.inspect(io.BytesIO(content), name, limit)


class ContentCheckTests(SimpleTestCase):
    def test_it_recognises_the_accepted_types_by_content(self):
        cases = [
            (PDF, "report.pdf", "pdf"),
            (PNG, "chart.png", "png"),
            (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "photo.jpg", "jpeg"),
            (DOCX, "plan.docx", "docx"),
            (XLSX, "budget.xlsx", "xlsx"),
            (ODS, "budget.ods", "ods"),
            ("Région;Budget\nBretagne;1000\n".encode(), "data.csv", "csv"),
            ("\ufeffNotes de réunion".encode(), "notes.txt", "txt"),
            # the name does not decide: a PDF named .png is a PDF, stored as .pdf.
            (PDF, "image.png", "pdf"),
        ]
        for content, name, kind in cases:
            with self.subTest(name=name):
                info = check(content, name)
                self.assertEqual(info.kind, kind)
                self.assertTrue(info.name.endswith(f".{kind}"))

    def test_a_renamed_executable_is_refused(self):
        for content, name in (
            (ELF, "report.pdf"),
            (PE, "photo.jpg"),
            (PE, "notes.txt"),
            (b"#!/bin/sh\nrm -rf /\n", "readme.txt"),
            (b"echo hi", "run.sh"),
            (b"plain text", "invoice.pdf.exe"),
            (JAR_LIKE, "slides.pptx"),
        ):
            with self.subTest(name=name), self.assertRaises(uploads.Refused) as caught:
                check(content, name)
            self.assertIn(caught.exception.code, ("executable", "unknown_type"))

    def test_an_oversized_file_is_refused(self):
        with self.assertRaises(uploads.Refused) as caught:
            check(PDF + b"0" * 2048, "big.pdf", limit=1024)
        self.assertEqual(caught.exception.code, "too_large")
        self.assertEqual(check(PDF, "small.pdf", limit=1024).kind, "pdf")

    def test_archives_without_office_structure_or_with_macros_are_refused(self):
        for content, code in ((PLAIN_ZIP, "unknown_type"), (MACRO_DOCX, "macros")):
            with self.subTest(code=code), self.assertRaises(uploads.Refused) as caught:
                check(content, "file.docx")
            self.assertEqual(caught.exception.code, code)

    def test_binary_garbage_and_empty_files_are_refused(self):
        for content in (b"", b"\x00\x01\x02\x03" * 10, bytes(range(128, 256))):
            with self.assertRaises(uploads.Refused):
                check(content, "data.txt")

    def test_the_display_name_keeps_no_path(self):
        for client_name, expected in (
            ("../../etc/passwd.pdf", "passwd.pdf"),
            ("..\\..\\Windows\\system32\\report.pdf", "report.pdf"),
            ("/var/www/static/evil.pdf", "evil.pdf"),
            ("C:\\Users\\x\\Plan d'action 2021.pdf", "Plan d_action 2021.pdf"),
            ("\x00\x1f.pdf", "attachment.pdf"),
        ):
            with self.subTest(client_name=client_name):
                self.assertEqual(uploads.display_name(client_name, "pdf"), expected)


class AttachmentStorageTests(PracticeTestCase):
    def setUp(self):
        self.media = tempfile.mkdtemp(prefix="practices-media-")
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=self.media, PRACTICES_MAX_ATTACHMENT_BYTES=4096)
        override.enable()
        self.addCleanup(override.disable)

    def upload(self, content, name, practice=None, user=None):
        self.login(user or self.coordinator)
        practice = practice or self.draft
        return self.client.post(
            f"/practices/{practice.slug}/attachments/",
            {"file": SimpleUploadedFile(name, content), "title": "Evidence"},
            follow=True,
        )

    def stored_files(self):
        return sorted(
            p.relative_to(self.media).as_posix() for p in Path(self.media).rglob("*") if p.is_file()
        )

    def test_an_accepted_file_is_stored_under_a_generated_name_and_audited(self):
        response = self.upload(PDF, "../../../etc/Final report.pdf")
        self.assertContains(response, "The file has been attached.")
        attachment = Attachment.objects.get()
        self.assertEqual(
            (attachment.kind, attachment.name, attachment.size),
            ("pdf", "Final report.pdf", len(PDF)),
        )
        files = self.stored_files()
        self.assertEqual(len(files), 1)
        self.assertRegex(files[0], r"^practices/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")
        self.assertNotIn("report", files[0])
        self.assertTrue(AuditEntry.objects.filter(action="practice.attachment.add").exists())

    def test_a_renamed_executable_is_refused_and_nothing_is_stored(self):
        response = self.upload(ELF, "report.pdf")
        self.assertContains(response, "Programs and scripts cannot be attached")
        self.assertFalse(Attachment.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_an_oversized_file_is_refused(self):
        response = self.upload(PDF + b"0" * 5000, "big.pdf")
        self.assertContains(response, "larger than the limit")
        self.assertFalse(Attachment.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_only_the_region_attaches_files_to_its_draft(self):
        for name, user in self.personas():
            if name in ("coordinator", "admin", "visitor"):
                continue
            self.as_persona(user)
            response = self.client.post(
                f"/practices/{self.draft.slug}/attachments/",
                {"file": SimpleUploadedFile("a.pdf", PDF)},
            )
            self.assertIn(response.status_code, (403, 404), name)
        self.client.logout()
        response = self.client.post(f"/practices/{self.draft.slug}/attachments/")
        self.assertEqual(response.status_code, 302)
        # a published practice is no longer edited, attachments included.
        self.login(self.coordinator)
        response = self.client.post(
            f"/practices/{self.published.slug}/attachments/",
            {"file": SimpleUploadedFile("a.pdf", PDF)},
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Attachment.objects.exists())

    def test_it_is_served_only_to_those_who_see_the_practice(self):
        with self.captureOnCommitCallbacks(execute=True):
            attachment = services.add_attachment(
                self.coordinator, self.draft, SimpleUploadedFile("plan.pdf", PDF)
            )
        url = f"/practices/{self.draft.slug}/attachments/{attachment.pk}/"
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get(url)
            if name in ("coordinator", "admin"):
                self.assertEqual(response.status_code, 200, name)
                self.assertEqual(b"".join(response.streaming_content), PDF)
                self.assertEqual(response["Content-Type"], "application/pdf")
                self.assertIn('attachment; filename="plan.pdf"', response["Content-Disposition"])
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
            else:
                self.assertEqual(response.status_code, 404, name)
        # the same file through another practice's address is not found.
        self.login(self.admin)
        other = f"/practices/{self.published.slug}/attachments/{attachment.pk}/"
        self.assertEqual(self.client.get(other).status_code, 404)

    def test_removing_an_attachment_deletes_the_file(self):
        with self.captureOnCommitCallbacks(execute=True):
            attachment = services.add_attachment(
                self.coordinator, self.draft, SimpleUploadedFile("plan.pdf", PDF)
            )
        self.login(self.tuscan_coordinator)
        delete = f"/practices/{self.draft.slug}/attachments/{attachment.pk}/delete/"
        self.assertEqual(self.client.post(delete).status_code, 404)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(delete).status_code, 405)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(delete)
        self.assertFalse(Attachment.objects.exists())
        self.assertEqual(self.stored_files(), [])
