"""The part of a result that matched a search, with the matching words marked.

Pure: given a result's texts (an offer, a description…) and the query's phrases, it picks
the text that matches the most phrases and cuts a window around the first match. Words are
compared folded and stemmed (Snowball, English: the engines' indexes stem English too), so
"responders" in a text is marked for "incident responder". The result is a list of
(text, marked) pieces; templates escape each piece and wrap the marked ones in ``<mark>``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import snowballstemmer

from .search_query import fold

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
WINDOW = 180


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(fold(word))


def _matches(token: str, word: str, prefix: bool) -> bool:
    if prefix:
        return fold(token).startswith(word)
    return stem(token) == stem(word)


def marked_spans(
    text: str, phrases: Sequence[tuple[tuple[str, ...], bool]]
) -> tuple[list[tuple[int, int]], int]:
    """The character spans of ``text`` matching any phrase, and how many phrases matched."""
    tokens = [(match.start(), match.end(), match.group()) for match in TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    matched = 0
    for words, prefix in phrases:
        found = False
        size = len(words)
        for index in range(len(tokens) - size + 1):
            if all(
                _matches(tokens[index + k][2], words[k], prefix and k == size - 1)
                for k in range(size)
            ):
                spans.append((tokens[index][0], tokens[index + size - 1][1]))
                found = True
        matched += found
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged, matched


def snippet(
    texts: Iterable[str], phrases: Sequence[tuple[tuple[str, ...], bool]]
) -> list[tuple[str, bool]]:
    """The best-matching text as (piece, marked) pairs; empty when nothing matches."""
    best: tuple[int, str, list[tuple[int, int]]] | None = None
    for text in texts:
        if not text:
            continue
        spans, matched = marked_spans(text, phrases)
        if matched and (best is None or matched > best[0]):
            best = (matched, text, spans)
    if best is None:
        return []
    _matched, text, spans = best
    start, end = 0, len(text)
    if len(text) > WINDOW:
        start = max(0, spans[0][0] - WINDOW // 3)
        # Start at a word boundary, end after a window's length.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), start + WINDOW)
        while end < len(text) and not text[end].isspace():
            end += 1
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("… ", False))
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        pieces.append((text[cursor:end], False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces
