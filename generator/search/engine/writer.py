"""Building and updating the index incrementally (part of the whoosh boundary).

Speed and memory (docs/benchmarks.md): text fields bypass whoosh's token objects through
`LangText.index`; a cold build of many articles uses two spawned writer processes with one segment
each and a small pool per process; the garbage collector is paused meanwhile.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.multiproc import MpWriter, SubWriterTask

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
PARALLEL_PROCS = 2
# Pool size per writer process (whoosh's estimate; the real size is larger). Measured on 10k articles
# with two processes: 128 MB peaked at 0.72 GB for the whole build, 32 MB at 0.51 GB; with spawned
# writers and capped memos, 16 MB takes ~20 MB off each writer (docs/benchmarks.md).
LIMIT_MB = 16


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
            try:
                self._write(ix, changed, removed, set(existing), vocabulary, processes)
            except WriterProcessFailed:
                # Whatever the failed writer held is missing from the index: a second pass in this
                # process finds those articles absent and indexes them, so nothing is lost.
                ix.close()
                return self.sync(docs, processes=1)
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
        parallel = cold and len(changed) >= PARALLEL_MIN_DOCS
        procs = processes if processes is not None else (PARALLEL_PROCS if parallel else 1)
        procs = max(1, min(procs, os.cpu_count() or 1))
        options: dict[str, Any] = {"limitmb": LIMIT_MB}
        if procs > 1:
            # One segment per process: a single-threaded final merge would cost more than it saves.
            options.update(procs=procs, multisegment=True)
        writer = _SpawnedWriter(ix, **options) if procs > 1 else ix.writer(**options)
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
        except WriterProcessFailed:
            raise  # committed already: what the live writers wrote stays, sync() adds the rest
        except BaseException:
            writer.cancel()
            raise
        finally:
            gc.enable()
            gc.unfreeze()


# Writer processes are started fresh ("spawn") rather than forked. A forked process shares the
# build's heap (the catalogue) copy-on-write, but Python's allocator fills the free slots scattered
# through that heap, and reference counts change: both sides end up copying most pages they share.
# Measured on 10k articles: ~0.06-0.09 GB less at the peak, and no slower (docs/benchmarks.md). A
# spawned process imports the main module again: a script that builds must guard its entry point.
_SPAWN = multiprocessing.get_context("spawn")


class _SpawnedTask(SubWriterTask):
    _Popen = staticmethod(_SPAWN.Process._Popen)

    def run(self) -> None:
        # The collector has nothing to free among the writer's postings (see `_write`).
        gc.disable()
        super().run()


class WriterProcessFailed(RuntimeError):
    """A writer process died (e.g. a script without a `__main__` guard); its documents were not written."""


class _SpawnedWriter(MpWriter):
    """whoosh's multi-process writer with spawned sub-writers (same segments, same files)."""

    def commit(self, *args: Any, **kwargs: Any) -> None:
        super().commit(*args, **kwargs)
        # whoosh drops a dead sub-writer's results without a word; say so instead.
        if any(task.exitcode for task in self.tasks):
            raise WriterProcessFailed(f"writer exit codes {[task.exitcode for task in self.tasks]}")

    def __init__(self, ix: index.Index, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.jobqueue = _SPAWN.Queue(self.procs * 4)
        self.resultqueue = _SPAWN.Queue()

    def _new_task(self) -> _SpawnedTask:
        task = _SpawnedTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task
