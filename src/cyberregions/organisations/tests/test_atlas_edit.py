"""Creating and editing organisations through the pages, per persona, with the audit trail."""

from cyberregions.core.models import AuditEntry
from cyberregions.geo.models import Country, Region
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase

CREATE = "/organisations/new/"


def edit_url(organisation):
    return f"/organisations/{organisation.slug}/edit/"


def form_data(organisation=None, **changes):
    """What the form posts: the organisation's current values with ``changes`` applied."""
    data = {"status": "active", "actor_type": "sme"}
    if organisation is not None:
        data.update(
            {
                "name": organisation.name,
                "version": organisation.version,
                "country": organisation.country_id,
                "region": organisation.region_id or "",
                "city": organisation.city,
                "status": organisation.status,
                "actor_type": organisation.actor_type,
                "employees": organisation.employees or "",
                "turnover_eur": organisation.turnover_eur or "",
                "description": organisation.description,
                "domains": list(organisation.domains.values_list("pk", flat=True)),
                "sectors": list(organisation.sectors.values_list("pk", flat=True)),
            }
        )
        if organisation.core_business:
            data["core_business"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


class AtlasEditTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.france = Country.objects.get(iso="FR")
        cls.italy = Country.objects.get(iso="IT")

    def new_breton(self, **changes):
        values = {
            "name": "Lorient Secure Ports",
            "country": self.france.pk,
            "region": self.brittany.pk,
            "city": "Lorient",
            "employees": "20",
        }
        return form_data(**{**values, **changes})

    # Visitors and users without a role -------------------------------------------------------

    def test_a_visitor_is_sent_to_the_login_page(self):
        for url in (CREATE, edit_url(self.breton_sme)):
            for method in ("get", "post"):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, 302, (method, url))
                self.assertTrue(
                    response["Location"].startswith(f"/accounts/login/?next={url}"), response
                )
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())

    def test_a_registered_user_without_role_is_refused(self):
        self.login(self.registered)
        self.assertEqual(self.client.get(CREATE).status_code, 403)
        self.assertEqual(self.client.post(CREATE, self.new_breton()).status_code, 403)
        self.assertEqual(self.client.get(edit_url(self.breton_sme)).status_code, 403)
        response = self.client.post(
            edit_url(self.breton_sme), form_data(self.breton_sme, city="Paris")
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())
        self.breton_sme.refresh_from_db()
        self.assertEqual(self.breton_sme.city, "Rennes")
        self.assertFalse(AuditEntry.objects.exists())

    def test_programme_staff_does_not_edit_the_atlas(self):
        self.login(self.staff)
        self.assertEqual(self.client.get(CREATE).status_code, 403)
        self.assertEqual(self.client.get(edit_url(self.breton_sme)).status_code, 403)

    # Coordinator of Brittany -----------------------------------------------------------------

    def test_the_coordinator_creates_in_brittany_with_an_audit_entry(self):
        self.login(self.coordinator)
        form = self.client.get(CREATE).context["form"]
        self.assertEqual(list(form.fields["region"].queryset), [self.brittany])
        response = self.client.post(CREATE, self.new_breton())
        organisation = Organisation.objects.get(name="Lorient Secure Ports")
        self.assertRedirects(response, f"/organisations/{organisation.slug}/")
        self.assertEqual(organisation.slug, "lorient-secure-ports")
        self.assertEqual(organisation.region, self.brittany)
        entry = AuditEntry.objects.get(action="organisation.create")
        self.assertEqual(entry.actor, self.coordinator)
        self.assertEqual(entry.object_id, str(organisation.pk))
        self.assertIsNone(entry.before)
        self.assertEqual(entry.after["name"], "Lorient Secure Ports")
        self.assertEqual(entry.after["region"], self.brittany.pk)

    def test_the_coordinator_cannot_create_in_another_region(self):
        self.login(self.coordinator)
        response = self.client.post(
            CREATE, self.new_breton(country=self.italy.pk, region=self.tuscany.pk)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())

    def test_the_coordinator_must_choose_a_region(self):
        self.login(self.coordinator)
        response = self.client.post(CREATE, self.new_breton(region=""))
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)

    def test_the_coordinator_edits_a_breton_organisation_with_before_and_after(self):
        self.login(self.coordinator)
        self.assertEqual(self.client.get(edit_url(self.breton_sme)).status_code, 200)
        response = self.client.post(
            edit_url(self.breton_sme), form_data(self.breton_sme, city="Brest", employees="60")
        )
        self.assertRedirects(response, f"/organisations/{self.breton_sme.slug}/")
        self.breton_sme.refresh_from_db()
        self.assertEqual((self.breton_sme.city, self.breton_sme.size_class), ("Brest", "medium"))
        entry = AuditEntry.objects.get(action="organisation.update")
        self.assertEqual(entry.actor, self.coordinator)
        # The version the save produced is on the trail too (core.concurrency reads it back).
        self.assertEqual(
            entry.before, {"city": "Rennes", "employees": 12, "size_class": "small", "version": 1}
        )
        self.assertEqual(
            entry.after, {"city": "Brest", "employees": 60, "size_class": "medium", "version": 2}
        )

    def test_the_coordinator_is_refused_on_a_tuscan_organisation(self):
        self.login(self.coordinator)
        self.assertEqual(self.client.get(edit_url(self.tuscan_sme)).status_code, 403)
        response = self.client.post(
            edit_url(self.tuscan_sme), form_data(self.tuscan_sme, city="Pisa")
        )
        self.assertEqual(response.status_code, 403)
        self.tuscan_sme.refresh_from_db()
        self.assertEqual(self.tuscan_sme.city, "Firenze")
        self.assertFalse(AuditEntry.objects.exists())

    def test_the_coordinator_cannot_move_an_organisation_out_of_brittany(self):
        self.login(self.coordinator)
        response = self.client.post(
            edit_url(self.breton_sme),
            form_data(self.breton_sme, country=self.italy.pk, region=self.tuscany.pk),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)
        self.breton_sme.refresh_from_db()
        self.assertEqual(self.breton_sme.region, self.brittany)
        self.assertFalse(AuditEntry.objects.exists())

    # Member of the Tuscan SME ----------------------------------------------------------------

    def test_the_member_edits_its_own_organisation(self):
        self.login(self.member)
        self.assertEqual(self.client.get(edit_url(self.tuscan_sme)).status_code, 200)
        response = self.client.post(
            edit_url(self.tuscan_sme), form_data(self.tuscan_sme, description="Post-quantum.")
        )
        self.assertEqual(response.status_code, 302)
        self.tuscan_sme.refresh_from_db()
        self.assertEqual(self.tuscan_sme.description, "Post-quantum.")
        entry = AuditEntry.objects.get(action="organisation.update")
        self.assertEqual(entry.actor, self.member)
        self.assertEqual(
            entry.before["description"], "Cryptography libraries and key management for banks."
        )
        self.assertEqual(entry.after, {"description": "Post-quantum.", "version": 2})

    def test_the_member_cannot_edit_another_organisation_or_create(self):
        self.login(self.member)
        self.assertEqual(self.client.get(edit_url(self.breton_sme)).status_code, 403)
        self.assertEqual(
            self.client.post(edit_url(self.breton_sme), form_data(self.breton_sme)).status_code,
            403,
        )
        self.assertEqual(self.client.get(CREATE).status_code, 403)
        self.assertEqual(self.client.post(CREATE, self.new_breton()).status_code, 403)

    def test_the_member_cannot_move_its_organisation_to_another_region(self):
        self.login(self.member)
        response = self.client.post(
            edit_url(self.tuscan_sme),
            form_data(self.tuscan_sme, country=self.france.pk, region=self.brittany.pk),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)
        self.tuscan_sme.refresh_from_db()
        self.assertEqual(self.tuscan_sme.region, self.tuscany)

    # Administrator ---------------------------------------------------------------------------

    def test_the_administrator_creates_and_edits_anywhere(self):
        self.login(self.admin)
        response = self.client.post(
            CREATE,
            self.new_breton(name="Pisa Labs", country=self.italy.pk, region=self.tuscany.pk),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Organisation.objects.get(name="Pisa Labs").region, self.tuscany)
        response = self.client.post(CREATE, self.new_breton(name="Lyon Labs", region=""))
        self.assertEqual(response.status_code, 302)
        self.assertIsNone(Organisation.objects.get(name="Lyon Labs").region)
        response = self.client.post(
            edit_url(self.breton_sme),
            form_data(self.breton_sme, country=self.italy.pk, region=self.tuscany.pk),
        )
        self.assertEqual(response.status_code, 302)
        self.breton_sme.refresh_from_db()
        self.assertEqual(self.breton_sme.region, self.tuscany)
        self.assertEqual(
            list(AuditEntry.objects.order_by("id").values_list("action", flat=True)),
            ["organisation.create", "organisation.create", "organisation.update"],
        )
        move = AuditEntry.objects.get(action="organisation.update")
        self.assertEqual(move.before["region"], self.brittany.pk)
        self.assertEqual(move.after["region"], self.tuscany.pk)

    def test_a_second_organisation_with_the_same_name_gets_its_own_slug(self):
        self.login(self.admin)
        self.client.post(CREATE, self.new_breton(name="Armor Cyber Defence"))
        slugs = set(
            Organisation.objects.filter(name="Armor Cyber Defence").values_list("slug", flat=True)
        )
        self.assertEqual(slugs, {"armor-cyber-defence", "armor-cyber-defence-2"})

    # Validation and methods ------------------------------------------------------------------

    def test_a_region_outside_the_country_is_a_form_error(self):
        self.login(self.admin)
        response = self.client.post(CREATE, self.new_breton(country=self.italy.pk))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors["region"],
            ["This region is not in the chosen country."],
        )
        self.assertContains(response, "This region is not in the chosen country.")
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())

    def test_other_invalid_values_are_form_errors(self):
        self.login(self.admin)
        response = self.client.post(
            CREATE, self.new_breton(founded="1500", latitude="95", website="not a url", name="")
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertTrue({"founded", "latitude", "website", "name"} <= set(errors), errors)
        self.assertFalse(AuditEntry.objects.exists())

    def test_an_unknown_organisation_is_404(self):
        self.login(self.admin)
        self.assertEqual(self.client.get("/organisations/nobody-here/edit/").status_code, 404)

    def test_wrong_methods_are_405(self):
        self.login(self.admin)
        for url in (CREATE, edit_url(self.breton_sme)):
            for method in ("put", "patch", "delete"):
                self.assertEqual(getattr(self.client, method)(url).status_code, 405, (method, url))

    def test_the_form_refuses_without_csrf_token(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(self.admin)
        self.assertEqual(client.post(CREATE, self.new_breton()).status_code, 403)
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())

    def test_a_region_move_is_refused_by_the_service_too(self):
        from django.core.exceptions import PermissionDenied

        from cyberregions.organisations.services import update_organisation

        with self.assertRaises(PermissionDenied):
            update_organisation(
                self.coordinator,
                self.breton_sme,
                {"country": self.italy, "region": Region.objects.get(code="ITI1")},
            )
        with self.assertRaises(PermissionDenied):
            update_organisation(self.coordinator, self.breton_sme, {"region": None})
        self.breton_sme.refresh_from_db()
        self.assertEqual(self.breton_sme.region, self.brittany)
