"""Hand-built catalogues for the search tests: articles in French, English and Russian about one
story, with entities whose names differ by language (Tokaïev / Tokayev / Токаев)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from generator.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    Catalog,
    Entity,
    EntityKind,
    EntityMention,
    Metadata,
    Span,
)

TOKAYEV = Entity(
    "person/kassym-jomart-tokayev", "person", "Kassym-Jomart Tokayev",
    ("Tokayev", "Kassym-Jomart Tokaïev", "Tokaïev", "Касым-Жомарт Токаев", "Токаев"),
)
PUTIN = Entity(
    "person/vladimir-putin", "person", "Vladimir Putin",
    ("Putin", "Vladimir Poutine", "Poutine", "Владимир Путин", "Путин"),
)
MOSCOW = Entity("place/moscow", "place", "Moscow", ("Moscou", "Москва", "Москву"))
KREMLIN = Entity("organisation/kremlin", "organisation", "Kremlin", ("Кремль",))
ENTITIES = (TOKAYEV, PUTIN, MOSCOW, KREMLIN)

# (slug, language, date, source, title, text, tags)
ARTICLES = [
    ("fr-arrivee", "fr", dt.date(2025, 11, 11), "Agence Caspienne", "Tokaïev arrive à Moscou",
     "Le président kazakh Kassym-Jomart Tokaïev est arrivé mardi soir à Moscou pour une visite d’État. "
     "M. Tokaïev a été accueilli à l’aéroport. Les entretiens avec Vladimir Poutine porteront sur le "
     "corridor céréalier de la Caspienne et sur les élections régionales.", ("diplomatie",)),
    ("fr-corridor", "fr", dt.date(2025, 11, 12), "Le Quotidien", "Le corridor céréalier de la Caspienne",
     "Le corridor céréalier relie les ports du Kazakhstan à la Russie. Les céréales transitent par la mer. "
     "Le Kremlin soutient le projet de corridor. L’égalité des tarifs ferroviaires reste à négocier.",
     ("économie", "transport")),
    ("en-visit", "en", dt.date(2025, 11, 12), "Steppe Wire", "Tokayev in Moscow for grain talks",
     "President Kassym-Jomart Tokayev arrived in Moscow on Tuesday. Tokayev and Vladimir Putin discussed "
     "the Caspian grain corridor. The elections in the region were also discussed.", ("diplomacy",)),
    ("en-grain", "en", dt.date(2024, 12, 3), "Steppe Wire", "Grain exporters react",
     "Grain exporters welcomed the corridor. Exporters expect lower costs; exporting grain by sea is cheaper. "
     "The Kremlin said nothing.", ("economy",)),
    ("en-undated", "en", None, "Caspian Notes", "Notes on the water agreement",
     "The water agreement on the Ural river was signed. Water levels fell in August.", ()),
    ("ru-visit", "ru", dt.date(2025, 11, 11), "Каспий Информ", "Токаев прибыл в Москву",
     "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. Токаев и Владимир Путин обсудят "
     "зерновой коридор. Кремль подтвердил встречу.", ("дипломатия",)),
]

# Surfaces of each entity in the texts above, to place mentions.
_SURFACES: dict[str, tuple[EntityKind, str]] = {
    "Kassym-Jomart Tokaïev": ("person", TOKAYEV.id), "Tokaïev": ("person", TOKAYEV.id),
    "Kassym-Jomart Tokayev": ("person", TOKAYEV.id), "Tokayev": ("person", TOKAYEV.id),
    "Касым-Жомарт Токаев": ("person", TOKAYEV.id), "Токаев": ("person", TOKAYEV.id),
    "Vladimir Poutine": ("person", PUTIN.id), "Vladimir Putin": ("person", PUTIN.id),
    "Владимир Путин": ("person", PUTIN.id), "Moscou": ("place", MOSCOW.id), "Moscow": ("place", MOSCOW.id),
    "Москву": ("place", MOSCOW.id), "Kremlin": ("organisation", KREMLIN.id), "Кремль": ("organisation", KREMLIN.id),
}  # fmt: skip


def mentions(text: str) -> tuple[EntityMention, ...]:
    found = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(_SURFACES, key=len, reverse=True):
        kind, entity_id = _SURFACES[surface]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                found.append(EntityMention(kind, surface, surface, Span(start, end), entity_id))
            start = text.find(surface, end)
    return tuple(sorted(found, key=lambda m: m.span.start))


def annotated(slug: str, language: str, date: dt.date | None, source: str | None, title: str, text: str,
              tags: tuple[str, ...] = ()) -> AnnotatedArticle:
    meta = Metadata(title=title, date=date, source=source, language=language, tags=tags)
    digest = hashlib.sha256(f"{title}\n{text}\n{date}\n{source}\n{tags}".encode()).hexdigest()
    article = Article(slug, f"{language}/{slug}.txt", "text", text, text, None, meta, title, digest)
    words = len(text.split())
    return AnnotatedArticle(article, Annotations(language, 1.0, words, 1, text[:80], entities=mentions(text)))


def catalog(articles: list[tuple] | None = None, entities: tuple[Entity, ...] = ENTITIES) -> Catalog:
    items = [annotated(*row) for row in (articles if articles is not None else ARTICLES)]
    ordered = sorted(items, key=lambda a: (a.date or dt.date.min, a.slug), reverse=True)
    return Catalog(articles=tuple(ordered), entities=entities)


def edited(rows: list[tuple], slug: str, **changes: object) -> list[tuple]:
    """A copy of the rows with one article's fields changed (title=…, text=…)."""
    names = ("slug", "language", "date", "source", "title", "text", "tags")
    out = []
    for row in rows:
        if row[0] == slug:
            values = dict(zip(names, row, strict=True))
            values.update(changes)
            row = tuple(values[n] for n in names)
        out.append(row)
    return out


__all__ = ["ARTICLES", "ENTITIES", "TOKAYEV", "annotated", "catalog", "edited", "replace"]
