from django.test import TestCase


class SecurityHeaderTests(TestCase):
    def test_it_sends_a_csp_without_inline_scripts(self):
        response = self.client.get("/")
        policy = response.headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertNotIn("http", policy)

    def test_it_forbids_framing_and_sniffing(self):
        response = self.client.get("/")
        self.assertEqual(response.headers["X-Frame-Options"], "DENY")
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")

    def test_pages_carry_no_inline_script(self):
        for path in ("/", "/organisations/", "/organisations/map/", "/vocabularies/", "/regions/"):
            body = self.client.get(path).content.decode()
            for tag in body.split("<script")[1:]:
                head = tag.split(">", 1)[0]
                self.assertIn("src=", head, f"inline script on {path}")

    def test_an_unknown_page_is_a_friendly_404(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
