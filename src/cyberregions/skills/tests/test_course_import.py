"""Importing courses from CSV or XLSX: every bad row reported with its row, column and
reason, nothing written unless every row is right, and a course of an organisation the user
may not change refused on its row."""

import datetime
import io

from django.urls import reverse
from django.utils import timezone

from cyberregions.testing import PersonaTestCase

from .. import importer
from ..models import Course

HEADER = (
    "title,provider,kind,eqf_level,ects,languages,mode,start_dates,cost_band,seats_per_year,"
    "cyber_share,profiles,items"
)


def future(days=100) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def csv(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


class CourseImportTests(PersonaTestCase):
    def good_row(self, title="Pentest basics", provider="firenze-secure-systems"):
        return f"{title},{provider},short,5,6,en|it,online,{future()},low,30,,ECSF-PEN,T103|S072"

    def test_it_imports_every_row_as_a_draft_with_its_coverage(self):
        result = importer.import_courses(
            self.member, csv(self.good_row(), self.good_row("Forensics lab"))
        )
        self.assertEqual(result.errors, [])
        self.assertEqual(len(result.created), 2)
        course = Course.objects.get(title="Pentest basics")
        self.assertEqual(course.status, "draft")
        self.assertEqual(course.languages, ["en", "it"])
        self.assertEqual(course.targets.get().profile.code, "ECSF-PEN")

    def test_it_reports_every_bad_row_and_writes_nothing(self):
        past = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
        rows = [
            self.good_row(),
            f"Bad profile,firenze-secure-systems,short,5,6,en,online,{future()},low,30,,ECSF-NO,",
            f"Bad level,firenze-secure-systems,short,9,6,en,online,{future()},low,30,,ECSF-PEN,",
            f"ECTS,firenze-secure-systems,master,7,400,en,online,{future()},low,30,50,ECSF-PEN,",
            f"Past start,firenze-secure-systems,short,5,6,en,online,{past},low,30,,ECSF-PEN,",
            f"Not mine,armor-cyber-defence,short,5,6,en,online,{future()},low,30,,ECSF-PEN,",
            f"No such org,nowhere,short,5,6,en,online,{future()},low,30,,ECSF-PEN,",
            f"Bad item,firenze-secure-systems,short,5,6,xx,online,{future()},low,30,,ECSF-PEN,Z999",
        ]
        result = importer.import_courses(self.member, csv(*rows))
        found = {(error.row, error.column) for error in result.errors}
        self.assertEqual(
            found,
            {
                (3, "profiles"),
                (4, "eqf_level"),
                (5, "ects"),
                (6, "start_dates"),
                (7, "provider"),
                (8, "provider"),
                (9, "languages"),
                (9, "items"),
            },
        )
        reasons = {error.row: error.reason for error in result.errors}
        self.assertIn("ECSF-NO", reasons[3])
        self.assertIn("may not add courses", reasons[7])
        self.assertEqual(result.created, [])
        self.assertFalse(Course.objects.exists())

    def test_it_refuses_a_file_without_the_required_columns(self):
        result = importer.import_courses(self.member, b"title,provider\nA,b\n")
        self.assertEqual(result.errors[0].row, 1)
        self.assertIn("eqf_level", result.errors[0].column)
        result = importer.import_courses(self.member, HEADER.encode() + b",colour\n")
        self.assertTrue(result.errors)

    def test_it_reads_xlsx(self):
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(HEADER.split(","))
        sheet.append(self.good_row().split(","))
        buffer = io.BytesIO()
        workbook.save(buffer)
        result = importer.import_courses(self.member, buffer.getvalue())
        self.assertEqual(result.errors, [])
        self.assertEqual(len(result.created), 1)

    def test_it_imports_through_its_page_and_lists_the_problems(self):
        self.login(self.member)
        url = reverse("skills:course_import")
        bad = io.BytesIO(csv(self.good_row(provider="armor-cyber-defence")))
        bad.name = "courses.csv"
        response = self.client.post(url, {"file": bad})
        self.assertContains(response, "You may not add courses for this organisation.")
        good = io.BytesIO(csv(self.good_row()))
        good.name = "courses.csv"
        self.assertRedirects(self.client.post(url, {"file": good}), reverse("skills:courses"))
        self.assertEqual(Course.objects.count(), 1)

    def test_it_sends_visitors_to_log_in(self):
        response = self.client.get(reverse("skills:course_import"))
        self.assertEqual(response.status_code, 302)
