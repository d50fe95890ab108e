"""The pure matcher: offers that answer requests rank first, both ways; other regions are
preferred at equal fit; each suggestion says why."""

from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from cyberregions.matching.similarity import Corpus, Item, Party, suggest_partners, tokens

CRYPTO_NEED = Item(
    1,
    "Quantum-safe encryption for ship systems",
    "We need post-quantum cryptography for onboard networks.",
    frozenset({"d:CRY"}),
    requests=True,
)
RESPONSE_OFFER = Item(
    2, "Incident response for ports", "24/7 incident response.", frozenset({"d:IHF"}), offers=True
)


def party(pid, region, *items, text="", terms=()):
    return Party(pid, region=region, profile_text=text, terms=frozenset(terms), items=items)


TARGET = party("armor", "FRH0", CRYPTO_NEED, RESPONSE_OFFER, text="Maritime security")
CRYPTO_VENDOR = party(
    "firenze",
    "ITI1",
    Item(
        3,
        "Post-quantum cryptography library",
        "Quantum-safe encryption for embedded systems.",
        frozenset({"d:CRY"}),
        offers=True,
    ),
)
PORT = party(
    "tallinn-port",
    "EE00",
    Item(
        4,
        "Incident response provider for the port",
        "We need incident response.",
        frozenset({"d:IHF"}),
        requests=True,
    ),
)
BAKERY = party("bakery", "FRH0", Item(5, "Fresh bread", "Croissants daily.", offers=True))


class SimilarityTests(SimpleTestCase):
    def test_offers_that_answer_requests_rank_first_with_their_reason(self):
        suggestions = suggest_partners(TARGET, [BAKERY, CRYPTO_VENDOR, PORT])
        self.assertEqual({s.id for s in suggestions}, {"firenze", "tallinn-port"})
        by_id = {s.id: s for s in suggestions}
        (answers, other_region) = by_id["firenze"].reasons
        self.assertEqual(answers.code, "answers_request")
        self.assertEqual(answers.mine, "Quantum-safe encryption for ship systems")
        self.assertEqual(answers.theirs, "Post-quantum cryptography library")
        self.assertEqual(answers.shared_terms, ("d:CRY",))
        self.assertEqual((other_region.code, other_region.theirs), ("other_region", "ITI1"))

    def test_the_reverse_direction_counts_too(self):
        (suggestion,) = suggest_partners(TARGET, [PORT])
        reason = suggestion.reasons[0]
        self.assertEqual(reason.code, "wants_offer")
        self.assertEqual(reason.mine, "Incident response for ports")

    def test_other_regions_are_preferred_at_equal_fit(self):
        same = party("same", "FRH0", *CRYPTO_VENDOR.items)
        other = party("other", "ITI1", *CRYPTO_VENDOR.items)
        ranked = [s.id for s in suggest_partners(TARGET, [same, other])]
        self.assertEqual(ranked, ["other", "same"])
        ranked = [s.id for s in suggest_partners(TARGET, [same, other], other_region_bonus=0)]
        self.assertEqual(sorted(ranked), ["other", "same"])

    def test_profiles_alone_can_match(self):
        a = party("a", None, text="Cryptography libraries for banks", terms={"d:CRY"})
        b = party("b", None, text="Banks need cryptography libraries", terms={"d:CRY"})
        (suggestion,) = suggest_partners(a, [b])
        self.assertEqual(suggestion.reasons[0].code, "similar_profile")
        self.assertEqual(suggestion.reasons[0].shared_terms, ("d:CRY",))

    def test_words_match_without_accents_case_or_plural(self):
        self.assertEqual(tokens("Sécurité des RÉSEAUX"), ["securite", "reseaux"])
        self.assertEqual(tokens("Firewalls and the firewall"), ["firewall", "firewall"])

    def test_nothing_in_common_means_no_suggestion(self):
        self.assertEqual(suggest_partners(TARGET, [BAKERY]), [])
        self.assertEqual(suggest_partners(TARGET, []), [])


words = st.sampled_from(
    ["crypto", "network", "forensics", "cloud", "identity", "privacy", "audit", "training"]
)
items = st.builds(
    lambda key, title, terms, side: Item(
        key,
        " ".join(title),
        "",
        frozenset(terms),
        offers=side != "request",
        requests=side != "offer",
    ),
    st.integers(0, 10_000),
    st.lists(words, min_size=1, max_size=4),
    st.sets(st.sampled_from(["d:CRY", "d:NDS", "d:IHF", "t:cloud"]), max_size=3),
    st.sampled_from(["offer", "request", "both"]),
)
parties = st.lists(
    st.builds(
        lambda region, its: (region, tuple(its)),
        st.sampled_from(["FRH0", "ITI1", None]),
        st.lists(items, max_size=3),
    ),
    min_size=1,
    max_size=8,
)


class SimilarityPropertyTests(SimpleTestCase):
    @settings(max_examples=40, deadline=None)
    @given(parties, st.integers(1, 5))
    def test_suggestions_are_sorted_bounded_and_exclude_the_target(self, data, limit):
        built = [Party(n, region=region, items=its) for n, (region, its) in enumerate(data)]
        corpus = Corpus(built)
        suggestions = corpus.suggest(0, limit=limit)
        self.assertLessEqual(len(suggestions), limit)
        self.assertNotIn(0, [s.id for s in suggestions])
        scores = [s.score for s in suggestions]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for suggestion in suggestions:
            self.assertGreater(suggestion.score, 0)
            self.assertTrue(suggestion.reasons)
            # Each pair scores at most 1 in each direction, plus the profile part and the bonus.
            self.assertLessEqual(suggestion.score, (2 + 0.3) * 1.2 + 1e-9)
