"""Headless Chromium (Debian's, driven by Playwright) on the sample archive served under a base path."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.build import build_site
from generator.config import Config, load_config
from generator.render import default_templates_dir, render_site
from tests.e2e.conftest import need_chromium, served

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BASE = "/research-archive/"
PHONE = {"width": 375, "height": 740}


class Site:
    def __init__(self, url: str, folder: Path, language: str) -> None:
        self.url = url  # http://127.0.0.1:PORT/research-archive/
        self.folder = folder
        self.language = language

    def pages(self) -> list[str]:
        """Every HTML page as a URL path under the base (folder pages as "x/")."""
        out = []
        for path in sorted(self.folder.rglob("*.html")):
            rel = path.relative_to(self.folder).as_posix()
            out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return out


@contextmanager
def serve(root: Path, language: str) -> Iterator[Site]:
    """Serve root/<base>/ under the base path on 127.0.0.1 (a free port)."""
    folder = root / BASE.strip("/")
    with served(folder, BASE) as url:
        yield Site(url, folder, language)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample archive of content/, built as `make site` builds it, under a base path."""
    need_chromium()
    tmp = tmp_path_factory.mktemp("e2e")
    config = load_config(ROOT / "archive.yml", base_url=BASE)
    report = build_site(config, ROOT / "content", tmp / "www" / BASE.strip("/"), tmp / "cache")
    assert report.ok, report.errors
    with serve(tmp / "www", config.language) as served:
        yield served


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The render tests' hand-made catalogue: entities, quotes, marks and script-injection attempts."""
    need_chromium()
    spec = importlib.util.spec_from_file_location("render_catalog", ROOT / "tests" / "unit" / "render_catalog.py")
    assert spec is not None and spec.loader is not None
    samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(samples)
    root = tmp_path_factory.mktemp("e2e-hostile") / "www"
    config = Config(base_url=BASE)
    for out in render_site(samples.sample_catalog(), config, default_templates_dir()):
        target = root / BASE.strip("/") / out.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out.data)
    with serve(root, config.language) as served:
        yield served




def watch(page: object) -> list[str]:
    """Collect console errors, uncaught exceptions and failed or 4xx/5xx requests of a page."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"exception: {e}"))
    # Leaving a page aborts its pending low-priority requests (the icon): not a failure of the site.
    page.on(
        "requestfailed",
        lambda r: problems.append(f"failed: {r.url} {r.failure}") if r.failure != "net::ERR_ABORTED" else None,
    )
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    return problems


def overflow(page: object) -> int:
    """How many CSS pixels the document is wider than the viewport (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_home_to_article(site: Site, browser: object) -> None:
    page = browser.new_page()
    problems = watch(page)
    page.goto(site.url)
    assert page.locator("html").get_attribute("lang") == site.language
    first = page.locator(".latest .entry__title a").first
    title = first.inner_text().strip()
    first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(site.url + "articles/")
    assert page.locator("h1").inner_text().strip() == title
    assert page.title().startswith(title)
    assert page.locator("html").get_attribute("lang") == site.language
    slug = page.url[len(site.url + "articles/") : -1]
    records = json.loads((site.folder / "data" / "articles.json").read_text(encoding="utf-8"))
    language = next(r["language"] for r in records if r["slug"] == slug)
    body_lang = page.locator(".article__body").get_attribute("lang")
    assert body_lang == (None if language == "und" else language)
    assert page.locator(".article__body p").count() >= 1
    assert problems == []
    page.close()


def test_every_page_fits_a_phone_and_loads_cleanly(site: Site, browser: object) -> None:
    page = browser.new_page(viewport=PHONE)
    problems = watch(page)
    paths = site.pages()
    assert len(paths) > 20
    too_wide = {}
    for path in paths:
        page.goto(site.url + path)
        excess = overflow(page)
        if excess > 0:
            too_wide[path] = excess
    assert too_wide == {}
    assert problems == []
    page.close()


def test_hostile_archive_runs_no_script_and_fits_a_phone(hostile_site: Site, browser: object) -> None:
    page = browser.new_page(viewport=PHONE)
    problems = watch(page)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    too_wide = {}
    for path in hostile_site.pages():
        page.goto(hostile_site.url + path)
        if overflow(page) > 0:
            too_wide[path] = overflow(page)
    page.goto(hostile_site.url + "articles/hostile/")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()  # shown as text
    assert page.locator("img").count() == 0
    assert dialogs == [] and too_wide == {} and problems == []
    page.close()


def test_mention_links_lead_to_entity_pages(hostile_site: Site, browser: object) -> None:
    page = browser.new_page()
    page.goto(hostile_site.url + "articles/en/summit/")
    mention = page.locator(".article__body a.mention--person").first
    name = mention.get_attribute("title") or mention.inner_text()
    mention.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(hostile_site.url + "people/")
    assert page.locator("h1").inner_text().strip() == name
    page.locator(".entry__title a", has_text="Tokayev meets Putin").click()
    assert page.url == hostile_site.url + "articles/en/summit/"
    page.close()


def test_navigation_works_without_javascript(site: Site, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    problems = watch(page)
    page.goto(site.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Archive").click()
    page.wait_for_load_state("load")
    assert page.url == site.url + "archive/"
    page.locator(".entry__title a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(site.url + "articles/")
    page.get_by_role("link", name="Home").first.click()
    assert page.url == site.url
    if (site.folder / "search" / "index.html").exists():
        page.fill("input[name=q]", "corridor")
        page.press("input[name=q]", "Enter")
        page.wait_for_load_state("load")
        assert page.url == site.url + "search/?q=corridor"
    context.close()
    assert problems == []


def test_skip_link_is_first_and_visible_on_focus(site: Site, browser: object) -> None:
    page = browser.new_page()
    page.goto(site.url + "archive/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#main"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.close()


def test_dark_mode_follows_the_system(site: Site, browser: object) -> None:
    def background(scheme: str) -> list[int]:
        page = browser.new_page(color_scheme=scheme)
        page.goto(site.url)
        rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.close()
        return [int(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]

    assert sum(background("light")) > 600
    assert sum(background("dark")) < 150
