"""A person who never chose a language for notifications gets the one they log in with; a
chosen language is never overwritten."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.test import RequestFactory, TestCase


class LanguageAtLoginTests(TestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("ana", "ana@example.org")

    def test_it_takes_the_browsers_language_when_none_was_chosen(self):
        request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="sl,en;q=0.5")
        user_logged_in.send(sender=type(self.user), request=request, user=self.user)
        self.user.refresh_from_db()
        self.assertEqual(self.user.language, "sl")

    def test_a_chosen_language_stays(self):
        self.user.language = "de"
        self.user.save(update_fields=["language"])
        request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="sl")
        user_logged_in.send(sender=type(self.user), request=request, user=self.user)
        self.user.refresh_from_db()
        self.assertEqual(self.user.language, "de")

    def test_an_unknown_language_gives_the_sites_default(self):
        request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="ja")
        user_logged_in.send(sender=type(self.user), request=request, user=self.user)
        self.user.refresh_from_db()
        self.assertEqual(self.user.language, "en")
