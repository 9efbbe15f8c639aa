"""The whole render stage on hand-built catalogues (generator/render/__init__.py, routes, templates)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from render_catalog import HOSTILE, XSS_ATTR, XSS_TAG, article, catalog_of, mention, sample_catalog

from generator.config import Config
from generator.model import Catalog, Page
from generator.render import RenderError, default_templates_dir, render_site

BASE = "/research-archive/"
ORIGIN = "https://example.github.io"


def build(catalog: Catalog, templates: Path | None = None, **settings: object) -> dict[str, bytes]:
    config = Config(**{"base_url": ORIGIN + BASE, **settings})  # type: ignore[arg-type]
    files: dict[str, bytes] = {}
    for out in render_site(catalog, config, templates or default_templates_dir()):
        assert out.path not in files, f"{out.path} produced twice"
        files[out.path] = out.data
    return files


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return build(sample_catalog())


def html(site: dict[str, bytes], path: str) -> str:
    return site[path].decode("utf-8")


class Links(HTMLParser):
    """Every URL-bearing attribute, every id, and every element's attributes of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src", "action") and value is not None:
                self.urls.append((tag, name, value))

    handle_startendtag = handle_starttag


def parse(text: str) -> Links:
    parser = Links()
    parser.feed(text)
    parser.close()
    return parser


def html_pages(site: dict[str, bytes]) -> dict[str, Links]:
    return {path: parse(data.decode("utf-8")) for path, data in site.items() if path.endswith(".html")}


# ---- paths ---------------------------------------------------------------------------------------


def test_every_expected_page_is_produced(site: dict[str, bytes]) -> None:
    expected = {
        "index.html",
        "404.html",
        "feed.xml",
        "data/articles.json",
        "static/css/site.css",
        "about/index.html",
        "archive/index.html",
        "archive/page/2/index.html",
        "archive/undated/index.html",
        "articles/en/summit/index.html",
        "articles/fr/depeche/index.html",
        "articles/undated-one/index.html",
        "articles/hostile/index.html",
        "sources/index.html",
        "sources/example-wire/index.html",
        "sources/le-journal/index.html",
        "languages/index.html",
        "languages/fr/index.html",
        "languages/und/index.html",
        "years/index.html",
        "years/2023/index.html",
        "years/2025/index.html",
        "people/index.html",
        "people/kassym-jomart-tokayev/index.html",
        "people/vladimir-putin/index.html",
        "places/index.html",
        "places/moscow/index.html",
        "places/astana/index.html",
        "organisations/index.html",
        "organisations/kremlin/index.html",
        "quotes/index.html",
    }
    assert expected <= set(site)
    articles = {p for p in site if p.startswith("articles/")}
    assert len(articles) == len(sample_catalog().articles) == 30
    assert "archive/page/3/index.html" not in site
    assert "search/index.html" in site  # the default templates ship the search page


def test_every_static_file_is_copied(site: dict[str, bytes]) -> None:
    static = default_templates_dir() / "static"
    for path in static.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            assert site["static/" + path.relative_to(static).as_posix()] == path.read_bytes()


def test_default_templates_dir_is_the_repository_templates() -> None:
    folder = default_templates_dir()
    assert (folder / "base.html").is_file() and (folder / "static" / "css" / "site.css").is_file()


def test_two_pages_on_one_path_are_refused() -> None:
    catalog = sample_catalog(dated=1, hostile=False)
    clash = Catalog(catalog.articles, pages=(Page("archive", "archive.md", "Mine", "<p>x</p>"),))
    with pytest.raises(RenderError, match=r"archive/index\.html"):
        build(clash)


