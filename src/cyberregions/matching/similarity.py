"""Partner suggestions: who could work with whom, and why.

Pure Python with numpy and scipy; no Django. A party (an organisation, a participant of a
brokerage event) has offers and requests, each a short text tagged with taxonomy terms. A
candidate scores for a target by

- how well the candidate's offers answer the target's requests (forward),
- how well the target's offers answer the candidate's requests (reverse),
- and, with a lower weight, how alike their profiles are,

where each offer/request pair is compared by the overlap of its taxonomy terms (Jaccard) and
the cosine similarity of its texts under TF-IDF, and counts only when the two are related
(a shared term, or texts alike beyond ``RELATED_TEXT_MIN``). Candidates from another region get
a bonus.
Every suggestion carries the reasons behind its score: the best-matching pair of items in each
direction with the terms they share, the profile likeness, the other region.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

TERM_WEIGHT = 0.5  # share of taxonomy overlap (vs text similarity) in an item pair's score
PROFILE_WEIGHT = 0.3
OTHER_REGION_BONUS = 0.2  # multiplies the score by 1.2
MIN_SCORE = 0.05  # below this a candidate is not suggested, whatever its region
REASON_THRESHOLD = 0.05
# Two items are related, and may answer each other, only when they share a taxonomy term or
# the cosine similarity of their texts (TF-IDF) reaches this value; an unrelated pair scores 0
# and is never given as a reason. Texts that only meet on a few generic words ("services for
# small companies in the region") stay below it: the pair the trial reported, "Seed or Series
# A funding" answered by "Business continuity planning", written that way, reaches 0.26
# (tests/test_reason_pairs.py), while a request and an offer about the same thing without
# tags (seed funding / seed funding for start-ups) reach well above 0.5.
RELATED_TEXT_MIN = 0.3

_WORD = re.compile(r"[^\W\d_]{3,}")
# Frequent words of the platform's languages that carry no topic. TF-IDF already damps common
# words; this list only keeps the vocabulary small.
_STOPWORD_TEXT = """
and the for with from that this are our your their its into over under about more most
such than then them they have has had was were will would can could should also all any
each other some very not but who what which when where how why per via new use using used
les des une pour avec dans sur par est son ses aux que qui nous vous leur leurs plus
del della delle per con una gli che sono nel nella dei alla
los las por para con una que del sus
der die das und mit für von den dem ein eine auf ist
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class Item:
    """One offer or request. An item may stand on both sides (an R&D partner search)."""

    key: Hashable
    title: str
    text: str = ""
    terms: frozenset[str] = frozenset()
    offers: bool = False
    requests: bool = False


@dataclass(frozen=True)
class Party:
    id: Hashable
    region: str | None = None
    country: str | None = None
    profile_text: str = ""
    terms: frozenset[str] = frozenset()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Reason:
    """``answers_request``: the candidate's offer ``theirs`` answers the target's request
    ``mine``; ``wants_offer``: the candidate's request ``theirs`` is answered by the target's
    offer ``mine``; ``similar_profile``; ``other_region`` (``theirs`` is the region);
    ``other_country`` (``theirs`` is the country, for a party without a region)."""

    code: str
    score: float = 0.0
    mine: str = ""
    theirs: str = ""
    shared_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    id: Hashable
    score: float
    reasons: tuple[Reason, ...]


_COMBINING = re.compile(r"[\u0300-\u036f]")


