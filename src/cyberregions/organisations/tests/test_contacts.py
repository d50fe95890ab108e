"""An organisation's contacts: kept by its coordinators and members, public only with consent."""

from cyberregions.core.models import AuditEntry
from cyberregions.organisations.models import Contact
from cyberregions.testing import PersonaTestCase

PERSON = {"name": "Gwen Le Bras", "role": "CISO", "email": "gwen@example.org", "phone": ""}


class ContactPagesTests(PersonaTestCase):
    def setUp(self):
        self.hidden = Contact.objects.create(
            organisation=self.breton_sme, name="Yannick Kervella", email="yannick@example.org"
        )
        self.url = f"/organisations/{self.breton_sme.slug}/contacts/"

    def test_who_may_manage_the_contacts(self):
        # The Breton SME: the administrator and Brittany's coordinator; nobody else.
        for user, allowed in (
            (self.admin, True),
            (self.coordinator, True),
            (self.staff, False),
            (self.member, False),
            (self.registered, False),
        ):
            with self.subTest(user=user.username):
                self.login(user)
                self.assertEqual(self.client.get(self.url).status_code, 200 if allowed else 403)
                response = self.client.post(self.url, {**PERSON, "public_consent": "on"})
                self.assertEqual(response.status_code, 302 if allowed else 403)
                Contact.objects.filter(name=PERSON["name"]).delete()
        self.client.logout()
        self.assertRedirects(
            self.client.get(self.url),
            f"/accounts/login/?next={self.url}",
            fetch_redirect_response=False,
        )
        # Tuscany's member keeps the Tuscan SME's contacts, not the Breton's.
        self.login(self.member)
        tuscan = f"/organisations/{self.tuscan_sme.slug}/contacts/"
        self.assertEqual(self.client.post(tuscan, PERSON).status_code, 302)
        edit = f"{self.url}{self.hidden.pk}/"
        self.assertEqual(self.client.post(edit, PERSON).status_code, 403)
        self.assertEqual(self.client.post(f"{edit}delete/").status_code, 403)
        self.assertTrue(Contact.objects.filter(pk=self.hidden.pk, name="Yannick Kervella").exists())

    def test_a_contact_of_another_organisation_is_not_reached_through_this_one(self):
        self.login(self.member)
        other = f"/organisations/{self.tuscan_sme.slug}/contacts/{self.hidden.pk}/"
        self.assertEqual(self.client.get(other).status_code, 404)
        self.assertEqual(self.client.post(other, PERSON).status_code, 404)
        self.assertEqual(self.client.post(f"{other}delete/").status_code, 404)
        # Deleting takes a POST: a link followed by a crawler deletes nothing.
        self.login(self.coordinator)
        own = f"/organisations/{self.breton_sme.slug}/contacts/{self.hidden.pk}/delete/"
        self.assertEqual(self.client.get(own).status_code, 405)
        self.assertTrue(Contact.objects.filter(pk=self.hidden.pk).exists())

    def test_consent_is_dated_when_given_and_the_contact_is_shown_only_then(self):
        self.login(self.coordinator)
        detail = f"/organisations/{self.breton_sme.slug}/"
        response = self.client.post(self.url, PERSON)
        self.assertEqual(response.status_code, 302)
        contact = Contact.objects.get(name=PERSON["name"])
        self.assertIsNone(contact.consent_recorded_at)
        self.client.logout()
        self.assertNotContains(self.client.get(detail), "gwen@example.org")

        self.login(self.coordinator)
        self.client.post(f"{self.url}{contact.pk}/", {**PERSON, "public_consent": "on"})
        contact.refresh_from_db()
        self.assertTrue(contact.public_consent)
        given = contact.consent_recorded_at
        self.assertIsNotNone(given)
        # A later change keeps the date the consent was given.
        self.client.post(
            f"{self.url}{contact.pk}/", {**PERSON, "role": "CEO", "public_consent": "on"}
        )
        contact.refresh_from_db()
        self.assertEqual((contact.role, contact.consent_recorded_at), ("CEO", given))
        self.client.logout()
        page = self.client.get(detail)
        self.assertContains(page, "gwen@example.org")
        self.assertNotContains(page, "yannick@example.org")

        # Withdrawn: the date goes and so does the contact from the public page.
        self.login(self.coordinator)
        self.client.post(f"{self.url}{contact.pk}/", PERSON)
        contact.refresh_from_db()
        self.assertEqual((contact.public_consent, contact.consent_recorded_at), (False, None))
        self.client.logout()
        self.assertNotContains(self.client.get(detail), "gwen@example.org")

    def test_changes_are_audited_without_personal_data(self):
        self.login(self.coordinator)
        self.client.post(self.url, {**PERSON, "public_consent": "on"})
        contact = Contact.objects.get(name=PERSON["name"])
        self.client.post(f"{self.url}{contact.pk}/delete/")
        self.assertFalse(Contact.objects.filter(pk=contact.pk).exists())
        entries = AuditEntry.objects.filter(action__startswith="contact.").order_by("id")
        self.assertEqual([entry.action for entry in entries], ["contact.create", "contact.delete"])
        for entry in entries:
            self.assertEqual(entry.object_id, str(self.breton_sme.pk))
            trail = f"{entry.object_repr} {entry.before} {entry.after}"
            for personal in PERSON.values():
                if personal:
                    self.assertNotIn(personal, trail)

    def test_a_bad_e_mail_is_refused_and_nothing_is_written(self):
        self.login(self.coordinator)
        response = self.client.post(self.url, {**PERSON, "email": "not an address"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "invalid-feedback")
        self.assertFalse(Contact.objects.filter(name=PERSON["name"]).exists())
        self.assertFalse(AuditEntry.objects.filter(action__startswith="contact.").exists())

    def test_the_detail_page_links_to_the_contacts_for_those_who_may_change_it(self):
        self.login(self.coordinator)
        self.assertContains(self.client.get(f"/organisations/{self.breton_sme.slug}/"), self.url)
        self.login(self.registered)
        self.assertNotContains(self.client.get(f"/organisations/{self.breton_sme.slug}/"), self.url)
