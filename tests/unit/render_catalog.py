"""Hand-built catalogues for the render tests: every record constructed directly, no other stage."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from generator.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    Catalog,
    DateMention,
    Entity,
    EntityKind,
    EntityMention,
    Facet,
    Metadata,
    Page,
    Quote,
    QuoteRef,
    Span,
)
from generator.text import slugify

XSS_TAG = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
HOSTILE = f"{XSS_TAG}{XSS_ATTR}"


def mention(text: str, surface: str, kind: EntityKind, name: str, nth: int = 0) -> EntityMention:
    """A mention of the `nth` occurrence of `surface` in `text`, with its entity id."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return EntityMention(kind, surface, name, Span(start, start + len(surface)), f"{kind}/{slugify(name)}")


def date_mention(text: str, surface: str, value: str) -> DateMention:
    start = text.index(surface)
    return DateMention(surface, Span(start, start + len(surface)), value)


def quote_in(text: str, quoted: str, speaker: str | None, **flags: bool) -> Quote:
    start = text.index(quoted)
    return Quote(quoted, Span(start, start + len(quoted)), speaker, cue="said", **flags)


def article(
    slug: str,
    text: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    source: str | None = None,
    language: str = "en",
    body_html: str | None = None,
    url: str | None = None,
    authors: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    extra: tuple[tuple[str, str], ...] = (),
    entities: tuple[EntityMention, ...] = (),
    quotes: tuple[Quote, ...] = (),
    dates: tuple[DateMention, ...] = (),
    keywords: tuple[str, ...] = (),
    summary: str | None = None,
) -> AnnotatedArticle:
    meta = Metadata(
        title=title, date=date, source=source, url=url, authors=authors, language=language, tags=tags, extra=extra
    )
    words = len(text.split())
    return AnnotatedArticle(
        Article(
            slug=slug,
            source_path=f"{slug}.{'md' if body_html is not None else 'txt'}",
            body_format="markdown" if body_html is not None else "text",
            body=text,
            text=text,
            body_html=body_html,
            meta=meta,
            derived_title=text.split(".")[0][:80],
            content_hash=slug,
        ),
        Annotations(
            language=language,
            language_confidence=1.0,
            word_count=words,
            reading_minutes=max(1, round(words / 200)),
            summary=summary if summary is not None else text.split("\n\n")[0][:200],
            entities=entities,
            quotes=quotes,
            dates=dates,
            keywords=keywords,
        ),
    )


def catalog_of(articles: list[AnnotatedArticle], pages: tuple[Page, ...] = ()) -> Catalog:
    """Order, facets and entities derived the way the catalogue stage is specified to."""
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.slug), reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: a.article.title)
    ordered = tuple(dated + undated)

    def facets(key_of) -> tuple[Facet, ...]:  # type: ignore[no-untyped-def]
        groups: dict[str, list[AnnotatedArticle]] = defaultdict(list)
        for item in ordered:
            value = key_of(item)
            if value:
                groups[value].append(item)
        return tuple(Facet(slugify(label) or label, label, tuple(items)) for label, items in sorted(groups.items()))

    names: dict[str, tuple[EntityKind, str]] = {}
    slugs: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    aliases: dict[str, set[str]] = defaultdict(set)
    for item in ordered:
        for m in item.annotations.entities:
            assert m.entity_id is not None
            names[m.entity_id] = (m.kind, m.name)
            if item.slug not in slugs[m.entity_id]:
                slugs[m.entity_id].append(item.slug)
            counts[m.entity_id] += 1
            if m.surface != m.name:
                aliases[m.entity_id].add(m.surface)
    quotes: dict[str, list[QuoteRef]] = defaultdict(list)
    for item in ordered:
        for q in item.annotations.quotes:
            if q.speaker:
                quotes[f"person/{slugify(q.speaker)}"].append(QuoteRef(item.slug, q))
    entities = tuple(
        sorted(
            (
                Entity(
                    eid,
                    kind,
                    name,
                    tuple(sorted(aliases[eid])),
                    None,
                    tuple(slugs[eid]),
                    counts[eid],
                    tuple(quotes.get(eid, ())),
                )
                for eid, (kind, name) in names.items()
            ),
            key=lambda e: (e.kind, -len(e.article_slugs), e.name),
        )
    )
    return Catalog(
        articles=ordered,
        pages=pages,
        sources=facets(lambda a: a.article.meta.source),
        languages=tuple(Facet(f.label, f.label, f.articles) for f in facets(lambda a: a.annotations.language)),
        years=facets(lambda a: str(a.date.year) if a.date else None),
        entities=entities,
    )


