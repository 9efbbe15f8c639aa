"""What the search index holds for each article, derived from the catalogue (engine-independent)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import AnnotatedArticle, Catalog, Entity, EntityKind
from generator.search.analysis import ANALYSIS_VERSION, fold, key_of, normalise_language

# Query-language field name of each entity kind (and of its index field).
ENTITY_FIELDS: dict[EntityKind, str] = {"person": "person", "place": "place", "organisation": "org"}


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """One article as the index sees it. `digest` changes whenever anything indexed changes."""

    slug: str
    language: str
    title: str
    text: str
    date: str  # ISO "YYYY-MM-DD", or "" when undated
    source: str  # display name, "" when unknown
    source_key: str  # folded lookup key of the source
    tags: tuple[str, ...]  # folded lookup keys
    entities: tuple[tuple[str, str, int], ...]  # (field, entity id, mentions), sorted
    digest: str

    @property
    def order_key(self) -> tuple[str, int, str]:
        """Document order shared by the CLI and the export: language, newest first, then slug.

        Ties in score are broken by this order, and the browser's document numbers follow it.
        """
        return (self.language, -date_number(self.date), self.slug)


def date_number(iso: str) -> int:
    """YYYYMMDD as an int; undated sorts after every date in a newest-first order."""
    return int(iso.replace("-", "")) if iso else -1


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity as search needs it: how it is named, so a word can find it."""

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...]

    @property
    def field(self) -> str:
        return ENTITY_FIELDS[self.kind]

    def names(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for name in (self.name, *self.aliases):
            seen.setdefault(name, name)
        return tuple(seen)

    def lookup_keys(self) -> set[str]:
        """Lookup keys: every name, plus a person's surname alone (the last word of a multi-word name)."""
        keys = set()
        for name in self.names():
            key = key_of(name)
            if not key:
                continue
            keys.add(key)
            parts = key.split(" ")
            if self.kind == "person" and len(parts) > 1 and len(parts[-1]) >= 3:
                keys.add(parts[-1])
        return keys


def entity_records(catalog: Catalog) -> list[EntityRecord]:
    return sorted(
        (EntityRecord(e.id, e.kind, e.name, tuple(e.aliases)) for e in catalog.entities), key=lambda e: e.id
    )


def index_documents(catalog: Catalog) -> list[IndexDoc]:
    """An IndexDoc per article, with mentions resolved to entity ids where the catalogue did so."""
    resolver = _Resolver(catalog.entities)
    return [_document(item, resolver) for item in catalog.articles]


class _Resolver:
    """Maps a mention without an entity id to one through the catalogue's names (same kind)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_name: dict[tuple[str, str], str] = {}
        self.by_article: dict[str, list[str]] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                self.by_name.setdefault((entity.kind, fold(name)), entity.id)
            for slug in entity.article_slugs:
                self.by_article.setdefault(slug, []).append(entity.id)

    def counts(self, item: AnnotatedArticle) -> Counter[str]:
        counts: Counter[str] = Counter()
        for mention in item.annotations.entities:
            entity_id = mention.entity_id or self.by_name.get((mention.kind, fold(mention.name)))
            if entity_id:
                counts[entity_id] += 1
        # Entities the catalogue links to the article without a mention (e.g. from front matter).
        for entity_id in self.by_article.get(item.slug, ()):
            counts.setdefault(entity_id, 1)
        return counts


def _document(item: AnnotatedArticle, resolver: _Resolver) -> IndexDoc:
    article = item.article
    meta = article.meta
    entities = []
    for entity_id, count in resolver.counts(item).items():
        kind = entity_id.partition("/")[0]
        if kind in ENTITY_FIELDS:
            entities.append((ENTITY_FIELDS[kind], entity_id, count))  # type: ignore[index]
    entities.sort()
    fields = {
        "slug": item.slug,
        "language": normalise_language(item.language),
        "title": article.title,
        "text": article.text,
        "date": meta.date.isoformat() if meta.date else "",
        "source": item.source or "",
        "source_key": key_of(item.source or ""),
        "tags": tuple(sorted({k for k in (key_of(t) for t in meta.tags) if k})),
        "entities": tuple(entities),
    }
    # The content hash keys the annotation cache; the text itself is hashed too, because the index
    # must never keep stale words even for a hand-made record whose hash was not updated.
    payload = json.dumps([ANALYSIS_VERSION, article.content_hash, fields], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
    return IndexDoc(**fields, digest=digest)  # type: ignore[arg-type]
