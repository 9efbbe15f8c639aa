"""Browse facets: the articles grouped by source, language and year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache

from babel import Locale, UnknownLocaleError

from generator.model import AnnotatedArticle, Facet
from generator.text import slugify


def group(
    articles: Iterable[AnnotatedArticle],
    value: Callable[[AnnotatedArticle], str | None],
    label: Callable[[str], str] = str,
    key: Callable[[str], str] = slugify,
) -> tuple[Facet, ...]:
    """One Facet per distinct value (articles keep their order), most articles first, then by label."""
    buckets: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for article in articles:
        found = value(article)
        if found:
            buckets[found].append(article)
    facets = [Facet(key(v) or "unnamed", label(v), tuple(items)) for v, items in buckets.items()]
    return tuple(sorted(facets, key=lambda f: (-len(f.articles), f.label.casefold())))


def by_year(articles: Iterable[AnnotatedArticle]) -> tuple[Facet, ...]:
    years = group(articles, lambda a: str(a.date.year) if a.date else None, key=str)
    return tuple(sorted(years, key=lambda f: f.key, reverse=True))


@cache
def language_name(code: str, in_language: str) -> str:
    """ "fr" -> "French" (in the site's language), falling back to the code itself."""
    if code == "und":
        return "Undetermined"
    try:
        name = Locale.parse(in_language).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return name[:1].upper() + name[1:] if name else code
