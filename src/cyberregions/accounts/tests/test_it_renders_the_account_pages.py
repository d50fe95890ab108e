"""Every account page django-allauth serves renders in the platform's layout (its navigation,
Bootstrap fields with labels), anonymous or logged in, without an inline script."""

import re

from .base import LoginTestCase

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
]
LOGGED_IN_PAGES = [
    "/accounts/profile/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(src=|type=\"application/json\"))[^>]*>")


class AccountPagesTests(LoginTestCase):
    def check_page(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        html = response.content.decode()
        self.assertIn('aria-label="Main navigation"', html, url)
        self.assertIn('<h1 class="h2">', html, url)
        self.assertIsNone(INLINE_SCRIPT.search(html), url)
        for field_id in re.findall(
            r'<input[^>]+type="(?:text|email|password)"[^>]+id="([^"]+)"', html
        ):
            self.assertIn(f'for="{field_id}"', html, f"{url}: {field_id} has no label")

    def test_anonymous_pages(self):
        for url in ANONYMOUS_PAGES:
            self.check_page(url)

    def test_logged_in_pages(self):
        self.attempt()  # a real login, so that the pages needing a recent one open
        for url in LOGGED_IN_PAGES:
            self.check_page(url)
