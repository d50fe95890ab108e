"""Loading the ECSF v1 items, e-CF competences and profile levels from the project's own
reference file (``reference/ecsf.json``, facts taken from ENISA's machine-readable ECSF v1,
EUPL-1.2; see docs/reference-data.md). Idempotent: rows are matched by code."""

from __future__ import annotations

import json
from pathlib import Path

REFERENCE_FILE = Path(__file__).with_name("reference") / "ecsf.json"


def read() -> dict:
    return json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))


def load_ecsf(EcfCompetence, EcsfItem, ProfileCompetence, EcsfProfile) -> dict[str, int]:
    """Model classes are passed in so that a migration can give its historical ones."""
    data = read()
    profiles = {profile.code: profile for profile in EcsfProfile.objects.all()}
    if not profiles:
        return {"competences": 0, "items": 0, "levels": 0}
    competences = {}
    for position, row in enumerate(data["competences"]):
        competences[row["code"]], _ = EcfCompetence.objects.update_or_create(
            code=row["code"],
            defaults={"title": row["title"], "area": row["area"], "position": position},
        )
    for row in data["items"]:
        item, _ = EcsfItem.objects.update_or_create(
            code=row["code"], defaults={"kind": row["kind"], "text": row["text"]}
        )
        item.profiles.set([profiles[code] for code in row["profiles"]])
    for row in data["profile_competences"]:
        ProfileCompetence.objects.update_or_create(
            profile=profiles[row["profile"]],
            competence=competences[row["competence"]],
            defaults={"level": row["level"]},
        )
    return {
        "competences": len(data["competences"]),
        "items": len(data["items"]),
        "levels": len(data["profile_competences"]),
    }
