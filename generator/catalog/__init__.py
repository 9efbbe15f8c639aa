"""Catalogue stage: the annotated articles as one ordered, cross-referenced corpus."""

from __future__ import annotations

from collections.abc import Iterable

from generator.catalog.facets import by_year, group, language_name
from generator.config import Config
from generator.model import AnnotatedArticle, Catalog, Page


def order(articles: Iterable[AnnotatedArticle]) -> tuple[AnnotatedArticle, ...]:
    """Dated articles newest first, then undated ones by title; ties broken by slug for stable output."""
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.slug), reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: (a.article.title.casefold(), a.slug))
    return (*dated, *undated)


def build_catalog(annotated: Iterable[AnnotatedArticle], pages: Iterable[Page], config: Config) -> Catalog:
    articles = order(annotated)
    return Catalog(
        articles=articles,
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
        sources=group(articles, lambda a: a.source),
        languages=group(
            articles, lambda a: a.language, label=lambda c: language_name(c, config.language), key=str
        ),
        years=by_year(articles),
    )
