"""The languages people and organisations name (what a provider speaks, what a course is
taught in, what a requester asks for): the 24 official languages of the EU, named in the
reader's language by Django's own table of language names."""

from __future__ import annotations

from django.utils.translation import get_language_info

EU_LANGUAGES = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
]
EU_LANGUAGE_CODES = frozenset(EU_LANGUAGES)


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices() -> list[tuple[str, str]]:
    """(code, name in the reader's language), sorted by name; a callable, so that forms and
    filters built once still name the languages in each reader's language."""
    return sorted(((code, language_name(code)) for code in EU_LANGUAGES), key=lambda c: c[1])
