"""The controlled vocabularies as SKOS concept schemes, in Turtle and in JSON-LD.

Each vocabulary is a ``skos:ConceptScheme`` whose URI is its page on the platform
(``/vocabularies/domains/``); each term is a ``skos:Concept`` at ``<scheme>#<code>`` with its
code as ``skos:notation``, its label in each language of the platform as ``skos:prefLabel``
(one per language tag, from the labels kept with the reference data) and, for subdomains and
NIST categories, its parent as ``skos:broader``. Definitions are English (the reference's
text) except the barriers', which are translated. Every scheme states its source and licence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class Concept:
    code: str
    labels: dict[str, str]  # language -> label
    definitions: dict[str, str] = field(default_factory=dict)  # language -> text
    broader: str | None = None

    @property
    def label(self) -> str:
        return self.labels.get("en") or next(iter(self.labels.values()), self.code)


@dataclass
class Scheme:
    slug: str
    title: str
    source: str
    concepts: list[Concept] = field(default_factory=list)


def load_schemes() -> list[Scheme]:
    """The vocabularies as they are in the database (one query per vocabulary)."""
    from cyberregions.taxonomy import labels
    from cyberregions.taxonomy.models import (
        Barrier,
        Domain,
        EcsfProfile,
        NistCategory,
        NistFunction,
        Sector,
        Subdomain,
        Technology,
    )
    from cyberregions.taxonomy.views import VOCABULARIES

    def scheme(slug: str) -> Scheme:
        meta = VOCABULARIES[slug]
        return Scheme(slug=slug, title=str(meta["title"]), source=str(meta["source"]))

    def concept(model, code, label, definition="", broader=None) -> Concept:
        vocabulary = labels.vocabulary_of(model)
        definitions = {"en": definition} if definition else {}
        if definition and labels.description_table(vocabulary).get(code):
            definitions = {
                language: labels.description(vocabulary, code, definition, language)
                for language in labels.languages()
            }
        return Concept(code, labels.labels(vocabulary, code, label), definitions, broader)

    barriers = scheme("barriers")
    barriers.concepts = [
        concept(Barrier, code, label, description)
        for code, label, description in Barrier.objects.values_list("code", "label", "description")
    ]
    domains = scheme("domains")
    domains.concepts = [
        concept(Domain, code, label) for code, label in Domain.objects.values_list("code", "label")
    ]
    domains.concepts += [
        concept(Subdomain, code, label, broader=parent)
        for code, label, parent in Subdomain.objects.order_by(
            "domain__position", "position", "code"
        ).values_list("code", "label", "domain__code")
    ]
    sectors = scheme("sectors")
    sectors.concepts = [
        concept(Sector, code, label) for code, label in Sector.objects.values_list("code", "label")
    ]
    technologies = scheme("technologies")
    technologies.concepts = [
        concept(Technology, code, label)
        for code, label in Technology.objects.values_list("code", "label")
    ]
    nist = scheme("nist-csf")
    nist.concepts = [
        concept(NistFunction, code, label, overview)
        for code, label, overview in NistFunction.objects.values_list("code", "label", "overview")
    ]
    nist.concepts += [
        concept(NistCategory, code, label, statement, broader=parent)
        for code, label, statement, parent in NistCategory.objects.order_by(
            "function__position", "position", "code"
        ).values_list("code", "label", "statement", "function__code")
    ]
    ecsf = scheme("ecsf")
    ecsf.concepts = [
        concept(EcsfProfile, code, label, summary)
        for code, label, summary in EcsfProfile.objects.values_list("code", "label", "summary")
    ]
    return [barriers, domains, sectors, technologies, nist, ecsf]


def scheme_uri(base: str, scheme: Scheme) -> str:
    return f"{base.rstrip('/')}/vocabularies/{scheme.slug}/"


def concept_uri(base: str, scheme: Scheme, code: str) -> str:
    return f"{scheme_uri(base, scheme)}#{quote(code, safe='')}"


def _literal(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _tagged(texts: dict[str, str]) -> str:
    """Literals with their language tags, as a Turtle object list."""
    return ", ".join(f"{_literal(text)}@{language}" for language, text in texts.items())


def _iri(uri: str) -> str:
    for char in '<>"{}|^`\\ ':
        if char in uri:
            raise ValueError(f"not an IRI: {uri!r}")
    return f"<{uri}>"


def turtle(schemes: list[Scheme], base: str, licence_url: str, language: str = "en") -> str:
    lines = [
        f"@prefix skos: <{SKOS}> .",
        f"@prefix dct: <{DCT}> .",
        "",
    ]
    for scheme in schemes:
        uri = _iri(scheme_uri(base, scheme))
        lines += [
            f"{uri} a skos:ConceptScheme ;",
            f"    dct:title {_literal(scheme.title)}@{language} ;",
            f"    dct:source {_literal(scheme.source)} ;",
            f"    dct:license {_iri(licence_url)} ;",
        ]
        tops = [concept for concept in scheme.concepts if concept.broader is None]
        if tops:
            members = ", ".join(_iri(concept_uri(base, scheme, c.code)) for c in tops)
            lines.append(f"    skos:hasTopConcept {members} ;")
        lines[-1] = lines[-1][:-2] + " ."
        lines.append("")
        for concept in scheme.concepts:
            lines += [
                f"{_iri(concept_uri(base, scheme, concept.code))} a skos:Concept ;",
                f"    skos:inScheme {uri} ;",
                f"    skos:notation {_literal(concept.code)} ;",
                f"    skos:prefLabel {_tagged(concept.labels)} ;",
            ]
            if concept.definitions:
                lines.append(f"    skos:definition {_tagged(concept.definitions)} ;")
            if concept.broader:
                lines.append(
                    f"    skos:broader {_iri(concept_uri(base, scheme, concept.broader))} ;"
                )
            else:
                lines.append(f"    skos:topConceptOf {uri} ;")
            lines[-1] = lines[-1][:-2] + " ."
            lines.append("")
    return "\n".join(lines)


def json_ld(schemes: list[Scheme], base: str, licence_url: str, language: str = "en") -> dict:
    context = {
        "skos": SKOS,
        "dct": DCT,
        "ConceptScheme": "skos:ConceptScheme",
        "Concept": "skos:Concept",
        "prefLabel": {"@id": "skos:prefLabel", "@container": "@language"},
        "definition": {"@id": "skos:definition", "@container": "@language"},
        "notation": "skos:notation",
        "inScheme": {"@id": "skos:inScheme", "@type": "@id"},
        "broader": {"@id": "skos:broader", "@type": "@id"},
        "topConceptOf": {"@id": "skos:topConceptOf", "@type": "@id"},
        "hasTopConcept": {"@id": "skos:hasTopConcept", "@type": "@id"},
        "title": {"@id": "dct:title", "@language": language},
        "source": "dct:source",
        "license": {"@id": "dct:license", "@type": "@id"},
    }
    graph: list[dict] = []
    for scheme in schemes:
        uri = scheme_uri(base, scheme)
        graph.append(
            {
                "@id": uri,
                "@type": "ConceptScheme",
                "title": scheme.title,
                "source": scheme.source,
                "license": licence_url,
                "hasTopConcept": [
                    concept_uri(base, scheme, concept.code)
                    for concept in scheme.concepts
                    if concept.broader is None
                ],
            }
        )
        for concept in scheme.concepts:
            node = {
                "@id": concept_uri(base, scheme, concept.code),
                "@type": "Concept",
                "inScheme": uri,
                "notation": concept.code,
                "prefLabel": concept.labels,
            }
            if concept.definitions:
                node["definition"] = concept.definitions
            if concept.broader:
                node["broader"] = concept_uri(base, scheme, concept.broader)
            else:
                node["topConceptOf"] = uri
            graph.append(node)
    return {"@context": context, "@graph": graph}