def test_search_page_is_rendered_from_search_html_when_it_exists(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    source = default_templates_dir()
    for path in source.rglob("*"):
        if path.is_file():
            target = templates / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (templates / "search.html").write_text(
        '{% extends "base.html" %}{% block content %}<h1 id="s">Find</h1>{% endblock %}'
        '{% block scripts %}<script type="module" src="{{ asset(\'js/x.js\') }}"></script>{% endblock %}'
    )
    (templates / "static" / "js").mkdir(parents=True, exist_ok=True)
    (templates / "static" / "js" / "x.js").write_text("export {};\n")
    site = build(sample_catalog(dated=2, hostile=False), templates)
    page = html(site, "search/index.html")
    assert '<h1 id="s">Find</h1>' in page and f'src="{BASE}static/js/x.js?v=' in page
    home = parse(html(site, "index.html"))
    forms = [(t, v) for t, a, v in home.urls if a == "action"]
    assert forms == [("form", BASE + "search/")]
    assert any(tag == "input" and attrs.get("name") == "q" for tag, attrs in home.elements)
    assert_links_resolve(site)


# ---- links ---------------------------------------------------------------------------------------


def assert_links_resolve(site: dict[str, bytes]) -> int:
    pages = html_pages(site)
    checked = 0
    for path, page in pages.items():
        for tag, attribute, url in page.urls:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.netloc != urlsplit(ORIGIN).netloc:
                continue  # an external link (original article, Wikidata)
            assert not parts.scheme or parts.scheme in ("http", "https"), f"{path}: {url}"
            if not parts.path and parts.fragment:
                target_path = path
            else:
                assert parts.path.startswith(BASE), f"{path}: <{tag} {attribute}={url!r}> is not under {BASE}"
                target_path = unquote(parts.path[len(BASE) :])
                if target_path == "" or target_path.endswith("/"):
                    target_path += "index.html"
            assert target_path in site, f"{path}: <{tag} {attribute}={url!r}> -> missing {target_path}"
            if parts.fragment:
                assert parts.fragment in pages[target_path].ids, f"{path}: no #{parts.fragment}"
            checked += 1
    return checked


def test_every_internal_link_resolves_under_a_base_path(site: dict[str, bytes]) -> None:
    assert assert_links_resolve(site) > 500


def test_every_page_links_the_stylesheet_and_the_main_navigation(site: dict[str, bytes]) -> None:
    for path, page in html_pages(site).items():
        hrefs = {v for _, a, v in page.urls if a == "href"}
        assert any(h.startswith(BASE + "static/css/site.css?v=") for h in hrefs), path
        for section in (
            "",
            "archive/",
            "people/",
            "places/",
            "organisations/",
            "quotes/",
            "sources/",
            "languages/",
            "about/",
        ):
            assert BASE + section in hrefs, f"{path} lacks a link to {section!r}"


def test_url_for_under_root_base_path() -> None:
    site = build(sample_catalog(dated=3, hostile=False), base_url="/")
    page = html(site, "articles/en/summit/index.html")
    assert 'href="/people/vladimir-putin/"' in page and 'href="/archive/"' in page
    assert BASE not in page


# ---- content of pages ----------------------------------------------------------------------------


def test_html_lang_is_the_site_language_and_article_body_the_article_language(site: dict[str, bytes]) -> None:
    for path in site:
        if path.endswith(".html"):
            assert html(site, path).startswith('<!doctype html>\n<html lang="en">'), path
    page = html(site, "articles/fr/depeche/index.html")
    assert re.search(r'<div class="article__body prose" lang="fr">', page)
    und = html(site, "articles/undated-two/index.html")
    assert 'lang="und"' not in und
    assert re.search(r'<div class="article__body prose">', und)


def test_article_page_shows_metadata_marks_quotes_dates_and_keywords(site: dict[str, bytes]) -> None:
    page = html(site, "articles/en/summit/index.html")
    assert "<title>Tokayev meets Putin · Research archive</title>" in page
    assert '<time datetime="2025-11-11">November 11, 2025</time>' in page
    assert f'<a href="{BASE}sources/example-wire/">Example Wire</a>' in page
    assert '<a class="external" href="https://example.org/summit" rel="noopener nofollow">' in page
    assert "A. Writer" in page and "diplomacy" in page
    assert "<dt>edition</dt>" in page and "<dd>morning</dd>" in page
    assert "28 words" in page and "1 min read" in page
    person = f'<a class="mention mention--person" href="{BASE}people/kassym-jomart-tokayev/"'
    assert page.count(person) == 4  # three in the text, one in the list of mentions
    assert f'{person} title="Kassym-Jomart Tokayev">Tokayev</a> said' in page
    assert '<time class="mention mention--date" datetime="2025-11-12">12 November</time>' in page
    assert '<blockquote lang="en"><p>Our countries are strategic partners,</p></blockquote>' in page
    assert f'<a class="quote__speaker" href="{BASE}people/kassym-jomart-tokayev/">' in page
    assert "November 12, 2025" in page  # the date mentioned, in words
    assert f'<li><a href="{BASE}search/?q=summit">summit</a></li>' in page  # a keyword searches the archive


def test_markdown_article_is_marked_without_touching_links(site: dict[str, bytes]) -> None:
    page = html(site, "articles/fr/depeche/index.html")
    assert f'<em><a class="mention mention--organisation" href="{BASE}organisations/kremlin/">Kremlin</a></em>' in page
    assert '<a href="https://example.org/x">Moscow link</a> then <a class="mention mention--place"' in page
    assert "5 &lt; 6" in page and "&amp;amp;" not in page


def test_quote_speaker_links_to_the_entity_by_alias(site: dict[str, bytes]) -> None:
    page = html(site, "articles/fr/depeche/index.html")
    # "Tokayev" is an alias (a surface) of Kassym-Jomart Tokayev: shown under the canonical name.
    speaker = f'<a class="quote__speaker" href="{BASE}people/kassym-jomart-tokayev/">Kassym-Jomart Tokayev</a>'
    assert speaker in page


def test_undated_article_is_shown_as_undated_and_listed_apart(site: dict[str, bytes]) -> None:
    page = html(site, "articles/undated-one/index.html")
    assert '<span class="undated">Undated</span>' in page
    assert "<time" not in page
    undated = html(site, "archive/undated/index.html")
    assert "A note without any date" in undated and "Another undated note" in undated
    archive = "".join(html(site, p) for p in site if p.startswith("archive/") and "undated" not in p)
    assert "A note without any date" not in archive
    assert f'href="{BASE}archive/undated/"' in html(site, "archive/index.html")


def test_original_url_is_a_link_only_when_http() -> None:
    items = [
        article("a", "Text a.", url="javascript:alert(1)"),
        article("b", "Text b.", url="ftp://x/y"),
        article("c", "Text c.", url="http://ok.example/z"),
    ]
    site = build(catalog_of(items))
    for slug in ("a", "b"):
        page = html(site, f"articles/{slug}/index.html")
        assert 'class="external"' not in page and "<dt>Original</dt>" in page
    ok = html(site, "articles/c/index.html")
    assert '<a class="external" href="http://ok.example/z" rel="noopener nofollow">' in ok


def test_home_lists_the_latest_dated_articles_and_counts(site: dict[str, bytes]) -> None:
    page = html(site, "index.html")
    links = re.findall(r'<h3 class="entry__title"><a href="([^"]+)"', page)
    assert len(links) == 10
    assert links[0] == BASE + "articles/fr/depeche/" and links[1] == BASE + "articles/en/summit/"
    assert "undated-one" not in page
    assert "<strong>30</strong> articles" in page and "<strong>2</strong> people" in page


def test_entity_pages_show_aliases_quotes_and_articles(site: dict[str, bytes]) -> None:
    page = html(site, "people/kassym-jomart-tokayev/index.html")
    assert "<h1>Kassym-Jomart Tokayev</h1>" in page
    assert '<span class="alias">Tokayev</span>' in page
    assert "Our countries are strategic partners," in page
    assert f'href="{BASE}articles/en/summit/"' in page and f'href="{BASE}articles/fr/depeche/"' in page
    index = html(site, "people/index.html")
    assert index.index("Kassym-Jomart Tokayev") < index.index("Vladimir Putin")  # more articles first


def test_quotes_page_groups_by_speaker(site: dict[str, bytes]) -> None:
    page = html(site, "quotes/index.html")
    # "Kassym-Jomart Tokayev" and "Tokayev" are one entity: one group of two quotes, then the hostile speaker.
    assert page.count('<section class="speaker">') == 2
    tokayev = page.index(f'<a href="{BASE}people/kassym-jomart-tokayev/">Kassym-Jomart Tokayev</a>')
    assert tokayev < page.index("Our countries are strategic partners,") < page.index("Speaker &lt;script")
    assert tokayev < page.index("<p>partnership</p>") < page.index("Speaker &lt;script")


def test_feed_is_valid_atom_with_absolute_links(site: dict[str, bytes]) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(site["feed.xml"])
    entries = root.findall("a:entry", ns)
    assert len(entries) == 28  # every dated article, fewer than 50
    first = entries[0]
    assert first.findtext("a:title", namespaces=ns) == "Le Kremlin et Astana"
    assert first.find("a:link", ns).get("href") == ORIGIN + BASE + "articles/fr/depeche/"  # type: ignore[union-attr]
    assert first.findtext("a:updated", namespaces=ns) == "2025-11-12T00:00:00Z"
    assert root.findtext("a:updated", namespaces=ns) == "2025-11-12T00:00:00Z"


def test_feed_without_a_host_uses_root_relative_links_and_stable_ids() -> None:
    catalog = sample_catalog(dated=60, hostile=False)
    site = build(catalog, base_url="/repo/")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(site["feed.xml"])
    entries = root.findall("a:entry", ns)
    assert len(entries) == 50
    newest = f"/repo/articles/{catalog.dated[0].slug}/"
    assert entries[0].find("a:link", ns).get("href") == newest  # type: ignore[union-attr]
    assert entries[0].findtext("a:id", namespaces=ns).startswith("urn:uuid:")  # type: ignore[union-attr]
    assert build(sample_catalog(dated=60, hostile=False), base_url="/repo/")["feed.xml"] == site["feed.xml"]


def test_articles_json_has_one_record_per_article(site: dict[str, bytes]) -> None:
    records = json.loads(site["data/articles.json"])
    assert len(records) == 30
    summit = next(r for r in records if r["slug"] == "en/summit")
    assert summit["url"] == BASE + "articles/en/summit/"
    assert summit["date"] == "2025-11-11" and summit["language"] == "en"
    assert summit["entities"] == ["person/kassym-jomart-tokayev", "person/vladimir-putin", "place/moscow"]
    assert next(r for r in records if r["slug"] == "undated-one")["date"] is None


# ---- pagination ----------------------------------------------------------------------------------


def archive_links(site: dict[str, bytes], path: str) -> list[str]:
    return re.findall(r'<h3 class="entry__title"><a href="[^"]*articles/([^"]+)/"', html(site, path))


@pytest.mark.parametrize(
    ("dated", "per_page", "pages"), [(0, 5, 1), (1, 5, 1), (5, 5, 1), (6, 5, 2), (10, 5, 2), (11, 5, 3)]
)
def test_archive_pagination_boundaries(dated: int, per_page: int, pages: int) -> None:
    items = [
        article(f"a{i:02d}", f"Article {i}.", date=dt.date(2020, 1, 1) + dt.timedelta(days=i)) for i in range(dated)
    ]
    site = build(catalog_of(items), per_page=per_page)
    paths = ["archive/index.html"] + [f"archive/page/{n}/index.html" for n in range(2, pages + 1)]
    for path in paths:
        assert path in site
    assert f"archive/page/{pages + 1}/index.html" not in site
    assert "archive/page/1/index.html" not in site
    seen = [slug for path in paths for slug in archive_links(site, path)]
    assert seen == [f"a{i:02d}" for i in reversed(range(dated))]  # newest first, none lost or repeated
    first, last = html(site, paths[0]), html(site, paths[-1])
    assert 'rel="prev"' not in first and 'rel="next"' not in last
    if pages > 1:
        assert f'rel="next" href="{BASE}archive/page/2/"' in first
        prev = BASE + ("archive/" if pages == 2 else f"archive/page/{pages - 1}/")
        assert f'rel="prev" href="{prev}"' in last
    else:
        assert 'class="pagination"' not in first


def test_archive_groups_by_month() -> None:
    items = [
        article(f"a{i}", f"Article {i}.", date=d)
        for i, d in enumerate([dt.date(2025, 3, 31), dt.date(2025, 3, 1), dt.date(2025, 2, 28)])
    ]
    page = html(build(catalog_of(items)), "archive/index.html")
    assert page.count('<h2 class="month__title"') == 2
    order = [page.index(s) for s in ("March 2025", "articles/a0/", "articles/a1/", "February 2025", "articles/a2/")]
    assert order == sorted(order)


def test_empty_catalogue_still_renders_every_index() -> None:
    site = build(Catalog(articles=()))
    for path in (
        "index.html",
        "archive/index.html",
        "archive/undated/index.html",
        "people/index.html",
        "quotes/index.html",
        "sources/index.html",
        "feed.xml",
        "404.html",
    ):
        assert path in site
    ET.fromstring(site["feed.xml"])
    assert json.loads(site["data/articles.json"]) == []
    assert_links_resolve(site)


# ---- escaping ------------------------------------------------------------------------------------


def test_hostile_values_never_reach_a_page_unescaped(site: dict[str, bytes]) -> None:
    for path, data in site.items():
        if path.startswith("static/"):
            continue
        text = data.decode("utf-8")
        assert XSS_TAG not in text, path
        assert "<img src=x" not in text, path
        assert '"><img' not in text, path
    page = html(site, "articles/hostile/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    for field in ("Title", "Source", "Author", "tag", "key", "value", "Summary", "kw", "quote", "Speaker"):
        assert f"{field} &lt;script&gt;" in page, field


def test_no_page_has_a_script_an_event_handler_or_a_javascript_url(site: dict[str, bytes]) -> None:
    for path, page in html_pages(site).items():
        for tag, attrs in page.elements:
            if path == "search/index.html" and tag == "script":
                # The search page's only scripts are our own modules and its inert JSON configuration.
                assert attrs.get("type") in ("module", "application/json"), attrs
                assert "src" not in attrs or (attrs["src"] or "").startswith(f"{BASE}static/js/"), attrs
                continue
            assert tag != "script", path
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, tag, value)


def test_strict_undefined_and_autoescape_are_on(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("{{ no_such_variable }}")
    with pytest.raises(Exception, match="no_such_variable"):
        build(Catalog(articles=()), tmp_path)
    (tmp_path / "index.html").write_text("{{ site.title }}")
    for name in (
        "404.html",
        "listing.html",
        "article.html",
        "facets.html",
        "entities.html",
        "quotes.html",
        "feed.xml",
        "entity.html",
        "page.html",
    ):
        (tmp_path / name).write_text("")
    site = build(Catalog(articles=()), tmp_path, title=HOSTILE)
    assert site["index.html"].decode() == (
        "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"
    )
    assert XSS_ATTR not in site["index.html"].decode()


def test_mentions_link_by_name_when_unresolved_and_never_to_a_missing_entity() -> None:
    text = "Putin met Tokayev in Astana."
    resolved = catalog_of([article("a", text, entities=(mention(text, "Putin", "person", "Vladimir Putin"),))])
    unresolved = dataclasses.replace(mention(text, "Putin", "person", "Vladimir Putin"), entity_id=None)
    unknown = dataclasses.replace(mention(text, "Tokayev", "person", "Tokayev"), entity_id="person/nobody")
    place = dataclasses.replace(mention(text, "Astana", "place", "Astana"), entity_id=None)
    item = article("b", text, entities=(unresolved, unknown, place))
    site = build(Catalog(articles=(item,), entities=resolved.entities))
    page = html(site, "articles/b/index.html")
    assert (
        f'<a class="mention mention--person" href="{BASE}people/vladimir-putin/" title="Vladimir Putin">Putin</a>'
        in page
    )
    assert '<span class="mention mention--person">Tokayev</span>' in page
    assert '<span class="mention mention--place">Astana</span>' in page
    assert "person/nobody" not in page and "people/nobody" not in page
    assert_links_resolve(site)
