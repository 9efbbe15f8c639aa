"""Build the sample archive (and the seed alone) the way `make site` does, then inspect site/."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import build_site
from generator.config import load_config
from generator.sources import read_content

ROOT = Path(__file__).resolve().parents[2]
BASE = "/research-archive/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sample")
    config = load_config(ROOT / "archive.yml", base_url=f"https://example.github.io{BASE}")
    report = build_site(config, ROOT / "content", tmp / "site", tmp / "cache")
    return report, tmp / "site"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.links.extend(values[name] or "" for name in ("href", "src") if values.get(name))


def test_sample_archive_builds_without_errors(built):
    report, site = built
    read = read_content(ROOT / "content")
    assert not report.errors, report.errors
    assert report.articles == len(read.articles) >= 12
    for article in read.articles:
        assert (site / "articles" / article.slug / "index.html").is_file(), article.slug
    for required in ("index.html", "404.html", "archive/index.html", ".nojekyll", "about/index.html"):
        assert (site / required).is_file(), required


def test_every_internal_link_resolves_under_the_base_path(built):
    _, site = built
    broken = []
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                if parts.netloc == "example.github.io":
                    assert parts.path.startswith(BASE), f"{page}: {link}"
                continue
            if not parts.path:
                continue  # a fragment within the page
            if not parts.path.startswith(BASE):
                broken.append(f"{page.relative_to(site)}: {link} (not under {BASE})")
                continue
            target = site / unquote(parts.path[len(BASE) :])
            if parts.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    assert not broken, "\n".join(broken[:20])


def test_pages_declare_their_languages(built):
    _, site = built
    for page in site.rglob("*.html"):
        assert re.search(r'<html[^>]* lang="en"', page.read_text(encoding="utf-8")), page
    read = read_content(ROOT / "content")
    russian = next(a for a in read.articles if a.source_path.startswith("ru/"))
    html = (site / "articles" / russian.slug / "index.html").read_text(encoding="utf-8")
    assert 'lang="ru"' in html


def test_seed_alone_builds_a_readable_french_page(tmp_path, seed_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(seed_path, content / seed_path.name)
    report = build_site(load_config(None), content, tmp_path / "site", tmp_path / "cache")
    assert report.ok and report.articles == 1
    page = (tmp_path / "site" / "articles" / "000-8dfb17625616ae6f" / "index.html").read_text(encoding="utf-8")
    assert "<title>La Russie et le Kazakhstan ont réussi à préserver leur coopération" in page
    assert 'lang="fr"' in page
    assert "Undated" in page or "undated" in page
    assert page.count("<p") >= 7, "the seed's seven paragraphs are kept"
    assert "« Un ensemble substantiel de documents" in page


def test_bad_input_does_not_stop_the_build(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "good.txt").write_text("A perfectly good article about the harbour of Aktau.\n")
    (content / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    (content / "evil.md").write_text(
        '---\ntitle: "<script>alert(1)</script>"\nsource: "<img src=x onerror=alert(2)>"\n'
        'tags: ["<b>t</b>"]\nnote: "<svg onload=alert(3)>"\n---\n'
        "Text <script>alert(4)</script> <img src=x onerror=alert(5)> and [x](javascript:alert(6)).\n"
    )
    report = build_site(load_config(None), content, tmp_path / "site", tmp_path / "cache")
    assert [e.path for e in report.errors] == ["bad.md"] and report.articles == 2
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for needle in ("<script>alert", "<svg", "<b>t</b>", "<img src=x"):
            assert needle not in html, f"{needle} unescaped in {page}"
        parser = Attributes()
        parser.feed(html)
        assert not parser.dangerous, f"{page}: {parser.dangerous}"


class Attributes(HTMLParser):
    """Collects event-handler attributes and javascript: URLs: none may come from article input."""

    def __init__(self) -> None:
        super().__init__()
        self.dangerous: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.dangerous.append(f"<{tag} {name}={value!r}>")
