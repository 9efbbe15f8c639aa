"""The search page in headless Chromium: type a query, see results, click a facet, follow a result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.config import Config
from generator.render import default_templates_dir, render_site
from generator.search import export_search
from tests.e2e.conftest import need_chromium, served
from tests.unit.search_catalog import ARTICLES, catalog

pytestmark = pytest.mark.e2e

BASE = "/archive-under-test/"
HOSTILE_TITLE = 'Grain <img src=x onerror="window.__pwned=1"> "corridor" <script>window.__pwned=2</script>'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_chromium()
    tmp = tmp_path_factory.mktemp("search-e2e")
    rows = [*ARTICLES, ("en-hostile", "en", dt.date(2023, 1, 5), "Steppe Wire", HOSTILE_TITLE,
                        "Grain <b>corridor</b> text with <script>window.__pwned=3</script> in it.", ())]
    rows.append(("en/nested-report", "en", dt.date(2021, 5, 5), "Filler Post", "A report from Zanzibar",
                 "Zanzibar harbour traffic grew.", ()))  # a slug with a folder, as content/en/… gives
    # Enough articles for two pages of results.
    rows += [(f"en-filler-{n}", "en", dt.date(2022, 1, n + 1), "Filler Post", f"Filler report {n}",
              f"Routine report number {n} about harbour traffic.", ()) for n in range(8)]
    data = catalog(rows)
    config = Config(base_url=BASE)
    folder = tmp / "www" / BASE.strip("/")
    for out in [*render_site(data, config, default_templates_dir()), *export_search(data, config, tmp / "cache")]:
        target = folder / out.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out.data)
    with served(folder, BASE) as url:
        yield url


def open_page(browser: object) -> tuple[object, list[str]]:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"exception: {e}"))
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    return page, problems


def wait_done(page: object) -> None:
    page.wait_for_selector("#search[data-state=done]", timeout=15_000)


def result_titles(page: object) -> list[str]:
    return page.locator("#search-results .entry__title a").all_inner_texts()


def test_type_query_see_results_click_facet_follow_result(site: str, browser: object) -> None:
    page, problems = open_page(browser)
    page.goto(site + "search/")
    wait_done(page)
    page.fill("#search-query", "Tokayev")
    page.press("#search-query", "Enter")
    page.wait_for_function("location.search.includes('Tokayev')")
    wait_done(page)

    # Three languages, one of them in another script; the other names are reported.
    assert page.locator("#search-results > li").count() == 3
    assert "3" in page.inner_text("#search-status")
    also = page.inner_text("#search-also")
    assert "Tokaïev" in also and "Токаев" in also
    assert page.locator("#search-results mark").count() >= 1
    assert "Tokayev" in page.locator("#search-results mark").first.inner_text()

    # Facets: click "French" under Languages; the query (and the URL) gain lang:fr.
    languages = page.locator(".search-facet", has=page.locator("h3", has_text="Languages"))
    languages.locator("button", has_text="French").click()
    page.wait_for_function("decodeURIComponent(location.search).includes('lang:fr')")
    wait_done(page)
    assert result_titles(page) == ["Tokaïev arrive à Moscou"]
    assert page.input_value("#search-query") == "Tokayev lang:fr"

    # Follow the result to its article page, under the base path.
    page.locator("#search-results .entry__title a").first.click()
    page.wait_for_url(site + "articles/fr-arrivee/")
    assert page.locator("h1").inner_text() == "Tokaïev arrive à Moscou"
    assert problems == []
    page.close()


def test_query_in_the_url_is_shareable_and_options_apply(site: str, browser: object) -> None:
    page, problems = open_page(browser)
    page.goto(site + "search/?q=Tokayev&exact=1")
    wait_done(page)
    assert page.is_checked("#search-exact")
    assert result_titles(page) == ["Tokayev in Moscow for grain talks"]
    assert page.is_hidden("#search-also")

    page.goto(site + "search/?q=zanzibar")
    wait_done(page)
    page.locator("#search-results .entry__title a").first.click()
    page.wait_for_url(site + "articles/en/nested-report/")
    assert page.locator("h1").inner_text() == "A report from Zanzibar"

    page.goto(site + "search/?q=" + "grain&sort=date")
    wait_done(page)
    assert page.input_value("#search-sort") == "date"
    titles = result_titles(page)
    assert titles[0] == "Tokayev in Moscow for grain talks"  # newest first
    # A word no article contains: nothing found, and a shorter form with * is suggested.
    page.goto(site + "search/?q=Пшеничный")
    wait_done(page)
    assert page.locator("#search-results > li").count() == 0
    assert "Пшенич*" in page.inner_text("#search-unknown")
    # The header's search box on every page leads here with ?q=.
    page.goto(site)
    page.fill("#site-search", "corridor")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=corridor")
    wait_done(page)
    assert page.locator("#search-results > li").count() >= 3
    assert problems == []
    page.close()


def test_results_are_text_never_markup(site: str, browser: object) -> None:
    page, problems = open_page(browser)
    page.goto(site + "search/?q=" + "pwned")  # only in the hostile article's title and text
    wait_done(page)
    page.goto(site + "search/?q=grain%20corridor")
    wait_done(page)
    titles = result_titles(page)
    assert HOSTILE_TITLE in titles  # shown literally
    assert page.locator("#search-results img, #search-results script, #search-results b").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert problems == []
    page.close()


def test_keyboard_only_search_and_pagination(site: str, browser: object) -> None:
    page, problems = open_page(browser)
    page.goto(site + "search/")
    wait_done(page)
    page.focus("#search-query")
    page.keyboard.type("-nothingmatchesthis")  # every article (16): two pages of results
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('nothingmatchesthis')")
    wait_done(page)
    assert page.locator("#search-results > li").count() == 10
    assert page.is_visible("#search-pages")
    first_page = result_titles(page)

    page.focus("#search-next")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('page=2')")
    wait_done(page)
    assert page.locator("#search-results > li").count() == 6
    assert not set(result_titles(page)) & set(first_page)
    assert page.evaluate("document.activeElement.id") == "search-results-heading"
    page.go_back()
    page.wait_for_function("!location.search.includes('page=2')")
    wait_done(page)
    assert result_titles(page) == first_page

    # Facet buttons are reachable and work from the keyboard.
    button = page.locator(".search-facet button").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("decodeURIComponent(location.search).includes(':')")
    wait_done(page)
    query = parse_qs(urlsplit(page.url).query)["q"][0]
    assert query.startswith("-nothingmatchesthis ")
    assert page.evaluate("document.activeElement.id") == "search-results-heading"
    assert problems == []
    page.close()


def test_an_unseen_inflection_says_which_stem_was_searched(site: str, browser: object) -> None:
    page, problems = open_page(browser)
    # The Russian article has "коридор" and "зерновой" only; the page searches for their stems.
    page.goto(site + "search/?q=" + "зерновым коридору")
    wait_done(page)
    assert result_titles(page) == ["Токаев прибыл в Москву"]
    assert page.inner_text("#search-stemmed") == "Searched for: зернов… (зерновои); коридор… (коридор)"
    assert page.locator("#search-results mark").count() >= 1  # the article's own forms are marked
    page.goto(site + "search/?q=corridor")
    wait_done(page)
    assert page.is_hidden("#search-stemmed")
    assert problems == []
    page.close()
