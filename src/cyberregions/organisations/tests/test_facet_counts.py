"""Facet counts and totals against a brute-force count in Python, over random selections.

The atlas counts every facet in one statement; this compares it, for many combinations of
search, single-valued and tag filters, with the definition: for each facet, the number of
organisations per value among those that match the search and every *other* facet.
"""

import random

from django.test import TestCase
from django.utils.datastructures import MultiValueDict

from cyberregions.organisations import search
from cyberregions.organisations.filtersets import (
    FACETS,
    SORT_LABELS,
    OrganisationFilterSet,
    compute_facets,
    effective_sort,
)
from cyberregions.organisations.models import Organisation
from cyberregions.organisations.views import PAGE_SIZE
from cyberregions.testing import make_organisation

COUNTRIES = {"FR": ["FRH0", None], "IT": ["ITI1", None], "EE": ["EE00"], "ES": [None]}
ACTOR_TYPES = ["sme", "large", "rto", "university", "public"]
DOMAINS = ["CRY", "NDS", "IHF", "DSP"]
SECTORS = ["SEC.energy", "SEC.health", "SEC.financial"]
TECHNOLOGIES = ["TUC.artificial-intelligence", "TUC.blockchain-and-distributed-ledger-technology"]
WORDS = ["cloud", "crypto", "training", "forensics"]


class FacetCountOracleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        chooser = random.Random(7)
        for number in range(36):
            country = chooser.choice(list(COUNTRIES))
            make_organisation(
                f"Organisation {number:02d}",
                country,
                chooser.choice(COUNTRIES[country]),
                actor_type=chooser.choice(ACTOR_TYPES),
                employees=chooser.choice([None, 3, 40, 120, 900]),
                founded=chooser.choice([None, 1990, 2004, 2015, 2021]),
                core_business=chooser.random() < 0.5,
                description=" ".join(chooser.sample(WORDS, 2)),
                domains=chooser.sample(DOMAINS, chooser.randint(0, 2)),
                sectors=chooser.sample(SECTORS, chooser.randint(0, 2)),
                technologies=chooser.sample(TECHNOLOGIES, chooser.randint(0, 1)),
            )

    def rows(self) -> list[dict]:
        """Every organisation as the values of each facet (a set for the tag facets)."""
        rows = []
        queryset = Organisation.objects.select_related("country", "region").prefetch_related(
            "domains", "sectors", "technologies"
        )
        for organisation in queryset:
            rows.append(
                {
                    "id": organisation.id,
                    "text": organisation.description.lower(),
                    "country": {organisation.country.iso},
                    "region": {organisation.region.code} if organisation.region else set(),
                    "actor_type": {organisation.actor_type},
                    "size_class": {organisation.size_class},
                    "core_business": {"true" if organisation.core_business else "false"},
                    "domain": {term.code for term in organisation.domains.all()},
                    "sector": {term.code for term in organisation.sectors.all()},
                    "technology": {term.code for term in organisation.technologies.all()},
                }
            )
        return rows

    def expected(self, rows, query: str, selection: dict[str, list[str]]):
        def passes(row, skip=None):
            if query and query not in row["text"]:
                return False
            return all(
                not values or row[facet] & set(values)
                for facet, values in selection.items()
                if facet != skip
            )

        facets = {}
        for facet in FACETS:
            counts: dict[str, int] = {}
            for row in rows:
                if passes(row, skip=facet):
                    for value in row[facet]:
                        counts[value] = counts.get(value, 0) + 1
            facets[facet] = counts
        return facets, sum(1 for row in rows if passes(row))

    def random_selection(self, chooser: random.Random) -> dict[str, list[str]]:
        pools = {
            "country": list(COUNTRIES),
            "region": ["FRH0", "ITI1", "EE00"],
            "actor_type": ACTOR_TYPES,
            "size_class": ["micro", "small", "medium", "large", "unknown"],
            "core_business": ["true", "false"],
            "domain": DOMAINS,
            "sector": SECTORS,
            "technology": TECHNOLOGIES,
        }
        selection = {}
        for facet in chooser.sample(FACETS, chooser.randint(0, 4)):
            size = 1 if facet == "core_business" else chooser.randint(1, 2)
            selection[facet] = chooser.sample(pools[facet], size)
        return selection

    def test_every_facet_and_the_total_match_a_brute_force_count(self):
        rows = self.rows()
        for facet, codes in (
            ("domain", DOMAINS),
            ("sector", SECTORS),
            ("technology", TECHNOLOGIES),
        ):
            self.assertEqual({code for row in rows for code in row[facet]}, set(codes))
        chooser = random.Random(2018)
        cases = [("", {}), ("cloud", {}), ("", {"domain": ["CRY", "NDS"], "country": ["FR"]})]
        cases += [
            (chooser.choice(["", "", *WORDS]), self.random_selection(chooser)) for _ in range(40)
        ]
        for query, selection in cases:
            with self.subTest(q=query, selection=selection):
                data = MultiValueDict({"q": [query], **selection})
                result = compute_facets(data)
                counts = {
                    facet: {entry["value"]: entry["count"] for entry in entries}
                    for facet, entries in result.facets.items()
                }
                expected_counts, expected_total = self.expected(rows, query, selection)
                self.assertEqual(counts, expected_counts)
                self.assertEqual(result.total, expected_total)
                page = self.client.get("/organisations/", data)
                self.assertEqual(page.context["page"].paginator.count, expected_total)

    def test_a_tag_chosen_still_counts_its_alternatives(self):
        rows = self.rows()
        result = compute_facets(MultiValueDict({"domain": ["CRY"]}))
        domains = {entry["value"]: entry["count"] for entry in result.facets["domain"]}
        for code in DOMAINS:
            self.assertEqual(domains.get(code, 0), sum(code in row["domain"] for row in rows))
        self.assertEqual(result.total, sum("CRY" in row["domain"] for row in rows))

    def test_each_page_holds_the_rows_the_filterset_orders_there(self):
        """The page chosen inside the facet statement is the slice of the FilterSet's own
        order (which the API uses), for every sort, with and without filters."""
        selections = [{}, {"country": ["FR", "IT"]}, {"q": ["cloud"], "domain": ["CRY", "NDS"]}]
        for sort in SORT_LABELS:
            for selection in selections:
                data = MultiValueDict({**selection, "sort": [sort]})
                filterset = OrganisationFilterSet(data, queryset=Organisation.objects.all())
                ordered = [organisation.pk for organisation in filterset.qs]
                if effective_sort(data) == "relevance":
                    # The API's order: the ranks joined to the filtered organisations.
                    ordered = search.ranked_ids(
                        filterset.qs, filterset.parsed_query(), filterset.search_scope(), 0, 10**6
                    )
                    self.assertEqual(sorted(ordered), sorted(o.pk for o in filterset.qs))
                for number in (1, 2):
                    with self.subTest(sort=sort, selection=selection, page=number):
                        data.setlist("page", [str(number)])
                        response = self.client.get("/organisations/", data)
                        shown = [o.pk for o in response.context["page"].object_list]
                        start = (number - 1) * PAGE_SIZE
                        if start >= len(ordered) and number > 1:
                            # Past the end: the last page, as Django's paginator gives it.
                            start = (len(ordered) - 1) // PAGE_SIZE * PAGE_SIZE
                        self.assertEqual(shown, ordered[start : start + PAGE_SIZE])

    def test_a_restricted_queryset_bounds_the_counts(self):
        """The counts come from the atlas rows; a queryset narrower than every organisation
        (``visible_to`` may one day restrict) still decides which of them count."""
        rows = [row for row in self.rows() if row["country"] == {"FR"}]
        french = Organisation.objects.filter(country__iso="FR")
        for query in ("", "cloud"):
            with self.subTest(q=query):
                result = compute_facets(MultiValueDict({"q": [query]}), queryset=french)
                expected_counts, expected_total = self.expected(rows, query, {})
                counts = {
                    facet: {entry["value"]: entry["count"] for entry in entries}
                    for facet, entries in result.facets.items()
                }
                self.assertEqual(counts, expected_counts)
                self.assertEqual(result.total, expected_total)
