"""Evaluate a query tree against any index `Source`: which documents match, with what score.

This is the specification the browser's `engine.js` follows line for line: the same clauses, the
same order of summation, the same tie-break. The whoosh-backed source (engine.py) serves the CLI;
the browser's source reads the exported files. Semantics:

- a word matches, in each language, the index terms its dictionary entry gives (title and body),
  plus, with expansion on, the articles linked to an entity one of whose names it is; a word the
  dictionary lacks stands for the stem guess.py finds in each language (reported as `guesses`);
- a word that is a stop word in a language is neutral there: it matches every article of that
  language with score 0, so "la guerre" still finds French articles about "guerre";
- a phrase needs its terms at consecutive positions (stop words leave no gap, as when indexing);
- a prefix stands for the first MAX_EXPANSION dictionary words that start with it;
- filters (person:, source:, lang:, tag:, date:) and NOT score 0;
- AND sums its positive parts and removes its negative ones; OR sums the parts that match.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from generator.search.analysis import key_of, tokens, utf16_key
from generator.search.documents import EntityRecord
from generator.search.guess import Guess, guess_term, pick_forms
from generator.search.query import (
    And,
    DateRange,
    EntityFilter,
    Filter,
    Node,
    Not,
    Nothing,
    Or,
    Phrase,
    Prefix,
    Word,
)
from generator.search.scoring import MAX_EXPANSION, bm25, idf

# Per language: the index terms a word stands for, or None where it is a stop word.
WordEntry = dict[str, tuple[str, ...] | None]
Scores = dict[int, float]


@dataclass(frozen=True, slots=True)
class Postings:
    docs: Sequence[int]  # ascending
    tfs: Sequence[int]
    lengths: Sequence[int]  # the field's length in each document, as the engine stores it


EMPTY = Postings((), (), ())


class Source(Protocol):
    languages: tuple[str, ...]

    def stats(self, field: str) -> tuple[int, float]:
        """(documents the field's statistics cover, their average length of the field)."""
        ...

    def postings(self, field: str, term: str) -> Postings: ...

    def positions(self, field: str, term: str) -> dict[int, Sequence[int]]: ...

    def word(self, key: str) -> WordEntry: ...

    def prefix_words(self, prefix: str, limit: int) -> list[tuple[str, WordEntry]]:
        """Dictionary words starting with `prefix` that stand for at least one term, in order."""
        ...

    def entities(self, key: str) -> list[EntityRecord]:
        """Entities one of whose lookup keys is `key`, by id."""
        ...

    def is_term(self, language: str, term: str) -> bool:
        """Whether `term` is indexed in the language's title or body."""
        ...

    def endings(self, language: str) -> Container[str]:
        """The language's endings table (guess.py); empty for a language without a stemmer."""
        ...

    def docs_with(self, field: str, value: str) -> set[int]:
        """Documents whose `field` (lang, source, tag, person, place, org) holds `value`."""
        ...

    def docs_dated(self, start: str, end: str) -> set[int]: ...

    def all_docs(self) -> set[int]: ...


@dataclass(frozen=True, slots=True)
class Expansion:
    """A query word or phrase that named an entity (reported as "also matched: …")."""

    key: str
    entity: EntityRecord
    shown: tuple[str, ...]


@dataclass(slots=True)
class Evaluation:
    scores: Scores
    expansions: list[Expansion] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # query words the archive never contains
    guesses: list[Guess] = field(default_factory=list)  # words the dictionary lacks, searched as a stem


def evaluate(source: Source, node: Node | None, expand: bool = True) -> Evaluation:
    run = _Run(source, expand)
    scores = run.node(node) if node is not None else {}
    unknown = unknown_words(source, node, expand, run)
    return Evaluation(scores, run.expansions, unknown, run.guesses)


def unknown_words(source: Source, node: Node | None, expand: bool = True, run: _Run | None = None) -> list[str]:
    """Words of the query (outside prefixes and filters) that stand for nothing in this archive.

    Neither in the dictionary (lookup.py) nor an inflection of an indexed stem (guess.py), nor, with
    expansion, a name: the page suggests a prefix instead.
    """
    run = run or _Run(source, expand)
    keys: list[str] = []

    def walk(item: Node | None) -> None:
        match item:
            case Word(key, _):
                keys.append(key)
            case Phrase(words, _):
                keys.extend(words)
            case Not(child):
                walk(child)
            case And(children) | Or(children):
                for child in children:
                    walk(child)

    walk(node)
    unknown = []
    for key in dict.fromkeys(keys):
        if not run.entry(key) and not (expand and source.entities(key)):
            unknown.append(key)
    return unknown


def is_scored(node: Node | None) -> bool:
    """Whether some clause can give a score (a word, phrase or prefix outside a NOT).

    A query of filters alone ("lang:fr date:2024") scores every match 0; it is then ordered by date.
    """
    match node:
        case Word() | Phrase() | Prefix():
            return True
        case And(children) | Or(children):
            return any(is_scored(c) for c in children)
    return False


def text_fields(source: Source, language: str, field: str) -> list[str]:
    kinds = ("title",) if field == "title" else ("title", "body")
    return [f"{kind}@{language}" for kind in kinds]


class _Run:
    def __init__(self, source: Source, expand: bool) -> None:
        self.source = source
        self.expand = expand
        self.expansions: list[Expansion] = []
        self.guesses: list[Guess] = []
        self._seen: set[tuple[str, str]] = set()
        self._entries: dict[str, WordEntry] = {}

    def entry(self, key: str) -> WordEntry:
        """The dictionary entry of `key`; for a word the dictionary lacks, the stems guessed for it."""
        entry = self._entries.get(key)
        if entry is None:
            entry = self.source.word(key) or self.guess(key)
            self._entries[key] = entry
        return entry

    def guess(self, key: str) -> WordEntry:
        entry: WordEntry = {}
        if not key.isalpha():
            return entry
        for language in self.source.languages:
            endings = self.source.endings(language)
            if not endings:
                continue
            term = guess_term(key, endings, lambda t, lang=language: self.source.is_term(lang, t))
            if term is not None:
                entry[language] = (term,)
                forms = pick_forms(term, language, self.source.prefix_words(term, MAX_EXPANSION))
                self.guesses.append(Guess(key, language, term, forms))
        return entry

    def node(self, node: Node) -> Scores:
        match node:
            case And(children):
                return self.conjunction(children)
            case Or(children):
                return _union([self.node(c) for c in children])
            case Not(child):
                excluded = self.node(child)
                return {d: 0.0 for d in self.source.all_docs() if d not in excluded}
            case Word(key, field):
                return self.word(key, field)
            case Phrase(keys, field):
                return self.phrase(keys, field)
            case Prefix(key, field):
                return self.prefix(key, field)
            case EntityFilter(field, key):
                ids = sorted((e.id for e in self.source.entities(key) if e.field == field), key=utf16_key)
                docs: set[int] = set()
                for entity_id in ids:
                    docs |= self.source.docs_with(field, entity_id)
                return dict.fromkeys(docs, 0.0)
            case Filter(field, key):
                return dict.fromkeys(self.source.docs_with(field, key), 0.0)
            case DateRange(start, end):
                return dict.fromkeys(self.source.docs_dated(start, end), 0.0)
            case Nothing():
                return {}
        raise TypeError(node)

    def conjunction(self, children: tuple[Node, ...]) -> Scores:
        positive = [c for c in children if not isinstance(c, Not)]
        negative = [c.child for c in children if isinstance(c, Not)]
        if positive:
            result = self.node(positive[0])
            for child in positive[1:]:
                if not result:
                    break
                other = self.node(child)
                result = {d: s + other[d] for d, s in result.items() if d in other}
        else:
            result = dict.fromkeys(self.source.all_docs(), 0.0)
        for child in negative:
            if not result:
                break
            excluded = self.node(child)
            result = {d: s for d, s in result.items() if d not in excluded}
        return result

    def word(self, key: str, field: str) -> Scores:
        entry = self.entry(key)
        parts: list[Scores] = []
        for language in self.source.languages:
            if language not in entry:
                continue
            terms = entry[language]
            if terms is None:
                parts.append(dict.fromkeys(self.source.docs_with("lang", language), 0.0))
                continue
            for term in terms:
                for name in text_fields(self.source, language, field):
                    parts.append(self.term(name, term))
        if self.expand and field == "":
            parts.extend(self.entity_parts(key, 1))
        return _union(parts)

    def phrase(self, keys: tuple[str, ...], field: str) -> Scores:
        entries = [self.entry(k) for k in keys]
        parts: list[Scores] = []
        for language in self.source.languages:
            slots: list[tuple[str, ...]] = []
            missing = False
            for entry in entries:
                if language not in entry:
                    missing = True
                    break
                terms = entry[language]
                if terms is not None:
                    slots.append(terms)
            if missing:
                continue
            if not slots:  # only stop words in this language: neutral, as a lone stop word
                parts.append(dict.fromkeys(self.source.docs_with("lang", language), 0.0))
                continue
            for name in text_fields(self.source, language, field):
                parts.append(self.phrase_in(name, slots))
        if self.expand and field == "":
            parts.extend(self.entity_parts(" ".join(keys), len(keys)))
        return _union(parts)

    def prefix(self, key: str, field: str) -> Scores:
        words = self.source.prefix_words(key, MAX_EXPANSION)
        parts: list[Scores] = []
        for language in self.source.languages:
            terms = sorted({t for _, entry in words for t in (entry.get(language) or ())}, key=utf16_key)
            for term in terms:
                for name in text_fields(self.source, language, field):
                    parts.append(self.term(name, term))
        return _union(parts)

    def entity_parts(self, key: str, words: int) -> list[Scores]:
        parts = []
        for entity in self.source.entities(key):
            parts.append(self.term(entity.field, entity.id))
            if (key, entity.id) not in self._seen:
                self._seen.add((key, entity.id))
                self.expansions.append(Expansion(key, entity, shown_names(entity, key, words)))
        return parts

    def term(self, field: str, term: str) -> Scores:
        postings = self.source.postings(field, term)
        if not postings.docs:
            return {}
        kind = field.partition("@")[0]
        docs, avg = self.source.stats(field)
        weight = idf(docs, len(postings.docs))
        return {
            d: bm25(kind, weight, tf, length, avg or 1.0)
            for d, tf, length in zip(postings.docs, postings.tfs, postings.lengths, strict=True)
        }

    def phrase_in(self, field: str, slots: list[tuple[str, ...]]) -> Scores:
        """Documents where one term of each slot follows one of the previous slot's; scores summed."""
        scored = [[(t, self.term(field, t)) for t in slot] for slot in slots]
        candidates: set[int] | None = None
        for slot in scored:
            docs = set().union(*(s.keys() for _, s in slot))
            candidates = docs if candidates is None else candidates & docs
            if not candidates:
                return {}
        assert candidates is not None
        if len(slots) > 1:
            where = [
                [(t, self.source.positions(field, t)) for t, s in slot if s.keys() & candidates] for slot in scored
            ]
            candidates = {d for d in candidates if _adjacent(d, where)}
        result: Scores = {}
        for d in sorted(candidates):
            total = 0.0
            for slot in scored:
                for _, s in slot:
                    if d in s:
                        total += s[d]
            result[d] = total
        return result


def _adjacent(doc: int, where: list[list[tuple[str, dict[int, Sequence[int]]]]]) -> bool:
    starts: set[int] | None = None
    for offset, slot in enumerate(where):
        here: set[int] = set()
        for _, positions in slot:
            here.update(p - offset for p in positions.get(doc, ()))
        starts = here if starts is None else starts & here
        if not starts:
            return False
    return bool(starts)


def _union(parts: list[Scores]) -> Scores:
    if len(parts) == 1:
        return parts[0]
    result: Scores = {}
    for part in parts:
        for d, s in part.items():
            result[d] = result[d] + s if d in result else s
    return result


def shown_names(entity: EntityRecord, key: str, words: int) -> tuple[str, ...]:
    """Other names of the entity, as long as the query: Tokayev -> Tokaïev, Tokajew, Токаев.

    A one-word query that named a person by surname is shown the surnames of the other names.
    """
    shown = []
    seen = {key}
    for name in entity.names():
        parts = tokens(name)
        if len(parts) == words:
            candidate = name
        elif words == 1 and entity.field == "person" and parts:
            candidate = parts[-1]
        else:
            continue
        candidate_key = key_of(candidate)
        if candidate_key in seen:
            continue
        seen.add(candidate_key)
        shown.append(candidate)
    return tuple(shown) or (entity.name,)



