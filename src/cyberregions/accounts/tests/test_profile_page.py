"""The profile page: its title is text, and the notification preferences form is on it once."""

import re

from cyberregions.testing import PersonaTestCase


class ProfilePageTests(PersonaTestCase):
    def test_it_shows_the_preferences_form_once_under_a_plain_title(self):
        self.client.force_login(self.member)
        page = self.client.get("/accounts/profile/").content.decode()
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        self.assertNotIn("<", title)
        self.assertEqual(page.count('action="/accounts/profile/preferences/"'), 1)

    def test_visitors_are_sent_to_log_in(self):
        response = self.client.get("/accounts/profile/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
