"""The search syntax evaluated in Python (small collections) and the snippets of results."""

from django.test import SimpleTestCase

from cyberregions.core.search_query import Vocabulary, parse
from cyberregions.core.snippets import snippet
from cyberregions.core.text_search import ranked, score

VOCABULARY = Vocabulary(
    [
        {
            "key": "pentest",
            "label": "Pentest",
            "tags": [],
            "terms": ["pentest", "penetration testing"],
        }
    ]
)


class ScoreTests(SimpleTestCase):
    def test_every_clause_must_match_in_some_field(self):
        fields = [("Cyber voucher for SMEs", 3.0), ("Regional scheme funding audits", 1.0)]
        self.assertIsNotNone(score(parse("voucher audits"), fields))
        self.assertIsNone(score(parse("voucher training"), fields))

    def test_words_match_in_their_inflections_and_phrases_in_order(self):
        fields = [("Testing the networks of hospitals", 1.0)]
        self.assertIsNotNone(score(parse("test network hospital"), fields))
        self.assertIsNotNone(score(parse('"testing the networks"'), fields))
        self.assertIsNone(score(parse('"networks testing"'), fields))

    def test_exclusions_and_prefixes(self):
        fields = [("Security awareness for municipalities", 1.0)]
        self.assertIsNone(score(parse("security -municipalities"), fields))
        self.assertIsNotNone(score(parse("munic*"), fields))
        self.assertIsNone(score(parse("munic"), fields))

    def test_the_vocabulary_finds_synonyms(self):
        fields = [("Penetration testing for SMEs", 1.0)]
        self.assertIsNotNone(score(parse("pentest", VOCABULARY), fields))

    def test_a_match_in_a_heavier_field_ranks_first(self):
        rows = [("Awareness days", "Phishing drills"), ("Phishing drills", "Awareness days")]
        found = ranked(parse("phishing"), rows, lambda row: [(row[0], 3.0), (row[1], 1.0)])
        self.assertEqual([row for _score, row in found], [rows[1], rows[0]])


class SnippetTests(SimpleTestCase):
    def test_it_picks_the_text_that_matches_and_marks_the_words(self):
        pieces = snippet(
            ["Secure hosting", "We offer a 24/7 incident response retainer."],
            parse("incident responses").highlight_terms(),
        )
        self.assertEqual(
            pieces,
            [
                ("We offer a 24/7 ", False),
                ("incident", True),
                (" ", False),
                ("response", True),
                (" retainer.", False),
            ],
        )

    def test_nothing_matching_gives_no_snippet(self):
        self.assertEqual(snippet(["Cloud hosting"], parse("forensics").highlight_terms()), [])

    def test_a_long_text_is_cut_around_the_first_match(self):
        text = "Lorem ipsum " * 40 + "digital forensics laboratory " + "dolor sit " * 40
        pieces = snippet([text], parse("forensics").highlight_terms())
        joined = "".join(piece for piece, _marked in pieces)
        self.assertTrue(joined.startswith("… ") and joined.endswith(" …"))
        self.assertLess(len(joined), 260)
        self.assertIn(("forensics", True), pieces)
