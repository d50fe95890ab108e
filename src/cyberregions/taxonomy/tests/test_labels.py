"""Every vocabulary term has a label in every language of the platform, kept with the
reference data, and a term prints in the reader's language."""

from django.conf import settings
from django.test import TestCase
from django.utils import translation

from cyberregions.taxonomy import labels, models
from cyberregions.taxonomy.reference import MODEL_NAMES

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class TestVocabularyLabels(TestCase):
    def test_it_has_a_labels_file_for_every_vocabulary(self):
        self.assertEqual(sorted(labels.VOCABULARIES), sorted(name.lower() for name in MODEL_NAMES))
        for vocabulary in labels.VOCABULARIES:
            with self.subTest(vocabulary=vocabulary):
                self.assertTrue((labels.LABELS_DIR / f"{vocabulary}.json").exists())

    def test_it_labels_every_term_in_every_language(self):
        missing = []
        for name in MODEL_NAMES:
            model = getattr(models, name)
            vocabulary = model._meta.model_name
            table = labels.table(vocabulary)
            for code, english in model.objects.values_list("code", "label"):
                row = table.get(code)
                if row is None:
                    missing.append(f"{vocabulary} {code}: no row")
                    continue
                if row.get("en") != english:
                    missing.append(f"{vocabulary} {code}: translates {row.get('en')!r}")
                missing += [
                    f"{vocabulary} {code}: no {language} label"
                    for language in LANGUAGES
                    if not (row.get(language) or "").strip()
                ]
        self.assertEqual(missing, [])

    def test_it_has_no_row_for_a_term_that_does_not_exist(self):
        for name in MODEL_NAMES:
            model = getattr(models, name)
            vocabulary = model._meta.model_name
            with self.subTest(vocabulary=vocabulary):
                codes = set(model.objects.values_list("code", flat=True))
                self.assertEqual(set(labels.table(vocabulary)) - codes, set())

    def test_it_translates_the_barrier_descriptions(self):
        for barrier in models.Barrier.objects.all():
            for language in LANGUAGES:
                with translation.override(language):
                    self.assertTrue(barrier.localized_description)
        with translation.override("fr"):
            self.assertIn(
                "écosystèmes", models.Barrier.objects.get(code="coordination").localized_description
            )

    def test_it_prints_a_term_in_the_active_language(self):
        domain = models.Domain.objects.get(code="CRY")
        with translation.override("fr"):
            self.assertEqual(str(domain), "Cryptologie (cryptographie et cryptanalyse)")
        with translation.override("de"):
            self.assertEqual(str(domain), "Kryptologie (Kryptographie und Kryptoanalyse)")
        with translation.override("en"):
            self.assertEqual(str(domain), domain.label)
        self.assertEqual(set(domain.labels), set(LANGUAGES))

    def test_it_falls_back_to_english_then_the_code(self):
        self.assertEqual(labels.label("domain", "ZZZ", "Made up", "fr"), "Made up")
        self.assertEqual(labels.label("domain", "ZZZ", "", "fr"), "ZZZ")

    def test_it_keeps_lazy_labels_for_the_language_active_when_shown(self):
        mapping = labels.label_map(models.Sector)
        with translation.override("it"):
            self.assertEqual(str(mapping["SEC.health"]), "Sanità")
        with translation.override("sl"):
            self.assertEqual(str(mapping["SEC.health"]), "Zdravstvo")
