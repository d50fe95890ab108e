"""An organisation's page: consent-aware contacts, history for editors, 404 and 405."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from cyberregions.geo.models import RegionMembership
from cyberregions.organisations import services
from cyberregions.organisations.models import ClaimRequest, Contact, OfferOrNeed
from cyberregions.testing import PersonaTestCase

PUBLIC = "marie.public@example.org"
PRIVATE = "paul.private@example.org"
BADGE = "Not public: no consent recorded"
HISTORY = "organisation.update"


class AtlasDetailTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for organisation in (cls.breton_sme, cls.tuscan_sme):
            Contact.objects.create(
                organisation=organisation,
                name="Marie Public",
                email=PUBLIC,
                public_consent=True,
                consent_recorded_at=timezone.now(),
            )
            Contact.objects.create(organisation=organisation, name="Paul Private", email=PRIVATE)
        services.update_organisation(cls.admin, cls.breton_sme, {"city": "Saint-Malo"})
        services.update_organisation(cls.admin, cls.tuscan_sme, {"city": "Prato"})
        tuscan_coordinator = get_user_model().objects.create_user("giulia", "giulia@example.org")
        RegionMembership.objects.create(user=tuscan_coordinator, region=cls.tuscany)
        cls.tuscan_coordinator = tuscan_coordinator

    def url(self, organisation):
        return f"/organisations/{organisation.slug}/"

    def test_it_shows_the_organisation_to_a_visitor(self):
        OfferOrNeed.objects.create(organisation=self.breton_sme, kind="offer", title="Red teaming")
        OfferOrNeed.objects.create(organisation=self.breton_sme, kind="need", title="Investors")
        response = self.client.get(self.url(self.breton_sme))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<h1 class="h2 mb-1">Armor Cyber Defence</h1>', html=False)
        self.assertContains(response, "EU size class: Small")
        self.assertContains(response, "Red teaming")
        self.assertContains(response, "Investors")
        self.assertEqual([item.title for item in response.context["offers"]], ["Red teaming"])
        self.assertEqual([item.title for item in response.context["needs"]], ["Investors"])

    def test_contacts_without_consent_are_hidden_from_visitors_and_outsiders(self):
        for persona in (None, self.registered, self.member, self.tuscan_coordinator):
            if persona:
                self.login(persona)
            response = self.client.get(self.url(self.breton_sme))
            self.assertContains(response, PUBLIC, msg_prefix=str(persona))
            self.assertNotContains(response, PRIVATE, msg_prefix=str(persona))
            self.assertNotContains(response, "Paul Private", msg_prefix=str(persona))
            self.assertNotContains(response, BADGE, msg_prefix=str(persona))

    def test_a_coordinator_of_another_region_does_not_see_private_contacts(self):
        self.login(self.coordinator)
        response = self.client.get(self.url(self.tuscan_sme))
        self.assertContains(response, PUBLIC)
        self.assertNotContains(response, PRIVATE)

    def test_contacts_without_consent_are_shown_to_insiders_with_a_badge(self):
        cases = [
            (self.coordinator, self.breton_sme),
            (self.tuscan_coordinator, self.tuscan_sme),
            (self.member, self.tuscan_sme),
            (self.staff, self.breton_sme),
            (self.admin, self.estonian_rto),
        ]
        Contact.objects.create(organisation=self.estonian_rto, name="Paul Private", email=PRIVATE)
        for user, organisation in cases:
            self.login(user)
            response = self.client.get(self.url(organisation))
            self.assertContains(response, PRIVATE, msg_prefix=f"{user} on {organisation}")
            self.assertContains(response, BADGE, count=1, msg_prefix=f"{user} on {organisation}")

    def test_the_consented_contact_carries_no_badge(self):
        Contact.objects.filter(email=PRIVATE).delete()
        self.login(self.admin)
        response = self.client.get(self.url(self.breton_sme))
        self.assertContains(response, PUBLIC)
        self.assertNotContains(response, BADGE)

    def test_the_history_is_shown_to_editors_only(self):
        editors = [
            (self.admin, self.breton_sme),
            (self.coordinator, self.breton_sme),
            (self.member, self.tuscan_sme),
        ]
        for user, organisation in editors:
            self.login(user)
            response = self.client.get(self.url(organisation))
            self.assertContains(response, HISTORY, msg_prefix=str(user))
            self.assertContains(response, "Edit</a>", msg_prefix=str(user))
        self.client.logout()
        outsiders = [
            (None, self.breton_sme),
            (self.registered, self.breton_sme),
            (self.staff, self.breton_sme),
            (self.member, self.breton_sme),
            (self.coordinator, self.tuscan_sme),
        ]
        for user, organisation in outsiders:
            if user:
                self.login(user)
            response = self.client.get(self.url(organisation))
            self.assertNotContains(response, HISTORY, msg_prefix=str(user))
            self.assertNotContains(response, f"{self.url(organisation)}edit/", msg_prefix=str(user))
            self.assertEqual(response.context["history"], [])

    def test_the_claim_button_shows_to_users_who_may_claim(self):
        claim_url = f"{self.url(self.tuscan_sme)}claim/"
        self.assertNotContains(self.client.get(self.url(self.tuscan_sme)), claim_url)
        self.login(self.registered)
        self.assertContains(self.client.get(self.url(self.tuscan_sme)), claim_url)
        self.login(self.member)
        self.assertNotContains(self.client.get(self.url(self.tuscan_sme)), claim_url)

    def test_pending_claims_are_listed_for_the_deciders_only(self):
        claim = ClaimRequest.objects.create(organisation=self.breton_sme, user=self.registered)
        decide_url = f"/organisations/claims/{claim.pk}/"
        self.login(self.coordinator)
        self.assertContains(self.client.get(self.url(self.breton_sme)), decide_url)
        self.login(self.admin)
        self.assertContains(self.client.get(self.url(self.breton_sme)), decide_url)
        for user in (self.staff, self.registered, self.tuscan_coordinator):
            self.login(user)
            self.assertNotContains(self.client.get(self.url(self.breton_sme)), decide_url)

    def test_an_unknown_slug_is_404(self):
        self.assertEqual(self.client.get("/organisations/no-such-organisation/").status_code, 404)
        self.login(self.admin)
        self.assertEqual(self.client.get("/organisations/no-such-organisation/").status_code, 404)

    def test_it_refuses_other_methods(self):
        self.login(self.admin)
        for method in ("post", "put", "patch", "delete"):
            response = getattr(self.client, method)(self.url(self.breton_sme))
            self.assertEqual(response.status_code, 405, method)

    def test_the_page_pins_its_queries(self):
        self.client.get(self.url(self.breton_sme))
        # organisation, 4 tag sets, items, contacts (the page of a visitor: no history)
        with self.assertNumQueries(7):
            self.client.get(self.url(self.breton_sme))
