"""Export the index as small static files under `site/search/`, fetched by the browser on demand.

Layout (format 1; `js/search/index.js` reads it):

    manifest.json      sizes, languages and their document ranges, fields with their statistics,
                       scoring parameters, the length table, the first key of every shard
    s/<n>.json         a shard of the sorted key space: dictionary words ("w"), index terms with
                       their postings, inline when short ("t"), entity-name keys ("a")
    s/<n>.p.json       positions of the shard's inline terms (fetched for phrases only)
    p/<n>.txt          postings of a longer term; q/<n>.txt its positions
    e/<n>.json         entity records, by entity number
    d/<b>/<n>.json     a document's result record (title, slug, date, source, language, entities)
    x/<b>/<n>.txt      a document's plain text, for keyword-in-context excerpts
    dates.json         the dates of all documents, run-length coded in document order
    endings.json       per language, the endings that separate dictionary words from their stems
                       (guess.py; fetched only for a query word the archive lacks)

Documents are numbered in the CLI's tie-break order (language, newest first, slug), so a language
is a range of numbers and ties rank the same on both sides. Numbers are `encode.vlq` text.
Postings: per document, the gap from the previous document, then for scored fields the term
frequency packed with the length code (see `_postings`). Positions: per document, as many gaps as
its term frequency.
"""

from __future__ import annotations

import datetime as dt
import gc
import heapq
import json
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from generator.model import OutputFile
from generator.search.analysis import split_surface, utf16_key
from generator.search.documents import IndexDoc
from generator.search.encode import gaps, vlq
from generator.search.engine import LENGTH_TABLE, IndexReader, StoredDoc
from generator.search.guess import EndingCounter
from generator.search.lookup import EntityTable, all_stop_words, word_entry
from generator.search.scoring import parameters

FORMAT = 1
PREFIX = "search/"
SHARD_BYTES = 12_000  # raw size a shard grows to before the next one starts
INLINE_CHARS = 96  # postings up to this length live in the shard; longer ones get their own file
ENTITY_CHUNK = 128
DOC_BUCKET = 1000
TEXT_LIMIT = 40_000  # characters of an article's text kept for excerpts
FACET_WINDOW = 50  # results whose records give the facet counts (browser side)
FILTER_FIELDS = ("source", "tag")


@dataclass(slots=True)
class ExportReport:
    files: int = 0
    bytes: int = 0
    shards: int = 0
    terms: int = 0
    words: int = 0
    postings_files: int = 0
    endings: dict[str, list[str]] = field(default_factory=dict)  # guess.py's table, saved for the CLI


# A term's record in a shard: [field number, postings text or file number], plus (not exported in the
# shard itself) the positions text of an inline record, which goes to the shard's companion file.
_Record = list[Any]


def export_files(
    reader: IndexReader, entities: EntityTable, articles: dict[str, IndexDoc], report: ExportReport
) -> Iterator[OutputFile]:
    """Every file of `site/search/`, deterministic for a given index and catalogue.

    Memory stays small: long postings are yielded as soon as they are read, and shards are
    assembled and yielded one at a time from three sorted streams (words, terms, entity names).
    """
    # Objects that exist already (the catalogue) are left out of garbage collection meanwhile.
    gc.freeze()
    try:
        yield from _export_files(reader, entities, articles, report)
    finally:
        gc.unfreeze()


