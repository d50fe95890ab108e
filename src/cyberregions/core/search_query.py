"""The search syntax every search box speaks, parsed once and compiled for each engine.

Pure: no Django import, so the parser, the vocabulary expansion and both compilers are
tested alone (``core/tests/test_search_query.py``).

What a query means (the search-help popover says the same to users):
- every word must match (``incident response``), in any order;
- ``"quoted words"`` match as a phrase;
- a word matches whole, in its inflections (stemming); ``secur*`` matches as a prefix, and
  so does the word still being typed in a box that searches as one types;
- ``A OR B`` matches either; ``-word`` or ``-"a phrase"`` excludes;
- the field's vocabulary (``taxonomy/reference/search_vocabulary.json``) expands a known
  term to its synonyms, abbreviations and translations, and to the JRC domain it names.

Anything else — unbalanced quotes, operators alone, punctuation, emoji, NUL bytes, 10 kB —
parses to something searchable or to nothing, never to an error: an unbalanced quote closes
at the end, a lone operator is dropped, and only the first ``MAX_CLAUSES`` clauses count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 500
MAX_CLAUSES = 12
MAX_PHRASE_WORDS = 8
# Letters and digits; the underscore is a separator like the tokenisers' own.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
TAG_PREFIX = "zzjrc"
TAG_SUFFIX = "zz"


def fold(text: str) -> str:
    """Lower case without accents: "Sécurité" and "securite" are one word on every engine."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def tag_token(code: str) -> str:
    """The word an organisation's document carries for a JRC domain it is tagged with
    (letters only, so that neither engine's stemmer nor tokeniser changes it)."""
    return f"{TAG_PREFIX}{''.join(char for char in code.lower() if char.isalpha())}{TAG_SUFFIX}"


