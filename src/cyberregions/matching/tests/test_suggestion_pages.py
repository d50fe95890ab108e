"""Partner suggestions on pages: "organisations that could work with this one" in the atlas (an
htmx block, public), and a brokerage participant's suggested partners (itself and organisers)."""

from django.core.cache import cache

from cyberregions.events.tests.factories import add_item, make_event, make_user, register
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import PersonaTestCase

# organisation; candidate pool: per vocabulary its own and its items' terms, then two counts
# when there are terms (no technology here: 3 + 3 + 2 + 2 + 2); parties: organisations, items,
# items' terms ×3, organisations' terms ×3. At most 21, whatever the size of the atlas.
ATLAS_QUERIES = 19
# session, user, event, registration, region memberships (rule), participants, items,
# items' terms ×3, organisations' terms ×3, own requests, organisation memberships (navigation).
PARTICIPANT_QUERIES = 15


class AtlasSuggestionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        crypto = Domain.objects.get(code="CRY")
        need = OfferOrNeed.objects.create(
            organisation=cls.breton_sme,
            kind="need",
            title="Post-quantum encryption for ship systems",
            description="Quantum-safe cryptography for onboard networks.",
        )
        need.domains.add(crypto)
        offer = OfferOrNeed.objects.create(
            organisation=cls.tuscan_sme,
            kind="offer",
            title="Post-quantum cryptography library",
            description="Quantum-safe encryption for embedded systems.",
        )
        offer.domains.add(crypto)
        cls.url = f"/matching/organisations/{cls.breton_sme.slug}/"

    def setUp(self):
        cache.clear()
        vocabulary_choices()

    def test_the_atlas_block_lists_organisations_that_could_work_with_this_one(self):
        with self.assertNumQueries(ATLAS_QUERIES):
            response = self.client.get(self.url, headers={"HX-Request": "true"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertContains(response, "Firenze Secure Systems")
        self.assertContains(
            response,
            "Offers “Post-quantum cryptography library”, which answers the request "
            "“Post-quantum encryption for ship systems”.",
        )
        self.assertContains(response, "From another region: Tuscany")
        self.assertNotContains(response, "Tallinn Cyber Research Institute")

    def test_the_block_is_cached_and_public(self):
        self.client.get(self.url)
        with self.assertNumQueries(1):  # the organisation; the ranking comes from the cache
            response = self.client.get(self.url)
        self.assertContains(response, "<html")  # without htmx: a page of its own
        self.assertContains(response, "Firenze Secure Systems")
        self.assertEqual(self.client.post(self.url).status_code, 405)
        self.assertEqual(self.client.get("/matching/organisations/nobody/").status_code, 404)

    def test_the_organisation_page_loads_the_block(self):
        response = self.client.get(f"/organisations/{self.breton_sme.slug}/")
        self.assertContains(response, f'hx-get="{self.url}"')


class ParticipantSuggestionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(title="B2B days", event_type="brokerage", created_by=cls.coordinator)
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton_user = make_user("breton")
        cls.breton = register(cls.event, cls.breton_user, cls.breton_sme)
        cls.estonian = register(cls.event, make_user("tallinn"), cls.estonian_rto)
        add_item(
            cls.tuscan,
            "tech_offer",
            "Post-quantum key management",
            ["CRY"],
            "Quantum-safe encryption keys.",
        )
        add_item(cls.breton, "tech_request", "Quantum-safe encryption for ships", ["CRY"])
        add_item(cls.estonian, "rnd_partner", "Research on e-government identity", ["IDM"])
        cls.url = f"/matching/events/{cls.event.slug}/participants/{cls.breton.pk}/"

    def setUp(self):
        vocabulary_choices()

    def test_a_participant_gets_its_suggestions_with_reasons(self):
        self.login(self.breton_user)
        with self.assertNumQueries(PARTICIPANT_QUERIES):
            response = self.client.get(self.url)
        names = [s.name for s in response.context["suggestions"]]
        self.assertEqual(names, ["Firenze Secure Systems"])
        self.assertContains(response, "Post-quantum key management")

    def test_only_the_participant_and_organisers_see_them(self):
        for user in (self.coordinator, self.staff):  # programme staff organise every event
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 200, user)
        for user in (self.member, self.registered):
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 403, user)
        self.client.logout()
        self.assertEqual(self.client.get(self.url).status_code, 302)
        workshop = make_event(title="Workshop")
        self.login(self.breton_user)
        response = self.client.get(
            f"/matching/events/{workshop.slug}/participants/{self.breton.pk}/"
        )
        self.assertEqual(response.status_code, 404)
