"""What each page shows, computed from the catalogue: plain records the templates lay out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from generator.model import (
    ENTITY_KINDS,
    AnnotatedArticle,
    Catalog,
    DateMention,
    Entity,
    EntityKind,
    EntityMention,
    Quote,
)
from generator.render.marking import Mark, Piece, Target, mark_html, mark_paragraphs, select_targets
from generator.render.urls import entity_path, facet_path, numbered

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pager(Generic[T]):
    """One page of a paginated listing whose first page lives at `base`."""

    items: Sequence[T]
    number: int
    total: int
    base: str

    def path(self, number: int) -> str:
        return numbered(self.base, number)

    @property
    def previous(self) -> str | None:
        return self.path(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.path(self.number + 1) if self.number < self.total else None

    @property
    def window(self) -> list[int | None]:
        """Page numbers to link: first, last, and two either side of this one; None is a gap."""
        wanted = {1, self.total, *range(self.number - 2, self.number + 3)}
        shown = sorted(n for n in wanted if 1 <= n <= self.total)
        out: list[int | None] = []
        for n in shown:
            previous = out[-1] if out else None
            if previous is not None and n - previous == 2:
                out.append(n - 1)  # an ellipsis would hide a single page: show it instead
            elif previous is not None and n - previous > 2:
                out.append(None)
            out.append(n)
        return out


def paginate(items: Sequence[T], per_page: int, base: str) -> list[Pager[T]]:
    """Pages of `items`; an empty listing still has one (empty) page."""
    total = max(1, -(-len(items) // per_page))
    return [Pager(items[(n - 1) * per_page : n * per_page], n, total, base) for n in range(1, total + 1)]


@dataclass(frozen=True, slots=True)
class MonthGroup:
    month: dt.date  # first day of the month
    articles: list[AnnotatedArticle]


def by_month(articles: Sequence[AnnotatedArticle]) -> list[MonthGroup]:
    """Consecutive dated articles grouped by month (the order of `articles` is kept)."""
    dated = [a for a in articles if a.date is not None]
    return [
        MonthGroup(month, list(group))
        for month, group in groupby(dated, key=lambda a: a.date.replace(day=1))  # type: ignore[union-attr]
    ]


@dataclass(frozen=True, slots=True)
class EntityRef:
    name: str
    path: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteView:
    quote: Quote
    speaker_path: str | None  # the speaker's entity page, when the speaker is a known entity
    article: AnnotatedArticle | None = None
    speaker_name: str | None = None  # the entity's canonical name, else the speaker as extracted


@dataclass(frozen=True, slots=True)
class ArticleView:
    item: AnnotatedArticle
    body: list[Piece] | None  # Markdown articles: the HTML as pieces
    paragraphs: list[list[Piece]] | None  # plain-text articles
    original_url: str | None  # only an http(s) URL becomes a link
    entities: list[tuple[EntityKind, list[EntityRef]]]
    quotes: list[QuoteView]
    dates: list[DateMention]

    @property
    def lang(self) -> str | None:
        language = self.item.annotations.language
        return None if language == "und" else language


class Lookup:
    """Entities of the catalogue by id and by name, for links from articles and quotes."""

    def __init__(self, catalog: Catalog) -> None:
        self.by_id: dict[str, Entity] = {e.id: e for e in catalog.entities}
        self.by_slug: dict[str, AnnotatedArticle] = {a.slug: a for a in catalog.articles}
        # A speaker is a person or a named source (an organisation); persons win a name clash.
        self.by_name: dict[tuple[str, str], Entity] = {}
        for entity in catalog.entities:
            for name in (*entity.aliases, entity.name):
                self.by_name[(entity.kind, name.casefold())] = entity
        self.speakers: dict[str, Entity] = {}
        for kind in ("organisation", "person"):
            for entity in catalog.entities:
                if entity.kind == kind:
                    for name in (*entity.aliases, entity.name):
                        self.speakers[name.casefold()] = entity

    def path(self, entity_id: str | None) -> str | None:
        return entity_path(entity_id) if entity_id and entity_id in self.by_id else None

    def mention_path(self, mention: EntityMention) -> str | None:
        """The entity page of a mention: by its resolved id, else by its kind and name or alias."""
        if mention.entity_id:
            return self.path(mention.entity_id)
        entity = self.by_name.get((mention.kind, mention.name.casefold()))
        return entity_path(entity.id) if entity else None

    def speaker(self, speaker: str | None) -> Entity | None:
        return self.speakers.get(speaker.casefold()) if speaker else None

    def quote_view(self, quote: Quote, article: AnnotatedArticle | None = None) -> QuoteView:
        entity = self.speaker(quote.speaker)
        if entity is None:
            return QuoteView(quote, None, article, quote.speaker)
        return QuoteView(quote, entity_path(entity.id), article, entity.name)


def safe_link(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None: never a javascript: or data: link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def article_view(item: AnnotatedArticle, lookup: Lookup) -> ArticleView:
    article, notes = item.article, item.annotations
    candidates = [Target(m.span, m.surface, Mark(m.kind, m.name, lookup.mention_path(m))) for m in notes.entities]
    candidates += [Target(d.span, d.surface, Mark("date", d.value, None, d.value)) for d in notes.dates]
    targets = select_targets(candidates, article.text)
    body = paragraphs = None
    if article.body_html is not None:
        body = mark_html(article.body_html, article.text, targets)
    else:
        paragraphs = mark_paragraphs(article.text, targets)
    return ArticleView(
        item=item,
        body=body,
        paragraphs=paragraphs,
        original_url=safe_link(article.meta.url),
        entities=_entities(item, lookup),
        quotes=[lookup.quote_view(q) for q in notes.quotes],
        dates=_unique_dates(notes.dates),
    )


def _entities(item: AnnotatedArticle, lookup: Lookup) -> list[tuple[EntityKind, list[EntityRef]]]:
    counts: dict[tuple[EntityKind, str], list[str | None]] = {}
    for mention in item.annotations.entities:
        counts.setdefault((mention.kind, mention.name), []).append(lookup.mention_path(mention))
    out: list[tuple[EntityKind, list[EntityRef]]] = []
    for kind in ENTITY_KINDS:
        refs = [
            EntityRef(name, next((p for p in paths if p), None), len(paths))
            for (k, name), paths in counts.items()
            if k == kind
        ]
        if refs:
            out.append((kind, sorted(refs, key=lambda r: (-r.mentions, r.name.casefold()))))
    return out


def _unique_dates(dates: Sequence[DateMention]) -> list[DateMention]:
    seen: set[str] = set()
    out = []
    for mention in dates:
        if mention.value not in seen:
            seen.add(mention.value)
            out.append(mention)
    return out


@dataclass(frozen=True, slots=True)
class EntityView:
    entity: Entity
    articles: list[AnnotatedArticle]
    quotes: list[QuoteView]

    @property
    def wikidata_url(self) -> str | None:
        qid = self.entity.wikidata
        return f"https://www.wikidata.org/wiki/{qid}" if qid and re.fullmatch(r"Q[1-9][0-9]*", qid) else None


def entity_view(entity: Entity, lookup: Lookup) -> EntityView:
    articles = [lookup.by_slug[s] for s in entity.article_slugs if s in lookup.by_slug]
    quotes = [
        QuoteView(ref.quote, entity_path(entity.id), lookup.by_slug.get(ref.article_slug), entity.name)
        for ref in entity.quotes
    ]
    return EntityView(entity, articles, quotes)


def all_quotes(catalog: Catalog, lookup: Lookup) -> list[QuoteView]:
    """Every quote of the archive, grouped by speaker (most quoted first; unknown speakers last).

    Speakers that are known entities are grouped by entity, so "Tokayev" and "Kassym-Jomart Tokayev"
    are one speaker.
    """
    views = [lookup.quote_view(quote, item) for item in catalog.articles for quote in item.annotations.quotes]
    counts: dict[str, int] = {}
    for view in views:
        counts[_speaker_key(view)] = counts.get(_speaker_key(view), 0) + 1

    def order(view: QuoteView) -> tuple[bool, int, str, str]:
        key = _speaker_key(view)
        return (view.speaker_name is None, -counts[key], (view.speaker_name or "").casefold(), key)

    return sorted(views, key=order)  # stable: articles stay newest first within a speaker


def _speaker_key(view: QuoteView) -> str:
    return view.speaker_path or "~" + (view.speaker_name or "").casefold()


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    speaker: str | None
    path: str | None
    quotes: list[QuoteView]


def by_speaker(views: Sequence[QuoteView]) -> list[SpeakerGroup]:
    """Consecutive quotes of one speaker together (the order of `views` is kept)."""
    groups: list[SpeakerGroup] = []
    for _, group in groupby(views, key=_speaker_key):
        members = list(group)
        groups.append(SpeakerGroup(members[0].speaker_name, members[0].speaker_path, members))
    return groups


class FacetLinks:
    """`facet_link("sources", "Le Monde")`: the path of a facet's page, by key or label, or None."""

    def __init__(self, catalog: Catalog) -> None:
        self.paths: dict[str, dict[str, str]] = {}
        for name, facets in (("sources", catalog.sources), ("languages", catalog.languages), ("years", catalog.years)):
            table = self.paths.setdefault(name, {})
            for facet in facets:
                table.setdefault(facet.label, facet_path(name, facet.key))
                table[facet.key] = facet_path(name, facet.key)

    def __call__(self, facet: str, value: object) -> str | None:
        return self.paths.get(facet, {}).get(str(value)) if value is not None else None
