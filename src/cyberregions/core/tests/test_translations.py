"""The project's French catalogue is complete and compiled, and the pages speak French.

The catalogue is ``cyberregions/locale/fr/LC_MESSAGES/django.po`` (``LOCALE_PATHS``): the
project templates and the apps without a catalogue of their own. It is read with a small
parser of the PO format, so no dependency is added; its ``django.mo`` must hold the same
translations, which catches a catalogue edited but not compiled.
"""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, TestCase
from django.utils import translation

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
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


class FrenchCatalogueTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        entries = read_po(CATALOGUE)
        cls.header = next(e for e in entries if e["msgid"] == "" and not e["obsolete"])
        cls.entries = [e for e in entries if e["msgid"] != "" and not e["obsolete"]]

    def test_the_header_declares_french_and_its_plural_forms(self):
        header = self.header["msgstr"][0]
        self.assertNotIn("fuzzy", self.header["flags"])
        self.assertIn("Language: fr\n", header)
        self.assertIn("Plural-Forms: nplurals=2; plural=(n > 1);\n", header)
        self.assertIn("charset=UTF-8", header)

    def test_every_entry_is_translated_and_none_is_fuzzy(self):
        self.assertGreater(len(self.entries), 100)
        fuzzy = [describe(e) for e in self.entries if "fuzzy" in e["flags"]]
        self.assertEqual(fuzzy, [], "fuzzy entries in the French catalogue")
        untranslated = []
        for entry in self.entries:
            forms = 2 if "msgid_plural" in entry else 1
            if sorted(entry["msgstr"]) != list(range(forms)) or not all(entry["msgstr"].values()):
                untranslated.append(describe(entry))
        self.assertEqual(untranslated, [], "untranslated entries in the French catalogue")

    def test_translations_keep_every_placeholder(self):
        wrong = []
        for entry in self.entries:
            source = entry["msgid"] + " " + entry.get("msgid_plural", "")
            expected = sorted(set(PLACEHOLDER.findall(source)))
            for form in entry["msgstr"].values():
                if sorted(set(PLACEHOLDER.findall(form))) != expected:
                    wrong.append(f"{describe(entry)} → {form!r}")
        self.assertEqual(wrong, [], "placeholders lost or added in translation")

    def test_the_compiled_catalogue_matches_the_po_file(self):
        with COMPILED.open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        stale = []
        for entry in self.entries:
            # French uses the singular for 0 and 1, the plural from 2.
            forms = ((1, 0), (5, 1)) if "msgid_plural" in entry else ((1, 0),)
            if any(lookup(compiled, entry, n) != entry["msgstr"][form] for n, form in forms):
                stale.append(describe(entry))
        self.assertEqual(stale, [], "django.mo is out of date: run compilemessages (or msgfmt)")


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
