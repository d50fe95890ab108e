"""A reason pairs two items only when they are related: they share a taxonomy term, or their
texts are alike beyond ``RELATED_TEXT_MIN``; an organisation outside the partner territories is
named by its country, never by an empty region."""

from django.test import TestCase
from django.utils import translation

from cyberregions.matching.reasons import describe
from cyberregions.matching.similarity import (
    RELATED_TEXT_MIN,
    Item,
    Party,
    Reason,
    suggest_partners,
)

FUNDING_NEED = Item(
    1,
    "Seed or Series A funding",
    "Investment for our cybersecurity start-up in the region, for small companies.",
    frozenset({"d:FIN"}),
    requests=True,
)
CONTINUITY_OFFER = Item(
    2,
    "Business continuity planning",
    "Planning services for small companies in the region, cybersecurity included.",
    frozenset({"d:BCP"}),
    offers=True,
)


def party(pid, *items, region="FRH0", country="FR", text="", terms=()):
    return Party(
        pid, region=region, country=country, profile_text=text, terms=frozenset(terms), items=items
    )


class ReasonPairTests(TestCase):
    def test_it_never_pairs_unrelated_items(self):
        target = party("start-up", FUNDING_NEED, text="Cybersecurity start-up", terms={"d:IHF"})
        consultant = party(
            "consultant",
            CONTINUITY_OFFER,
            region="ITI1",
            country="IT",
            text="Cybersecurity consultancy",
            terms={"d:IHF"},
        )
        [suggestion] = suggest_partners(target, [consultant])
        codes = [reason.code for reason in suggestion.reasons]
        self.assertNotIn("answers_request", codes)
        self.assertIn("similar_profile", codes)

    def test_it_pairs_items_that_share_a_term_or_alike_texts(self):
        target = party("start-up", FUNDING_NEED)
        investor = party(
            "fund",
            Item(3, "Venture capital", "Equity.", frozenset({"d:FIN"}), offers=True),
            region="ITI1",
            country="IT",
        )
        angel = party(
            "angel",
            Item(4, "Seed funding for start-ups", "Series A and seed funding.", offers=True),
            region="ITI1",
            country="IT",
        )
        suggestions = {s.id: s for s in suggest_partners(target, [investor, angel])}
        for pid in ("fund", "angel"):
            self.assertEqual(suggestions[pid].reasons[0].code, "answers_request", pid)
        self.assertGreater(RELATED_TEXT_MIN, 0)

    def test_it_names_the_country_of_an_organisation_outside_the_regions(self):
        target = party("start-up", FUNDING_NEED)
        abroad = party(
            "abroad",
            Item(5, "Seed funding", "", frozenset({"d:FIN"}), offers=True),
            region=None,
            country="DE",
        )
        [suggestion] = suggest_partners(target, [abroad])
        other = [r for r in suggestion.reasons if r.code in ("other_region", "other_country")]
        self.assertEqual(len(other), 1)
        with translation.override("en"):
            text = describe(other[0], {})
        self.assertEqual(text, "From another country: Germany.")
        with translation.override("en"):
            self.assertEqual(
                describe(Reason("other_region", theirs="ITI1"), {"ITI1": "Tuscany"}),
                "From another region: Tuscany.",
            )
