"""The shared services every app uses: one slug generator, one upload service, one rule for
dating consent."""

import io
import types

from django.test import SimpleTestCase, TestCase
from django.utils import translation

from cyberregions.core import attachments, consent, slugs
from cyberregions.practices.models import Practice
from cyberregions.practices.services import unique_slug as practice_slug

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class SlugTests(TestCase):
    def test_it_numbers_taken_and_reserved_slugs(self):
        self.assertEqual(slugs.unique_slug(Practice.objects, "New", "practice", {"new"}), "new-2")
        self.assertEqual(slugs.unique_slug(Practice.objects, "¿¿??", "practice"), "practice")
        self.assertEqual(practice_slug("Transferability"), "transferability-2")

    def test_the_set_variant_agrees_and_remembers(self):
        taken = {"cyber-sud", "cyber-sud-2"}
        self.assertEqual(slugs.free_slug("Cyber Sud", taken, "organisation"), "cyber-sud-3")
        self.assertIn("cyber-sud-3", taken)
        self.assertEqual(slugs.free_slug("Cyber Sud", taken, "organisation"), "cyber-sud-4")


class UploadServiceTests(SimpleTestCase):
    def test_an_accepted_file_is_rewound_for_storage(self):
        stream = io.BytesIO(PDF)
        stream.name = "report.exe.pdf"
        info = attachments.check(stream)
        self.assertEqual((info.kind, stream.tell()), ("pdf", 0))

    def test_refusals_are_messages_in_the_readers_language(self):
        stream = io.BytesIO(b"MZ\x90\x00 not a document")
        stream.name = "notes.pdf"
        with translation.override("fr"), self.assertRaises(attachments.UploadRefused) as caught:
            attachments.check(stream)
        self.assertNotIn("executable", str(caught.exception))
        self.assertIn("programme", str(caught.exception).lower())

    def test_the_size_limit_is_named_in_megabytes(self):
        stream = io.BytesIO(PDF * 100)
        stream.name = "big.pdf"
        with self.assertRaises(attachments.UploadRefused) as caught:
            attachments.check(stream, max_bytes=1024 * 1024 // 512)
        self.assertIn("0.001953", str(caught.exception))


class ConsentTests(SimpleTestCase):
    def record(self, given, dated=None):
        return types.SimpleNamespace(given=given, dated=dated)

    def test_consent_is_dated_when_given_kept_while_it_stands_and_cleared_when_withdrawn(self):
        item = self.record(True)
        consent.date_consent(item, "given", "dated", given_before=False)
        first = item.dated
        self.assertIsNotNone(first)
        consent.date_consent(item, "given", "dated", given_before=True)
        self.assertIs(item.dated, first)
        item.given = False
        consent.date_consent(item, "given", "dated", given_before=True)
        self.assertIsNone(item.dated)