@dataclass(frozen=True)
class Term:
    """A word, or a phrase of several words in this order; ``prefix`` on the last word."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Concept:
    """A vocabulary concept: any of its phrases, or an organisation tagged with its domain."""

    key: str
    phrases: tuple[tuple[str, ...], ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """One required part of the query: any of ``options`` (several when joined by OR);
    ``negated`` clauses exclude."""

    options: tuple[Term | Concept, ...]
    negated: bool = False


@dataclass
class Query:
    clauses: list[Clause] = field(default_factory=list)
    # Why part of the input was set aside, as codes the pages translate.
    notes: list[str] = field(default_factory=list)

    @property
    def positive(self) -> list[Clause]:
        return [clause for clause in self.clauses if not clause.negated]

    @property
    def searchable(self) -> bool:
        """At least one clause says what to look for: exclusions alone cannot be run."""
        return bool(self.positive)

    def highlight_terms(self) -> list[tuple[tuple[str, ...], bool]]:
        """Every phrase a result may have matched, with whether its last word is a prefix,
        for snippets (exclusions left out)."""
        found: list[tuple[tuple[str, ...], bool]] = []
        for clause in self.positive:
            for option in clause.options:
                if isinstance(option, Concept):
                    phrases = [(phrase, False) for phrase in option.phrases]
                else:
                    phrases = [(option.words, option.prefix)]
                found.extend(phrase for phrase in phrases if phrase not in found)
        return found

    def concept_keys(self) -> list[str]:
        return [
            option.key
            for clause in self.positive
            for option in clause.options
            if isinstance(option, Concept)
        ]


@dataclass(frozen=True)
class _Token:
    words: tuple[str, ...]
    quoted: bool
    negated: bool
    prefix: bool
    is_or: bool = False


def _tokens(text: str, typing: bool) -> list[_Token]:
    tokens: list[_Token] = []
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        negated = False
        if char == "-" and position + 1 < length and not text[position + 1].isspace():
            negated = True
            position += 1
            char = text[position]
        if char == '"':
            end = text.find('"', position + 1)
            closed = end != -1
            end = end if closed else length
            raw = text[position + 1 : end]
            position = end + 1
            found = tuple(words(raw))
            prefix = raw.rstrip().endswith("*") or (typing and not closed and position >= length)
            if found:
                tokens.append(_Token(found[:MAX_PHRASE_WORDS], True, negated, prefix))
            continue
        end = position
        while end < length and not text[end].isspace() and text[end] != '"':
            end += 1
        raw = text[position:end]
        position = end
        if raw == "OR" and not negated:
            tokens.append(_Token((), False, False, False, is_or=True))
            continue
        found = tuple(words(raw))
        if not found:
            continue
        at_end = end >= length
        prefix = raw.endswith("*") or (typing and at_end)
        tokens.append(_Token(found[:MAX_PHRASE_WORDS], len(found) > 1, negated, prefix))
    return tokens


def parse(text: str, vocabulary: Vocabulary | None = None, *, typing: bool = False) -> Query:
    """The query ``text`` means; ``typing`` when the box searches while its last word is
    still being typed (that word then matches as a prefix)."""
    query = Query()
    text = (text or "").replace("\x00", "")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        query.notes.append("truncated")
    groups: list[list[_Token]] = []
    joining = False
    for token in _tokens(text, typing):
        if token.is_or:
            joining = bool(groups) and not groups[-1][-1].negated
            continue
        if joining and not token.negated:
            groups[-1].append(token)
        else:
            groups.append([token])
        joining = False
    if len(groups) > MAX_CLAUSES:
        groups = groups[:MAX_CLAUSES]
        query.notes.append("too_many_words")
    clauses = [
        Clause(
            tuple(Term(token.words, token.prefix) for token in group),
            negated=group[0].negated,
        )
        for group in groups
    ]
    if vocabulary is not None:
        clauses = vocabulary.expand(clauses)
    query.clauses = clauses
    if clauses and not query.searchable:
        query.notes.append("only_exclusions")
    return query


class Vocabulary:
    """The field's vocabulary: concepts, each with its phrases in every language (folded) and
    the JRC domain codes it names. Built from plain data (see ``taxonomy.search_vocabulary``)."""

    def __init__(self, concepts: Iterable[Mapping]):
        self.concepts: dict[str, Concept] = {}
        self.labels: dict[str, str] = {}
        self._by_phrase: dict[tuple[str, ...], str] = {}
        # Every word of every phrase, for spelling suggestions.
        self.surface_words: set[str] = set()
        self.longest = 1
        for entry in concepts:
            phrases: list[tuple[str, ...]] = []
            for term in entry["terms"]:
                phrase = tuple(words(term))
                if phrase and phrase not in phrases:
                    phrases.append(phrase)
            if not phrases:
                continue
            key = entry["key"]
            concept = Concept(key, tuple(phrases), tuple(tag_token(code) for code in entry["tags"]))
            self.concepts[key] = concept
            self.labels[key] = entry.get("label") or " ".join(phrases[0])
            for phrase in phrases:
                self.surface_words.update(word for word in phrase if len(word) > 3)
                self._by_phrase.setdefault(phrase, key)
                self._by_phrase.setdefault(_singular(phrase), key)
                self.longest = max(self.longest, len(phrase))

    def lookup(self, phrase: Sequence[str]) -> Concept | None:
        phrase = tuple(phrase)
        key = self._by_phrase.get(phrase) or self._by_phrase.get(_singular(phrase))
        return self.concepts.get(key) if key else None

    def expand(self, clauses: list[Clause]) -> list[Clause]:
        """Known terms become their concept: a quoted phrase or an OR option equal to a
        term, and runs of plain words forming one (longest first, "incident response" before
        "incident"; "test d'intrusion" is three words)."""
        expanded: list[Clause] = []
        index = 0
        while index < len(clauses):
            run = 0
            while (
                index + run < len(clauses)
                and run < self.longest
                and _plain_word(clauses[index + run])
            ):
                run += 1
            matched = None
            for size in range(run, 1, -1):
                phrase = tuple(
                    word for k in range(size) for word in clauses[index + k].options[0].words
                )
                matched = self.lookup(phrase)
                if matched:
                    expanded.append(Clause((matched,)))
                    index += size
                    break
            if matched:
                continue
            clause = clauses[index]
            options = tuple(self._option(option) for option in clause.options)
            expanded.append(Clause(options, clause.negated))
            index += 1
        return expanded

    def _option(self, option: Term | Concept) -> Term | Concept:
        if isinstance(option, Term) and not option.prefix:
            return self.lookup(option.words) or option
        return option


def _plain_word(clause: Clause) -> bool:
    if clause.negated or len(clause.options) != 1:
        return False
    option = clause.options[0]
    return isinstance(option, Term) and not option.prefix


def _singular(phrase: tuple[str, ...]) -> tuple[str, ...]:
    last = phrase[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return (*phrase[:-1], last[:-1])
    return phrase


# The compilers. Columns of the index, in the order of weights: name, offers, description,
# needs. A scope names the columns a match may come from.
SCOPES = {
    "offers": ("name", "offers", "description"),
    "needs": ("needs",),
    "all": ("name", "offers", "description", "needs"),
}
POSTGRES_WEIGHTS = {"name": "A", "offers": "B", "description": "C", "needs": "D"}


def fts5_expression(query: Query, scope: str = "all") -> str:
    """The query as an SQLite FTS5 MATCH expression restricted to the scope's columns.
    Only folded letters and digits reach it, each inside double quotes."""
    positive = [_fts5_clause(clause) for clause in query.positive]
    if not positive:
        return ""
    expression = " AND ".join(positive)
    for clause in query.clauses:
        if clause.negated:
            expression = f"({expression}) NOT {_fts5_clause(clause)}"
    columns = SCOPES[scope]
    if columns == SCOPES["all"]:
        return expression
    return f"{{{' '.join(columns)}}} : ({expression})"


def _fts5_clause(clause: Clause) -> str:
    parts: list[str] = []
    for option in clause.options:
        if isinstance(option, Concept):
            parts.extend(f'"{" ".join(phrase)}"' for phrase in option.phrases)
            parts.extend(f'"{tag}"' for tag in option.tags)
        else:
            parts.append(f'"{" ".join(option.words)}"' + ("*" if option.prefix else ""))
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def tsquery_text(query: Query, scope: str = "all") -> str:
    """The query as the text of ``to_tsquery`` (which stems each word with the project's
    text search configuration); weights restrict each word to the scope's columns."""
    weights = "".join(POSTGRES_WEIGHTS[column] for column in SCOPES[scope])
    label = "" if scope == "all" else weights
    parts = [_tsquery_clause(clause, label) for clause in query.positive]
    if not parts:
        return ""
    parts += [f"!{_tsquery_clause(clause, label)}" for clause in query.clauses if clause.negated]
    return " & ".join(parts)


def _tsquery_clause(clause: Clause, label: str) -> str:
    def lexeme(word: str, prefix: bool = False) -> str:
        marks = ("*" if prefix else "") + label
        return f"{word}:{marks}" if marks else word

    def phrase(found: Sequence[str], prefix: bool = False) -> str:
        lexemes = [lexeme(word, prefix and i == len(found) - 1) for i, word in enumerate(found)]
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"

    parts: list[str] = []
    for option in clause.options:
        if isinstance(option, Concept):
            parts.extend(phrase(found) for found in option.phrases)
            parts.extend(lexeme(tag) for tag in option.tags)
        else:
            parts.append(phrase(option.words, option.prefix))
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"
