"""Public buyers' needs: published by a public administration, followers told, closed."""

import datetime

from django.urls import reverse

from cyberregions.core.models import Notification
from cyberregions.organisations.models import OrganisationMembership
from cyberregions.taxonomy.models import Sector
from cyberregions.testing import make_organisation

from ..models import BuyerNeed, SectorFollow
from .base import GetHelpTestCase


class BuyerNeedTests(GetHelpTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.town = make_organisation("Ville de Vannes", "FR", "FRH0", actor_type="public")
        OrganisationMembership.objects.create(user=cls.registered, organisation=cls.town)
        cls.water = Sector.objects.get(code="SEC.energy")

    def publish(self, **overrides):
        data = {
            "title": "SOC for the water utility",
            "sector": self.water.pk,
            "description": "Monitoring of the utility's systems from 2027.",
            "budget_band": "lt140k",
            "expected_from": str(datetime.date.today() + datetime.timedelta(days=120)),
        }
        data.update(overrides)
        return self.client.post(reverse("gethelp:need_new", args=[self.town.slug]), data)

    def test_it_publishes_a_need_and_tells_the_sectors_followers(self):
        self.login(self.responder)
        self.client.post(
            reverse("gethelp:follow_sectors", args=[self.breton_sme.slug]),
            {"sectors": [self.water.pk]},
        )
        self.assertTrue(SectorFollow.objects.filter(organisation=self.breton_sme).exists())
        self.login(self.registered)
        self.assertEqual(self.publish().status_code, 302)
        need = BuyerNeed.objects.get()
        self.assertTrue(
            Notification.objects.filter(recipient=self.responder, kind="gethelp.need.published")
        )
        self.assertFalse(
            Notification.objects.filter(recipient=self.responder2, kind="gethelp.need.published")
        )
        page = self.client.get(reverse("gethelp:needs"), {"sector": "SEC.energy"})
        self.assertContains(page, "SOC for the water utility")
        api = self.client.get(reverse("api:buyer-need-list")).json()
        self.assertEqual(api["results"][0]["sector"], "SEC.energy")
        self.client.post(reverse("gethelp:need_close", args=[need.pk]))
        need.refresh_from_db()
        self.assertEqual(need.status, "closed")
        self.assertNotContains(self.client.get(reverse("gethelp:needs")), "SOC for the water")

    def test_it_lets_only_public_administrations_publish(self):
        self.login(self.responder)  # an SME's member
        response = self.client.post(
            reverse("gethelp:need_new", args=[self.breton_sme.slug]), {"title": "x"}
        )
        self.assertEqual(response.status_code, 403)
        self.login(self.member)  # not a member of the town
        self.assertEqual(self.publish().status_code, 403)
        self.assertFalse(BuyerNeed.objects.exists())

    def test_it_refuses_bad_input_and_unknown_sectors(self):
        self.login(self.registered)
        response = self.publish(sector="999999", budget_band="billions")
        self.assertContains(response, "Select a valid choice", count=2)
        page = self.client.get(reverse("gethelp:needs"), {"sector": "SEC.astrology"}, follow=True)
        self.assertContains(page, "Unknown sector")

    def test_it_counts_open_needs_in_the_regions_demand_signals(self):
        self.login(self.registered)
        self.publish()
        self.login(self.coordinator)
        page = self.client.get(reverse("gethelp:demand", args=["FRH0"]))
        self.assertEqual(page.context["needs"], [(self.water.label, 1)])
        self.login(self.member)
        self.assertEqual(self.client.get(reverse("gethelp:demand", args=["FRH0"])).status_code, 403)
