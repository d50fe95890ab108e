"""The emergency path: two GET steps, the result, and nothing stored."""

from django.urls import reverse

from cyberregions.core.models import AuditEntry
from cyberregions.geo.models import Country

from ..models import HelpRequest
from ..vocabulary import csirt_file
from .base import GetHelpTestCase


class EmergencyTests(GetHelpTestCase):
    @property
    def url(self):
        return reverse("gethelp:emergency")

    def test_it_asks_who_then_what_without_javascript(self):
        first = self.client.get(self.url)
        self.assertContains(first, "Step 1 of 2")
        self.assertContains(first, 'method="get"')
        second = self.client.get(self.url, {"who": "sme", "country": "FR", "region": "FRH0"})
        self.assertContains(second, "Step 2 of 2")
        self.assertContains(second, 'name="who" value="sme"', html=False)

    def test_it_gives_steps_obligations_csirt_and_responders_nearest_first(self):
        response = self.client.get(
            self.url,
            {
                "who": "essential",
                "country": "FR",
                "region": "FRH0",
                "what": "ransomware",
                "language": "fr",
            },
        )
        self.assertContains(response, "Do not pay a ransom")
        self.assertContains(response, "GDPR, article 33")
        self.assertContains(response, "NIS2, article 23(4)(a)")
        self.assertContains(response, "within 24 hours")
        self.assertContains(response, "CERT-FR (ANSSI)")
        responders = [p.organisation.name for p in response.context["responders"]]
        self.assertEqual(responders, ["Armor Cyber Defence", "Brest Secure", "Paris Incident Team"])
        self.assertFalse(HelpRequest.objects.exists())
        self.assertFalse(AuditEntry.objects.filter(action__startswith="gethelp").exists())

    def test_it_names_no_notification_duty_to_a_person_hit_by_phishing(self):
        response = self.client.get(self.url, {"who": "person", "country": "ES", "what": "phishing"})
        self.assertEqual(response.context["obligations"], [])
        self.assertContains(response, "INCIBE-CERT")
        self.assertContains(response, 'href="tel:017"', html=False)

    def test_it_says_what_is_wrong_with_unknown_answers(self):
        response = self.client.get(self.url, {"who": "alien", "country": "XX", "what": "meteor"})
        self.assertEqual(response.context["step"], 1)
        self.assertContains(response, "Unknown country")

    def test_it_answers_only_get(self):
        self.assertEqual(self.client.post(self.url).status_code, 405)

    def test_it_lists_one_csirt_for_each_eu_member_state(self):
        listed = [row["country"] for row in csirt_file()["csirts"]]
        self.assertEqual(len(listed), len(set(listed)))
        members = set(Country.objects.filter(is_eu_member=True).values_list("iso", flat=True))
        self.assertEqual(set(listed), members)
        for row in csirt_file()["csirts"]:
            self.assertTrue(row["website"] == "" or row["website"].startswith("https://"))

    def test_it_is_linked_from_every_page_header(self):
        self.assertContains(self.client.get(reverse("home")), self.url)