def _export_files(
    reader: IndexReader, entities: EntityTable, articles: dict[str, IndexDoc], report: ExportReport
) -> Iterator[OutputFile]:
    docs = sorted(reader.documents(), key=_order_key)
    docid = array("i", [-1]) * (max((d.docnum for d in docs), default=-1) + 1)  # whoosh number -> ours
    for i, d in enumerate(docs):
        docid[d.docnum] = i
    languages = list(reader.languages)
    ranges = _language_ranges(docs, languages)
    scored_fields = reader.fields()
    all_fields = scored_fields + list(FILTER_FIELDS)

    centres = {name: _centre(reader, name, docs) for name in scored_fields}
    terms: dict[str, list[_Record]] = {}
    text_terms: dict[str, set[str]] = defaultdict(set)
    external = 0
    # The collector would walk millions of small strings and lists that can never form a cycle.
    gc.disable()
    try:
        for number, name in enumerate(all_fields):
            scored = name in scored_fields
            language = name.partition("@")[2]
            for term in reader.terms(name):
                rows = sorted(
                    (docid[d], tf, reader.length_code(name, d) if scored else 0, pos)
                    for d, tf, pos in reader.raw_postings(name, term, positions=bool(language))
                )
                if not rows:
                    continue  # only deleted documents had it
                postings = _postings(rows, centres.get(name))
                positions = _positions(rows) if language else None
                if language:
                    text_terms[language].add(term)
                if len(postings) <= INLINE_CHARS:
                    record: _Record = [number, postings, positions]
                else:
                    record = [number, external, None]
                    yield _text(f"p/{external}.txt", postings)
                    if positions is not None:
                        yield _text(f"q/{external}.txt", positions)
                    external += 1
                terms.setdefault(term, []).append(record)
    finally:
        gc.enable()
    report.terms = len(terms)
    report.postings_files = external

    entity_number = {e.id: i for i, e in enumerate(entities.records)}
    aliases = {key: sorted(entity_number[r.id] for r in records) for key, records in entities.by_key.items()}
    counter = EndingCounter()
    words = _words(reader, languages, text_terms, report, counter)
    shard_keys: list[str] = []
    for number, (first, shard, positions) in enumerate(_shards(words, terms, aliases)):
        shard_keys.append(first)
        yield _json(f"s/{number}.json", shard)
        if positions:
            yield _json(f"s/{number}.p.json", positions)
    report.shards = len(shard_keys)
    del terms, text_terms, aliases  # the postings read above: freed before the per-document files
    report.endings = counter.table()  # complete now: the shards consumed every word
    yield _json("endings.json", report.endings)

    for start in range(0, len(entities.records), ENTITY_CHUNK):
        chunk = entities.records[start : start + ENTITY_CHUNK]
        yield _json(f"e/{start // ENTITY_CHUNK}.json", [[e.id, e.field, e.name, list(e.aliases)] for e in chunk])

    names = {e.id: e.name for e in entities.records}
    for number, doc in enumerate(docs):
        item = articles.get(doc.slug)
        yield _json(_doc_path("d", number, "json"), _record(doc, item, names))
        text = item.text[:TEXT_LIMIT] if item else ""
        yield _text(_doc_path("x", number, "txt"), text)
    yield _json("dates.json", _dates(docs))

    manifest = {
        "format": FORMAT,
        "docs": len(docs),
        "languages": [[lang, *ranges[lang]] for lang in languages],
        "fields": [_field_info(reader, name, centres.get(name)) for name in all_fields],
        "scoring": parameters(),
        "lengths": list(LENGTH_TABLE),
        "shards": shard_keys,
        "entityChunk": ENTITY_CHUNK,
        "entities": len(entities.records),
        "docBucket": DOC_BUCKET,
        "facetWindow": FACET_WINDOW,
    }
    yield _json("manifest.json", manifest)


def _order_key(doc: StoredDoc) -> tuple[str, int, str]:
    return (doc.language, -int(doc.date.replace("-", "")) if doc.date else 1, doc.slug)


def _language_ranges(docs: Sequence[StoredDoc], languages: Sequence[str]) -> dict[str, tuple[int, int]]:
    ranges = {}
    for lang in languages:
        numbers = [i for i, d in enumerate(docs) if d.language == lang]
        ranges[lang] = (numbers[0], numbers[-1] + 1) if numbers else (0, 0)
    return ranges


