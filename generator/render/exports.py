"""Machine-readable exports: `data/articles.json`, one record per article."""

from __future__ import annotations

import json
from typing import Any

from generator.model import AnnotatedArticle, Catalog
from generator.render.urls import UrlFor, article_path


def article_record(item: AnnotatedArticle, url_for: UrlFor) -> dict[str, Any]:
    article, notes = item.article, item.annotations
    return {
        "slug": item.slug,
        "url": url_for(article_path(item.slug)),
        "title": article.title,
        "date": item.date.isoformat() if item.date else None,
        "source": item.source,
        "language": notes.language,
        "authors": list(article.meta.authors),
        "tags": list(article.meta.tags),
        "summary": notes.summary,
        "word_count": notes.word_count,
        "entities": sorted({m.entity_id for m in notes.entities if m.entity_id}),
    }


def articles_json(catalog: Catalog, url_for: UrlFor) -> bytes:
    records = [article_record(item, url_for) for item in catalog.articles]
    text = json.dumps(records, ensure_ascii=False, indent=1)
    # Still valid JSON, and inert even if someone pastes it into a page's <script>.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.encode("utf-8") + b"\n"
