"""The search syntax evaluated in Python, for the collections small enough to read whole
(good practices, action plans, events, vocabularies: hundreds of rows, not the atlas's
hundred thousand, which its engine's index serves — ``organisations/search.py``).

Pure: a parsed ``core.search_query.Query`` and a row's fields with their weights give a
score, or ``None`` when the row does not match. The meaning is the engines' one: every
clause must match in some field, phrases as consecutive words, words compared folded and
stemmed (Snowball, English), a prefix where asked, exclusions anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .search_query import Concept, Query, Term, fold
from .snippets import TOKEN, stem

Fields = Sequence[tuple[str, float]]  # (text, weight)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(stem, folded) of each word of ``text``."""
    return [(stem(word), fold(word)) for word in TOKEN.findall(text or "")]


def _count(tokens: list[tuple[str, str]], words: tuple[str, ...], prefix: bool) -> int:
    size = len(words)
    stems = [stem(word) for word in words]
    found = 0
    for index in range(len(tokens) - size + 1):
        if all(
            tokens[index + k][1].startswith(words[k])
            if prefix and k == size - 1
            else tokens[index + k][0] == stems[k]
            for k in range(size)
        ):
            found += 1
    return found


def _option_phrases(option: Term | Concept) -> list[tuple[tuple[str, ...], bool]]:
    if isinstance(option, Concept):
        return [(phrase, False) for phrase in option.phrases]
    return [(option.words, option.prefix)]


def score(query: Query, fields: Fields) -> float | None:
    """How well a row with ``fields`` matches ``query``; ``None`` when it does not."""
    if not query.searchable:
        return None
    tokenised = [(_tokens(text), weight) for text, weight in fields]
    # The stems each field holds: a phrase whose first word is not among them cannot match
    # there, which spares the scan for most of a concept's thirty-odd phrases.
    present = [{stemmed for stemmed, _folded in tokens} for tokens, _weight in tokenised]
    total = 0.0
    for clause in query.clauses:
        best = 0.0
        for option in clause.options:
            for words, prefix in _option_phrases(option):
                first = stem(words[0])
                for (tokens, weight), stems in zip(tokenised, present, strict=True):
                    if (len(words) > 1 or not prefix) and first not in stems:
                        continue
                    hits = _count(tokens, words, prefix)
                    if hits:
                        best = max(best, weight * (1 + math.log(hits)))
        if clause.negated and best:
            return None
        if not clause.negated:
            if not best:
                return None
            total += best
    return total


def ranked(query: Query, rows: Iterable, fields_of) -> list[tuple[float, object]]:
    """The rows matching ``query``, best first, as (score, row); ``fields_of(row)`` gives
    its weighted fields. Ties keep the rows' own order."""
    scored = []
    for position, row in enumerate(rows):
        value = score(query, fields_of(row))
        if value is not None:
            scored.append((-value, position, row))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    return [(-negative, row) for negative, _position, row in scored]
