"""Loading the vocabularies from the project's reference files; idempotent.

The barrier texts are the project's own wording of the three barriers of the Interreg Europe
CYBER project.
"""

import json
from pathlib import Path

REFERENCE_DIR = Path(__file__).with_name("reference")

BARRIERS = [
    (
        "coordination",
        "Lack of coordination",
        "Relevant actors of the ecosystems — companies, research, training, public bodies — "
        "do not know each other or act together, within and across regions.",
    ),
    (
        "fragmentation",
        "Market fragmentation",
        "The European cybersecurity market is split along national and regional lines, "
        "which keeps SMEs small and local.",
    ),
    (
        "skills",
        "Lack of skills",
        "Demand for cybersecurity professionals exceeds what training produces, in every region.",
    ),
]


def read(name: str) -> dict:
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


def _upsert(model, code: str, **values) -> tuple[object, bool]:
    return model.objects.update_or_create(code=code, defaults=values)


def load_vocabularies(models: dict) -> dict[str, int]:
    """``models`` maps model names (``"Domain"``…) to classes; returns the rows created."""
    created = dict.fromkeys(models, 0)

    def upsert(name: str, code: str, **values):
        obj, was_created = _upsert(models[name], code, **values)
        created[name] += int(was_created)
        return obj

    for position, (code, label, description) in enumerate(BARRIERS):
        upsert("Barrier", code, label=label, description=description, position=position)

    jrc = read("jrc.json")
    for position, row in enumerate(jrc["domains"]):
        domain = upsert(
            "Domain",
            row["code"],
            label=row["label"],
            atlas_uuid=row["atlas_uuid"],
            position=position,
        )
        for sub_position, sub in enumerate(row["subdomains"]):
            upsert(
                "Subdomain",
                sub["code"],
                label=sub["label"],
                atlas_uuid=sub["atlas_uuid"],
                domain=domain,
                position=sub_position,
            )
    for position, row in enumerate(jrc["sectors"]):
        upsert("Sector", row["code"], label=row["label"], position=position)
    for position, row in enumerate(jrc["technologies"]):
        upsert("Technology", row["code"], label=row["label"], kind=row["kind"], position=position)

    for position, row in enumerate(read("nist_csf.json")["functions"]):
        function = upsert(
            "NistFunction",
            row["code"],
            label=row["name"],
            overview=row["overview"],
            position=position,
        )
        for cat_position, cat in enumerate(row["categories"]):
            upsert(
                "NistCategory",
                cat["code"],
                label=cat["name"],
                statement=cat["statement"],
                subcategories=cat["subcategories"],
                function=function,
                position=cat_position,
            )

    for row in read("ecsf.json")["profiles"]:
        upsert(
            "EcsfProfile",
            row["code"],
            label=row["title"],
            position=row["order"],
            summary=row["summary_statement"],
            mission=row["mission"],
            alternative_titles=row.get("alternative_titles") or [],
            deliverables=row.get("deliverables") or [],
            main_tasks=row.get("main_tasks") or [],
            key_skills=row.get("key_skills") or [],
            key_knowledge=row.get("key_knowledge") or [],
            ecf_competences=row.get("ecf_competences") or [],
        )
    return created


MODEL_NAMES = [
    "Barrier",
    "Domain",
    "Subdomain",
    "Sector",
    "Technology",
    "NistFunction",
    "NistCategory",
    "EcsfProfile",
]
