"""The registration page's privacy note names the choice the form really offers: the
"show my name" box at a brokerage event, and no box anywhere else."""

from cyberregions.events.tests.factories import make_brokerage, make_event
from cyberregions.testing import PersonaTestCase


class RegistrationPageTests(PersonaTestCase):
    def test_it_mentions_no_box_where_the_form_has_none(self):
        event = make_event(title="Workshop")
        self.login(self.member)
        response = self.client.get(f"/events/{event.slug}/register/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="show_name"')
        self.assertNotContains(response, "tick the box")
        self.assertContains(response, "Other participants do not see your registration")

    def test_it_names_the_box_at_a_brokerage_event(self):
        event = make_brokerage(self.coordinator, slots=2, tables=1)
        self.login(self.member)
        response = self.client.get(f"/events/{event.slug}/register/")
        self.assertContains(response, 'name="show_name"')
        self.assertContains(response, "“Show my name to the other participants”")
