"""Read stage: every file under content/ becomes an Article, a Page, or a SourceError."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.model import Article, Metadata, Page, SourceError
from generator.sources.base import Parsed, Reader
from generator.sources.decode import DecodeError, decode_text
from generator.sources.markdown_reader import MarkdownReader
from generator.sources.metadata import MetadataError, merge, parse_yaml_mapping, to_metadata
from generator.sources.text_reader import TextReader
from generator.text import slugify

READERS: tuple[Reader, ...] = (MarkdownReader(), TextReader())
SIDECAR_SUFFIXES = (".yml", ".yaml")
# Files in content/ that are not articles; the catalogue and config stages read them.
CURATED_FILE = "entities.yml"
RESERVED = {CURATED_FILE: "curated entities"}
PAGE_FILES = ("about.md",)
_DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_ ]")


@dataclass(slots=True)
class ReadRun:
    articles: list[Article] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[SourceError] = field(default_factory=list)


def reader_for(path: PurePosixPath) -> Reader | None:
    return next((r for r in READERS if path.suffix.lower() in r.suffixes), None)


def read_content(content_dir: Path) -> ReadRun:
    """Read every article under `content_dir`, in a stable order; never stops at a bad file."""
    run = ReadRun()
    files = sorted(
        PurePosixPath(p.relative_to(content_dir).as_posix())
        for p in content_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content_dir).parts)
    )
    names = set(files)
    slugs: dict[str, str] = {}
    for rel in files:
        suffix = rel.suffix.lower()
        if str(rel) in RESERVED:
            continue
        if suffix in SIDECAR_SUFFIXES:
            if not any(rel.with_suffix(s) in names for r in READERS for s in r.suffixes):
                run.warnings.append(SourceError(str(rel), "YAML file with no article beside it; ignored"))
            continue
        reader = reader_for(rel)
        if reader is None:
            run.warnings.append(SourceError(str(rel), f"not an article (unknown suffix {suffix!r}); ignored"))
            continue
        try:
            article_or_page = read_file(content_dir, rel, names)
        except FileError as exc:
            run.errors.append(exc.error)
            continue
        if isinstance(article_or_page, Page):
            run.pages.append(article_or_page)
            continue
        first = slugs.setdefault(article_or_page.slug, str(rel))
        if first != str(rel):
            run.errors.append(
                SourceError(
                    str(rel), f"duplicate slug {article_or_page.slug!r}: {first} already has it; rename one"
                )
            )
            continue
        run.articles.append(article_or_page)
    return run


class FileError(Exception):
    def __init__(self, error: SourceError) -> None:
        super().__init__(str(error))
        self.error = error


def read_file(content_dir: Path, rel: PurePosixPath, names: set[PurePosixPath]) -> Article | Page:
    """One article (or page) and its sidecar; `names` lists the files beside it. Raises FileError."""
    reader = reader_for(rel)
    if reader is None:
        raise FileError(SourceError(str(rel), f"not an article (unknown suffix {rel.suffix!r})"))
    parsed = _parse(content_dir, rel, reader)
    meta = merge(_from_path(rel), parsed.meta)
    for suffix in SIDECAR_SUFFIXES:
        sidecar = rel.with_suffix(suffix)
        if sidecar in names:
            meta = merge(meta, _sidecar(content_dir, sidecar))
    if str(rel) in PAGE_FILES:
        return Page(rel.stem, str(rel), meta.title or parsed.title_from_text, parsed.body_html or "")
    slug = slug_for(rel)
    digest = hashlib.sha256(f"{parsed.body}\0{meta!r}".encode()).hexdigest()
    return Article(
        slug=slug,
        source_path=str(rel),
        body_format=parsed.body_format,
        body=parsed.body,
        text=parsed.text,
        body_html=parsed.body_html,
        meta=meta,
        derived_title=parsed.title_from_text,
        content_hash=digest,
    )


def _parse(content_dir: Path, rel: PurePosixPath, reader: Reader) -> Parsed:
    try:
        return reader.parse(decode_text((content_dir / rel).read_bytes()))
    except (DecodeError, MetadataError) as exc:
        raise FileError(SourceError(str(rel), str(exc), exc.line)) from exc
    except OSError as exc:
        raise FileError(SourceError(str(rel), f"cannot read: {exc.strerror}")) from exc


def _sidecar(content_dir: Path, rel: PurePosixPath) -> Metadata:
    try:
        return to_metadata(*parse_yaml_mapping(decode_text((content_dir / rel).read_bytes())))
    except (DecodeError, MetadataError) as exc:
        raise FileError(SourceError(str(rel), str(exc), exc.line)) from exc


def _from_path(rel: PurePosixPath) -> Metadata:
    """A Jekyll-style name (2025-11-10-visit.md) states the publication date."""
    match = _DATED_NAME.match(rel.name)
    if not match:
        return Metadata()
    try:
        return to_metadata({"date": "-".join(match.groups())}, {})
    except MetadataError:
        return Metadata()


def slug_for(rel: PurePosixPath) -> str:
    """From the path, not the title, so editing a title never breaks a link."""
    parts = [slugify(part) for part in rel.with_suffix("").parts]
    if not all(parts):
        digest = hashlib.sha1(str(rel).encode()).hexdigest()[:10]
        parts = [part or digest for part in parts]
    return "/".join(parts)
