"""Declaring an organisation's services: who may, what is saved, bad input."""

from django.urls import reverse

from cyberregions.core.models import AuditEntry

from ..models import ProviderProfile
from .base import GetHelpTestCase


class ServicesEditTests(GetHelpTestCase):
    def url(self, organisation):
        return reverse("gethelp:services_edit", args=[organisation.slug])

    def post(self, organisation, **overrides):
        data = {
            "categories": [],
            "languages": ["it", "en"],
            "clients": ["sme"],
            "on_site": "on",
            "response_hours": "4",
            "capacity": "5",
            "is_active": "on",
        }
        from ..models import ServiceCategory

        data["categories"] = [ServiceCategory.objects.get(code="pentest").pk]
        data.update(overrides)
        return self.client.post(self.url(organisation), data)

    def test_it_lets_a_member_declare_the_services(self):
        self.login(self.member)
        response = self.post(self.tuscan_sme)
        self.assertRedirects(response, self.url(self.tuscan_sme))
        profile = ProviderProfile.objects.get(organisation=self.tuscan_sme)
        self.assertEqual(profile.language_list, ["en", "it"])
        self.assertEqual([c.code for c in profile.categories.all()], ["pentest"])
        self.assertEqual(profile.capacity, 5)
        self.assertTrue(AuditEntry.objects.filter(action="gethelp.profile.create").exists())

    def test_it_refuses_others_and_asks_visitors_to_log_in(self):
        self.assertEqual(self.client.get(self.url(self.tuscan_sme)).status_code, 302)
        self.login(self.registered)
        self.assertEqual(self.client.get(self.url(self.tuscan_sme)).status_code, 403)
        self.assertEqual(self.post(self.tuscan_sme).status_code, 403)
        self.login(self.coordinator)  # Brittany's coordinator, not Tuscany's
        self.assertEqual(self.post(self.tuscan_sme).status_code, 403)
        self.assertFalse(ProviderProfile.objects.filter(organisation=self.tuscan_sme).exists())

    def test_it_refuses_an_unknown_language_and_no_way_of_working(self):
        self.login(self.member)
        response = self.post(self.tuscan_sme, languages=["tlh"], on_site="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice")
        self.assertContains(response, "Say whether you work on site")
        self.assertFalse(ProviderProfile.objects.filter(organisation=self.tuscan_sme).exists())

    def test_it_shows_the_saved_values_on_the_form(self):
        self.login(self.responder)
        response = self.client.get(self.url(self.breton_sme))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].initial["languages"], ["en", "fr"])
