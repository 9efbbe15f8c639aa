"""Which page goes to which path, from which template, with what context."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.config import Config
from generator.model import ENTITY_KINDS, AnnotatedArticle, Catalog, Entity, Facet
from generator.render.urls import KIND_FOLDERS, article_path, entity_path, facet_path, kind_path
from generator.render.views import (
    Lookup,
    Pager,
    all_quotes,
    article_view,
    by_month,
    by_speaker,
    entity_view,
    paginate,
)

ENTITIES_PER_PAGE = 200
QUOTES_PER_PAGE = 100
FEED_ENTRIES = 50


@dataclass(frozen=True, slots=True)
class Route:
    path: str  # site path, "" for the home page, "x/" for a folder page, "feed.xml" for a file
    template: str
    context: dict[str, Any]


@dataclass(frozen=True, slots=True)
class NavItem:
    section: str
    label: str
    path: str


def navigation(catalog: Catalog, has_search: bool) -> list[NavItem]:
    items = [
        NavItem("home", "Home", ""),
        NavItem("archive", "Archive", "archive/"),
        NavItem("person", "People", kind_path("person")),
        NavItem("place", "Places", kind_path("place")),
        NavItem("organisation", "Organisations", kind_path("organisation")),
        NavItem("quotes", "Quotes", "quotes/"),
        NavItem("sources", "Sources", "sources/"),
        NavItem("languages", "Languages", "languages/"),
    ]
    about = next((p for p in catalog.pages if p.slug == "about"), None)
    if about is not None:
        items.append(NavItem("about", "About", "about/"))
    if has_search:
        items.append(NavItem("search", "Search", "search/"))
    return items


def routes(catalog: Catalog, config: Config, has_search: bool) -> Iterator[Route]:
    """Every page of the site, lazily: an article's view is computed only when its turn comes."""
    lookup = Lookup(catalog)
    quotes = all_quotes(catalog, lookup)
    entities = {kind: [e for e in catalog.entities if e.kind == kind] for kind in ENTITY_KINDS}

    yield Route(
        "",
        "index.html",
        {"section": "home", "latest": catalog.dated[: config.home_articles], "counts": _counts(catalog, len(quotes))},
    )
    yield from _archive(catalog, config)
    for item in catalog.articles:
        yield Route(article_path(item.slug), "article.html", {"section": "archive", "view": article_view(item, lookup)})
    yield from _facets("sources", "Sources", catalog.sources, config)
    yield from _facets("languages", "Languages", catalog.languages, config)
    yield from _facets("years", "Years", catalog.years, config)
    for kind in ENTITY_KINDS:
        yield from _entities(kind, entities[kind], lookup)
    for pager in paginate(quotes, QUOTES_PER_PAGE, "quotes/"):
        yield Route(
            pager.path(pager.number),
            "quotes.html",
            {"section": "quotes", "pager": pager, "groups": by_speaker(pager.items), "total": len(quotes)},
        )
    for page in catalog.pages:
        yield Route(f"{page.slug}/", "page.html", {"section": "about" if page.slug == "about" else "", "page": page})
    yield Route("404.html", "404.html", {"section": ""})
    if has_search:
        yield Route("search/", "search.html", {"section": "search"})
    yield Route("feed.xml", "feed.xml", {"entries": catalog.dated[:FEED_ENTRIES]})


def _counts(catalog: Catalog, quotes: int) -> dict[str, int]:
    counts = {
        "articles": len(catalog.articles),
        "undated": len(catalog.undated),
        "sources": len(catalog.sources),
        "languages": len(catalog.languages),
        "quotes": quotes,
    }
    for kind in ENTITY_KINDS:
        counts[kind] = sum(1 for e in catalog.entities if e.kind == kind)
    return counts


def _listing(section: str, heading: str, pager: Pager[AnnotatedArticle], **extra: Any) -> dict[str, Any]:
    """Context of `listing.html`: one page of articles, dated ones grouped by month."""
    context = {
        "section": section,
        "heading": heading,
        "translate": True,  # heading is one of our own strings, not a user's label
        "lang": None,  # a language code: the heading is shown as that language's name
        "kicker": "",
        "kicker_path": "",
        "pager": pager,
        "total": 0,  # articles in the whole listing
        "groups": by_month(pager.items),
        "undated": [a for a in pager.items if a.date is None],
        "show_undated_link": False,
        "undated_count": 0,
    }
    context.update(extra)
    return context


def _archive(catalog: Catalog, config: Config) -> Iterator[Route]:
    undated = catalog.undated
    for pager in paginate(catalog.dated, config.per_page, "archive/"):
        yield Route(
            pager.path(pager.number),
            "listing.html",
            _listing(
                "archive",
                "Archive",
                pager,
                show_undated_link=bool(undated),
                undated_count=len(undated),
                total=len(catalog.dated),
            ),
        )
    for pager in paginate(undated, config.per_page, "archive/undated/"):
        yield Route(
            pager.path(pager.number),
            "listing.html",
            _listing(
                "archive", "Undated articles", pager, kicker="Archive", kicker_path="archive/", total=len(undated)
            ),
        )


def _facets(name: str, heading: str, facets: tuple[Facet, ...], config: Config) -> Iterator[Route]:
    yield Route(
        f"{name}/",
        "facets.html",
        {"section": name, "heading": heading, "facet": name, "facets": [(f, facet_path(name, f.key)) for f in facets]},
    )
    for facet in facets:
        # Facets hold dated articles newest first, then undated ones: both appear on the pages.
        for pager in paginate(facet.articles, config.per_page, facet_path(name, facet.key)):
            context = _listing(
                name,
                facet.label,
                pager,
                translate=False,
                kicker=heading,
                kicker_path=f"{name}/",
                lang=facet.key if name == "languages" else None,
                total=len(facet.articles),
            )
            yield Route(pager.path(pager.number), "listing.html", context)


def _entities(kind: str, entities: list[Entity], lookup: Lookup) -> Iterator[Route]:
    base = f"{KIND_FOLDERS[kind]}/"  # type: ignore[index]
    for pager in paginate(entities, ENTITIES_PER_PAGE, base):
        yield Route(
            pager.path(pager.number),
            "entities.html",
            {
                "section": kind,
                "kind": kind,
                "pager": pager,
                "total": len(entities),
                "rows": [(e, entity_path(e.id)) for e in pager.items],
            },
        )
    for entity in entities:
        yield Route(entity_path(entity.id), "entity.html", {"section": kind, "view": entity_view(entity, lookup)})
