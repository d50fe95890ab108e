"""Every catalogue is complete and compiled in every language, and the pages speak it.

The catalogues are the project's (``LOCALE_PATHS``: the project templates and the apps
without a catalogue of their own) and those of the apps that carry one. They are read with
a small parser of the PO format, so no dependency is added; each ``django.mo`` must hold
the same translations, which catches a catalogue edited but not compiled. A last test
extracts the strings from the source again and compares: a string marked for translation
but missing from the catalogues fails it.
"""

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import skipUnless

from django.conf import settings
from django.test import SimpleTestCase, TestCase
from django.utils import translation

PACKAGE = Path(settings.LOCALE_PATHS[0]).parent
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# Every directory that holds a catalogue: the project's, then each app's.
LOCALE_DIRECTORIES = sorted(
    {po.parents[2] for po in PACKAGE.glob("**/locale/*/LC_MESSAGES/django.po")}
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
EXTRACTION_OPTIONS = ["--no-obsolete", "--ignore", "tests/*", "--ignore", "*/tests/*"]
# The navigation labels in English; none may show on a page served in French.
ENGLISH_NAVIGATION = [
    "Map",
    "Vocabularies",
    "Regions",
    "Analysis",
    "Good practices",
    "Action plans",
    "Events",
    "Data",
    "Log in",
]
FRENCH_NAVIGATION = [
    "Carte",
    "Vocabulaires",
    "Régions",
    "Analyse",
    "Bonnes pratiques",
    "Plans d’action",
    "Événements",
    "Données",
    "Se connecter",
]
PAGES = {
    "/": "Les écosystèmes européens de cybersécurité, cartographiés et mis en relation",
    "/organisations/": "Atlas des écosystèmes",
    "/vocabularies/": "Les vocabulaires contrôlés qui servent à qualifier les organisations",
    "/regions/": "Régions et partenaires",
    "/accounts/login/": "Mot de passe oublié",
}


def read_po(path: Path) -> list[dict]:
    """The entries of a PO file: msgctxt, msgid, msgid_plural, msgstr (a dict by plural
    index), flags and obsolete, in file order; the header is the entry with an empty msgid.

    An entry ends where the next one's comments, msgctxt or msgid begin, so blank lines
    inside an entry are allowed, as they are for GNU gettext."""
    entries = []
    entry = {"flags": set(), "msgstr": {}, "obsolete": False}
    field = None

    def finish():
        nonlocal entry, field
        if "msgid" in entry:
            entries.append(entry)
        entry, field = {"flags": set(), "msgstr": {}, "obsolete": False}, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line, obsolete = raw.strip(), False
        if line.startswith("#~"):
            line, obsolete = line[2:].strip(), True
            if not line or line.startswith("|"):
                continue
        if not line:
            continue
        if line.startswith("#"):
            if entry["msgstr"]:
                finish()
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            if field is None:
                raise ValueError(f"{path}:{number}: string outside an entry")
            name, index = field
            if name == "msgstr":
                entry["msgstr"][index] += ast.literal_eval(line)
            else:
                entry[name] += ast.literal_eval(line)
            continue
        match = re.fullmatch(r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")', line)
        if match is None:
            raise ValueError(f"{path}:{number}: unreadable line {raw!r}")
        name, index, value = match.group(1), int(match.group(2) or 0), match.group(3)
        if name in ("msgctxt", "msgid") and entry["msgstr"]:
            finish()
        entry["obsolete"] = entry["obsolete"] or obsolete
        if name == "msgstr":
            entry["msgstr"][index] = ast.literal_eval(value)
        else:
            entry[name] = ast.literal_eval(value)
        field = (name, index)
    finish()
    return entries


def describe(entry: dict) -> str:
    context = f"[{entry['msgctxt']}] " if "msgctxt" in entry else ""
    return context + repr(entry["msgid"])


def lookup(catalogue: gettext.GNUTranslations, entry: dict, n: int) -> str:
    """The translation a compiled catalogue gives for a PO entry (for the number n)."""
    msgid, context, plural = entry["msgid"], entry.get("msgctxt"), entry.get("msgid_plural")
    if plural is not None:
        if context is not None:
            return catalogue.npgettext(context, msgid, plural, n)
        return catalogue.ngettext(msgid, plural, n)
    return catalogue.pgettext(context, msgid) if context is not None else catalogue.gettext(msgid)


def catalogue_path(locale_directory: Path, language: str) -> Path:
    return locale_directory / language / "LC_MESSAGES" / "django.po"


def translated_entries(path: Path) -> tuple[dict, list[dict]]:
    entries = read_po(path)
    header = next(e for e in entries if e["msgid"] == "" and not e["obsolete"])
    return header, [e for e in entries if e["msgid"] != "" and not e["obsolete"]]


def plural_count(header: dict) -> int:
    match = re.search(r"Plural-Forms: nplurals=(\d+);", header["msgstr"][0])
    return int(match.group(1)) if match else 0


def compiled_key(entry: dict, index: int | None):
    """The key GNUTranslations stores an entry under: the context joined by EOT, and the
    plural index for plural entries."""
    msgid = entry["msgid"]
    if "msgctxt" in entry:
        msgid = f"{entry['msgctxt']}\x04{msgid}"
    return msgid if index is None else (msgid, index)


CATALOGUES = [
    (language, catalogue_path(directory, language))
    for directory in LOCALE_DIRECTORIES
    for language in TRANSLATED_LANGUAGES
]


class CatalogueTests(SimpleTestCase):
    """One subtest per catalogue and language, so that a failure names both."""

    def catalogue(self, path: Path) -> tuple[dict, list[dict]]:
        self.assertTrue(path.exists(), f"{path.relative_to(PACKAGE)} is missing")
        return translated_entries(path)

    def test_there_is_a_catalogue_for_the_project_and_for_each_app_with_its_own(self):
        names = [str(path.relative_to(PACKAGE)) for path in LOCALE_DIRECTORIES]
        self.assertIn("locale", names)
        self.assertGreaterEqual(len(names), 6)
        self.assertGreaterEqual(len(TRANSLATED_LANGUAGES), 8)

    def test_each_header_declares_its_language_and_plural_forms(self):
        for language, path in CATALOGUES:
            with self.subTest(catalogue=str(path.relative_to(PACKAGE))):
                header, _entries = self.catalogue(path)
                text = header["msgstr"][0]
                self.assertNotIn("fuzzy", header["flags"])
                self.assertIn(f"Language: {language}\n", text)
                self.assertGreaterEqual(plural_count(header), 1)
                self.assertIn("charset=UTF-8", text)
        french = translated_entries(catalogue_path(LOCALE_DIRECTORIES[0], "fr"))[0]
        self.assertIn("Plural-Forms: nplurals=2; plural=(n > 1);\n", french["msgstr"][0])

    def test_every_entry_is_translated_and_none_is_fuzzy(self):
        for _language, path in CATALOGUES:
            with self.subTest(catalogue=str(path.relative_to(PACKAGE))):
                header, entries = self.catalogue(path)
                fuzzy = [describe(e) for e in entries if "fuzzy" in e["flags"]]
                self.assertEqual(fuzzy, [], "fuzzy entries")
                plurals = plural_count(header)
                untranslated = [
                    describe(entry)
                    for entry in entries
                    if sorted(entry["msgstr"])
                    != list(range(plurals if "msgid_plural" in entry else 1))
                    or not all(entry["msgstr"].values())
                ]
                self.assertEqual(untranslated, [], "untranslated entries")

    def test_translations_keep_every_placeholder(self):
        for _language, path in CATALOGUES:
            with self.subTest(catalogue=str(path.relative_to(PACKAGE))):
                wrong = []
                for entry in self.catalogue(path)[1]:
                    source = entry["msgid"] + " " + entry.get("msgid_plural", "")
                    expected = sorted(set(PLACEHOLDER.findall(source)))
                    for form in entry["msgstr"].values():
                        if form and sorted(set(PLACEHOLDER.findall(form))) != expected:
                            wrong.append(f"{describe(entry)} → {form!r}")
                self.assertEqual(wrong, [], "placeholders lost or added in translation")

    def test_the_compiled_catalogue_matches_the_po_file(self):
        for _language, path in CATALOGUES:
            with self.subTest(catalogue=str(path.relative_to(PACKAGE))):
                entries = self.catalogue(path)[1]
                with path.with_suffix(".mo").open("rb") as handle:
                    compiled = gettext.GNUTranslations(handle)._catalog
                stale = []
                for entry in entries:
                    if "msgid_plural" in entry:
                        pairs = [(compiled_key(entry, i), t) for i, t in entry["msgstr"].items()]
                    else:
                        pairs = [(compiled_key(entry, None), entry["msgstr"][0])]
                    # msgfmt leaves untranslated entries out; those fail the test above.
                    if any(text and compiled.get(key) != text for key, text in pairs):
                        stale.append(describe(entry))
                self.assertEqual(stale, [], "django.mo is out of date: run make messages")


@skipUnless(shutil.which("xgettext") and shutil.which("msgmerge"), "GNU gettext is not installed")
class CatalogueCoverageTests(SimpleTestCase):
    def test_every_string_marked_in_the_source_is_in_the_catalogues(self):
        """Extracts the strings again, into a copy of the package, and compares the msgids:
        a string marked for translation after the catalogues were made fails here."""
        with tempfile.TemporaryDirectory() as directory:
            copy = Path(directory) / "cyberregions"
            shutil.copytree(
                PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "tests")
            )
            subprocess.run(  # noqa: S603 — the interpreter running the tests, fixed arguments
                [sys.executable, "-m", "django", "makemessages", "-l", "fr", *EXTRACTION_OPTIONS],
                cwd=copy,
                check=True,
                capture_output=True,
                env={"PATH": os.environ.get("PATH", "")},
            )
            for locale_directory in LOCALE_DIRECTORIES:
                relative = locale_directory.relative_to(PACKAGE)
                with self.subTest(catalogue=str(relative)):
                    committed = catalogue_path(locale_directory, "fr")
                    extracted = catalogue_path(copy / relative, "fr")
                    keys = [
                        {(e.get("msgctxt"), e["msgid"]) for e in translated_entries(path)[1]}
                        for path in (committed, extracted)
                    ]
                    self.assertEqual(
                        sorted(keys[1] - keys[0], key=str), [], "strings missing: run make messages"
                    )
                    self.assertEqual(
                        sorted(keys[0] - keys[1], key=str), [], "strings no longer in the source"
                    )


class FrenchPagesTests(TestCase):
    def setUp(self):
        # LocaleMiddleware leaves the request's language active in the thread: put back the
        # one before, so that French does not leak into the tests that run next.
        self.addCleanup(translation.activate, translation.get_language())

    def assert_navigation_in(self, response, language):
        labels, absent = (
            (FRENCH_NAVIGATION, ENGLISH_NAVIGATION)
            if language == "fr"
            else (ENGLISH_NAVIGATION, FRENCH_NAVIGATION)
        )
        self.assertContains(response, f'<html lang="{language}">')
        for label in labels:
            self.assertContains(response, f"{label}</a>")
        for label in absent:
            self.assertNotContains(response, f">{label}</a>")

    def test_the_pages_speak_french_when_the_language_cookie_says_so(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
        for path, french in PAGES.items():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, french)
                self.assert_navigation_in(response, "fr")

    def test_the_browser_language_selects_french_too(self):
        response = self.client.get("/organisations/", headers={"accept-language": "fr-FR,fr;q=0.9"})
        self.assertContains(response, PAGES["/organisations/"])
        self.assert_navigation_in(response, "fr")

    def test_english_remains_the_default(self):
        response = self.client.get("/organisations/")
        self.assertContains(response, "Ecosystem atlas")
        self.assert_navigation_in(response, "en")

    def test_the_language_switcher_switches_to_french_and_back(self):
        page = self.client.get("/organisations/")
        self.assertContains(page, 'action="/i18n/setlang/"')
        self.assertContains(page, '<option value="fr" lang="fr">Français</option>', html=True)

        response = self.client.post("/i18n/setlang/", {"language": "fr", "next": "/organisations/"})
        self.assertRedirects(response, "/organisations/", fetch_redirect_response=False)
        self.assertEqual(self.client.cookies[settings.LANGUAGE_COOKIE_NAME].value, "fr")
        french = self.client.get("/organisations/")
        self.assertContains(french, PAGES["/organisations/"])
        self.assert_navigation_in(french, "fr")
        self.assertContains(
            french, '<option value="fr" lang="fr" selected>Français</option>', html=True
        )

        response = self.client.post("/i18n/setlang/", {"language": "en", "next": "/organisations/"})
        self.assertRedirects(response, "/organisations/", fetch_redirect_response=False)
        self.assertEqual(self.client.cookies[settings.LANGUAGE_COOKIE_NAME].value, "en")
        english = self.client.get("/organisations/")
        self.assertContains(english, "Ecosystem atlas")
        self.assert_navigation_in(english, "en")


class EveryLanguagePagesTests(TestCase):
    def setUp(self):
        self.addCleanup(translation.activate, translation.get_language())

    def test_each_language_serves_the_home_page_with_its_own_navigation(self):
        for language in TRANSLATED_LANGUAGES:
            with self.subTest(language=language):
                with translation.override(language):
                    expected = [translation.gettext(text) for text in ("Log in", "Good practices")]
                self.assertNotIn("Log in", expected, "the login label is not translated")
                self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
                response = self.client.get("/")
                self.assertContains(response, f'<html lang="{language}">')
                for label in expected:
                    self.assertContains(response, f"{label}</a>")
                self.assertNotContains(response, ">Log in</a>")
