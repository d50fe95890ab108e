"""A region's SWOT is kept by its coordinators and shown to everyone on the dashboard."""

from django.contrib.auth import get_user_model

from cyberregions.analysis import services
from cyberregions.analysis.models import SwotItem
from cyberregions.core.models import AuditEntry
from cyberregions.geo.models import RegionMembership
from cyberregions.taxonomy.models import Barrier
from cyberregions.testing import PersonaTestCase

ITEM = {"quadrant": "weakness", "text": "Few training centres", "detail": "", "position": 0}


class SwotTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tuscan_coordinator = get_user_model().objects.create_user("giulia", "g@example.org")
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)
        cls.item = services.add_swot_item(
            cls.coordinator,
            cls.brittany,
            {"quadrant": "strength", "text": "A dense defence cluster", "position": 1},
        )

    def test_the_coordinator_adds_an_item_tagged_with_a_barrier(self):
        self.client.force_login(self.coordinator)
        skills = Barrier.objects.get(code="skills")
        response = self.client.post("/analysis/regions/FRH0/swot/", {**ITEM, "barrier": skills.pk})
        self.assertRedirects(response, "/analysis/regions/FRH0/swot/")
        item = SwotItem.objects.get(text="Few training centres")
        self.assertEqual(
            (item.region, item.barrier, item.created_by), (self.brittany, skills, self.coordinator)
        )
        entry = AuditEntry.objects.get(action="swot.create", object_id=str(item.pk))
        self.assertEqual(entry.after["quadrant"], "weakness")

    def test_the_coordinator_edits_and_deletes_an_item(self):
        self.client.force_login(self.coordinator)
        response = self.client.post(
            f"/analysis/swot/{self.item.pk}/",
            {
                **ITEM,
                "text": "A dense cyber-defence cluster",
                "quadrant": "strength",
                "position": 1,
            },
        )
        self.assertRedirects(response, "/analysis/regions/FRH0/swot/")
        self.item.refresh_from_db()
        self.assertEqual(self.item.text, "A dense cyber-defence cluster")
        update = AuditEntry.objects.get(action="swot.update")
        self.assertEqual(update.before, {"text": "A dense defence cluster"})
        self.client.post(f"/analysis/swot/{self.item.pk}/delete/")
        self.assertFalse(SwotItem.objects.exists())
        self.assertTrue(AuditEntry.objects.filter(action="swot.delete").exists())

    def test_it_refuses_everyone_else(self):
        urls = [
            ("/analysis/regions/FRH0/swot/", "get"),
            ("/analysis/regions/FRH0/swot/", "post"),
            (f"/analysis/swot/{self.item.pk}/", "get"),
            (f"/analysis/swot/{self.item.pk}/", "post"),
            (f"/analysis/swot/{self.item.pk}/delete/", "post"),
        ]
        for url, method in urls:
            for user in (self.tuscan_coordinator, self.staff, self.member, self.registered):
                self.client.force_login(user)
                response = getattr(self.client, method)(url, ITEM)
                self.assertEqual(response.status_code, 403, (url, method, user))
            self.client.logout()
            self.assertEqual(getattr(self.client, method)(url, ITEM).status_code, 302, url)
        self.assertEqual(SwotItem.objects.get().text, "A dense defence cluster")

    def test_it_refuses_get_on_delete_and_unknown_items(self):
        self.client.force_login(self.coordinator)
        self.assertEqual(self.client.get(f"/analysis/swot/{self.item.pk}/delete/").status_code, 405)
        self.assertEqual(self.client.get("/analysis/swot/999999/").status_code, 404)
        self.assertEqual(self.client.get("/analysis/regions/XX99/swot/").status_code, 404)

    def test_it_shows_the_swot_on_the_public_dashboard_and_in_the_api(self):
        self.assertContains(self.client.get("/analysis/regions/FRH0/"), "A dense defence cluster")
        self.assertNotContains(
            self.client.get("/analysis/regions/ITI1/"), "A dense defence cluster"
        )
        with self.assertNumQueries(2):  # count and page
            data = self.client.get("/api/analysis/swot/", {"region": "FRH0"}).json()
        self.assertEqual([row["text"] for row in data["results"]], ["A dense defence cluster"])
        self.assertIn(self.client.post("/api/analysis/swot/", {}).status_code, (401, 403))
        self.client.force_login(self.coordinator)
        self.assertEqual(self.client.post("/api/analysis/swot/", {}).status_code, 405)
