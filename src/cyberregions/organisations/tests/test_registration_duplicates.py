"""Before a registration is sent, the organisations it may duplicate are shown, each with
a way to claim it instead: by VAT number, by website domain, by a similar name in the same
city, but not for a similar name elsewhere."""

from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.duplicates import (
    SAME_DOMAIN,
    SAME_NUMBER,
    SIMILAR_NAME,
    find_duplicates,
    normalise_domain,
)
from cyberregions.organisations.models import RegistrationRequest
from cyberregions.testing import make_organisation

from .registration_helpers import RegistrationTestCase, verify


class DuplicateTests(RegistrationTestCase):
    def found(self, **fields):
        values = {
            "name": "Something Else Entirely",
            "city": "Nowhere",
            "country": self.breton_sme.country,
        }
        values.update(fields)
        return [
            (duplicate.organisation, duplicate.pending_request, duplicate.reasons)
            for duplicate in find_duplicates(**values)
        ]

    def test_it_normalises_website_domains(self):
        for url in (
            "https://www.armor.example",
            "http://ARMOR.example/",
            "armor.example/en/contact?x=1",
            "https://www.Armor.Example.:443/path",
        ):
            self.assertEqual(normalise_domain(url), "armor.example", url)
        self.assertEqual(normalise_domain("https://shop.armor.example"), "shop.armor.example")
        self.assertEqual(normalise_domain(""), "")

    def test_it_finds_the_same_website_domain(self):
        self.breton_sme.website = "https://www.armor.example/fr/"
        self.breton_sme.save()
        make_organisation("Unrelated", "FR", "FRH0", website="https://notarmor.example")
        for url in ("armor.example", "http://WWW.ARMOR.EXAMPLE/about", "https://armor.example"):
            self.assertEqual(self.found(website=url), [(self.breton_sme, None, [SAME_DOMAIN])], url)
        self.assertEqual(self.found(website="https://armor.example.org"), [])

    def test_it_finds_a_similar_name_in_the_same_city(self):
        for name, city in (
            ("Armor Cyber Defence", "Rennes"),
            ("ARMOR cyber-defence SAS", "rennes"),
            ("Armor Cyber Defense", " Rennes "),
        ):
            self.assertEqual(
                self.found(name=name, city=city), [(self.breton_sme, None, [SIMILAR_NAME])], name
            )

    def test_it_does_not_find_a_similar_name_in_another_city(self):
        self.assertEqual(self.found(name="Armor Cyber Defence", city="Brest"), [])
        self.assertEqual(self.found(name="Breizh Secure Networks", city="Rennes"), [])

    def test_it_finds_the_same_vat_number(self):
        first = self.submit(registration_number="FR 40 303 265 045", website="")
        self.assertEqual(first.registration_number, "FR40303265045")
        # Still being decided: shown, without an organisation to claim.
        self.assertEqual(
            self.found(registration_number="FR40303265045"), [(None, first, [SAME_NUMBER])]
        )
        registrations.approve_registration(self.coordinator, first)
        first.refresh_from_db()
        self.assertEqual(
            self.found(registration_number="FR40303265045"),
            [(first.organisation, None, [SAME_NUMBER])],
        )
        self.assertEqual(self.found(registration_number="FR53000066000"), [])

    def test_an_invalid_vat_number_is_a_form_error(self):
        self.login(self.registered)
        response = self.client.post(
            "/organisations/register/", self.post_data(registration_number="FR123")
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("registration_number", response.context["form"].errors)
        self.assertFalse(RegistrationRequest.objects.exists())

    def test_the_page_shows_duplicates_before_sending(self):
        self.login(self.registered)
        data = self.post_data(name="Armor Cyber Defence", city="Rennes")
        response = self.client.post("/organisations/register/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(RegistrationRequest.objects.exists())
        self.assertContains(response, "Claim this one instead")
        self.assertContains(response, f'href="/organisations/{self.breton_sme.slug}/claim/"')
        seen = response.context["confirmation"]["seen"].value()
        self.assertEqual(seen, f"o{self.breton_sme.pk}")
        # Sent again without saying that none is theirs: shown again.
        response = self.client.post("/organisations/register/", data)
        self.assertFalse(RegistrationRequest.objects.exists())
        # A new duplicate appearing after the confirmation is shown too.
        self.estonian_rto.website = "https://www.bqshield.example"
        self.estonian_rto.save()
        response = self.client.post(
            "/organisations/register/", {**data, "confirmed": "on", "seen": seen}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(RegistrationRequest.objects.exists())
        seen = response.context["confirmation"]["seen"].value()
        response = self.client.post(
            "/organisations/register/", {**data, "confirmed": "on", "seen": seen}
        )
        registration = RegistrationRequest.objects.get()
        self.assertRedirects(response, registration.get_absolute_url())

    def test_a_member_is_not_offered_to_claim_its_own_organisation(self):
        self.login(verify(self.member))
        response = self.client.post(
            "/organisations/register/",
            self.post_data(
                name="Firenze Secure Systems",
                city="Firenze",
                country=self.tuscan_sme.country.pk,
                region=self.tuscany.pk,
            ),
        )
        self.assertContains(response, "Firenze Secure Systems")
        self.assertNotContains(response, "Claim this one instead")