PLAIN = (
    "MOSCOW, 11 November. Kassym-Jomart Tokayev met Vladimir Putin in Moscow on Tuesday.\n\n"
    "\u201cOur countries are strategic partners,\u201d Tokayev said. The talks ended on 12 November.\n\n"
    "Putin thanked Tokayev."
)
MARKDOWN_HTML = (
    '<p>The <em>Kremlin</em> &amp; Astana agreed. <a href="https://example.org/x">Moscow link</a> '
    "then Moscow again.</p>\n<h2>Reactions</h2>\n<p>Tokayev spoke of 5 &lt; 6 and "
    "\u00abpartnership\u00bb.</p>"
)
MARKDOWN_TEXT = (
    "The Kremlin & Astana agreed. Moscow link then Moscow again.\n\nReactions\n\n"
    "Tokayev spoke of 5 < 6 and \u00abpartnership\u00bb."
)


def sample_catalog(dated: int = 25, hostile: bool = True) -> Catalog:
    """A small archive: a plain-text and a Markdown article with annotations, `dated` filler articles
    (across two sources, two languages and two years), two undated ones, and an about page."""
    items = [
        article(
            "en/summit",
            PLAIN,
            title="Tokayev meets Putin",
            date=dt.date(2025, 11, 11),
            source="Example Wire",
            url="https://example.org/summit",
            authors=("A. Writer",),
            tags=("diplomacy",),
            extra=(("edition", "morning"),),
            entities=(
                mention(PLAIN, "Kassym-Jomart Tokayev", "person", "Kassym-Jomart Tokayev"),
                mention(PLAIN, "Vladimir Putin", "person", "Vladimir Putin"),
                mention(PLAIN, "Moscow", "place", "Moscow"),
                mention(PLAIN, "Tokayev", "person", "Kassym-Jomart Tokayev", nth=1),
                mention(PLAIN, "Putin", "person", "Vladimir Putin", nth=1),
                mention(PLAIN, "Tokayev", "person", "Kassym-Jomart Tokayev", nth=2),
            ),
            quotes=(quote_in(PLAIN, "Our countries are strategic partners,", "Kassym-Jomart Tokayev"),),
            dates=(date_mention(PLAIN, "12 November", "2025-11-12"),),
            keywords=("summit", "partnership"),
        ),
        article(
            "fr/depeche",
            MARKDOWN_TEXT,
            title="Le Kremlin et Astana",
            date=dt.date(2025, 11, 12),
            source="Le Journal",
            language="fr",
            body_html=MARKDOWN_HTML,
            entities=(
                mention(MARKDOWN_TEXT, "Kremlin", "organisation", "Kremlin"),
                mention(MARKDOWN_TEXT, "Astana", "place", "Astana"),
                mention(MARKDOWN_TEXT, "Moscow", "place", "Moscow", nth=1),
                mention(MARKDOWN_TEXT, "Tokayev", "person", "Kassym-Jomart Tokayev"),
            ),
            quotes=(quote_in(MARKDOWN_TEXT, "partnership", "Tokayev", partial=True),),
        ),
        article("undated-one", "A note without any date. It stays undated.", source="Example Wire"),
        article("undated-two", "Another undated note.", language="und"),
    ]
    for i in range(dated):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=23 * i)
        items.append(
            article(
                f"filler/{i:03d}",
                f"Filler article number {i}. It reports nothing of note.",
                date=day,
                source="Example Wire" if i % 2 else "Le Journal",
                language="en" if i % 3 else "ru",
            )
        )
    if hostile:
        items.append(
            article(
                "hostile",
                f"Body {HOSTILE} text.\n\nSecond {XSS_ATTR} paragraph.",
                title=f"Title {HOSTILE}",
                date=dt.date(2023, 5, 5),
                source=f"Source {HOSTILE}",
                authors=(f"Author {HOSTILE}",),
                tags=(f"tag {HOSTILE}",),
                extra=((f"key {XSS_TAG}", f"value {HOSTILE}"),),
                url=f"javascript:alert(1)//{XSS_ATTR}",
                keywords=(f"kw {HOSTILE}",),
                summary=f"Summary {HOSTILE}",
                quotes=(Quote(f"quote {HOSTILE}", Span(0, 4), f"Speaker {HOSTILE}"),),
            )
        )
    about = Page("about", "about.md", f"About {XSS_ATTR}", "<p>About this archive.</p>")
    return catalog_of(items, pages=(about,))