def _centre(reader: IndexReader, name: str, docs: Sequence[StoredDoc]) -> int:
    """The median length code of the documents a field covers (lengths are coded around it)."""
    language = name.partition("@")[2]
    codes = sorted(reader.length_code(name, d.docnum) for d in docs if not language or d.language == language)
    return codes[len(codes) // 2] if codes else 0


def _postings(rows: list[tuple[int, int, int, Any]], centre: int | None) -> str:
    """Per document: the gap from the previous one; for scored fields (`centre` given) one more
    number packing the term frequency with the length code, and a third only when tf > 3.

    packed = zigzag(code - centre) * 4 + min(tf - 1, 3): a typical posting takes two characters.
    """
    numbers: list[int] = []
    previous = 0
    for doc, tf, code, _ in rows:
        numbers.append(doc - previous)
        previous = doc
        if centre is not None:
            offset = code - centre
            low = min(tf - 1, 3)
            numbers.append((2 * offset if offset >= 0 else -2 * offset - 1) * 4 + low)
            if low == 3:
                numbers.append(tf - 4)
    return vlq(numbers)


def _positions(rows: list[tuple[int, int, int, Any]]) -> str:
    numbers: list[int] = []
    for _, _, _, pos in rows:
        numbers.extend(gaps(pos))
    return vlq(numbers)


def _words(
    reader: IndexReader,
    languages: list[str],
    text_terms: dict[str, set[str]],
    report: ExportReport,
    endings: EndingCounter,
) -> Iterator[tuple[str, list[Any]]]:
    """(folded word, [[language number, term…] or [language number] for a stop word, …]) in key order.

    Every vocabulary word that stands for an indexed term, and every stop word of every language
    (a stop word is neutral, not absent, so the browser must know it even if no article has it).
    """
    lang_number = {lang: i for i, lang in enumerate(languages)}

    def has_term(language: str, term: str) -> bool:
        return term in text_terms.get(language, ())

    entries = sorted(reader.surfaces(""), key=lambda e: utf16_key(split_surface(e)[0]))
    stops = sorted(all_stop_words(languages), key=utf16_key)
    grouped = groupby(heapq.merge(
        ((split_surface(e)[0], split_surface(e)[1]) for e in entries),
        ((stop, None) for stop in stops),
        key=lambda pair: utf16_key(pair[0]),
    ), key=lambda pair: pair[0])
    for key, pairs in grouped:
        lowers = [lower for _, lower in pairs if lower is not None]
        entry = word_entry(key, lowers, languages, has_term)
        if entry:
            for lang, terms in entry.items():
                if terms:
                    endings.add(key, lang, terms)
            report.words += 1
            yield key, [[lang_number[lang]] if t is None else [lang_number[lang], *t] for lang, t in entry.items()]


def _shards(
    words: Iterator[tuple[str, list[Any]]], terms: dict[str, list[_Record]], aliases: dict[str, list[int]]
) -> Iterator[tuple[str, dict[str, list[Any]], dict[str, str]]]:
    """Cut the sorted key space into shards of about SHARD_BYTES: (first key, shard, inline positions).

    The first key recorded for a shard is the shortest prefix of its first key that still sorts
    after the previous shard's last key, which keeps the manifest small.
    """
    streams = [
        ((key, "w", row) for key, row in words),
        ((key, "t", terms[key]) for key in sorted(terms, key=utf16_key)),
        ((key, "a", aliases[key]) for key in sorted(aliases, key=utf16_key)),
    ]
    shard: dict[str, list[Any]] = {"w": [], "t": [], "a": []}
    positions: dict[str, str] = {}
    first = ""
    last = ""
    size = 0
    for key, kind, value in heapq.merge(*streams, key=lambda item: utf16_key(item[0])):
        if size >= SHARD_BYTES and key != last:
            yield first, shard, positions
            first = _separator(last, key)
            shard, positions, size = {"w": [], "t": [], "a": []}, {}, 0
        last = key
        if kind == "w":
            shard["w"].append([key, *value])
            size += len(key) + 4 + sum(4 + sum(len(t) for t in item[1:]) for item in value)
        elif kind == "t":
            row: list[Any] = [key]
            for number, data, inline_positions in value:
                row.append([number, data])
                size += 8 + (len(data) if isinstance(data, str) else 0)
                if inline_positions:
                    positions[f"{number} {key}"] = inline_positions
            shard["t"].append(row)
            size += len(key)
        else:
            shard["a"].append([key, *value])
            size += len(key) + 4 * len(value)
    yield first, shard, positions


def _separator(previous: str, key: str) -> str:
    """The shortest prefix of `key` that sorts after `previous` (JavaScript order)."""
    bound = utf16_key(previous)
    for end in range(1, len(key) + 1):
        if utf16_key(key[:end]) > bound:
            return key[:end]
    return key


def _field_info(reader: IndexReader, name: str, centre: int | None) -> list[Any]:
    """[kind, language or null, documents covered, average length, scored, length-code centre]."""
    kind, _, lang = name.partition("@")
    if centre is None:
        return [kind, None, 0, 0.0, False, 0]
    docs, avg = reader.stats(name)
    return [kind, lang or None, docs, avg, True, centre]


def _doc_path(folder: str, number: int, suffix: str) -> str:
    return f"{folder}/{number // DOC_BUCKET}/{number % DOC_BUCKET}.{suffix}"


def _record(doc: StoredDoc, item: IndexDoc | None, names: dict[str, str]) -> dict[str, Any]:
    """A result record; "e" lists linked entities, most mentioned first, as [field, name]."""
    record: dict[str, Any] = {"s": doc.slug, "t": doc.title, "l": doc.language}
    if doc.date:
        record["d"] = doc.date
    if doc.source:
        record["src"] = doc.source
    if item is not None and item.entities:
        ranked = sorted(item.entities, key=lambda e: (-e[2], e[1]))
        record["e"] = [[field, names[entity_id]] for field, entity_id, _ in ranked if entity_id in names]
    return record


def _dates(docs: Sequence[StoredDoc]) -> dict[str, Any]:
    """Runs of equal dates in document order: [days since 1970-01-01 (null: undated), count, …]."""
    epoch = dt.date(1970, 1, 1)
    runs: list[int | None] = []
    for doc in docs:
        day = (dt.date.fromisoformat(doc.date) - epoch).days if doc.date else None
        if runs and runs[-2] == day:
            runs[-1] += 1  # type: ignore[operator]
        else:
            runs.extend([day, 1])
    return {"runs": runs}


def _json(path: str, data: Any) -> OutputFile:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return OutputFile(PREFIX + path, text.encode("utf-8"))


def _text(path: str, text: str) -> OutputFile:
    return OutputFile(PREFIX + path, text.encode("utf-8"))


