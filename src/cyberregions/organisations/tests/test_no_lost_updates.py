"""Two people editing one organisation: the second save, made from an older version, is
refused with what changed meanwhile, on the pages, in the API and after an import."""

from unittest import mock

import yaml
from django.db import transaction

from cyberregions.core.concurrency import StaleVersion
from cyberregions.core.models import AuditEntry
from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import importer
from cyberregions.dataio import services as dataio_services
from cyberregions.dataio.tests.files import csv_bytes, plan
from cyberregions.organisations import services
from cyberregions.organisations.api import OrganisationSerializer
from cyberregions.organisations.models import Contact, Organisation
from cyberregions.organisations.tests.test_api_permissions import ApiTestCase, detail
from cyberregions.organisations.tests.test_atlas_edit import edit_url, form_data

IMPORT_HEADER = ["slug", "name", "country", "city"]


def refused_message(response) -> str:
    return " ".join(str(error) for error in response.context["form"].non_field_errors())


class StaleFormTests(ApiTestCase):
    def fresh(self) -> Organisation:
        return Organisation.objects.get(pk=self.breton_sme.pk)

    def test_every_save_raises_the_version_by_exactly_one(self):
        self.assertEqual(self.fresh().version, 1)
        services.update_organisation(self.coordinator, self.fresh(), {"city": "Brest"})
        self.assertEqual(self.fresh().version, 2)
        # A save that changes nothing is still a save another editor must not undo unseen.
        services.update_organisation(self.coordinator, self.fresh(), {"city": "Brest"})
        self.assertEqual(self.fresh().version, 3)
        self.login(self.coordinator)
        response = self.client.post(
            edit_url(self.breton_sme), form_data(self.fresh(), city="Vannes")
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.fresh().version, 4)

    def test_the_second_of_two_edits_from_one_version_is_refused_naming_what_changed(self):
        opened = self.fresh()  # both editors open the form on version 1
        self.login(self.coordinator)
        first = self.client.post(edit_url(opened), form_data(opened, city="Brest"))
        self.assertEqual(first.status_code, 302)

        self.login(self.admin)
        second = self.client.post(edit_url(opened), form_data(opened, name="Armor Cyber"))
        self.assertEqual(second.status_code, 200)
        message = refused_message(second)
        self.assertIn("City is now “Brest”", message)
        self.assertIn("nothing of yours was saved", message)
        self.assertNotIn("Name is now", message)  # the admin's own change is not listed
        stored = self.fresh()
        self.assertEqual((stored.city, stored.name), ("Brest", "Armor Cyber Defence"))
        self.assertEqual(stored.version, 2)
        self.assertEqual(AuditEntry.objects.filter(action="organisation.update").count(), 1)
        # The admin's input stays in the form, and the form now carries the current version.
        form = second.context["form"]
        self.assertEqual(form["name"].value(), "Armor Cyber")
        self.assertEqual(str(form["version"].value()), "2")
        self.assertContains(second, 'name="version" value="2"')

        # Sent again on purpose, it is saved over the first one.
        again = self.client.post(edit_url(opened), form_data(opened, name="Armor Cyber", version=2))
        self.assertEqual(again.status_code, 302)
        stored = self.fresh()
        self.assertEqual((stored.name, stored.version), ("Armor Cyber", 3))

    def test_a_form_without_its_version_is_refused(self):
        self.login(self.coordinator)
        for version in (None, "", "x", "0"):
            data = form_data(self.fresh(), city="Brest")
            data.pop("version")
            if version is not None:
                data["version"] = version
            response = self.client.post(edit_url(self.breton_sme), data)
            self.assertEqual(response.status_code, 200, version)
            self.assertTrue(response.context["form"].errors, version)
        self.assertEqual(self.fresh().city, "Rennes")

    def test_the_service_refuses_a_stale_version_and_writes_nothing(self):
        services.update_organisation(self.coordinator, self.fresh(), {"employees": 60})
        with self.assertRaises(StaleVersion) as refused:
            services.update_organisation(
                self.admin, self.fresh(), {"city": "Brest"}, expected_version=1
            )
        fields = {change.field: change.value for change in refused.exception.changes}
        # The derived size class moved with the staff count, and is named too.
        self.assertEqual(fields, {"employees": "60", "size_class": "Medium"})
        self.assertEqual((refused.exception.expected, refused.exception.current), (1, 2))
        self.assertEqual((self.fresh().city, self.fresh().version), ("Rennes", 2))

    def test_a_tag_changed_meanwhile_is_named_with_its_current_terms(self):
        domains = list(self.fresh().domains.all())
        services.update_organisation(self.coordinator, self.fresh(), {"domains": domains[:1]})
        with self.assertRaises(StaleVersion) as refused:
            services.update_organisation(
                self.admin, self.fresh(), {"city": "X"}, expected_version=1
            )
        self.assertEqual(
            [(change.field, change.value) for change in refused.exception.changes],
            [("domains", str(domains[0]))],
        )

    def test_a_contact_change_does_not_make_the_form_stale(self):
        opened = self.fresh()
        contact = Contact(organisation=opened)
        services.save_contact(
            self.coordinator,
            contact,
            {"name": "Anne", "role": "", "email": "", "phone": "", "public_consent": False},
        )
        self.login(self.coordinator)
        response = self.client.post(edit_url(opened), form_data(opened, city="Brest"))
        self.assertEqual(response.status_code, 302)


