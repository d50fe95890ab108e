"""The printable page and the PDF export of a practice."""

import unittest
from unittest import mock

from cyberregions.practices import views

from .helpers import PracticeTestCase


class PrintTests(PracticeTestCase):
    def test_the_printable_page_is_a_standalone_document_with_the_print_stylesheet(self):
        response = self.client.get(f"/practices/{self.published.slug}/print/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Cyber voucher for SMEs</h1>", html=False)
        self.assertContains(response, "practices/print.css")
        self.assertContains(response, "Market fragmentation")
        self.assertNotContains(response, 'class="navbar')
        # no inline script: the print button is wired by a static file.
        body = response.content.decode()
        for tag in body.split("<script")[1:]:
            self.assertIn("src=", tag.split(">", 1)[0])

    def test_print_and_pdf_follow_the_practice_visibility(self):
        for suffix in ("print/", "pdf/"):
            self.assertEqual(
                self.client.get(f"/practices/{self.draft.slug}/{suffix}").status_code, 404
            )
            self.login(self.coordinator)
            self.assertEqual(
                self.client.get(f"/practices/{self.draft.slug}/print/").status_code, 200
            )
            self.client.logout()

    @unittest.skipUnless(views.pdf_available(), "WeasyPrint is not installed here")
    def test_the_pdf_is_a_pdf_file(self):
        response = self.client.get(f"/practices/{self.published.slug}/pdf/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF-"))
        self.assertIn('filename="cyber-voucher-for-smes.pdf"', response["Content-Disposition"])

    def test_without_weasyprint_the_pdf_link_leads_to_the_printable_page(self):
        with mock.patch.object(views, "pdf_available", return_value=False):
            response = self.client.get(f"/practices/{self.published.slug}/pdf/")
        self.assertRedirects(response, f"/practices/{self.published.slug}/print/")

    def test_they_refuse_writes(self):
        for suffix in ("print/", "pdf/"):
            response = self.client.post(f"/practices/{self.published.slug}/{suffix}")
            self.assertEqual(response.status_code, 405)
