import datetime as dt

from generator.catalog import build_catalog, order
from generator.config import Config
from generator.model import AnnotatedArticle, Annotations, Article, Metadata


def item(slug: str, date: dt.date | None = None, source: str | None = None, language: str = "fr", title: str = ""):
    text = "Un texte sur le port d’Aktau et la mer."
    article = Article(
        slug, f"{slug}.txt", "text", text, text, None, Metadata(date=date, source=source), title or slug, slug
    )
    return AnnotatedArticle(article, Annotations(language, 1.0, 9, 1, "s"))


def test_order_dated_newest_first_then_undated_by_title_from_any_iterable():
    items = [
        item("a", dt.date(2025, 1, 1)),
        item("u2", title="Zeta"),
        item("b", dt.date(2025, 3, 1)),
        item("u1", title="alpha"),
    ]
    assert [a.slug for a in order(iter(items))] == ["b", "a", "u1", "u2"]


def test_catalog_keeps_every_article_and_groups_facets():
    items = [
        item("a", dt.date(2024, 5, 1), "La Gazette de l'Eurasie"),
        item("b", dt.date(2025, 5, 1), "La Gazette de l’Eurasie", language="en"),
        item("c", None, "Steppe Wire"),
    ]
    catalog = build_catalog(items, [], Config())
    assert {a.slug for a in catalog.articles} == {"a", "b", "c"}
    assert [(f.key, len(f.articles)) for f in catalog.sources] == [("la-gazette-de-l-eurasie", 2), ("steppe-wire", 1)]
    assert [f.key for f in catalog.years] == ["2025", "2024"]
    assert {f.key: f.label for f in catalog.languages} == {"fr": "French", "en": "English"}
    assert [a.slug for a in catalog.undated] == ["c"]
