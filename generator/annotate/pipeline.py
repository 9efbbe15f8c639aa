"""Runs the annotators over articles: checks their order, caches per annotator, uses every core."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from generator.annotate.base import Annotator
from generator.annotate.edits import apply_edits
from generator.model import AnnotatedArticle, Annotations, Article, Provenance, SourceError

# (annotation field, metadata field): where the user stated or corrected it, the result is credited to "user".
_USER_FIELDS = (
    ("language", "language"),
    ("summary", "summary"),
    ("entities", "entity_edits"),
    ("quotes", "quote_edits"),
)
_ASSIGNABLE = tuple(f.name for f in fields(Annotations) if f.name != "provenance")
_OPTIONAL = tuple(f.name for f in fields(Annotations) if f.default is not MISSING)


class PipelineError(ValueError):
    """The annotators cannot run in the declared order."""


@dataclass(frozen=True, slots=True)
class Pipeline:
    annotators: tuple[Annotator, ...]
    settings: tuple[tuple[str, Mapping[str, Any]], ...]  # effective settings, per annotator name

    def settings_for(self, name: str) -> Mapping[str, Any]:
        return dict(self.settings)[name]


def make_pipeline(annotators: Iterable[Annotator], overrides: Mapping[str, Any]) -> Pipeline:
    """Check that every `requires` is assigned earlier and nothing is assigned twice."""
    chosen = tuple(annotators)
    assigned: set[str] = set()
    names: set[str] = set()
    for annotator in chosen:
        if annotator.name in names:
            raise PipelineError(f"annotator {annotator.name!r} is listed twice")
        names.add(annotator.name)
        missing = [r for r in annotator.requires if r not in assigned]
        if missing:
            raise PipelineError(
                f"annotator {annotator.name!r} requires {', '.join(missing)}, "
                "not assigned by an earlier annotator"
            )
        twice = assigned.intersection(annotator.assigns)
        if twice:
            raise PipelineError(f"annotator {annotator.name!r} assigns {', '.join(sorted(twice))} again")
        unknown = set(annotator.assigns) - set(_ASSIGNABLE)
        if unknown:
            raise PipelineError(f"annotator {annotator.name!r} assigns unknown fields {sorted(unknown)}")
        assigned.update(annotator.assigns)
    without = [f for f in _ASSIGNABLE if f not in assigned and f not in _OPTIONAL]
    if without:
        raise PipelineError(f"no annotator assigns {', '.join(without)}")
    settings = tuple(
        (a.name, {key: overrides.get(key, default) for key, default in a.settings.items()}) for a in chosen
    )
    return Pipeline(chosen, settings)


def cache_keys(pipeline: Pipeline, article: Article) -> list[str]:
    """One key per annotator, chained so a change upstream invalidates everything downstream."""
    keys: list[str] = []
    previous = article.content_hash
    for annotator in pipeline.annotators:
        settings = json.dumps(pipeline.settings_for(annotator.name), sort_keys=True, default=str)
        digest = hashlib.sha256(f"{previous}\0{annotator.name}\0{annotator.version}\0{settings}".encode())
        previous = digest.hexdigest()
        keys.append(previous)
    return keys


def run_annotators(
    pipeline: Pipeline, article: Article, cached: Mapping[str, dict[str, Any]]
) -> tuple[Annotations, dict[str, dict[str, Any]]]:
    """Annotate one article, reusing `cached` results by annotator name; returns what was computed."""
    values: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    computed: dict[str, dict[str, Any]] = {}
    for annotator in pipeline.annotators:
        result = cached.get(annotator.name)
        if result is None:
            result = annotator.run(article, dict(values), pipeline.settings_for(annotator.name))
            if set(result) != set(annotator.assigns):
                raise PipelineError(
                    f"annotator {annotator.name!r} returned {sorted(result)}, "
                    f"declared {sorted(annotator.assigns)}"
                )
            computed[annotator.name] = result
        values.update(result)
        for key in result:
            provenance[key] = Provenance(annotator.name, annotator.version)
    for key, stated in _USER_FIELDS:
        if getattr(article.meta, stated):
            provenance[key] = Provenance("user", "")
    annotations = Annotations(**values, provenance=tuple(sorted(provenance.items())))
    return apply_edits(article, annotations), computed


class AnnotationCache:
    """Per-annotator results in one SQLite file, so 100k articles are one file, not 100k."""

    def __init__(self, path: Path | None) -> None:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path) if path else ":memory:")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(
                f"SELECT key, value FROM results WHERE key IN ({marks})", chunk
            ):
                try:
                    found[key] = pickle.loads(blob)
                except Exception:  # a record written by older code: treat as a miss
                    continue
        return found

    def put_many(self, items: Iterable[tuple[str, dict[str, Any]]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO results VALUES (?, ?)",
            ((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


@dataclass(slots=True)
class AnnotationRun:
    annotated: list[AnnotatedArticle]
    errors: list[SourceError]
    hits: int
    misses: int


def _annotate_job(
    job: tuple[Pipeline, Article, dict[str, dict[str, Any]]],
) -> tuple[Annotations | None, dict[str, dict[str, Any]], str | None]:
    pipeline, article, cached = job
    try:
        annotations, computed = run_annotators(pipeline, article, cached)
    except Exception as exc:  # one bad article must not stop the build
        return None, {}, f"annotation failed: {type(exc).__name__}: {exc}"
    return annotations, computed, None


def annotate_all(
    pipeline: Pipeline,
    articles: list[Article],
    cache: AnnotationCache,
    *,
    workers: int = 0,
    parallel_threshold: int = 200,
    progress: Callable[[int], None] | None = None,
) -> AnnotationRun:
    """Annotate every article; cached results are reused, the rest computed, in parallel when many."""
    names = [a.name for a in pipeline.annotators]
    keys = {article.slug: cache_keys(pipeline, article) for article in articles}
    stored = cache.get_many([k for ks in keys.values() for k in ks])
    jobs = []
    hits = 0
    for article in articles:
        cached = {
            name: stored[key] for name, key in zip(names, keys[article.slug], strict=True) if key in stored
        }
        hits += len(cached) == len(names)
        jobs.append((pipeline, article, cached))
    misses = len(articles) - hits

    count = workers or os.cpu_count() or 1
    if misses >= parallel_threshold and count > 1:
        with ProcessPoolExecutor(max_workers=count) as pool:
            results = list(_tracked(pool.map(_annotate_job, jobs, chunksize=32), progress))
    else:
        results = list(_tracked(map(_annotate_job, jobs), progress))

    run = AnnotationRun([], [], hits, misses)
    fresh: list[tuple[str, dict[str, Any]]] = []
    for article, (result, computed, error) in zip(articles, results, strict=True):
        if result is None:
            run.errors.append(SourceError(article.source_path, error or "annotation failed"))
            continue
        run.annotated.append(AnnotatedArticle(article, result))
        by_name = dict(zip(names, keys[article.slug], strict=True))
        fresh.extend((by_name[name], value) for name, value in computed.items())
    cache.put_many(fresh)
    return run


def _tracked(results: Iterable[Any], progress: Callable[[int], None] | None) -> Iterable[Any]:
    for done, result in enumerate(results, 1):
        if progress:
            progress(done)
        yield result
