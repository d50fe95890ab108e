"""The upload page: who may use it, the preview, the confirmation (all or only the valid rows),
discarding, and files too large or of the wrong kind."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from cyberregions.core.models import AuditEntry, TaskRun
from cyberregions.dataio.columns import TEMPLATE_COLUMNS
from cyberregions.dataio.models import OrganisationImport
from cyberregions.dataio.services import MAX_UPLOAD_BYTES
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase

from .files import csv_bytes

UPLOAD = "/data/import/"
HEADER = ["name", "country", "region", "description"]
GOOD = [["Concarneau Cyber", "FR", "FRH0", "Port security."], ["Quimperlé Labs", "FR", "", ""]]
BAD = ["Broken", "FR", "FRH0", "=cmd|' /C calc'!A0"]


def upload(rows, name="atlas.csv", data=None):
    return SimpleUploadedFile(name, data if data is not None else csv_bytes(rows, header=HEADER))


class ImportPageTests(PersonaTestCase):
    def post_file(self, user, rows, **extra):
        self.login(user)
        data = {"file": upload(rows), "region": self.brittany.pk, "encoding": "", **extra}
        return self.client.post(UPLOAD, data)

    def preview(self, rows):
        response = self.post_file(self.coordinator, rows)
        self.assertEqual(
            response.status_code,
            302,
            getattr(response, "context", None) and response.context["form"].errors,
        )
        return OrganisationImport.objects.get(pk=response.url.rstrip("/").split("/")[-1])

    # Who -------------------------------------------------------------------------------------

    def test_a_visitor_is_sent_to_the_login_page(self):
        response = self.client.get(UPLOAD)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response.url)

    def test_only_coordinators_and_administrators_may_import(self):
        for user in (self.registered, self.member, self.staff):
            self.login(user)
            self.assertEqual(self.client.get(UPLOAD).status_code, 403, user)
            self.assertEqual(
                self.client.post(UPLOAD, {"file": upload(GOOD)}).status_code, 403, user
            )
        for user in (self.coordinator, self.admin):
            self.login(user)
            response = self.client.get(UPLOAD)
            self.assertContains(response, 'enctype="multipart/form-data"')
            self.assertContains(response, "/data/import/template.xlsx")

    def test_a_coordinator_chooses_among_their_regions_only(self):
        self.login(self.coordinator)
        region = self.client.get(UPLOAD).context["form"].fields["region"]
        self.assertEqual(list(region.queryset), [self.brittany])
        response = self.post_file(self.coordinator, GOOD, region=self.tuscany.pk)
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)

    def test_an_import_is_seen_by_its_author_and_administrators_only(self):
        record = self.preview(GOOD)
        url = f"/data/import/{record.pk}/"
        for user, status in ((self.coordinator, 200), (self.admin, 200), (self.member, 404)):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, status, user)
        other = type(self.coordinator).objects.create_user("yvonne", "yvonne@example.org")
        other.region_memberships.create(region=self.brittany)
        self.login(other)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(f"{url}confirm/").status_code, 404)
        self.assertEqual(self.client.post(f"{url}discard/").status_code, 404)
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 302)

    def test_confirming_and_discarding_take_post_only(self):
        record = self.preview(GOOD)
        self.login(self.coordinator)
        for action in ("confirm", "discard"):
            self.assertEqual(
                self.client.get(f"/data/import/{record.pk}/{action}/").status_code, 405
            )

    # The steps -------------------------------------------------------------------------------

    def test_the_preview_says_what_would_happen_and_writes_nothing(self):
        record = self.preview(GOOD)
        self.login(self.coordinator)
        response = self.client.get(record.get_absolute_url())
        self.assertContains(response, "to create")
        self.assertContains(response, "Concarneau Cyber")
        self.assertEqual(response.context["report"]["counts"]["create"], 2)
        self.assertFalse(Organisation.objects.filter(name="Concarneau Cyber").exists())
        self.assertEqual(record.status, "previewed")
        self.assertTrue(AuditEntry.objects.filter(action="organisations.import.preview").exists())

    def test_confirming_writes_the_file(self):
        record = self.preview(GOOD)
        response = self.client.post(f"/data/import/{record.pk}/confirm/")
        run = TaskRun.objects.get(kind="dataio.import")
        self.assertRedirects(response, f"/tasks/{run.pk}/")
        progress = self.client.get(response.url)
        self.assertContains(progress, f'href="{record.get_absolute_url()}"')
        self.assertEqual(run.status, "succeeded")
        self.assertEqual(Organisation.objects.get(name="Quimperlé Labs").region, self.brittany)
        record.refresh_from_db()
        self.assertEqual((record.status, record.content), ("imported", None))
        again = self.client.post(f"/data/import/{record.pk}/confirm/")
        self.assertContains(again, "already closed", status_code=409)
        self.assertEqual(Organisation.objects.filter(name="Quimperlé Labs").count(), 1)

    def test_a_file_with_errors_lists_them_and_writes_nothing_unless_asked(self):
        record = self.preview([*GOOD, BAD])
        response = self.client.get(record.get_absolute_url())
        self.assertContains(response, "formula")
        self.assertContains(response, 'name="only_valid"')
        response = self.client.post(f"/data/import/{record.pk}/confirm/")
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "nothing was imported", status_code=409)
        self.assertFalse(Organisation.objects.filter(name="Concarneau Cyber").exists())
        self.client.post(f"/data/import/{record.pk}/confirm/", {"only_valid": "on"})
        self.assertTrue(Organisation.objects.filter(name="Concarneau Cyber").exists())
        self.assertFalse(Organisation.objects.filter(name="Broken").exists())

    def test_discarding_forgets_the_file(self):
        record = self.preview(GOOD)
        response = self.client.post(f"/data/import/{record.pk}/discard/", follow=True)
        self.assertContains(response, "nothing was imported")
        record.refresh_from_db()
        self.assertEqual((record.status, record.content), ("discarded", None))
        self.assertFalse(Organisation.objects.filter(name="Concarneau Cyber").exists())

    # Files -----------------------------------------------------------------------------------

    def test_a_file_that_is_not_a_table_is_refused_on_the_form(self):
        self.login(self.coordinator)
        response = self.client.post(
            UPLOAD,
            {
                "file": upload([], name="atlas.csv", data=b"%PDF-1.7\n\x00\x01\x02"),
                "region": self.brittany.pk,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("CSV", response.context["form"].errors["file"][0])
        self.assertFalse(OrganisationImport.objects.exists())

    def test_a_twenty_megabyte_file_is_previewed(self):
        description = "Harbour security, incident response and training. " * 200  # ~10 kB
        rows = [[f"Big Ecosystem {number}", "FR", "", description] for number in range(2000)]
        data = csv_bytes(rows, header=HEADER)
        self.assertGreater(len(data), 20 * 1000 * 1000)
        self.login(self.coordinator)
        response = self.client.post(
            UPLOAD, {"file": upload([], data=data), "region": self.brittany.pk}
        )
        self.assertEqual(response.status_code, 302)
        record = OrganisationImport.objects.get()
        self.assertEqual(
            (record.size, record.created_count, record.error_count), (len(data), 2000, 0)
        )

    def test_a_file_over_the_limit_is_refused(self):
        data = b"name,country\r\n" + b"x" * (MAX_UPLOAD_BYTES + 1)
        self.login(self.coordinator)
        response = self.client.post(
            UPLOAD, {"file": upload([], data=data), "region": self.brittany.pk}
        )
        self.assertIn("larger than", response.context["form"].errors["file"][0])

    def test_the_templates_download_with_every_column(self):
        response = self.client.get("/data/import/template.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(response.content.decode("utf-8-sig").strip(), ",".join(TEMPLATE_COLUMNS))
        response = self.client.get("/data/import/template.xlsx")
        workbook = load_workbook(io.BytesIO(response.content), read_only=True)
        sheets = workbook.sheetnames
        first = [cell.value for cell in next(workbook[sheets[0]].iter_rows())]
        self.assertEqual(first, TEMPLATE_COLUMNS)
        codes = {row[1] for row in workbook[sheets[2]].iter_rows(values_only=True)}
        self.assertTrue({"FR", "FRH0", "sme", "CRY", "SEC.energy"} <= codes)
        self.assertEqual(self.client.get("/data/import/template.pdf").status_code, 404)
