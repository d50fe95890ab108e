"""The controlled vocabularies as SKOS concept schemes, in Turtle and in JSON-LD.

Each vocabulary is a ``skos:ConceptScheme`` whose URI is its page on the platform
(``/vocabularies/domains/``); each term is a ``skos:Concept`` at ``<scheme>#<code>`` with its
code as ``skos:notation``, its label as ``skos:prefLabel`` and, for subdomains and NIST
categories, its parent as ``skos:broader``. Every scheme states its source and licence.
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
    label: str
    definition: str = ""
    broader: str | None = None


@dataclass
class Scheme:
    slug: str
    title: str
    source: str
    concepts: list[Concept] = field(default_factory=list)


def load_schemes() -> list[Scheme]:
    """The vocabularies as they are in the database (one query per vocabulary)."""
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

    barriers = scheme("barriers")
    barriers.concepts = [
        Concept(code, label, description)
        for code, label, description in Barrier.objects.values_list("code", "label", "description")
    ]
    domains = scheme("domains")
    domains.concepts = [
        Concept(code, label) for code, label in Domain.objects.values_list("code", "label")
    ]
    domains.concepts += [
        Concept(code, label, broader=parent)
        for code, label, parent in Subdomain.objects.order_by(
            "domain__position", "position", "code"
        ).values_list("code", "label", "domain__code")
    ]
    sectors = scheme("sectors")
    sectors.concepts = [
        Concept(code, label) for code, label in Sector.objects.values_list("code", "label")
    ]
    technologies = scheme("technologies")
    technologies.concepts = [
        Concept(code, label) for code, label in Technology.objects.values_list("code", "label")
    ]
    nist = scheme("nist-csf")
    nist.concepts = [
        Concept(code, label, overview)
        for code, label, overview in NistFunction.objects.values_list("code", "label", "overview")
    ]
    nist.concepts += [
        Concept(code, label, statement, broader=parent)
        for code, label, statement, parent in NistCategory.objects.order_by(
            "function__position", "position", "code"
        ).values_list("code", "label", "statement", "function__code")
    ]
    ecsf = scheme("ecsf")
    ecsf.concepts = [
        Concept(code, label, summary)
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
                f"    skos:prefLabel {_literal(concept.label)}@{language} ;",
            ]
            if concept.definition:
                lines.append(f"    skos:definition {_literal(concept.definition)}@{language} ;")
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
        "prefLabel": {"@id": "skos:prefLabel", "@language": language},
        "definition": {"@id": "skos:definition", "@language": language},
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
                "prefLabel": concept.label,
            }
            if concept.definition:
                node["definition"] = concept.definition
            if concept.broader:
                node["broader"] = concept_uri(base, scheme, concept.broader)
            else:
                node["topConceptOf"] = uri
            graph.append(node)
    return {"@context": context, "@graph": graph}
