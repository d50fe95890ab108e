"""The search syntax: parsing, the vocabulary's expansion and the two engines' compilers."""

from django.test import SimpleTestCase

from cyberregions.core.search_query import (
    MAX_CLAUSES,
    Concept,
    Term,
    Vocabulary,
    fts5_expression,
    parse,
    tag_token,
    tsquery_text,
)

VOCABULARY = Vocabulary(
    [
        {
            "key": "pentest",
            "label": "Penetration testing",
            "tags": [],
            "terms": ["penetration testing", "pentest", "test d'intrusion"],
        },
        {"key": "ir", "label": "Incident response", "tags": [], "terms": ["incident response"]},
        {"key": "crypto", "label": "Cryptography", "tags": ["CRY"], "terms": ["cryptography"]},
    ]
)


def terms(query):
    return [
        (
            clause.negated,
            [option.words if isinstance(option, Term) else option.key for option in clause.options],
        )
        for clause in query.clauses
    ]


class ParsingTests(SimpleTestCase):
    def test_it_requires_every_word_and_folds_accents_and_case(self):
        query = parse("Sécurité  Réseau")
        self.assertEqual(terms(query), [(False, [("securite",)]), (False, [("reseau",)])])

    def test_quotes_make_a_phrase_and_an_unbalanced_quote_closes_at_the_end(self):
        self.assertEqual(
            terms(parse('"incident response" team')),
            [(False, [("incident", "response")]), (False, [("team",)])],
        )
        self.assertEqual(
            terms(parse('cloud "zero trust')), [(False, [("cloud",)]), (False, [("zero", "trust")])]
        )

    def test_or_joins_neighbours_and_a_minus_excludes(self):
        query = parse("siem OR soc -consulting")
        self.assertEqual(terms(query), [(False, [("siem",), ("soc",)]), (True, [("consulting",)])])

    def test_a_star_asks_for_a_prefix_and_typing_makes_the_last_word_one(self):
        self.assertTrue(parse("secur*").clauses[0].options[0].prefix)
        self.assertFalse(parse("secur").clauses[0].options[0].prefix)
        typed = parse("cyber tall", typing=True)
        self.assertEqual([clause.options[0].prefix for clause in typed.clauses], [False, True])
        # A space after the last word: it is finished.
        self.assertFalse(parse("cyber tall ", typing=True).clauses[-1].options[0].prefix)

    def test_operators_alone_and_punctuation_parse_to_nothing_searchable(self):
        for text in ("", "OR", "-", '"', "* * *", "()", "'; --", "🙂", "\x00\x00"):
            with self.subTest(text=text):
                query = parse(text)
                self.assertFalse(query.searchable)
                self.assertEqual(fts5_expression(query), "")
                self.assertEqual(tsquery_text(query), "")

    def test_exclusions_alone_are_not_run_and_say_why(self):
        query = parse("-consulting")
        self.assertFalse(query.searchable)
        self.assertIn("only_exclusions", query.notes)

    def test_long_input_is_cut_and_says_so(self):
        query = parse("word " * 2000)
        self.assertEqual(len(query.clauses), MAX_CLAUSES)
        self.assertIn("truncated", query.notes)

    def test_nul_bytes_and_emoji_are_dropped_around_words(self):
        self.assertEqual(
            terms(parse("clo\x00ud 🙂 soc")), [(False, [("cloud",)]), (False, [("soc",)])]
        )


class VocabularyTests(SimpleTestCase):
    def test_a_known_term_becomes_its_concept(self):
        query = parse("pentest", VOCABULARY)
        self.assertEqual(terms(query), [(False, ["pentest"])])
        concept = query.clauses[0].options[0]
        self.assertIsInstance(concept, Concept)
        self.assertIn(("penetration", "testing"), concept.phrases)
        self.assertIn(("test", "d", "intrusion"), concept.phrases)

    def test_a_run_of_plain_words_forming_a_term_is_one_concept(self):
        self.assertEqual(
            terms(parse("incident response brest", VOCABULARY)),
            [(False, ["ir"]), (False, [("brest",)])],
        )
        self.assertEqual(terms(parse('"penetration testing"', VOCABULARY)), [(False, ["pentest"])])
        # A plural finds the term too.
        self.assertEqual(terms(parse("penetration testings", VOCABULARY)), [(False, ["pentest"])])

    def test_prefixes_are_not_expanded_and_an_exclusion_excludes_the_concept(self):
        self.assertEqual(terms(parse("pentest*", VOCABULARY)), [(False, [("pentest",)])])
        self.assertEqual(
            terms(parse("cloud -pentest", VOCABULARY)),
            [(False, [("cloud",)]), (True, ["pentest"])],
        )

    def test_a_domain_concept_carries_its_tag(self):
        concept = parse("cryptography", VOCABULARY).clauses[0].options[0]
        self.assertEqual(concept.tags, (tag_token("CRY"),))
        self.assertEqual(tag_token("IHF"), "zzjrcihfzz")


class CompilerTests(SimpleTestCase):
    def test_fts5_restricts_the_provider_scope_to_its_columns(self):
        query = parse('"zero trust" siem OR soc -consulting')
        self.assertEqual(
            fts5_expression(query, "offers"),
            '{name offers description} : (("zero trust" AND ("siem" OR "soc")) NOT "consulting")',
        )
        self.assertEqual(fts5_expression(parse("cloud"), "needs"), '{needs} : ("cloud")')
        self.assertEqual(fts5_expression(parse("secur*"), "all"), '"secur"*')

    def test_tsquery_uses_weights_for_the_scope(self):
        query = parse('"zero trust" siem OR soc -consulting')
        self.assertEqual(
            tsquery_text(query, "offers"),
            "(zero:ABC <-> trust:ABC) & (siem:ABC | soc:ABC) & !consulting:ABC",
        )
        self.assertEqual(tsquery_text(parse("secur*"), "needs"), "secur:*D")
        self.assertEqual(tsquery_text(parse("secur*"), "all"), "secur:*")

    def test_a_concept_compiles_to_its_phrases_and_tags(self):
        query = parse("cryptography", VOCABULARY)
        self.assertEqual(fts5_expression(query), f'("cryptography" OR "{tag_token("CRY")}")')
        self.assertEqual(tsquery_text(query), f"(cryptography | {tag_token('CRY')})")
