"""The word dictionary and the entity-name table, and the query `Source` the CLI evaluates against.

`word_entry` decides what a query word stands for in each language. The exporter writes its result
for every word of the vocabulary, so the browser needs no stemmer: a word typed in the browser and
on the command line is looked up, and stands for the same terms, by construction.

A word the archive never contains is not in the dictionary; evaluation then guesses its stem from
the indexed terms and a table of endings (guess.py), the same way on both sides.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from itertools import takewhile
from pathlib import Path

from generator.search.analysis import analysis, split_surface, stop_words, utf16_key
from generator.search.documents import EntityRecord
from generator.search.engine import IndexReader
from generator.search.evaluate import Postings, WordEntry
from generator.search.guess import EndingCounter, load_endings, save_endings

ENTITIES_FILE = "entities.json"


def word_entry(
    key: str, lowers: Iterable[str], languages: Sequence[str], has_term: Callable[[str, str], bool]
) -> WordEntry:
    """Per language: None if `key` is a stop word there, else the indexed terms its spellings stem to."""
    entry: WordEntry = {}
    lowers = sorted(set(lowers))
    for language in languages:
        lang = analysis(language)
        if lang.is_stop(key):
            entry[language] = None
            continue
        terms = set()
        for lower in lowers:
            term = lang.term(lower)  # memoised; `lower` is already lower-case
            if term is not None and has_term(language, term):
                terms.add(term)
        if terms:
            entry[language] = tuple(sorted(terms, key=utf16_key))
    return entry


def has_terms(entry: WordEntry) -> bool:
    return any(terms for terms in entry.values())


def all_stop_words(languages: Sequence[str]) -> set[str]:
    return set().union(*(stop_words(lang) for lang in languages)) if languages else set()


class EntityTable:
    """Entities by lookup key (every name, and a person's surname)."""

    def __init__(self, records: Iterable[EntityRecord]) -> None:
        self.records = sorted(records, key=lambda e: e.id)
        by_key: defaultdict[str, list[EntityRecord]] = defaultdict(list)
        for record in self.records:
            for key in record.lookup_keys():
                by_key[key].append(record)
        self.by_key = dict(by_key)

    def find(self, key: str) -> list[EntityRecord]:
        return self.by_key.get(key, [])

    def save(self, directory: Path) -> None:
        data = [asdict(r) for r in self.records]
        (directory / ENTITIES_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> EntityTable:
        try:
            data = json.loads((directory / ENTITIES_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls([])
        return cls(EntityRecord(d["id"], d["kind"], d["name"], tuple(d["aliases"])) for d in data)


class IndexSource:
    """`evaluate.Source` over the whoosh index, in whoosh document numbers (for the CLI)."""

    def __init__(self, reader: IndexReader, entities: EntityTable) -> None:
        self.reader = reader
        self.entity_table = entities
        self.languages = reader.languages
        self._terms: dict[tuple[str, str], bool] = {}
        self._endings: dict[str, frozenset[str]] | None = None

    def stats(self, field: str) -> tuple[int, float]:
        return self.reader.stats(field)

    def postings(self, field: str, term: str) -> Postings:
        return self.reader.postings(field, term)

    def positions(self, field: str, term: str) -> dict[int, Sequence[int]]:
        return self.reader.positions(field, term)

    def has_term(self, language: str, term: str) -> bool:
        known = self._terms.get((language, term))
        if known is None:
            known = any(
                next(self.reader.raw_postings(f"{kind}@{language}", term), None) is not None
                for kind in ("title", "body")
            )
            self._terms[(language, term)] = known
        return known

    def is_term(self, language: str, term: str) -> bool:
        return self.has_term(language, term)

    def endings(self, language: str) -> frozenset[str]:
        if self._endings is None:
            directory = self.reader.directory
            table = load_endings(directory, self.reader.generation)
            if table is None:  # an index the exporter has not seen yet: derive the table the same way
                table = ending_table(self.reader, self.languages, self.has_term)
                save_endings(directory, self.reader.generation, table)
            self._endings = {lang: frozenset(endings) for lang, endings in table.items()}
        return self._endings.get(language, frozenset())

    def _lowers(self, entries: Iterable[str]) -> dict[str, list[str]]:
        groups: defaultdict[str, list[str]] = defaultdict(list)
        for entry in entries:
            key, lower = split_surface(entry)
            groups[key].append(lower)
        return groups

    def word(self, key: str) -> WordEntry:
        # Entries of `key` itself come first among those starting with it ("key", "key\x01…").
        exact = takewhile(lambda e: split_surface(e)[0] == key, self.reader.surfaces(key))
        lowers = self._lowers(exact).get(key, [])
        return word_entry(key, lowers, self.languages, self.has_term)

    def prefix_words(self, prefix: str, limit: int) -> list[tuple[str, WordEntry]]:
        groups = self._lowers(self.reader.surfaces(prefix))
        out = []
        for key in sorted(groups, key=utf16_key):
            entry = word_entry(key, groups[key], self.languages, self.has_term)
            if has_terms(entry):
                out.append((key, entry))
                if len(out) == limit:
                    break
        return out

    def entities(self, key: str) -> list[EntityRecord]:
        return self.entity_table.find(key)

    def docs_with(self, field: str, value: str) -> set[int]:
        return self.reader.docs_with(field, value)

    def docs_dated(self, start: str, end: str) -> set[int]:
        return self.reader.docs_dated(start, end)

    def all_docs(self) -> set[int]:
        return self.reader.all_docs()


def ending_table(
    reader: IndexReader, languages: Sequence[str], has_term: Callable[[str, str], bool]
) -> dict[str, list[str]]:
    """guess.py's table from the whole vocabulary, as the exporter derives it while writing shards."""
    counter = EndingCounter()
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for entry in reader.surfaces(""):
        key, lower = split_surface(entry)
        groups[key].append(lower)
    for key, lowers in groups.items():
        for lang, terms in word_entry(key, lowers, languages, has_term).items():
            if terms:
                counter.add(key, lang, terms)
    return counter.table()
