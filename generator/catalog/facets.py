"""Browse facets: the articles grouped by source, language and year."""

from __future__ import annotations

from collections import Counter, defaultdict
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
    """One Facet per distinct key (articles keep their order), most articles first, then by label.

    Values that differ only in case, accents or punctuation ("l'Eurasie" / "l’Eurasie") share a key and
    so one facet, labelled with the spelling most articles use.
    """
    buckets: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        found = value(article)
        if found:
            facet_key = key(found) or "unnamed"
            buckets[facet_key].append(article)
            spellings[facet_key][found] += 1
    facets = [
        Facet(k, label(spellings[k].most_common(1)[0][0]), tuple(items)) for k, items in buckets.items()
    ]
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