def normalise(text: str) -> str:
    """Lower case without accents, so that "sécurité" meets "securite"."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def tokens(text: str) -> list[str]:
    words = _WORD.findall(normalise(text))
    # A light stemmer: plural "s" off, so "firewalls" meets "firewall".
    return [
        word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
        for word in words
        if word not in STOPWORDS
    ]


def tfidf(documents: Sequence[str]) -> sparse.csr_matrix:
    """Rows L2-normalised; sublinear term frequency, smoothed inverse document frequency."""
    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for row, document in enumerate(documents):
        frequencies: dict[int, int] = {}
        for word in tokens(document):
            column = vocabulary.setdefault(word, len(vocabulary))
            frequencies[column] = frequencies.get(column, 0) + 1
        for column, count in frequencies.items():
            rows.append(row)
            cols.append(column)
            counts.append(count)
    shape = (len(documents), max(len(vocabulary), 1))
    if not counts:
        return sparse.csr_matrix(shape, dtype=np.float64)
    matrix = sparse.csr_matrix(
        (1.0 + np.log(np.asarray(counts, dtype=np.float64)), (rows, cols)), shape=shape
    )
    document_frequency = np.bincount(cols, minlength=shape[1])
    idf = np.log((1.0 + shape[0]) / (1.0 + document_frequency)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _term_matrix(term_sets: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    index: dict[str, int] = {}
    rows, cols = [], []
    for row, terms in enumerate(term_sets):
        for term in terms:
            rows.append(row)
            cols.append(index.setdefault(term, len(index)))
    shape = (len(term_sets), max(len(index), 1))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=shape)


class Corpus:
    """Every item and profile of a set of parties, vectorised once, so that suggestions for
    many targets (every participant of an event) share the work."""

    def __init__(self, parties: Sequence[Party]):
        self.parties = list(parties)
        self.items: list[Item] = []
        owners: list[int] = []
        for position, party in enumerate(self.parties):
            for item in party.items:
                self.items.append(item)
                owners.append(position)
        self.owner = np.asarray(owners, dtype=np.int64)
        item_count = len(self.items)
        texts = [f"{item.title} {item.text}" for item in self.items] + [
            party.profile_text for party in self.parties
        ]
        vectors = tfidf(texts)
        self.item_text = vectors[:item_count]
        self.profile_text = vectors[item_count:]
        terms = _term_matrix(
            [item.terms for item in self.items] + [party.terms for party in self.parties]
        )
        self.item_terms = terms[:item_count]
        self.profile_terms = terms[item_count:]
        self.item_term_count = np.asarray(self.item_terms.sum(axis=1)).ravel()
        self.profile_term_count = np.asarray(self.profile_terms.sum(axis=1)).ravel()
        self.offers = np.asarray([item.offers for item in self.items], dtype=bool)
        self.requests = np.asarray([item.requests for item in self.items], dtype=bool)
        self.position = {party.id: position for position, party in enumerate(self.parties)}

    def _pair_scores(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Score of each (row item, column item) pair: terms and text, both in [0, 1]."""
        if rows.size == 0 or columns.size == 0:
            return np.zeros((rows.size, columns.size))
        text = (self.item_text[rows] @ self.item_text[columns].T).toarray()
        shared = (self.item_terms[rows] @ self.item_terms[columns].T).toarray()
        union = (
            self.item_term_count[rows][:, None] + self.item_term_count[columns][None, :] - shared
        )
        jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        related = (shared > 0) | (text >= RELATED_TEXT_MIN)
        return np.where(related, TERM_WEIGHT * jaccard + (1.0 - TERM_WEIGHT) * text, 0.0)

    def _best_per_party(self, scores: np.ndarray, columns: np.ndarray):
        """For each party, the best score over the column items it owns and where it is."""
        party_count = len(self.parties)
        best = np.zeros(party_count)
        where = np.full((party_count, 2), -1, dtype=np.int64)
        if scores.size == 0:
            return best, where
        flat_best_row = scores.argmax(axis=0)
        column_best = scores[flat_best_row, np.arange(columns.size)]
        owners = self.owner[columns]
        order = np.lexsort((-column_best, owners))
        first = np.ones(order.size, dtype=bool)
        first[1:] = owners[order][1:] != owners[order][:-1]
        for position in order[first]:
            owner = owners[position]
            best[owner] = column_best[position]
            where[owner] = (flat_best_row[position], columns[position])
        return best, where

    def suggest(
        self,
        target_id: Hashable,
        candidate_ids: Sequence[Hashable] | None = None,
        *,
        limit: int = 10,
        other_region_bonus: float = OTHER_REGION_BONUS,
        min_score: float = MIN_SCORE,
    ) -> list[Suggestion]:
        target_position = self.position[target_id]
        target = self.parties[target_position]
        mine = np.flatnonzero(self.owner == target_position)
        others = np.flatnonzero(self.owner != target_position)
        my_requests, my_offers = mine[self.requests[mine]], mine[self.offers[mine]]
        their_offers, their_requests = others[self.offers[others]], others[self.requests[others]]
        forward_scores = self._pair_scores(my_requests, their_offers)
        reverse_scores = self._pair_scores(my_offers, their_requests)
        forward, forward_at = self._best_per_party(forward_scores, their_offers)
        reverse, reverse_at = self._best_per_party(reverse_scores, their_requests)
        profile_text = (self.profile_text @ self.profile_text[target_position].T).toarray().ravel()
        shared = (self.profile_terms @ self.profile_terms[target_position].T).toarray().ravel()
        union = self.profile_term_count + self.profile_term_count[target_position] - shared
        profile_terms = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        profile = TERM_WEIGHT * profile_terms + (1.0 - TERM_WEIGHT) * profile_text

        if candidate_ids is None:
            positions = [p for p in range(len(self.parties)) if p != target_position]
        else:
            positions = [self.position[c] for c in candidate_ids if c != target_id]
        suggestions = []
        for position in positions:
            candidate = self.parties[position]
            base = forward[position] + reverse[position] + PROFILE_WEIGHT * profile[position]
            if base < min_score:
                continue
            reasons = []
            if forward[position] >= REASON_THRESHOLD:
                row, column = forward_at[position]
                reasons.append(
                    self._item_reason(
                        "answers_request", my_requests[row], column, forward[position]
                    )
                )
            if reverse[position] >= REASON_THRESHOLD:
                row, column = reverse_at[position]
                reasons.append(
                    self._item_reason("wants_offer", my_offers[row], column, reverse[position])
                )
            if not reasons or PROFILE_WEIGHT * profile[position] >= REASON_THRESHOLD:
                reasons.append(
                    Reason(
                        "similar_profile",
                        score=float(profile[position]),
                        shared_terms=tuple(sorted(target.terms & candidate.terms)),
                    )
                )
            score = base
            if _other_region(target, candidate):
                score *= 1.0 + other_region_bonus
                if target.region and candidate.region:
                    reasons.append(Reason("other_region", theirs=candidate.region))
                else:
                    # Outside the regions of the atlas (no region): its country says where.
                    reasons.append(Reason("other_country", theirs=candidate.country or ""))
            suggestions.append(Suggestion(candidate.id, round(float(score), 6), tuple(reasons)))
        suggestions.sort(key=lambda suggestion: (-suggestion.score, str(suggestion.id)))
        return suggestions[:limit]

    def _item_reason(self, code: str, mine: int, theirs: int, score: float) -> Reason:
        my_item, their_item = self.items[mine], self.items[theirs]
        return Reason(
            code,
            score=float(score),
            mine=my_item.title,
            theirs=their_item.title,
            shared_terms=tuple(sorted(my_item.terms & their_item.terms)),
        )


def _other_region(target: Party, candidate: Party) -> bool:
    if target.region and candidate.region:
        return target.region != candidate.region
    if target.country and candidate.country:
        return target.country != candidate.country
    return False


def suggest_partners(
    target: Party,
    candidates: Sequence[Party],
    *,
    limit: int = 10,
    other_region_bonus: float = OTHER_REGION_BONUS,
    min_score: float = MIN_SCORE,
) -> list[Suggestion]:
    """The candidates best suited to work with ``target``, best first, each with its reasons."""
    parties = [target, *(c for c in candidates if c.id != target.id)]
    corpus = Corpus(parties)
    return corpus.suggest(
        target.id, limit=limit, other_region_bonus=other_region_bonus, min_score=min_score
    )
