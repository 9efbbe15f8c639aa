"""Catalogue stage: the annotated articles as one ordered, cross-referenced corpus."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from generator.annotate.curated import CuratedEntity
from generator.catalog.entities import resolve_entities
from generator.catalog.facets import by_year, group, language_name
from generator.catalog.keywords import distinctive_keywords
from generator.config import Config
from generator.model import AnnotatedArticle, Catalog, Page


def order(articles: Iterable[AnnotatedArticle]) -> tuple[AnnotatedArticle, ...]:
    """Dated articles newest first, then undated ones by title; ties broken by slug for stable output."""
    articles = list(articles)
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.slug), reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: (a.article.title.casefold(), a.slug))
    return (*dated, *undated)


def build_catalog(
    annotated: Iterable[AnnotatedArticle],
    pages: Iterable[Page],
    config: Config,
    curated: tuple[CuratedEntity, ...] = (),
) -> Catalog:
    """Resolve entities across articles, pick each article's keywords against the archive, order, group."""
    resolved, entities = resolve_entities(list(annotated), curated, config.language)
    keywords = distinctive_keywords(resolved)
    articles = order(
        AnnotatedArticle(a.article, replace(a.annotations, keywords=keywords.get(a.slug, ()))) for a in resolved
    )
    return Catalog(
        articles=articles,
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
        sources=group(articles, lambda a: a.source),
        languages=group(
            articles, lambda a: a.language, label=lambda c: language_name(c, config.language), key=str
        ),
        years=by_year(articles),
        entities=entities,
    )
