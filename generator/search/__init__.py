"""Index stage: the catalogue -> a whoosh index in the build cache -> static files for the browser.

    export_search(catalog, config, cache_dir)   update the index incrementally, yield site/search/…
    run_query(query, cache_dir, limit)          the CLI's search, ranked exactly as the web page ranks
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Config
from generator.model import Catalog, OutputFile
from generator.search.documents import IndexDoc, entity_records, index_documents
from generator.search.engine import SearchIndex, StoredDoc, SyncReport
from generator.search.evaluate import evaluate, is_scored
from generator.search.export import ExportReport, export_files
from generator.search.guess import Guess, save_endings
from generator.search.lookup import EntityTable, IndexSource
from generator.search.query import parse

__all__ = [
    "SearchHit",
    "SearchResult",
    "SyncReport",
    "export_search",
    "index_directory",
    "run_query",
    "search",
    "update_index",
]

# Where an article's page lives, relative to the site root: the render stage's `article_path`
# (search may not import render; tests/unit/test_search_api.py checks the two agree).
ARTICLE_PATH = "articles/{slug}/"
SORTS = ("relevance", "date")


@dataclass(frozen=True, slots=True)
class SearchHit:
    slug: str
    title: str
    score: float
    date: str  # ISO day, "" when undated
    source: str
    language: str
    url: str  # path relative to the site root, e.g. "articles/x/"


@dataclass(frozen=True, slots=True)
class AlsoMatched:
    word: str  # the folded query word or phrase
    entity_id: str
    name: str
    names: tuple[str, ...]  # the other names shown: "also matched: Tokaïev, Токаев"


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[SearchHit]
    also_matched: list[AlsoMatched]
    seconds: float
    unknown: list[str] = field(default_factory=list)  # query words no article contains
    searched_for: list[Guess] = field(default_factory=list)  # words the archive lacks, searched as a stem


def index_directory(cache_dir: Path) -> Path:
    return cache_dir / "search-index"


def update_index(
    catalog: Catalog, cache_dir: Path, processes: int | None = None, docs: list[IndexDoc] | None = None
) -> SyncReport:
    """Bring the index in the build cache up to date with `catalog` (only what changed is re-indexed).

    `docs` is `index_documents(catalog)` when the caller has it already.
    """
    directory = index_directory(cache_dir)
    report = SearchIndex(directory).sync(docs or index_documents(catalog), processes=processes)
    EntityTable(entity_records(catalog)).save(directory)
    return report


def export_search(
    catalog: Catalog, config: Config, cache_dir: Path, report: ExportReport | None = None
) -> Iterator[OutputFile]:
    """Update the index, then yield every file of `site/search/` (paths start with "search/")."""
    docs = index_documents(catalog)  # once: hashing every article's text for its digest takes seconds
    update_index(catalog, cache_dir, docs=docs)
    return _export(index_directory(cache_dir), {d.slug: d for d in docs}, report or ExportReport())


def _export(directory: Path, docs: dict[str, IndexDoc], report: ExportReport) -> Iterator[OutputFile]:
    with SearchIndex(directory).reader() as reader:
        for file in export_files(reader, EntityTable.load(directory), docs, report):
            report.files += 1
            report.bytes += len(file.data)
            yield file
        save_endings(directory, reader.generation, report.endings)  # the CLI guesses with the same table


def search(
    query: str,
    cache_dir: Path,
    limit: int = 10,
    offset: int = 0,
    expand: bool = True,
    sort: str = "relevance",
) -> SearchResult:
    """Evaluate `query` over the index; `expand=False` turns off matching entities by their names."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    started = time.perf_counter()
    directory = index_directory(cache_dir)
    node = parse(query)
    with SearchIndex(directory).reader() as reader:
        source = IndexSource(reader, EntityTable.load(directory))
        evaluation = evaluate(source, node, expand=expand)
        stored = {d: reader.document(d) for d in evaluation.scores}
        by_date = sort == "date" or not is_scored(node)

        def rank(item: tuple[int, float]) -> tuple:
            doc = stored[item[0]]
            order = (doc.language, -_day(doc), doc.slug)
            return (-_day(doc), order) if by_date else (-item[1], order)

        ordered = sorted(evaluation.scores.items(), key=rank)
        hits = [_hit(stored[d], score) for d, score in ordered[offset : offset + limit]]
    also = [
        AlsoMatched(e.key, e.entity.id, e.entity.name, e.shown) for e in evaluation.expansions
    ]
    return SearchResult(
        query, len(ordered), hits, also, time.perf_counter() - started, evaluation.unknown, evaluation.guesses
    )


def run_query(query: str, cache_dir: Path, limit: int = 10, expand: bool = True) -> list[SearchHit]:
    """The best `limit` matches of `query`, ranked as the search page ranks them."""
    return search(query, cache_dir, limit=limit, expand=expand).hits


def _day(doc: StoredDoc) -> int:
    # Undated documents come after every dated one in a newest-first order.
    return int(doc.date.replace("-", "")) if doc.date else -1


def _hit(doc: StoredDoc, score: float) -> SearchHit:
    return SearchHit(
        slug=doc.slug,
        title=doc.title,
        score=score,
        date=doc.date,
        source=doc.source,
        language=doc.language,
        url=ARTICLE_PATH.format(slug=doc.slug),
    )
