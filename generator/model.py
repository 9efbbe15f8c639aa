"""Plain typed records that flow through the pipeline.

Each stage consumes the records the previous stage produced and returns new ones; nothing here
holds behaviour beyond small derived properties.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BodyFormat = Literal["markdown", "text"]
EntityKind = Literal["person", "place", "organisation"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "place", "organisation")


@dataclass(frozen=True, slots=True)
class SourceError:
    """A problem with one input file; `line` is 1-based when known."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class EntityEdits:
    """The user's corrections to one article's extracted entities (front matter key `entities`)."""

    add: tuple[tuple[str, EntityKind], ...] = ()  # (name, kind); marked wherever the name occurs
    remove: tuple[str, ...] = ()  # names or surface forms to drop
    rename: tuple[tuple[str, str], ...] = ()  # (name or surface, new name)

    def __bool__(self) -> bool:
        return bool(self.add or self.remove or self.rename)


@dataclass(frozen=True, slots=True)
class QuoteEdits:
    """The user's corrections to one article's quotes (front matter key `quotes`)."""

    add: tuple[tuple[str, str | None], ...] = ()  # (quoted words as in the text, speaker)
    remove: tuple[str, ...] = ()  # opening words of quotes to drop
    speakers: tuple[tuple[str, str], ...] = ()  # (opening words, speaker)

    def __bool__(self) -> bool:
        return bool(self.add or self.remove or self.speakers)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the user stated about an article (front matter and sidecar, merged).

    `None` or empty means "not stated": annotators may then fill the gap.
    """

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    entity_edits: EntityEdits = EntityEdits()
    quote_edits: QuoteEdits = QuoteEdits()
    # Keys we do not interpret are kept, as display strings, in file order.
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read from `content/`, before any annotation."""

    slug: str  # from the file path, so editing a title never breaks a link
    source_path: str  # relative to the content folder, POSIX separators
    body_format: BodyFormat
    body: str  # the text as written (Markdown source, or plain text)
    text: str  # plain text for analysis: paragraphs separated by one blank line
    # Sanitised HTML of a Markdown body; None for plain text, whose page is built from `paragraphs`.
    body_html: str | None
    meta: Metadata
    derived_title: str  # from the first sentence; used when meta.title is missing
    content_hash: str  # of body + metadata, keys the annotation cache

    @property
    def title(self) -> str:
        return self.meta.title or self.derived_title

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True, slots=True)
class Page:
    """A non-article page such as `content/about.md`."""

    slug: str
    source_path: str
    title: str
    body_html: str  # sanitised


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which annotator (and version) produced a value, or `user` for stated metadata."""

    annotator: str
    version: str


@dataclass(frozen=True, slots=True)
class Span:
    """A character range in `Article.text` (start inclusive, end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityMention:
    kind: EntityKind
    surface: str  # exactly as in the text
    name: str  # resolved within the article (e.g. "M. Tokaïev" -> "Kassym-Jomart Tokaïev")
    span: Span
    entity_id: str | None = None  # set by the catalogue once resolved across articles


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    span: Span
    speaker: str | None  # a resolved entity name, or None when unknown
    cue: str = ""  # the words that identified the speaker
    partial: bool = False  # a fragment inside a sentence
    truncated: bool = False  # the text ends before the quote closes


@dataclass(frozen=True, slots=True)
class DateMention:
    surface: str
    span: Span
    value: str  # ISO 8601, possibly partial: "2025-11-11", "2024-11", "--11-11"


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything extracted from one article, with user-stated values already merged over it."""

    language: str  # ISO 639-1, or "und" when unknown
    language_confidence: float
    word_count: int
    reading_minutes: int
    summary: str
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    keywords: tuple[str, ...] = ()
    # From a dateline opening the text ("MOSCOU, 11 novembre /TASS/ —"); meta.source/date still win.
    dateline_place: str | None = None
    dateline_source: str | None = None
    provenance: tuple[tuple[str, Provenance], ...] = ()

    def produced_by(self, key: str) -> Provenance | None:
        return dict(self.provenance).get(key)


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    annotations: Annotations

    @property
    def slug(self) -> str:
        return self.article.slug

    @property
    def date(self) -> dt.date | None:
        return self.article.meta.date

    @property
    def language(self) -> str:
        return self.annotations.language

    @property
    def source(self) -> str | None:
        """The outlet the user stated, else the one a wire dateline names."""
        return self.article.meta.source or self.annotations.dateline_source


@dataclass(frozen=True, slots=True)
class Facet:
    """One value of a browse facet (a source, a language, a year) with its articles, newest first."""

    key: str  # URL-safe
    label: str
    articles: tuple[AnnotatedArticle, ...]


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quote with the article it appears in, for pages that list quotes by speaker."""

    article_slug: str
    quote: Quote


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation resolved across all articles and languages."""

    id: str  # stable and URL-safe: "<kind>/<slug of canonical name>", e.g. "person/vladimir-putin"
    kind: EntityKind
    name: str  # canonical, in the site's main language unless entities.yml says otherwise
    aliases: tuple[str, ...] = ()  # every other name seen or declared, any language or script
    wikidata: str | None = None
    article_slugs: tuple[str, ...] = ()  # newest first
    mention_count: int = 0
    quotes: tuple[QuoteRef, ...] = ()  # quotes this entity is the speaker of


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the built site, relative to the output folder (POSIX separators)."""

    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Catalog:
    """The whole corpus, resolved and ordered, ready for indexing and rendering."""

    articles: tuple[AnnotatedArticle, ...]  # dated newest first, then undated by title
    pages: tuple[Page, ...] = ()
    sources: tuple[Facet, ...] = ()
    languages: tuple[Facet, ...] = ()
    years: tuple[Facet, ...] = ()
    entities: tuple[Entity, ...] = ()  # sorted by kind, then by number of articles, descending

    @property
    def dated(self) -> tuple[AnnotatedArticle, ...]:
        return tuple(a for a in self.articles if a.date is not None)

    @property
    def undated(self) -> tuple[AnnotatedArticle, ...]:
        return tuple(a for a in self.articles if a.date is None)


@dataclass(slots=True)
class BuildReport:
    """What a build did; the CLI prints it and sets the exit code from `errors`."""

    articles: int = 0
    pages_written: int = 0
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[SourceError] = field(default_factory=list)
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors
