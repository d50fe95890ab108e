"""Recognising and reading an import file by its content: CSV in any usual encoding and
delimiter, XLSX, and a clear refusal for everything else."""

import codecs
import io
import zipfile
from unittest import mock

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import readers
from cyberregions.dataio.readers import FileRefused, read_table
from cyberregions.testing import PersonaTestCase

from .files import BRETON, HEADER, RENNES, csv_bytes, plan, xlsx_bytes

ACCENTED = ["Société Bretonne de Sécurité", "FR", "FRH0", "Saint-Brieuc", "", "sme", "", ""]


class ImportFileReadingTests(PersonaTestCase):
    def names(self, data, encoding=""):
        result = plan(data, COMMAND_LINE, encoding=encoding)
        self.assertEqual(result.errors, [])
        return [row.name for row in result.rows]

    def assert_refused(self, data, words):
        with self.assertRaises(FileRefused) as refusal:
            read_table(data)
        for word in words:
            self.assertIn(word, str(refusal.exception.message))

    # Encodings -----------------------------------------------------------------------------

    def test_it_reads_utf8_with_and_without_bom(self):
        for bom in (False, True):
            data = csv_bytes([ACCENTED], bom=bom)
            self.assertEqual(self.names(data), ["Société Bretonne de Sécurité"], bom)
            self.assertEqual(read_table(data).encoding, "utf-8-sig" if bom else "utf-8")

    def test_it_recognises_a_windows_code_page_and_says_so(self):
        data = csv_bytes([ACCENTED], encoding="cp1252", delimiter=";")
        table = read_table(data)
        self.assertEqual((table.encoding, table.encoding_detected), ("cp1252", True))
        self.assertEqual(self.names(data), ["Société Bretonne de Sécurité"])

    def test_it_reads_a_declared_encoding(self):
        slovenian = ["Ljubljana Varnost Čuvaj", "SI", "SI0", "Ljubljana", "", "sme", "", ""]
        data = csv_bytes([slovenian], encoding="cp1250")
        self.assertEqual(self.names(data, encoding="cp1250"), ["Ljubljana Varnost Čuvaj"])

    def test_it_reads_utf16_with_its_bom(self):
        data = codecs.BOM_UTF16_LE + csv_bytes([ACCENTED]).decode().encode("utf-16-le")
        self.assertEqual(self.names(data), ["Société Bretonne de Sécurité"])

    def test_it_refuses_utf16_without_bom_with_a_clear_message(self):
        data = csv_bytes([ACCENTED]).decode().encode("utf-16-le")
        self.assert_refused(data, ["CSV UTF-8"])

    def test_it_refuses_text_in_no_known_encoding(self):
        # 0x81 and 0x8D are neither UTF-8 nor any of the Windows code pages of the partners.
        data = csv_bytes(
            [["Broken \x81\x8d", "FR"]], header=["name", "country"], encoding="latin-1"
        )
        self.assert_refused(data, ["not in UTF-8", "CSV UTF-8"])

    def test_it_refuses_a_declared_encoding_that_does_not_fit(self):
        with self.assertRaises(FileRefused) as refusal:
            read_table(csv_bytes([ACCENTED], encoding="cp1252"), "utf-8")
        self.assertIn("UTF-8", str(refusal.exception.message))

    # Delimiters and layout ------------------------------------------------------------------

    def test_it_finds_the_delimiter(self):
        for delimiter in (",", ";", "\t"):
            data = csv_bytes([BRETON, RENNES], delimiter=delimiter)
            self.assertEqual(read_table(data).delimiter, delimiter)
            self.assertEqual(self.names(data), ["Brest Cyber Ports", "Rennes Trust Lab"])

    def test_it_keeps_quoted_delimiters_and_line_breaks(self):
        row = [*BRETON[:3], "Brest; Finistère", "", "sme", "", ""]
        data = csv_bytes(
            [row, RENNES],
            header=[*HEADER[:3], "city", "website", "actor_type", "employees", "description"],
            delimiter=";",
        )
        data = data.replace(b"Brest; Finist", b"Brest;\r\nFinist")
        table = read_table(data)
        self.assertEqual(table.rows[0][1][3], "Brest;\r\nFinistère")
        self.assertEqual([number for number, _values in table.rows], [2, 3])

    def test_row_numbers_are_the_spreadsheet_rows_and_blank_rows_are_skipped(self):
        data = csv_bytes([BRETON, ["", "", ""], RENNES])
        self.assertEqual([number for number, _values in read_table(data).rows], [2, 4])

    def test_it_reads_headers_in_any_case_and_order(self):
        header = ["  COUNTRY", "Actor Type", "Name", "region"]
        data = csv_bytes([["fr", "RTO", "Lannion Labs", "frh0"]], header=header)
        result = plan(data, COMMAND_LINE)
        self.assertEqual(result.errors, [])
        fields = result.rows[0].fields
        self.assertEqual((fields["name"], fields["actor_type"]), ("Lannion Labs", "rto"))
        self.assertEqual(fields["region_id"], self.brittany.pk)

    # XLSX -----------------------------------------------------------------------------------

    def test_it_reads_the_first_sheet_of_a_workbook(self):
        data = xlsx_bytes([[*BRETON[:6], 14, "NDS"], RENNES])
        table = read_table(data)
        self.assertEqual(table.format, "xlsx")
        self.assertEqual(self.names(data), ["Brest Cyber Ports", "Rennes Trust Lab"])
        self.assertEqual(plan(data, COMMAND_LINE).rows[0].fields["employees"], 14)

    def test_it_refuses_an_old_xls_workbook(self):
        self.assert_refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, [".xlsx"])

    def test_it_refuses_a_zip_that_is_not_a_workbook(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "hello")
        self.assert_refused(buffer.getvalue(), ["not an Excel workbook"])

    def test_it_refuses_a_workbook_that_would_unpack_to_gigabytes(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
            archive.writestr("xl/sharedStrings.xml", b"\0" * (2 * 1024 * 1024))
        self.assertLess(len(buffer.getvalue()), 20 * 1024)
        # The same ratio as 400 MB from 4 MB, at a size a test builds in no time.
        with mock.patch.object(readers, "MAX_UNPACKED_BYTES", 1024 * 1024):
            self.assert_refused(buffer.getvalue(), ["too large once unpacked"])

    def test_it_refuses_a_damaged_workbook(self):
        self.assert_refused(xlsx_bytes([BRETON])[:300], ["damaged"])

    def test_it_refuses_binary_content_whatever_its_name(self):
        self.assert_refused(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ["CSV"])

    # Empty files ----------------------------------------------------------------------------

    def test_it_refuses_an_empty_file(self):
        for data in (b"", b"   \r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\r\n\r\n"):
            self.assert_refused(data, ["empty"])

    def test_it_refuses_a_file_with_column_names_but_no_rows(self):
        self.assert_refused(csv_bytes([]), ["no rows"])
        self.assert_refused(xlsx_bytes([]), ["no rows"])

    def test_it_refuses_a_file_whose_first_row_is_empty(self):
        self.assert_refused(b",,,\r\nArmor,FR\r\n", ["first row"])
