"""Cooperation profiles and the catalogue in which participants browse and search each other."""

from cyberregions.core.models import AuditEntry
from cyberregions.events.models import CooperationItem
from cyberregions.events.tests.factories import add_item, make_event, make_user, register
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import PersonaTestCase, make_organisation

# session, user, event, own registration, region and organisation memberships (navigation
# and rules), count, page rows, items, own requests.
CATALOGUE_QUERIES = 10


class CatalogueTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(title="B2B days", event_type="brokerage", created_by=cls.coordinator)
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton_user = make_user("breton")
        cls.breton = register(cls.event, cls.breton_user, cls.breton_sme)
        cls.estonian = register(cls.event, make_user("tallinn"), cls.estonian_rto)
        add_item(cls.tuscan, "tech_offer", "Post-quantum key management", ["CRY"])
        add_item(cls.breton, "tech_request", "Quantum-safe encryption for ships", ["CRY"])
        add_item(cls.breton, "business_offer", "Incident response retainer", ["IHF"])
        add_item(cls.estonian, "rnd_partner", "Research partners for e-government", ["IDM"])
        cls.url = f"/events/{cls.event.slug}/b2b/participants/"

    def setUp(self):
        vocabulary_choices()

    def names(self, response):
        return [p.display_name for p in response.context["page"].object_list]

    def test_a_participant_browses_every_participant(self):
        self.login(self.member)
        with self.assertNumQueries(CATALOGUE_QUERIES):
            response = self.client.get(self.url)
        self.assertEqual(
            self.names(response),
            ["Armor Cyber Defence", "Firenze Secure Systems", "Tallinn Cyber Research Institute"],
        )
        self.assertContains(response, "Quantum-safe encryption for ships")

    def test_the_query_count_does_not_grow_with_the_participants(self):
        for n in range(5):
            organisation = make_organisation(f"Extra {n}", "FR", "FRH0")
            add_item(register(self.event, make_user(f"extra{n}"), organisation), "tech_offer", "X")
        self.login(self.member)
        with self.assertNumQueries(CATALOGUE_QUERIES):
            self.client.get(self.url)

    def test_it_searches_by_words_kinds_domains_and_country(self):
        self.login(self.member)
        cases = [
            ({"q": "ships"}, ["Armor Cyber Defence"]),
            ({"q": "quantum"}, ["Armor Cyber Defence", "Firenze Secure Systems"]),
            ({"q": "tallinn"}, ["Tallinn Cyber Research Institute"]),
            ({"kind": "tech_offer"}, ["Firenze Secure Systems"]),
            (
                {"kind": ["rnd_partner", "business_offer"]},
                ["Armor Cyber Defence", "Tallinn Cyber Research Institute"],
            ),
            ({"domain": "CRY"}, ["Armor Cyber Defence", "Firenze Secure Systems"]),
            ({"country": "EE"}, ["Tallinn Cyber Research Institute"]),
        ]
        for params, expected in cases:
            self.assertEqual(self.names(self.client.get(self.url, params)), expected, params)

    def test_htmx_gets_the_results_only(self):
        self.login(self.member)
        response = self.client.get(self.url, {"q": "ships"}, headers={"HX-Request": "true"})
        self.assertNotContains(response, "<html")
        self.assertContains(response, "1 participant")

    def test_only_participants_organisers_and_staff_browse(self):
        for user in (self.coordinator, self.staff, self.admin, self.breton_user):
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 200, user)
        for user in (self.registered,):
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 403, user)
            detail = f"/events/{self.event.slug}/b2b/participants/{self.breton.pk}/"
            self.assertEqual(self.client.get(detail).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.tuscan.status = "waitlisted"
        self.tuscan.save()
        self.login(self.member)
        self.assertEqual(self.client.get(self.url).status_code, 403)

    def test_a_participant_reads_another_profile_and_may_ask_to_meet(self):
        self.login(self.member)
        response = self.client.get(f"/events/{self.event.slug}/b2b/participants/{self.breton.pk}/")
        self.assertContains(response, "Incident response retainer")
        self.assertContains(response, "Ask for a meeting")
        # The person stays hidden unless it agreed to be shown.
        self.assertNotContains(response, "breton@example.org")

    def test_a_participant_keeps_its_profile_and_items(self):
        self.login(self.member)
        profile_url = f"/events/{self.event.slug}/b2b/profile/"
        self.assertEqual(self.client.get(profile_url).status_code, 200)
        self.client.post(profile_url, {"headline": "Crypto for banks", "description": "We..."})
        self.tuscan.profile.refresh_from_db()
        self.assertEqual(self.tuscan.profile.headline, "Crypto for banks")
        cry = Domain.objects.get(code="CRY")
        self.client.post(
            f"/events/{self.event.slug}/b2b/profile/items/new/",
            {"kind": "business_request", "title": "Distributors in Spain", "domains": [cry.pk]},
        )
        item = CooperationItem.objects.get(title="Distributors in Spain")
        self.assertEqual(list(item.domains.values_list("code", flat=True)), ["CRY"])
        self.assertTrue(AuditEntry.objects.filter(action="b2b.item.create").exists())
        delete = f"/events/{self.event.slug}/b2b/profile/items/{item.pk}/delete/"
        self.assertEqual(self.client.get(delete).status_code, 405)
        self.client.post(delete)
        self.assertFalse(CooperationItem.objects.filter(pk=item.pk).exists())

    def test_nobody_edits_another_participants_items(self):
        item = self.breton.profile.items.get(kind="tech_request")
        self.login(self.member)
        for url in (
            f"/events/{self.event.slug}/b2b/profile/items/{item.pk}/",
            f"/events/{self.event.slug}/b2b/profile/items/{item.pk}/delete/",
        ):
            self.assertEqual(
                self.client.post(url, {"kind": "tech_offer", "title": "x"}).status_code, 404
            )
        self.login(self.registered)
        self.assertEqual(
            self.client.get(f"/events/{self.event.slug}/b2b/profile/").status_code, 403
        )
        item.refresh_from_db()
        self.assertEqual(item.title, "Quantum-safe encryption for ships")

    def test_a_name_shows_only_with_consent_which_can_be_withdrawn(self):
        self.breton_user.first_name, self.breton_user.last_name = "Yann", "Kervella"
        self.breton_user.save()
        profile_url = f"/events/{self.event.slug}/b2b/profile/"
        self.login(self.member)
        self.assertNotContains(self.client.get(self.url), "Yann Kervella")
        self.login(self.breton_user)
        self.client.post(profile_url, {"headline": "", "description": "", "show_name": "on"})
        self.breton.refresh_from_db()
        self.assertTrue(self.breton.show_name)
        self.assertIsNotNone(self.breton.name_consent_at)
        self.login(self.member)
        self.assertContains(self.client.get(self.url), "Yann Kervella")
        self.login(self.breton_user)
        self.client.post(profile_url, {"headline": "", "description": ""})
        self.breton.refresh_from_db()
        self.assertEqual((self.breton.show_name, self.breton.name_consent_at), (False, None))
        self.login(self.member)
        self.assertNotContains(self.client.get(self.url), "Yann Kervella")
        self.assertEqual(AuditEntry.objects.filter(action="registration.name_consent").count(), 2)
