"""The self-assessment questionnaires kept as data in ``questionnaires/<key>-v<version>.json``.

A new version is a new file: results keep the version they answered, so an old result is
always read against its own questions. Scales (``ynp``, ``freq``) are written once per file
and expanded here into each question's answers.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .scoring import DONT_KNOW, NOT_APPLICABLE

DIRECTORY = Path(__file__).resolve().parent / "questionnaires"
FILE_NAME = re.compile(r"^(?P<key>[a-z_]+)-v(?P<version>\d+)\.json$")

THEME_LABELS = {
    "governance": _("Governance"),
    "access": _("Access"),
    "devices": _("Devices"),
    "network_cloud": _("Network and cloud"),
    "data_backups": _("Data and backups"),
    "awareness": _("Awareness"),
    "incident_readiness": _("Incident readiness"),
    "suppliers": _("Suppliers"),
}
ANSWER_LABELS = {
    "yes": _("Yes"),
    "partly": _("Partly"),
    "no": _("No"),
    "always": _("Always or automatically"),
    "sometimes": _("Sometimes"),
    "never": _("Never"),
    DONT_KNOW: _("I don't know"),
    NOT_APPLICABLE: _("Not applicable"),
}


@cache
def versions() -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in DIRECTORY.glob("*.json"):
        match = FILE_NAME.match(path.name)
        if match:
            found.setdefault(match["key"], []).append(int(match["version"]))
    return {key: sorted(numbers) for key, numbers in found.items()}


def latest_version(key: str) -> int | None:
    numbers = versions().get(key)
    return numbers[-1] if numbers else None


@cache
def load(key: str, version: int | None = None) -> dict:
    """The questionnaire ``key`` at ``version`` (the latest by default), scales expanded."""
    version = version or latest_version(key)
    if version is None or version not in versions().get(key, []):
        raise LookupError(f"no questionnaire {key!r} version {version!r}")
    data = json.loads((DIRECTORY / f"{key}-v{version}.json").read_text(encoding="utf-8"))
    scales = data.get("scales", {})
    for question in data["questions"]:
        if "answers" not in question:
            question["answers"] = scales[question["scale"]]
    return data


def theme_label(key: str) -> str:
    return str(THEME_LABELS.get(key, key))


def answer_label(key: str, default: str = "") -> str:
    return str(ANSWER_LABELS.get(key, default or key))