class AdminChangeTests(ApiTestCase):
    def test_a_change_in_the_admin_raises_the_version_so_an_open_form_is_refused(self):
        opened = Organisation.objects.get(pk=self.breton_sme.pk)
        change_form = {
            "slug": opened.slug,
            "name": opened.name,
            "country": opened.country_id,
            "region": opened.region_id,
            "city": "Lorient",
            "status": opened.status,
            "actor_type": opened.actor_type,
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        }
        self.login(self.admin)
        url = f"/admin/organisations/organisation/{opened.pk}/change/"
        self.assertEqual(self.client.post(url, change_form).status_code, 302)
        self.assertEqual(Organisation.objects.get(pk=opened.pk).version, 2)

        self.login(self.coordinator)
        response = self.client.post(edit_url(opened), form_data(opened, name="Armor"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("now 2", refused_message(response))
        self.assertEqual(Organisation.objects.get(pk=opened.pk).city, "Lorient")


class StaleImportTests(ApiTestCase):
    def fresh(self) -> Organisation:
        return Organisation.objects.get(pk=self.breton_sme.pk)

    def import_rows(self, *rows):
        data = csv_bytes([list(row) for row in rows], header=IMPORT_HEADER)
        return dataio_services.import_file(COMMAND_LINE, filename="atlas.csv", data=data)

    def test_an_import_raises_the_version_so_a_form_opened_before_it_is_refused(self):
        opened = self.fresh()
        _plan, counts, _record = self.import_rows(
            ("armor-cyber-defence", "Armor Cyber Defence", "FR", "Quimper")
        )
        self.assertEqual(counts["updated"], 1)
        self.assertEqual((self.fresh().city, self.fresh().version), ("Quimper", 2))
        entry = AuditEntry.objects.get(action="organisation.update")
        self.assertEqual((entry.before["version"], entry.after["version"]), (1, 2))

        self.login(self.coordinator)
        response = self.client.post(edit_url(opened), form_data(opened, name="Armor"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("City is now “Quimper”", refused_message(response))
        self.assertEqual(self.fresh().name, "Armor Cyber Defence")

    def test_an_import_leaves_unchanged_rows_at_their_version(self):
        _plan, counts, _record = self.import_rows(
            ("armor-cyber-defence", "Armor Cyber Defence", "FR", "Rennes")
        )
        self.assertEqual(counts["unchanged"], 1)
        self.assertEqual(self.fresh().version, 1)

    def test_a_save_between_the_check_and_the_write_refuses_the_whole_import(self):
        row = ("armor-cyber-defence", "Armor Cyber Defence", "FR", "Quimper")
        new = ("Lorient Secure Ports", "", "FR", "Lorient")
        planned = plan(csv_bytes([list(row), list(new)], header=IMPORT_HEADER), COMMAND_LINE)
        services.update_organisation(self.coordinator, self.fresh(), {"city": "Brest"})
        with self.assertRaises(importer.AtlasChanged), transaction.atomic():
            importer.write_plan(planned, COMMAND_LINE)
        self.assertEqual((self.fresh().city, self.fresh().version), ("Brest", 2))
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())

    def test_the_import_service_says_so_and_writes_nothing(self):
        original = dataio_services.plan_import

        def plan_then_someone_saves(*args, **kwargs):
            result = original(*args, **kwargs)
            services.update_organisation(self.coordinator, self.fresh(), {"city": "Brest"})
            return result

        with (
            mock.patch.object(dataio_services, "plan_import", plan_then_someone_saves),
            self.assertRaises(dataio_services.ImportRefused) as refused,
        ):
            self.import_rows(("armor-cyber-defence", "Armor Cyber Defence", "FR", "Quimper"))
        self.assertIn("changed by someone else", refused.exception.message)
        self.assertEqual(self.fresh().city, "Brest")


class EntityTagTests(ApiTestCase):
    def etag_of(self, organisation) -> str:
        response = self.call("get", detail(organisation))
        self.assertEqual(response.status_code, 200)
        return response["ETag"]

    def test_reading_one_organisation_sends_its_etag_and_version(self):
        response = self.call("get", detail(self.breton_sme))
        self.assertEqual(response["ETag"], f'"{self.breton_sme.pk}.1"')
        self.assertEqual(response.json()["version"], 1)
        self.assertFalse(self.call("get", "/api/organisations/").has_header("ETag"))

    def test_a_write_with_the_current_etag_succeeds_and_sends_the_new_one(self):
        tag = self.etag_of(self.breton_sme)
        for method, data in (("patch", {"city": "Brest"}), ("put", None)):
            if data is None:
                data = self.call("get", detail(self.breton_sme)).json()
                data.update(city="Vannes", region="FRH0")
            response = self.call(
                method, detail(self.breton_sme), data, user=self.coordinator, HTTP_IF_MATCH=tag
            )
            self.assertEqual(response.status_code, 200, (method, response.content))
            stored = Organisation.objects.get(pk=self.breton_sme.pk)
            self.assertEqual(response["ETag"], f'"{stored.pk}.{stored.version}"')
            self.assertEqual(response.json()["version"], stored.version)
            self.assertEqual(response["ETag"], self.etag_of(self.breton_sme))
            tag = response["ETag"]
        self.assertEqual((stored.city, stored.version), ("Vannes", 3))

    def test_a_stale_if_match_answers_412_with_the_current_organisation(self):
        tag = self.etag_of(self.breton_sme)
        first = self.call(
            "patch", detail(self.breton_sme), {"city": "Brest"}, user=self.admin, HTTP_IF_MATCH=tag
        )
        self.assertEqual(first.status_code, 200)
        second = self.call(
            "patch",
            detail(self.breton_sme),
            {"name": "Armor"},
            user=self.coordinator,
            HTTP_IF_MATCH=tag,
        )
        self.assertEqual(second.status_code, 412, second.content)
        body = second.json()
        self.assertEqual(body["code"], "precondition_failed")
        self.assertIn("If-Match", body["detail"])
        self.assertEqual((body["current"]["city"], body["current"]["version"]), ("Brest", 2))
        self.assertEqual(second["ETag"], first["ETag"])
        self.assertEqual(
            Organisation.objects.get(pk=self.breton_sme.pk).name, "Armor Cyber Defence"
        )

    def test_a_save_between_the_if_match_check_and_the_write_is_412_too(self):
        tag = self.etag_of(self.breton_sme)
        validate = OrganisationSerializer.validate

        def someone_saves_meanwhile(serializer, attrs):
            fresh = Organisation.objects.get(pk=self.breton_sme.pk)
            services.update_organisation(self.admin, fresh, {"city": "Brest"})
            return validate(serializer, attrs)

        with mock.patch.object(OrganisationSerializer, "validate", someone_saves_meanwhile):
            response = self.call(
                "patch",
                detail(self.breton_sme),
                {"name": "Armor"},
                user=self.coordinator,
                HTTP_IF_MATCH=tag,
            )
        self.assertEqual(response.status_code, 412, response.content)
        self.assertEqual(response.json()["changed"], ["city"])
        self.assertEqual(response.json()["current"]["city"], "Brest")
        self.assertEqual(response["ETag"], f'"{self.breton_sme.pk}.2"')
        stored = Organisation.objects.get(pk=self.breton_sme.pk)
        self.assertEqual((stored.name, stored.city), ("Armor Cyber Defence", "Brest"))

    def test_if_match_of_another_organisation_or_unreadable_is_412_and_star_matches(self):
        other = self.etag_of(self.tuscan_sme)
        for header in (other, "W/" + self.etag_of(self.breton_sme), "garbage", '"1"'):
            response = self.call(
                "patch",
                detail(self.breton_sme),
                {"city": "X"},
                user=self.admin,
                HTTP_IF_MATCH=header,
            )
            self.assertEqual(response.status_code, 412, header)
        response = self.call(
            "patch", detail(self.breton_sme), {"city": "X"}, user=self.admin, HTTP_IF_MATCH="*"
        )
        self.assertEqual(response.status_code, 200)
        # One of several tags may be the current one.
        tag = response["ETag"]
        response = self.call(
            "patch",
            detail(self.breton_sme),
            {"city": "Y"},
            user=self.admin,
            HTTP_IF_MATCH=f"{other}, {tag}",
        )
        self.assertEqual(response.status_code, 200)

    def test_a_write_without_if_match_still_works(self):
        self.etag_of(self.breton_sme)
        services.update_organisation(self.admin, self.breton_sme, {"city": "Brest"})
        response = self.call("patch", detail(self.breton_sme), {"city": "Vannes"}, user=self.admin)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["ETag"], f'"{self.breton_sme.pk}.3"')

    def test_the_api_schema_documents_the_etag_if_match_and_412(self):
        document = yaml.safe_load(self.call("get", "/api/schema/").content)
        operations = document["paths"]["/api/organisations/{slug}/"]
        for method in ("put", "patch"):
            headers = [p["name"] for p in operations[method]["parameters"] if p["in"] == "header"]
            self.assertIn("If-Match", headers, method)
            self.assertIn("412", operations[method]["responses"], method)
            self.assertIn("ETag", operations[method]["responses"]["200"]["headers"], method)
        self.assertIn("ETag", operations["get"]["responses"]["200"]["headers"])

    def test_refusals_come_before_preconditions(self):
        tag = '"1.999"'
        response = self.call(
            "patch", detail(self.breton_sme), {"city": "X"}, user=self.member, HTTP_IF_MATCH=tag
        )
        self.assertEqual(response.status_code, 403)
        response = self.call("patch", "/api/organisations/nobody/", {}, user=self.admin)
        self.assertEqual(response.status_code, 404)
