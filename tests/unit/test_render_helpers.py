"""URLs, paths, pagination and the Environment's filters and strings (generator/render/*)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from render_catalog import article, catalog_of

from generator.config import Config
from generator.render import default_templates_dir, render_site
from generator.render.environment import Formats, Strings, make_environment, site_locale
from generator.render.urls import UrlFor, article_path, entity_path, kind_path, numbered, output_path
from generator.render.views import Pager, paginate, safe_link


@pytest.mark.parametrize(
    ("base_url", "path", "expected"),
    [
        ("/", "", "/"),
        ("/", "articles/x/", "/articles/x/"),
        ("/repo/", "articles/x/", "/repo/articles/x/"),
        ("/repo", "/articles/x/", "/repo/articles/x/"),
        ("https://u.github.io/repo/", "feed.xml", "/repo/feed.xml"),
        ("/repo/", "articles/fr/dépêche/", "/repo/articles/fr/d%C3%A9p%C3%AAche/"),
        ("/repo/", "search/?q=a b#top", "/repo/search/?q=a%20b#top"),
    ],
)
def test_url_for_prefixes_the_base_path(base_url: str, path: str, expected: str) -> None:
    assert UrlFor(Config(base_url=base_url))(path) == expected


def test_url_for_absolute_needs_a_known_origin() -> None:
    assert UrlFor(Config(base_url="https://u.github.io/repo/"))("x/", absolute=True) == "https://u.github.io/repo/x/"
    assert UrlFor(Config(base_url="/repo/"))("x/", absolute=True) == "/repo/x/"


def test_paths_of_records() -> None:
    assert article_path("fr/depeche") == "articles/fr/depeche/"
    assert output_path(article_path("fr/depeche")) == "articles/fr/depeche/index.html"
    assert output_path("") == "index.html" and output_path("feed.xml") == "feed.xml"
    assert entity_path("person/vladimir-putin") == "people/vladimir-putin/"
    assert entity_path("place/moscow") == "places/moscow/"
    assert entity_path("organisation/kremlin") == "organisations/kremlin/"
    assert kind_path("organisation") == "organisations/"
    assert numbered("archive/", 1) == "archive/" and numbered("archive/", 3) == "archive/page/3/"


def test_pager_window_and_neighbours() -> None:
    pages = paginate(list(range(95)), 10, "archive/")
    assert len(pages) == 10 and list(pages[-1].items) == list(range(90, 95))
    assert pages[0].previous is None and pages[0].next == "archive/page/2/"
    assert pages[1].previous == "archive/" and pages[-1].next is None
    assert pages[0].window == [1, 2, 3, None, 10]
    assert pages[4].window == [1, 2, 3, 4, 5, 6, 7, None, 10]
    assert pages[9].window == [1, None, 8, 9, 10]
    assert paginate([], 10, "x/")[0].total == 1
    assert Pager([], 1, 1, "x/").window == [1]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        (" http://example.org ", "http://example.org"),
        ("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("https:///nohost", None),
        ("/relative", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link_only_accepts_absolute_http(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


def test_formats_in_three_languages() -> None:
    day = dt.date(2025, 11, 12)
    assert Formats(site_locale("en")).date(day) == "November 12, 2025"
    assert Formats(site_locale("fr")).date(day) == "12 novembre 2025"
    assert Formats(site_locale("ru")).month(day) == "Ноябрь 2025"
    fr = Formats(site_locale("fr"))
    assert fr.partial_date("2024-11") == "novembre 2024"
    assert fr.partial_date("--11-11") == "11 novembre"
    assert fr.partial_date("2025-02-30") == "2025-02-30"  # impossible: shown as written
    assert fr.language_name("ru") == "Russe"
    assert fr.number(12345) == "12\u202f345"
    assert Formats(site_locale("zz")).date(day) == "November 12, 2025"  # unknown locale: English


def test_strings_translate_with_plurals(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "ru.yml").write_text(
        '"Archive": "Архив"\n"{n} words": {one: "{n} слово", few: "{n} слова", many: "{n} слов"}\n',
        encoding="utf-8",
    )
    ru = Strings.load(tmp_path, site_locale("ru"))
    assert ru("Archive") == "Архив" and ru("Untranslated {x}", x=1) == "Untranslated 1"
    words = [ru.plural("{n} word", "{n} words", n) for n in (1, 3, 5, 21, 1000)]
    assert words == ["1 слово", "3 слова", "5 слов", "21 слово", "1\xa0000 слов"]
    en = Strings.load(tmp_path, site_locale("en"))
    assert [en.plural("{n} word", "{n} words", n) for n in (0, 1, 2)] == ["0 words", "1 word", "2 words"]


def test_shipped_translations_cover_every_string_of_the_templates() -> None:
    import re

    import yaml

    templates = default_templates_dir()
    used: set[str] = set()
    for path in templates.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        # Double-quoted strings may hold escaped quotes, as in t("a \"phrase\"").
        used |= {s.replace('\\"', '"') for s in re.findall(r'\bt\(\s*"((?:[^"\\]|\\.)+)"', text)}
        used |= set(re.findall(r"""\bt\(\s*'([^']+)'""", text))
        used |= set(re.findall(r"""\btn\(\s*["'][^"']*["']\s*,\s*["']([^"']+)["']""", text))
    used |= {
        "Home",
        "Archive",
        "People",
        "Places",
        "Organisations",
        "Quotes",
        "Sources",
        "Languages",
        "About",
        "Search",
        "Years",
        "Person",
        "Place",
        "Organisation",
        "Undated articles",
    }
    for language in ("fr", "ru"):
        table = yaml.safe_load((templates / "i18n" / f"{language}.yml").read_text(encoding="utf-8"))
        assert sorted(used - set(table)) == [], language


def test_site_in_french_speaks_french() -> None:
    items = [article("a", "Un texte.", date=dt.date(2025, 11, 12), language="fr"), article("b", "Sans date.")]
    files = {
        f.path: f.data.decode()
        for f in render_site(catalog_of(items), Config(language="fr"), default_templates_dir())
        if f.path.endswith(".html")
    }
    home = files["index.html"]
    assert '<html lang="fr">' in home and "Derniers articles" in home and "12 novembre 2025" in home
    assert "<strong>2</strong> articles" in home and "<strong>1</strong> source" not in home
    assert "Non daté" in files["articles/b/index.html"]


def test_environment_is_strict_and_autoescapes_html_and_xml(tmp_path: Path) -> None:
    env = make_environment(Config(), default_templates_dir(), {})
    assert env.autoescape("x.html") and env.autoescape("x.xml")
    assert env.from_string("{{ v }}").render(v="<b>") == "&lt;b&gt;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ missing }}").render()
