"""The model derives helix group and EU size class on save; nobody can type them."""

from cyberregions.core.models import AuditEntry
from cyberregions.geo.models import Country, Region
from cyberregions.organisations.choices import HELIX_OF_ACTOR_TYPE, ActorType
from cyberregions.organisations.forms import OrganisationForm
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase

# Actor types the EU SME definition applies to, and the class 12 staff / EUR 1.5 M gives.
ENTERPRISES = {ActorType.SME, ActorType.LARGE, ActorType.INVESTOR, ActorType.OTHER}


class SizeClassDerivationTests(PersonaTestCase):
    def organisation(self, actor_type, employees=12, turnover=1_500_000, balance=None):
        organisation = Organisation(
            slug=f"probe-{actor_type}",
            name=f"Probe {actor_type}",
            country=Country.objects.get(iso="FR"),
            actor_type=actor_type,
            employees=employees,
            turnover_eur=turnover,
            balance_sheet_eur=balance,
        )
        organisation.save()
        organisation.refresh_from_db()
        return organisation

    def test_it_derives_the_helix_group_of_every_actor_type(self):
        for actor_type in ActorType:
            organisation = self.organisation(actor_type)
            self.assertEqual(organisation.helix_group, HELIX_OF_ACTOR_TYPE[actor_type], actor_type)

    def test_it_derives_the_size_class_for_enterprises_only(self):
        for actor_type in ActorType:
            organisation = self.organisation(actor_type)
            expected = "small" if actor_type in ENTERPRISES else "unknown"
            self.assertEqual(organisation.size_class, expected, actor_type)

    def test_it_applies_each_size_class(self):
        cases = [
            ((5, 1_000_000, None), "micro"),
            ((9, None, 1_900_000), "micro"),
            ((49, 9_000_000, None), "small"),
            ((200, 60_000_000, 40_000_000), "medium"),
            ((249, 49_000_000, None), "medium"),
            ((250, None, None), "large"),
            ((300, 5_000_000, 5_000_000), "large"),
            ((None, 1_000_000, None), "unknown"),
            ((8, None, None), "unknown"),
        ]
        for (employees, turnover, balance), expected in cases:
            organisation = self.organisation("sme", employees, turnover, balance)
            self.assertEqual(organisation.size_class, expected, (employees, turnover, balance))
            organisation.delete()

    def test_it_recomputes_on_every_save(self):
        organisation = self.organisation("sme", 5, 1_000_000)
        self.assertEqual(organisation.size_class, "micro")
        organisation.employees = 400
        organisation.save()
        organisation.refresh_from_db()
        self.assertEqual(organisation.size_class, "large")
        organisation.actor_type = ActorType.UNIVERSITY
        organisation.save()
        organisation.refresh_from_db()
        self.assertEqual(
            (organisation.size_class, organisation.helix_group), ("unknown", "academia")
        )

    def test_a_typed_size_class_is_overwritten_on_save(self):
        organisation = self.organisation("sme", 5, 1_000_000)
        organisation.size_class = "large"
        organisation.helix_group = "government"
        organisation.save()
        organisation.refresh_from_db()
        self.assertEqual((organisation.size_class, organisation.helix_group), ("micro", "business"))

    def test_the_fixtures_are_derived(self):
        self.assertEqual(self.breton_sme.size_class, "small")
        self.assertTrue(self.breton_sme.is_sme)
        self.assertEqual(self.estonian_rto.size_class, "unknown")
        self.assertFalse(self.estonian_rto.is_sme)
        self.assertEqual(self.estonian_rto.helix_group, "academia")

    def test_the_form_has_no_size_class_or_helix_field(self):
        form = OrganisationForm(user=self.admin)
        self.assertNotIn("size_class", form.fields)
        self.assertNotIn("helix_group", form.fields)

    def test_a_size_class_posted_through_the_form_is_ignored(self):
        self.login(self.coordinator)
        response = self.client.post(
            "/organisations/new/",
            {
                "name": "Quimper Secure",
                "country": Country.objects.get(iso="FR").pk,
                "region": self.brittany.pk,
                "status": "active",
                "actor_type": "sme",
                "employees": "3",
                "turnover_eur": "200000",
                "size_class": "large",
                "helix_group": "government",
            },
        )
        self.assertEqual(response.status_code, 302)
        organisation = Organisation.objects.get(name="Quimper Secure")
        self.assertEqual((organisation.size_class, organisation.helix_group), ("micro", "business"))
        entry = AuditEntry.objects.get(action="organisation.create", object_id=str(organisation.pk))
        self.assertEqual(entry.after["size_class"], "micro")

    def test_a_size_class_sent_to_the_api_is_ignored(self):
        self.login(self.coordinator)
        response = self.client.post(
            "/api/organisations/",
            {
                "name": "Vannes Crypto",
                "country": "FR",
                "region": "FRH0",
                "actor_type": "sme",
                "employees": 30,
                "turnover_eur": 4_000_000,
                "size_class": "micro",
                "helix_group": "academia",
            },
            content_type="application/json",
        )
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["size_class"], "small")
        self.assertEqual(response.json()["helix_group"], "business")
        response = self.client.patch(
            f"/api/organisations/{self.breton_sme.slug}/",
            {"size_class": "large"},
            content_type="application/json",
        )
        self.assertEqual(response.status_code, 200)
        self.breton_sme.refresh_from_db()
        self.assertEqual(self.breton_sme.size_class, "small")

    def test_the_edit_form_updates_the_size_class_from_the_staff(self):
        self.login(self.admin)
        region = Region.objects.get(code="ITI1")
        data = {
            "name": self.tuscan_sme.name,
            "version": self.tuscan_sme.version,
            "country": region.country_id,
            "region": region.pk,
            "status": "active",
            "actor_type": "sme",
            "employees": "120",
            "turnover_eur": "20000000",
            "core_business": "on",
            "size_class": "micro",
        }
        response = self.client.post(f"/organisations/{self.tuscan_sme.slug}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.tuscan_sme.refresh_from_db()
        self.assertEqual(self.tuscan_sme.size_class, "medium")
