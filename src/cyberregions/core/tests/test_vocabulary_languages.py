"""Pages show vocabulary terms and country names in the reader's language: the atlas facets,
an organisation's page, the vocabulary pages and the needs survey's questions; actor types
come from the catalogues, translated in every language."""

from django.conf import settings
from django.test import TestCase
from django.utils import translation

from cyberregions.analysis.forms import ResponseForm
from cyberregions.organisations.choices import ActorType
from cyberregions.organisations.filtersets import reset_vocabulary_cache
from cyberregions.testing import make_organisation

TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


class VocabularyInTheReadersLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = make_organisation(
            "Armor Crypto",
            "FR",
            "FRH0",
            domains=["CRY"],
            sectors=["SEC.health"],
            technologies=["TUC.artificial-intelligence"],
        )

    def setUp(self):
        reset_vocabulary_cache()

    def read(self, path, language):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_it_shows_french_facet_labels_on_the_atlas(self):
        page = self.read("/organisations/", "fr")
        self.assertIn("Cryptologie (cryptographie et cryptanalyse)", page)
        self.assertIn("Santé", page)
        self.assertIn("Intelligence artificielle", page)
        self.assertNotIn("Cryptology (Cryptography and Cryptanalysis)", page)

    def test_it_keeps_english_for_english_readers(self):
        page = self.read("/organisations/", "en")
        self.assertIn("Cryptology (Cryptography and Cryptanalysis)", page)
        self.assertNotIn("Cryptologie", page)

    def test_it_shows_terms_and_the_country_on_an_organisation_page_in_german(self):
        page = self.read(f"/organisations/{self.organisation.slug}/", "de")
        self.assertIn("Kryptologie (Kryptographie und Kryptoanalyse)", page)
        self.assertIn("Frankreich", page)  # CLDR, not the reference's English name
        self.assertIn("Gesundheit", page)

    def test_it_shows_the_vocabulary_pages_in_slovenian(self):
        self.assertIn("Pomanjkanje usklajevanja", self.read("/vocabularies/barriers/", "sl"))
        page = self.read("/vocabularies/domains/", "sl")
        self.assertIn("Kvantna kriptografija", page)
        self.assertIn("Upravljanje identitet", page)
        self.assertIn(
            "Glavni pooblaščenec za informacijsko varnost", self.read("/vocabularies/ecsf/", "sl")
        )
        self.assertIn("Prepoznavanje", self.read("/vocabularies/nist-csf/", "sl"))

    def test_it_asks_the_needs_survey_in_estonian(self):
        with translation.override("et"):
            form = ResponseForm()
            labels = [str(field.label) for field in form.fields.values()]
            helps = [str(field.help_text) for field in form.fields.values()]
        self.assertIn("Turu killustatus", labels)
        self.assertIn("Krüptoloogia (krüptograafia ja krüptoanalüüs)", labels)
        self.assertTrue(any("küberturbeturg" in text for text in helps))

    def test_it_translates_every_actor_type_in_every_language(self):
        with translation.override("en"):
            english = {value: str(label) for value, label in ActorType.choices}
        for language in TRANSLATED_LANGUAGES:
            with translation.override(language):
                untranslated = [
                    value
                    for value, label in ActorType.choices
                    # "CSIRT / CERT" is an acronym everywhere; "Investor" is German and Dutch too.
                    if str(label) == english[value] and value not in ("csirt", "investor")
                ]
            with self.subTest(language=language):
                self.assertEqual(untranslated, [])
