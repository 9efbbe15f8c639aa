"""Building and updating the index incrementally (part of the whoosh boundary).

Speed (docs/benchmarks.md): text fields bypass whoosh's token objects through `LangText.index`; a
cold build of many articles uses two writer processes with one segment each and a small pool per
process; the garbage collector is frozen meanwhile.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index

from generator.search.analysis import forget
from generator.search.documents import IndexDoc
from generator.search.engine.reader import IndexReader
from generator.search.engine.schema import (
    FORMAT_FILE,
    INDEX_NAME,
    STATS_FILE,
    LangText,
    format_marker,
    index_fields,
    make_schema,
    surfaces_of,
)
from generator.search.engine.state import Vocabulary, split_entries, write_stats

PARALLEL_MIN_DOCS = 2000  # a cold build of at least this many articles uses two writer processes


@dataclass(frozen=True, slots=True)
class SyncReport:
    added: int
    updated: int
    removed: int
    total: int
    seconds: float
    rebuilt: bool  # the index was created from scratch (first build, or a new analysis version)

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed


class SearchIndex:
    """The index kept in the build cache (`cache_dir/search-index/`)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def exists(self) -> bool:
        return self._format_ok() and index.exists_in(str(self.directory), indexname=INDEX_NAME)

    def sync(self, docs: Sequence[IndexDoc], processes: int | None = None) -> SyncReport:
        """Make the index hold exactly `docs`: re-index only added and changed ones, drop removed ones."""
        started = time.perf_counter()
        rebuilt = not self.exists()
        ix = self._create() if rebuilt else index.open_dir(str(self.directory), indexname=INDEX_NAME)
        wanted = {d.slug: d for d in docs}
        with ix.reader() as reader:
            existing = {f["slug"]: (f["digest"], docnum) for docnum, f in reader.iter_docs()}
            removed = sorted(existing.keys() - wanted.keys())
            changed = [d for d in docs if d.slug not in existing or existing[d.slug][0] != d.digest]
            if removed or changed:
                vocabulary = Vocabulary.load(self.directory, ix.latest_generation()) or Vocabulary.recount(reader)
                leaving = [*removed, *(d.slug for d in changed if d.slug in existing)]
                column = reader.column_reader("surfaces") if leaving else None
                for slug in leaving:
                    vocabulary.remove(split_entries(column[existing[slug][1]]))
        if removed or changed:
            self._add_languages(ix, {d.language for d in changed})
            self._write(ix, changed, removed, set(existing), vocabulary, processes)
            vocabulary.save(self.directory, ix.latest_generation())
            forget()  # the surface memos served this batch; the export does not need them
        if removed or changed or not (self.directory / STATS_FILE).exists():
            with ix.reader() as reader:
                write_stats(self.directory, reader, ix.latest_generation())
        ix.close()
        updated = sum(1 for d in changed if d.slug in existing)
        return SyncReport(
            added=len(changed) - updated,
            updated=updated,
            removed=len(removed),
            total=len(wanted),
            seconds=time.perf_counter() - started,
            rebuilt=rebuilt,
        )

    def reader(self) -> IndexReader:
        if not self.exists():
            raise FileNotFoundError(f"no search index in {self.directory}: build the site first")
        return IndexReader(self.directory)

    # ---- writing --------------------------------------------------------------------------------

    def _format_ok(self) -> bool:
        try:
            found = json.loads((self.directory / FORMAT_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return bool(found == format_marker())

    def _create(self) -> index.Index:
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True)
        ix = index.create_in(str(self.directory), make_schema(), indexname=INDEX_NAME)
        (self.directory / FORMAT_FILE).write_text(json.dumps(format_marker()), encoding="utf-8")
        return ix

    def _add_languages(self, ix: index.Index, languages: Iterable[str]) -> None:
        missing = sorted(lang for lang in languages if f"body_{lang}" not in ix.schema)
        if not missing:
            return
        writer = ix.writer()
        for lang in missing:
            writer.add_field(f"title_{lang}", LangText(lang))
            writer.add_field(f"body_{lang}", LangText(lang))
        writer.commit()

    def _write(
        self,
        ix: index.Index,
        changed: list[IndexDoc],
        removed: list[str],
        existing: set[str],
        vocabulary: Vocabulary,
        processes: int | None,
    ) -> None:
        cold = not existing
        procs = processes if processes is not None else (2 if cold and len(changed) >= PARALLEL_MIN_DOCS else 1)
        procs = max(1, min(procs, os.cpu_count() or 1))
        # Pool size per writer process: measured on 10k articles with two processes, 128 MB peaks at
        # 0.72 GB for the whole build, 32 MB at 0.51 GB for 3 s more (docs/benchmarks.md).
        options: dict[str, Any] = {"limitmb": 32}
        if procs > 1:
            # One segment per process: a single-threaded final merge would cost more than it saves.
            options.update(procs=procs, multisegment=True)
        writer = ix.writer(**options)
        # The collector has nothing to free among millions of small postings; freezing what exists
        # and pausing it saves a third of the indexing time (see NOTES.md).
        gc.freeze()
        gc.disable()
        try:
            for slug in removed:
                writer.delete_by_term("slug", slug)
            for doc in changed:
                if doc.slug in existing:
                    writer.delete_by_term("slug", doc.slug)
                surfaces = surfaces_of(doc)
                vocabulary.add(surfaces)
                writer.add_document(**index_fields(doc, surfaces))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        finally:
            gc.enable()
            gc.unfreeze()
