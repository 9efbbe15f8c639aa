"""Reading the index in engine-neutral terms: postings, statistics, vocabulary (the whoosh boundary)."""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import length_to_byte

from generator.search.documents import ENTITY_FIELDS
from generator.search.engine.schema import INDEX_NAME, LENGTH_TABLE, STATS_FILE, whoosh_name
from generator.search.engine.state import Vocabulary, write_stats
from generator.search.evaluate import EMPTY, Postings


@dataclass(frozen=True, slots=True)
class StoredDoc:
    docnum: int
    slug: str
    language: str
    date: str
    title: str
    source: str


def _leaf_items(matcher: W3LeafMatcher, values: bool) -> Iterator[tuple[int, float, Any]]:
    """A leaf matcher's postings a block at a time: ~5x faster than id()/weight()/next() per posting.

    Uses the W3 codec's block attributes (whoosh 2.7 is frozen, and the version is pinned).
    """
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        if values:
            matcher._read_values()
            yield from zip(matcher._ids, matcher._weights, matcher._values, strict=False)
        else:
            for docnum, weight in zip(matcher._ids, matcher._weights, strict=False):
                yield docnum, weight, None
        matcher._next_block()


def _matcher_items(matcher: Any, values: bool) -> Iterator[tuple[int, float, Any]]:
    while matcher.is_active():
        yield matcher.id(), matcher.weight(), matcher.value() if values else None
        matcher.next()


class IndexReader:
    """Read-only view of the index in engine-neutral terms; close it (or use `with`)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        # Read the segment files rather than map them: the export reads every posting once, and a
        # mapping would keep the whole index resident in this process meanwhile (docs/benchmarks.md).
        self._ix = FileStorage(str(directory), supports_mmap=False).open_index(INDEX_NAME)
        self._reader = self._ix.reader()
        schema = self._ix.schema
        self._names = set(schema.names())
        self.languages: tuple[str, ...] = tuple(
            sorted(name.removeprefix("body_") for name in schema.names() if name.startswith("body_"))
        )
        stats = json.loads((directory / STATS_FILE).read_text(encoding="utf-8"))
        if stats["generation"] != self._ix.latest_generation():
            write_stats(directory, self._reader, self._ix.latest_generation())
            stats = json.loads((directory / STATS_FILE).read_text(encoding="utf-8"))
        self.doc_count: int = stats["docs"]
        self._stats = {f: (n, (s / n) if n else 0.0) for f, (n, s) in stats["fields"].items()}
        self._lengths: dict[str, array[int]] = {}  # per field, per docnum: the length code, or -1
        self._leaves = [
            (seg, offset, getattr(seg, "deleted_docs_set", frozenset()))  # an empty index has no segment
            for seg, offset in self._reader.leaf_readers()
        ]
        generation = self._ix.latest_generation()
        self.generation: int = generation
        vocabulary = Vocabulary.load(directory, generation) or Vocabulary.recount(self._reader)
        self._vocabulary = vocabulary.sorted_entries()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._reader.close()
        self._ix.close()

    # statistics and documents

    def stats(self, field: str) -> tuple[int, float]:
        return self._stats.get(field, (0, 0.0))

    def fields(self) -> list[str]:
        """Every scored field, in a fixed order: text fields by language, then entity fields."""
        text = [f"{kind}@{lang}" for lang in self.languages for kind in ("title", "body")]
        return text + list(ENTITY_FIELDS.values())

    def documents(self) -> Iterator[StoredDoc]:
        for docnum, stored in self._reader.iter_docs():
            meta = stored.get("meta") or {}
            yield StoredDoc(
                docnum, stored["slug"], stored["lang"], stored.get("date", ""), meta.get("title", ""),
                meta.get("source", ""),
            )

    def document(self, docnum: int) -> StoredDoc:
        stored = self._reader.stored_fields(docnum)
        meta = stored.get("meta") or {}
        return StoredDoc(
            docnum, stored["slug"], stored["lang"], stored.get("date", ""), meta.get("title", ""),
            meta.get("source", ""),
        )

    def all_docs(self) -> set[int]:
        return set(self._reader.all_doc_ids())

    # terms and postings

    def terms(self, field: str) -> Iterator[str]:
        """The field's terms in index order (some may have only deleted documents: no postings)."""
        name = whoosh_name(field)
        if name not in self._names:
            return iter(())
        return self._reader.field_terms(name)

    def length_code(self, field: str, docnum: int) -> int:
        """The field's length in the document, as a code into LENGTH_TABLE (whoosh keeps a byte)."""
        cache = self._lengths.get(field)
        if cache is None:
            cache = self._lengths[field] = array("h", [-1]) * self._reader.doc_count_all()
        code = cache[docnum]
        if code < 0:
            code = cache[docnum] = length_to_byte(self._reader.doc_field_length(docnum, whoosh_name(field), 0) or 0)
        return code

    def raw_postings(self, field: str, term: str, positions: bool = False) -> Iterator[tuple[int, int, Any]]:
        """(docnum, term frequency, positions or None) of live documents, ascending."""
        name = whoosh_name(field)
        if name not in self._names:
            return
        decode = self._reader.schema[name].format.decode_positions if positions else None
        for segment, offset, deleted in self._leaves:
            try:
                matcher = segment.postings(name, term)
            except TermNotFound:
                continue
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child  # deleted documents are skipped below, a block at a time
            if isinstance(matcher, W3LeafMatcher):
                items = _leaf_items(matcher, positions)
            else:  # another codec: the slow, public way
                items = _matcher_items(matcher, positions)
            for docnum, weight, value in items:
                if deleted and docnum in deleted:
                    continue
                yield docnum + offset, int(weight), decode(value) if decode else None

    def postings(self, field: str, term: str) -> Postings:
        items = list(self.raw_postings(field, term))
        if not items:
            return EMPTY
        docs = [d for d, _, _ in items]
        return Postings(docs, [tf for _, tf, _ in items], [LENGTH_TABLE[self.length_code(field, d)] for d in docs])

    def positions(self, field: str, term: str) -> dict[int, Sequence[int]]:
        return {d: pos for d, _, pos in self.raw_postings(field, term, positions=True)}

    def docs_with(self, field: str, value: str) -> set[int]:
        return {d for d, _, _ in self.raw_postings(field, value)}

    def date_terms(self, start: str, end: str) -> list[str]:
        return [t for t in self.terms("date") if (not start or t >= start) and (not end or t <= end)]

    def docs_dated(self, start: str, end: str) -> set[int]:
        docs: set[int] = set()
        for term in self.date_terms(start, end):
            docs |= self.docs_with("date", term)
        return docs

    def surfaces(self, prefix: str) -> Iterator[str]:
        """Vocabulary entries (see analysis.Surfaces) that start with `prefix`, in code point order."""
        entries = self._vocabulary
        for i in range(bisect_left(entries, prefix), len(entries)):
            if not entries[i].startswith(prefix):
                return
            yield entries[i]
