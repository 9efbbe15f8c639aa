"""The whoosh-backed index and `run_query`: matching, ranking, entity expansion, incremental updates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import Config
from generator.search import export_search, index_directory, run_query, search, update_index
from generator.search.engine import SearchIndex
from tests.unit.search_catalog import ARTICLES, TOKAYEV, catalog, edited

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    update_index(catalog(), tmp_path)
    return tmp_path


def slugs(query: str, cache: Path, **options) -> list[str]:
    return [h.slug for h in search(query, cache, limit=50, **options).hits]


def test_words_are_anded_across_title_and_body(cache):
    assert set(slugs("grain corridor", cache)) == {"en-visit", "en-grain"}
    assert slugs("nonexistentword", cache) == []


def test_stemming_and_accent_folding(cache):
    # "exporting", "exporters" and "exporter" share a stem; the query word must occur in the archive.
    assert slugs("exporting", cache) == ["en-grain"]
    assert slugs("cereales", cache) == ["fr-corridor"]  # typed without accents
    assert set(slugs("élections", cache)) == {"fr-arrivee", "en-visit"}  # French and English stems


def test_entity_expansion_across_languages_and_scripts(cache):
    result = search("Tokayev", cache, limit=10)
    assert {h.slug for h in result.hits} == {"fr-arrivee", "en-visit", "ru-visit"}
    (also,) = result.also_matched
    assert also.entity_id == TOKAYEV.id
    assert set(also.names) == {"Tokaïev", "Токаев"}
    # The English article names him in its text: it ranks first.
    assert result.hits[0].slug == "en-visit"
    # Turned off, only the spelling typed matches (accents still folded).
    assert slugs("Tokayev", cache, expand=False) == ["en-visit"]
    assert slugs("Tokaiev", cache, expand=False) == ["fr-arrivee"]
    assert search("Tokayev", cache, expand=False).also_matched == []


def test_phrases_need_adjacent_words(cache):
    assert slugs('"grain corridor"', cache) == ["en-visit"]
    assert slugs('"corridor grain"', cache) == []
    # Stop words leave no gap: "corridor céréalier de la Caspienne" ~ "corridor céréalier Caspienne".
    assert set(slugs('"céréalier de la Caspienne"', cache)) == {"fr-arrivee", "fr-corridor"}
    assert set(slugs('"Vladimir Putin"', cache)) == {"fr-arrivee", "en-visit", "ru-visit"}  # also the entity


def test_boolean_operators(cache):
    assert set(slugs("grain OR water", cache)) == {"en-visit", "en-grain", "en-undated"}
    assert slugs("grain -corridor", cache) == []
    assert set(slugs("corridor NOT exporters", cache)) == {"fr-arrivee", "fr-corridor", "en-visit"}
    assert set(slugs("-corridor", cache)) == {"en-undated", "ru-visit"}


def test_fields_and_filters(cache):
    assert slugs("title:corridor", cache) == ["fr-corridor"]
    assert set(slugs("person:Poutine", cache)) == {"fr-arrivee", "en-visit", "ru-visit"}
    assert set(slugs("place:Москва", cache)) == {"fr-arrivee", "en-visit", "ru-visit"}
    assert set(slugs("org:kremlin", cache)) == {"fr-corridor", "en-grain", "ru-visit"}
    assert set(slugs('source:"steppe wire"', cache)) == {"en-visit", "en-grain"}
    assert slugs("lang:ru", cache) == ["ru-visit"]
    assert slugs("tag:economie", cache) == ["fr-corridor"]
    assert set(slugs("grain lang:en", cache)) == {"en-visit", "en-grain"}


def test_date_ranges_and_date_order(cache):
    # Filters alone score nothing: newest first, undated last.
    assert slugs("date:2025-11", cache) == ["en-visit", "fr-corridor", "fr-arrivee", "ru-visit"]
    assert slugs("date:..2024", cache) == ["en-grain"]
    assert "en-undated" not in slugs("date:1900..2100", cache)
    assert slugs("lang:en", cache) == ["en-visit", "en-grain", "en-undated"]
    assert slugs("grain", cache, sort="date") == ["en-visit", "en-grain"]


def test_prefix(cache):
    assert set(slugs("export*", cache)) == {"en-grain"}
    assert set(slugs("céréal*", cache)) == {"fr-arrivee", "fr-corridor"}


def test_stop_word_is_neutral_in_its_language(cache):
    # "les" is a French stop word: French articles need only "élections"; English ones need both.
    assert slugs("les élections", cache) == ["fr-arrivee"]
    assert set(slugs("the elections", cache)) == {"en-visit"}


def test_words_the_archive_never_contains_are_reported(cache):
    result = search("sanction grain -zzz", cache)
    assert result.unknown == ["sanction", "zzz"]  # only "sanctions"-like forms would be known
    assert search("Tokayev corridor", cache).unknown == []
    assert search("Токаева", cache, expand=False).unknown == ["токаева"]


def test_hits_carry_what_the_cli_shows(cache):
    (hit,) = run_query("water agreement", cache)
    assert (hit.slug, hit.date, hit.source, hit.language, hit.url) == (
        "en-undated", "", "Caspian Notes", "en", "articles/en-undated/")
    assert hit.title == "Notes on the water agreement" and hit.score > 0
    assert len(run_query("corridor", cache, limit=2)) == 2


def test_scores_rank_title_matches_and_frequency_higher(cache):
    hits = search("corridor", cache).hits
    assert hits[0].slug == "fr-corridor"  # in the title and three times in the body
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_rebuild_after_one_change_reindexes_only_that_article(tmp_path):
    first = update_index(catalog(), tmp_path)
    assert (first.added, first.updated, first.removed, first.rebuilt) == (len(ARTICLES), 0, 0, True)
    again = update_index(catalog(), tmp_path)
    assert again.changed == 0 and not again.rebuilt

    rows = edited(ARTICLES, "en-grain", text="Barley exporters welcomed the corridor.")
    changed = update_index(catalog(rows), tmp_path)
    assert (changed.added, changed.updated, changed.removed, changed.rebuilt) == (0, 1, 0, False)
    assert slugs("barley", tmp_path) == ["en-grain"]
    assert "en-grain" not in slugs("cheaper", tmp_path)  # its old words are gone

    removed = update_index(catalog([r for r in rows if r[0] != "en-undated"]), tmp_path)
    assert (removed.added, removed.updated, removed.removed) == (0, 0, 1)
    assert slugs("water", tmp_path) == []


def test_incremental_index_scores_exactly_like_a_fresh_one(tmp_path):
    rows = edited(ARTICLES, "en-grain", text="Barley and grain exporters welcomed the corridor. Grain!")
    update_index(catalog(), tmp_path / "a")
    update_index(catalog(rows), tmp_path / "a")  # leaves a deleted document in the old segment
    update_index(catalog(rows), tmp_path / "b")
    for query in ("grain", "corridor exporters", "Tokayev", '"grain corridor"', "barl*"):
        a, b = search(query, tmp_path / "a"), search(query, tmp_path / "b")
        assert [(h.slug, h.score) for h in a.hits] == [(h.slug, h.score) for h in b.hits], query


def test_export_after_incremental_update_equals_fresh_export(tmp_path):
    rows = edited(ARTICLES, "fr-corridor", title="Le corridor de la mer Caspienne")
    list(export_search(catalog(), Config(), tmp_path / "a"))
    incremental = {f.path: f.data for f in export_search(catalog(rows), Config(), tmp_path / "a")}
    fresh = {f.path: f.data for f in export_search(catalog(rows), Config(), tmp_path / "b")}
    assert incremental == fresh


def test_a_changed_analysis_version_rebuilds_the_index(tmp_path, monkeypatch):
    update_index(catalog(), tmp_path)
    monkeypatch.setattr("generator.search.engine.schema.ANALYSIS_VERSION", "test-other")
    assert not SearchIndex(tmp_path / "search-index").exists()
    report = update_index(catalog(), tmp_path)
    assert report.rebuilt and report.added == len(ARTICLES)


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="build the site first"):
        run_query("grain", tmp_path)


def test_vocabulary_is_recounted_when_its_file_is_missing_or_stale(tmp_path):
    update_index(catalog(), tmp_path)
    vocabulary = tmp_path / "search-index" / "vocabulary.pickle"
    vocabulary.unlink()
    assert slugs("exporting", tmp_path) == ["en-grain"]  # the reader recounts in memory
    rows = edited(ARTICLES, "en-grain", text="Barley traders met.")
    update_index(catalog(rows), tmp_path)  # recounts, then removes the old article's words
    assert vocabulary.exists()
    assert slugs("exporting", tmp_path) == []
    assert slugs("traders", tmp_path) == ["en-grain"]
    assert slugs("chea*", tmp_path) == []  # "cheaper" only was in the old text
    assert slugs("expo*", tmp_path) == ["en-grain"]  # "exporters" is still in the title


def test_empty_archive_and_undetermined_language(tmp_path):
    files = {f.path: f.data for f in export_search(catalog([], entities=()), Config(), tmp_path)}
    assert set(files) == {"search/manifest.json", "search/s/0.json", "search/dates.json", "search/endings.json"}
    assert files["search/endings.json"] == b"{}"
    assert search("grain", tmp_path).total == 0 and search("-grain", tmp_path).total == 0
    rows = [("und-empty", "und", None, None, "Untitled", "", ())]
    files = {f.path: f.data for f in export_search(catalog(rows, entities=()), Config(), tmp_path)}
    assert "search/x/0/0.txt" in files
    assert slugs("untitled", tmp_path) == ["und-empty"]  # no stemmer, no stop list: folded words


def test_two_spawned_writer_processes_export_the_same_files_as_one(tmp_path):
    from bench.search_corpus import generate_catalog

    data = generate_catalog(300, words=60)  # more than one batch, so the writer processes really write
    update_index(data, tmp_path / "two", processes=2)  # the path a cold build of 2,000+ articles takes
    assert len(whoosh_index(tmp_path / "two")._segments()) == 2  # one segment per writer process
    two = {f.path: f.data for f in export_search(data, Config(), tmp_path / "two")}
    one = {f.path: f.data for f in export_search(data, Config(), tmp_path / "one")}
    assert two == one


def test_a_dead_writer_process_loses_no_article(tmp_path):
    # Run from standard input, spawned writers cannot re-import the main module and die at once.
    script = (
        "from pathlib import Path\n"
        "from bench.search_corpus import generate_catalog\n"
        "from generator.search import update_index\n"
        f"update_index(generate_catalog(300, words=60), Path({str(tmp_path)!r}), processes=2)\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, text=True, capture_output=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert whoosh_index(tmp_path).doc_count() == 300


def whoosh_index(cache: Path):
    import whoosh.index

    from generator.search.engine.schema import INDEX_NAME

    return whoosh.index.open_dir(str(index_directory(cache)), indexname=INDEX_NAME)
