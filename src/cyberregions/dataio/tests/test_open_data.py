"""Open data at stable addresses, each with its licence: the vocabularies as SKOS (Turtle and
JSON-LD) and the public atlas (CSV and JSON)."""

import csv
import io
import json

import pytest
import rdflib
from django.conf import settings
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SKOS

from cyberregions.organisations.models import Contact
from cyberregions.taxonomy.models import Domain, NistCategory, Subdomain
from cyberregions.testing import PersonaTestCase

# rdflib's own JSON-LD parser uses a class it deprecates; nothing of ours.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")

LICENCE = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
BASE = "http://testserver/vocabularies"


class OpenDataTests(PersonaTestCase):
    def graph(self, fmt: str) -> rdflib.Graph:
        response = self.client.get(f"/data/open/vocabularies.{fmt}")
        self.assertEqual(response.status_code, 200)
        self.assertIn('rel="license"', response["Link"])
        graph = rdflib.Graph()
        graph.parse(data=response.content.decode(), format="turtle" if fmt == "ttl" else "json-ld")
        return graph

    def test_the_vocabularies_are_skos_in_turtle_and_json_ld_alike(self):
        turtle, json_ld = self.graph("ttl"), self.graph("jsonld")
        self.assertTrue(isomorphic(turtle, json_ld))
        schemes = set(turtle.subjects(RDF.type, SKOS.ConceptScheme))
        self.assertEqual(len(schemes), 6)
        for scheme in schemes:
            self.assertEqual(turtle.value(scheme, DCTERMS.license), LICENCE)
            self.assertTrue(turtle.value(scheme, DCTERMS.source))
        concepts = set(turtle.subjects(RDF.type, SKOS.Concept))
        expected = Domain.objects.count() + Subdomain.objects.count()
        domains = rdflib.URIRef(f"{BASE}/domains/")
        self.assertEqual(len(set(turtle.subjects(SKOS.inScheme, domains))), expected)
        self.assertGreater(len(concepts), expected)

    def test_each_concept_has_its_code_label_and_parent(self):
        graph = self.graph("ttl")
        crypto = rdflib.URIRef(f"{BASE}/domains/#CRY")
        self.assertEqual(str(graph.value(crypto, SKOS.notation)), "CRY")
        labels = {label.language: str(label) for label in graph.objects(crypto, SKOS.prefLabel)}
        self.assertEqual(set(labels), {code for code, _name in settings.LANGUAGES})
        self.assertEqual(labels["en"], "Cryptology (Cryptography and Cryptanalysis)")
        self.assertEqual(labels["fr"], "Cryptologie (cryptographie et cryptanalyse)")
        self.assertEqual(labels["sl"], "Kriptologija (kriptografija in kriptoanaliza)")
        self.assertEqual(graph.value(crypto, SKOS.topConceptOf), rdflib.URIRef(f"{BASE}/domains/"))
        sub = Subdomain.objects.select_related("domain").first()
        child = rdflib.URIRef(f"{BASE}/domains/#{sub.code}")
        self.assertEqual(
            graph.value(child, SKOS.broader), rdflib.URIRef(f"{BASE}/domains/#{sub.domain.code}")
        )
        category = NistCategory.objects.select_related("function").first()
        node = rdflib.URIRef(f"{BASE}/nist-csf/#{category.code}")
        self.assertEqual(
            graph.value(node, SKOS.broader),
            rdflib.URIRef(f"{BASE}/nist-csf/#{category.function.code}"),
        )

    def test_the_public_atlas_as_csv_and_json_with_its_licence(self):
        Contact.objects.create(
            organisation=self.breton_sme, name="Yann Secret", email="yann@example.org"
        )
        response = self.client.get("/data/open/atlas.csv")
        self.assertEqual(response.status_code, 200)
        self.assertIn("creativecommons.org/licenses/by/4.0", response["Link"])
        body = b"".join(response.streaming_content).decode("utf-8")
        self.assertFalse(body.startswith("\ufeff"))  # for programs, not spreadsheets
        rows = list(csv.DictReader(io.StringIO(body)))
        self.assertEqual(len(rows), 3)
        self.assertNotIn("Yann", body)  # no personal data
        response = self.client.get("/data/open/atlas.json")
        document = json.loads(b"".join(response.streaming_content))
        self.assertEqual(document["licence"]["url"], "https://creativecommons.org/licenses/by/4.0/")
        self.assertIn("CC BY 4.0", document["rights"])
        self.assertEqual(document["url"], "http://testserver/data/open/atlas.json")
        self.assertEqual(
            sorted(record["slug"] for record in document["data"])[0], "armor-cyber-defence"
        )

    def test_the_open_data_ignore_filters_and_logins(self):
        self.login(self.admin)
        response = self.client.get("/data/open/atlas.csv", {"country": "IT"})
        self.assertEqual(
            len(list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))), 3
        )

    def test_unknown_formats_and_methods(self):
        for url in ("/data/open/atlas.xml", "/data/open/vocabularies.rdf"):
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(self.client.post("/data/open/atlas.csv").status_code, 405)

    def test_the_data_page_lists_the_data_sets_and_the_licence(self):
        response = self.client.get("/data/")
        self.assertContains(response, 'href="/data/open/atlas.csv"')
        self.assertContains(response, 'href="/data/open/vocabularies.ttl"')
        self.assertContains(response, 'rel="license"')
        self.assertContains(response, 'href="/api/docs/"')
        self.assertNotContains(response, 'href="/data/import/"')
        self.login(self.coordinator)
        self.assertContains(self.client.get("/data/"), 'href="/data/import/"')
