"""Changes made in the Django admin reach the full-text search, as the services' changes do."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from cyberregions.organisations.models import AtlasRow, OfferOrNeed, Organisation
from cyberregions.testing import make_organisation


def found(query: str) -> set[int]:
    return set(Organisation.objects.search(query).values_list("pk", flat=True)) | set(
        AtlasRow.objects.search(query).values_list("pk", flat=True)
    )


class AdminSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("root", "root@example.org", None)
        cls.breton = make_organisation("Armor Cyber Defence", "FR", "FRH0", city="Rennes")
        cls.tuscan = make_organisation("Arno Secure", "IT", "ITI1", city="Florence")

    def setUp(self):
        self.client.force_login(self.admin)

    def change_form(self, organisation: Organisation, **changes) -> dict:
        data = {
            "slug": organisation.slug,
            "name": organisation.name,
            "legal_name": "",
            "country": organisation.country_id,
            "region": organisation.region_id or "",
            "city": organisation.city,
            "website": "",
            "status": organisation.status,
            "actor_type": organisation.actor_type,
            "description": organisation.description,
            "products_services": "",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
            "contacts-MIN_NUM_FORMS": "0",
            "contacts-MAX_NUM_FORMS": "1000",
        }
        data.update(changes)
        return data

    def test_an_organisation_changed_in_the_admin_is_found_by_its_new_words(self):
        url = f"/admin/organisations/organisation/{self.breton.pk}/change/"
        response = self.client.post(
            url, self.change_form(self.breton, description="Harbour forensics")
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.assertEqual(found("harbour"), {self.breton.pk})

    def test_offers_added_moved_and_deleted_in_the_admin_follow_their_organisations(self):
        response = self.client.post(
            "/admin/organisations/offerorneed/add/",
            {"organisation": self.breton.pk, "kind": "offer", "title": "Quantum audits"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(found("quantum"), {self.breton.pk})

        item = OfferOrNeed.objects.get(title="Quantum audits")
        response = self.client.post(
            f"/admin/organisations/offerorneed/{item.pk}/change/",
            {"organisation": self.tuscan.pk, "kind": "offer", "title": "Quantum audits"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(found("quantum"), {self.tuscan.pk})

        response = self.client.post(
            "/admin/organisations/offerorneed/",
            {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(OfferOrNeed.objects.exists())
        self.assertEqual(found("quantum"), set())
