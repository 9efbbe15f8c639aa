"""Write stage: run the pipeline and replace the output folder atomically."""

from __future__ import annotations

import itertools
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.annotate import entity_model
from generator.annotate.curated import CuratedEntity, CuratedError, load_curated
from generator.annotate.entity_resources import data_languages
from generator.annotate.pipeline import AnnotationCache, AnnotationRun, annotate_all, make_pipeline
from generator.annotate.registry import DEFAULT_ANNOTATORS
from generator.catalog import build_catalog
from generator.config import Config
from generator.model import AnnotatedArticle, Article, BuildReport, Catalog, OutputFile, Page, SourceError
from generator.render import default_templates_dir, render_site
from generator.search import export_search
from generator.sources import CURATED_FILE, FileError, read_content, read_file

# Written into every built site; an existing folder without it is never deleted or replaced.
MARKER = ".research-archive"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class OutputError(RuntimeError):
    """The output folder cannot be written or replaced safely."""


def build_site(
    config: Config,
    content_dir: Path,
    out_dir: Path,
    cache_dir: Path,
    templates_dir: Path | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Gather and compute everything, then write; the old site stays until the new one is complete."""
    started = time.perf_counter()
    report = BuildReport()
    catalog = gather(config, content_dir, cache_dir, report, progress)
    pages = render_site(catalog, config, templates_dir or default_templates_dir())
    search_files = export_search(catalog, config, cache_dir)
    report.pages_written = write_atomically(out_dir, itertools.chain(pages, search_files), progress)
    report.seconds = time.perf_counter() - started
    return report


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything read and annotated, before the catalogue relates articles to each other."""

    annotated: list[AnnotatedArticle]
    pages: list[Page]
    curated: tuple[CuratedEntity, ...]


def gather(
    config: Config, content_dir: Path, cache_dir: Path, report: BuildReport, progress: Progress | None = None
) -> Catalog:
    """Read, annotate and catalogue `content_dir`, recording every problem in `report`."""
    corpus = read_and_annotate(config, content_dir, cache_dir, report, progress)
    return build_catalog(corpus.annotated, corpus.pages, config, corpus.curated)


def read_and_annotate(
    config: Config, content_dir: Path, cache_dir: Path, report: BuildReport, progress: Progress | None = None
) -> Corpus:
    if not content_dir.is_dir():
        raise OutputError(f"content folder {content_dir} does not exist")
    read = read_content(content_dir)
    report.errors.extend(read.errors)
    report.warnings.extend(read.warnings)

    curated = load_curated_or_report(content_dir, report)
    if config.statistical_model and not entity_model.installed(data_languages()):
        report.warnings.append(SourceError(
            "archive.yml", "statistical_model is on but no model is installed: pip install research-archive[spacy]"
        ))
    run = annotate(config, read.articles, curated, cache_dir, progress)
    report.errors.extend(run.errors)
    report.cache_hits, report.cache_misses = run.hits, run.misses
    report.articles = len(run.annotated)
    return Corpus(run.annotated, read.pages, curated)


def annotate(
    config: Config,
    articles: list[Article],
    curated: tuple[CuratedEntity, ...],
    cache_dir: Path,
    progress: Progress | None = None,
) -> AnnotationRun:
    """The default annotators over `articles`, through the cache in `cache_dir`."""
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, settings(config, curated))
    cache = AnnotationCache(cache_dir / "annotations.sqlite")
    total = len(articles)
    try:
        return annotate_all(
            pipeline,
            articles,
            cache,
            workers=config.workers,
            parallel_threshold=config.parallel_threshold,
            progress=(lambda done: progress("annotate", done, total)) if progress else None,
        )
    finally:
        cache.close()


def settings(config: Config, curated: tuple[CuratedEntity, ...]) -> dict[str, Any]:
    """Annotator settings: the configuration, plus entities.yml and the statistical models in use (so
    editing the one or installing the other invalidates the cache)."""
    models = entity_model.installed(data_languages()) if config.statistical_model else ""
    return {**asdict(config), "entities_curated": curated, "statistical_model": models}


def load_curated_or_report(content_dir: Path, report: BuildReport) -> tuple[CuratedEntity, ...]:
    try:
        return load_curated(content_dir / CURATED_FILE)
    except CuratedError as exc:
        report.errors.append(exc.as_source_error())
        return ()


def annotate_paths(
    config: Config, files: list[Path], content_dir: Path, cache_dir: Path
) -> tuple[list[AnnotatedArticle], list[SourceError]]:
    """Read and annotate the given article files (for `archive annotate`), as a build would."""
    articles, errors = [], []
    for file in files:
        file = file.resolve()
        root = content_dir.resolve() if file.is_relative_to(content_dir.resolve()) else file.parent
        rel = PurePosixPath(file.relative_to(root).as_posix())
        # The files beside it, so a sidecar is found as in a build.
        names = {rel.parent / sibling.name for sibling in file.parent.iterdir()}
        try:
            item = read_file(root, rel, names)
        except FileError as exc:
            errors.append(exc.error)
            continue
        if isinstance(item, Article):
            articles.append(item)
    report = BuildReport()
    run = annotate(config, articles, load_curated_or_report(content_dir, report), cache_dir)
    return run.annotated, errors + report.errors + run.errors


def write_atomically(out_dir: Path, files: Iterable[OutputFile], progress: Progress | None = None) -> int:
    """Write into a sibling temporary folder, then swap it in; on any failure the old site stays."""
    out_dir = out_dir.resolve()
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise OutputError(
            f"{out_dir} exists and was not made by this tool; refusing to replace it "
            "(empty it or pick another --out)"
        )
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.with_name(f".{out_dir.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    count = 0
    try:
        staging.mkdir()
        for item in files:
            target = staging / item.path
            if staging not in target.resolve().parents:
                raise OutputError(f"refusing to write outside the site: {item.path!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.data)
            count += 1
            if progress and count % 200 == 0:
                progress("write", count, 0)
        # GitHub Pages would otherwise run Jekyll and drop folders starting with "_".
        (staging / ".nojekyll").write_bytes(b"")
        (staging / MARKER).write_text("Built by research-archive. This folder is replaced on every build.\n")
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _swap(staging: Path, out_dir: Path) -> None:
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
