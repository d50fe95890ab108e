"""Vocabulary terms in every language of the platform.

The English label of each term is the reference text loaded into the database (``label``);
its translations live with the reference data, one file per vocabulary in
``reference/labels/<vocabulary>.json``: a list of languages, then one row per code with a
label in each of those languages (the first column is the English text the row translates,
so a changed English label shows up as a stale row in the tests). Nothing is stored per
language in the database: the files are read once per process and a term is shown in the
active language wherever it is printed (``str(term)``), in facets, charts, PDFs, exports and
SKOS.
"""

import json
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy

from .reference import REFERENCE_DIR

LABELS_DIR = REFERENCE_DIR / "labels"
# Model name (lower case) of every vocabulary that has a labels file.
VOCABULARIES = (
    "barrier",
    "domain",
    "subdomain",
    "sector",
    "technology",
    "nistfunction",
    "nistcategory",
    "ecsfprofile",
)


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@cache
def _read(vocabulary: str) -> dict:
    path = LABELS_DIR / f"{vocabulary}.json"
    if not path.exists():
        return {"languages": [], "labels": {}, "descriptions": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def _rows(vocabulary: str, key: str) -> dict[str, dict[str, str]]:
    data = _read(vocabulary)
    columns = data["languages"]
    return {code: dict(zip(columns, row, strict=True)) for code, row in data.get(key, {}).items()}


@cache
def table(vocabulary: str) -> dict[str, dict[str, str]]:
    """``{code: {language: label}}`` for one vocabulary, as the file holds it."""
    return _rows(vocabulary, "labels")


@cache
def description_table(vocabulary: str) -> dict[str, dict[str, str]]:
    """``{code: {language: description}}`` where a vocabulary translates its descriptions."""
    return _rows(vocabulary, "descriptions")


def language_of(language: str | None = None) -> str:
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return language.split("-")[0].lower()


def _pick(row: dict[str, str] | None, english: str, code: str, language: str | None) -> str:
    language = language_of(language)
    if language == "en" and english:
        return english  # the database holds the English text; an edit there wins
    if row and row.get(language):
        return row[language]
    return english or (row or {}).get("en") or code


def label(vocabulary: str, code: str, english: str = "", language: str | None = None) -> str:
    """The term's label in ``language`` (default: the active one); English, then the code,
    when the file has no translation."""
    return _pick(table(vocabulary).get(code), english, code, language)


def description(vocabulary: str, code: str, english: str = "", language: str | None = None) -> str:
    return _pick(description_table(vocabulary).get(code), english, "", language)


lazy_label = lazy(label, str)
lazy_description = lazy(description, str)


def labels(vocabulary: str, code: str, english: str = "") -> dict[str, str]:
    """The term's label in every language of the platform."""
    return {language: label(vocabulary, code, english, language) for language in languages()}


def vocabulary_of(model) -> str:
    return model._meta.model_name


def label_map(model, queryset=None) -> dict[str, object]:
    """``{code: label}`` for every term of a vocabulary; the labels are lazy, so a map built
    once (and cached) still prints each label in the language active when it is shown."""
    vocabulary = vocabulary_of(model)
    rows = (queryset if queryset is not None else model.objects).values_list("code", "label")
    return {code: lazy_label(vocabulary, code, english) for code, english in rows}
