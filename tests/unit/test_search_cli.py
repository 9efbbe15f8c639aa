"""`archive search`: the command body (cli_support) prints a table or JSON over the built index."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from generator.render.urls import article_path
from generator.search import ARTICLE_PATH, update_index
from generator.search.cli_support import add_search_arguments, search_command
from tests.unit.search_catalog import catalog


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    path = tmp_path_factory.mktemp("search-cli")
    update_index(catalog(), path)
    return path


def run(cache, *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    add_search_arguments(parser)
    out = io.StringIO()
    return search_command(parser.parse_args(list(argv)), cache, out), out.getvalue()


def test_table_output(cache):
    code, text = run(cache, "Tokayev")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].startswith("3 results for 'Tokayev'")
    assert lines[1] == "also matched: Tokaïev, Токаев"
    assert lines[3].split()[:2] == ["#", "score"]
    assert "articles/en-visit/" in lines[4]  # the best match first
    assert len(lines) == 7


def test_json_output_with_limit_and_no_expand(cache):
    code, text = run(cache, "corridor", "--json", "--limit", "2")
    data = json.loads(text)
    assert code == 0 and data["total"] == 4 and len(data["hits"]) == 2
    assert set(data["hits"][0]) == {"slug", "title", "score", "date", "source", "language", "url"}
    code, text = run(cache, "Tokayev", "--json", "--no-expand")
    data = json.loads(text)
    assert [h["slug"] for h in data["hits"]] == ["en-visit"] and data["also_matched"] == []


def test_unknown_words_get_a_prefix_hint(cache):
    _, text = run(cache, "пшеничный", "коридор")
    assert "0 results" in text and "not in the archive: пшеничный (try пшенич*)" in text


def test_words_are_joined_and_sort_by_date(cache):
    _, text = run(cache, "grain", "corridor", "--json", "--sort", "date")
    assert [h["slug"] for h in json.loads(text)["hits"]] == ["en-visit", "en-grain"]


def test_no_index_and_bad_limit(tmp_path, capsys):
    assert run(tmp_path, "grain")[0] == 1
    assert "archive build" in capsys.readouterr().err
    assert run(tmp_path, "grain", "--limit", "0")[0] == 2


def test_hit_urls_are_the_render_stage_article_paths():
    assert ARTICLE_PATH.format(slug="fr/x-y") == article_path("fr/x-y")
