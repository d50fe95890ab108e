"""Damaged and lying archives: an Office attachment whose archive is corrupt, truncated, or
whose directory understates what it expands to is refused with the "damaged" message through
the upload page, never a server error, and nothing is stored."""

import io
import shutil
import struct
import tempfile
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings

from cyberregions.core import uploads
from cyberregions.practices.models import Attachment

from .helpers import PracticeTestCase

DAMAGED = "The file is damaged or not what its type says."
CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="x">' + b"<Default/>" * 40 + b"</Types>"


def docx(document: bytes = b"<w:document/>", method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def patch_member(data: bytes, name: str, **fields) -> bytes:
    """``data`` with the local header and the central directory entry of ``name`` changed:
    ``file_size``, ``crc`` or ``method``, as a hostile archive would declare them."""
    raw = bytearray(data)
    encoded = name.encode()
    offsets = {  # field → (offset in local header, offset in central directory entry, format)
        "method": (8, 10, "<H"),
        "crc": (14, 16, "<I"),
        "file_size": (22, 24, "<I"),
    }
    for signature, column in ((b"PK\x03\x04", 0), (b"PK\x01\x02", 1)):
        name_at = 26 if column == 0 else 28
        start = raw.find(signature)
        while start != -1:
            length = struct.unpack_from("<H", raw, start + name_at)[0]
            header = 30 if column == 0 else 46
            if bytes(raw[start + header : start + header + length]) == encoded:
                for field, value in fields.items():
                    struct.pack_into(offsets[field][2], raw, start + offsets[field][column], value)
            start = raw.find(signature, start + 4)
    return bytes(raw)


BIG = b"\x00" * (8 * 1024 * 1024)  # compresses to about 8 kB
# Its directory says 1 kB: the old check added up the declared sizes and let it through.
LYING_SIZES = patch_member(docx(BIG), "word/document.xml", file_size=1024)
# The same, with the CRC of the declared kilobyte: Python's zipfile alone would read 1 kB and
# find nothing wrong, while any other reader expands all of it.
LYING_SIZES_AND_CRC = patch_member(
    docx(BIG), "word/document.xml", file_size=1024, crc=zlib.crc32(BIG[:1024])
)


def corrupt_deflate() -> bytes:
    """A docx whose [Content_Types].xml holds broken deflate data (zlib.error on reading)."""
    data = bytearray(docx())
    start = data.find(b"[Content_Types].xml") + len("[Content_Types].xml")
    for offset in range(start, start + 12):
        data[offset] = 0xFF
    return bytes(data)


BAD_CRC = patch_member(docx(), "[Content_Types].xml", crc=0x12345678)
UNKNOWN_METHOD = patch_member(docx(), "[Content_Types].xml", method=99)
VALID = docx()
TRUNCATED = VALID[: len(VALID) - 30]  # the end of the central directory is cut off


class DamagedArchiveCheckTests(SimpleTestCase):
    """core.uploads alone: every archive error is the refusal code "damaged"."""

    cases = {
        "sizes understated": LYING_SIZES,
        "sizes and CRC understated": LYING_SIZES_AND_CRC,
        "corrupt deflate data": corrupt_deflate(),
        "wrong CRC": BAD_CRC,
        "unknown compression method": UNKNOWN_METHOD,
        "truncated": TRUNCATED,
    }

    def test_it_refuses_every_damaged_archive_as_damaged(self):
        for label, content in self.cases.items():
            with self.subTest(label):
                with self.assertRaises(uploads.Refused) as refusal:
                    uploads.inspect(io.BytesIO(content), "report.docx")
                self.assertEqual(refusal.exception.code, "damaged", label)

    def test_a_sound_docx_is_still_accepted(self):
        self.assertEqual(uploads.inspect(io.BytesIO(VALID), "report.docx").kind, "docx")
        words = " ".join(f"word{number}" for number in range(20_000)).encode()
        big_but_honest = docx(b"<w:document>" + words + b"</w:document>")
        self.assertEqual(uploads.inspect(io.BytesIO(big_but_honest), "a.docx").kind, "docx")

    def test_the_real_expansion_is_bounded_while_reading(self):
        honest_bomb = docx(BIG)  # declares its 8 MB truthfully: more than 100 times its size
        with self.assertRaises(uploads.Refused) as refusal:
            uploads.inspect(io.BytesIO(honest_bomb), "bomb.docx")
        self.assertEqual(refusal.exception.code, "damaged")


class DamagedAttachmentUploadTests(PracticeTestCase):
    """The practices attachment page answers with the message, not a 500."""

    def setUp(self):
        self.media = tempfile.mkdtemp(prefix="practices-media-")
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=self.media)
        override.enable()
        self.addCleanup(override.disable)
        self.login(self.coordinator)

    def upload(self, content: bytes, name: str = "report.docx"):
        return self.client.post(
            f"/practices/{self.draft.slug}/attachments/",
            {"file": SimpleUploadedFile(name, content), "title": "Evidence"},
            follow=True,
        )

    def test_damaged_and_lying_archives_are_refused_with_a_clear_message(self):
        for label, content in DamagedArchiveCheckTests.cases.items():
            with self.subTest(label):
                response = self.upload(content)
                self.assertEqual(response.status_code, 200, label)
                self.assertContains(response, DAMAGED)
        self.assertFalse(Attachment.objects.exists())

    def test_a_sound_docx_is_attached(self):
        response = self.upload(VALID)
        self.assertContains(response, "The file has been attached.")
        self.assertEqual(Attachment.objects.get().kind, "docx")
