"""The controlled vocabularies loaded by the data migration, and their pages."""

from django.test import TestCase
from django.utils.html import escape

from cyberregions.taxonomy import models
from cyberregions.taxonomy.reference import MODEL_NAMES, load_vocabularies

EXPECTED_COUNTS = {
    "Domain": 15,
    "Subdomain": 150,
    "Sector": 15,
    "Technology": 23,
    "NistFunction": 6,
    "NistCategory": 22,
    "EcsfProfile": 12,
    "Barrier": 3,
}

# slug: (a term's text the page shows, words of its source, queries)
PAGES = {
    "barriers": ("Lack of coordination", "Interreg Europe CYBER", 1),
    "domains": ("Cryptology", "EUR 29868 EN", 2),
    "sectors": ("SEC.transportation", "JRC European Cybersecurity Taxonomy", 1),
    "technologies": ("TUC.big-data", "JRC European Cybersecurity Taxonomy", 1),
    "nist-csf": ("GV.OC", "NIST CSWP 29", 2),
    "ecsf": ("Chief Information Security Officer", "ENISA, European Cybersecurity Skills", 1),
}


def every_model():
    return {name: getattr(models, name) for name in MODEL_NAMES}


def snapshot():
    """Every column of every vocabulary row."""
    return {
        name: sorted(
            model.objects.values_list(*[field.attname for field in model._meta.concrete_fields])
        )
        for name, model in every_model().items()
    }


class VocabularyReferenceTests(TestCase):
    def test_it_holds_every_vocabulary_complete(self):
        self.assertEqual(set(MODEL_NAMES), set(EXPECTED_COUNTS))
        for name, model in every_model().items():
            self.assertEqual(model.objects.count(), EXPECTED_COUNTS[name], name)

    def test_the_terms_are_what_the_sources_say(self):
        self.assertEqual(
            list(models.Barrier.objects.values_list("code", flat=True)),
            ["coordination", "fragmentation", "skills"],
        )
        self.assertEqual(
            list(models.NistFunction.objects.values_list("code", flat=True)),
            ["GV", "ID", "PR", "DE", "RS", "RC"],
        )
        self.assertTrue(models.Domain.objects.get(code="CRY").label.startswith("Cryptology"))
        self.assertEqual(models.EcsfProfile.objects.order_by("position").first().code, "ECSF-CISO")
        self.assertEqual(models.Technology.objects.filter(kind="technology").count(), 17)
        self.assertEqual(models.Technology.objects.filter(kind="use_case").count(), 6)
        self.assertEqual(
            list(
                models.NistCategory.objects.filter(function__code="GV").values_list(
                    "code", flat=True
                )
            ),
            ["GV.OC", "GV.RM", "GV.RR", "GV.PO", "GV.OV", "GV.SC"],
        )
        for model in every_model().values():
            self.assertFalse(model.objects.filter(label="").exists(), model.__name__)

    def test_every_subdomain_and_category_belongs_to_its_parent(self):
        for subdomain in models.Subdomain.objects.select_related("domain"):
            self.assertTrue(subdomain.code.startswith(f"{subdomain.domain.code}."), subdomain.code)
        for category in models.NistCategory.objects.select_related("function"):
            self.assertTrue(category.code.startswith(f"{category.function.code}."), category.code)

    def test_loading_twice_creates_nothing_and_changes_no_row(self):
        before = snapshot()
        created = load_vocabularies(every_model())
        self.assertEqual(created, dict.fromkeys(MODEL_NAMES, 0))
        self.assertEqual(snapshot(), before)

    def test_loading_restores_a_missing_term(self):
        models.Barrier.objects.filter(code="skills").delete()
        self.assertEqual(load_vocabularies(every_model())["Barrier"], 1)
        self.assertEqual(models.Barrier.objects.count(), 3)


class VocabularyPageTests(TestCase):
    def test_the_index_lists_every_vocabulary_with_its_count_and_source(self):
        response = self.client.get("/vocabularies/")
        self.assertEqual(response.status_code, 200)
        counts = {row["slug"]: row["count"] for row in response.context["vocabularies"]}
        self.assertEqual(
            counts,
            {
                "barriers": 3,
                "domains": 15,
                "sectors": 15,
                "technologies": 23,
                "nist-csf": 6,
                "ecsf": 12,
            },
        )
        for slug, (_term, source, _queries) in PAGES.items():
            self.assertContains(response, f'href="/vocabularies/{slug}/"')
            self.assertContains(response, source)

    def test_every_vocabulary_page_renders_its_terms_and_source(self):
        for slug, (term, source, _queries) in PAGES.items():
            response = self.client.get(f"/vocabularies/{slug}/")
            self.assertEqual(response.status_code, 200, slug)
            self.assertContains(response, term, msg_prefix=slug)
            self.assertContains(response, "Source:", msg_prefix=slug)
            self.assertContains(response, source, msg_prefix=slug)
            self.assertTemplateUsed(response, "taxonomy/_header.html")

    def test_the_domain_page_lists_every_subdomain(self):
        response = self.client.get("/vocabularies/domains/")
        for subdomain in models.Subdomain.objects.all():
            self.assertContains(response, f"<li>{escape(subdomain.label)}</li>")
        rendered = sum(len(domain.subdomains.all()) for domain in response.context["terms"])
        self.assertEqual(rendered, 150)

    def test_vocabulary_pages_pin_their_queries(self):
        for slug, (_term, _source, queries) in PAGES.items():
            with self.assertNumQueries(queries, msg=slug):
                self.client.get(f"/vocabularies/{slug}/")

    def test_an_unknown_vocabulary_is_404(self):
        self.assertEqual(self.client.get("/vocabularies/astrology/").status_code, 404)
        self.assertEqual(self.client.get("/vocabularies/nist_csf/").status_code, 404)

    def test_the_pages_refuse_writes(self):
        for url in ("/vocabularies/", "/vocabularies/domains/"):
            for method in ("post", "put", "delete"):
                self.assertEqual(getattr(self.client, method)(url).status_code, 405, (method, url))
