"""Unseen inflections (guess.py): a query word the archive lacks is searched for as an indexed stem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.config import Config
from generator.search import export_search, search, update_index
from generator.search.cli_support import as_json, as_table
from generator.search.guess import ENDINGS_FILE, EndingCounter, guess_term, load_endings, pick_forms, save_endings
from tests.unit.search_catalog import catalog

TERMS = {"зернов", "коридор", "part", "abkomm", "abkommen"}


def is_term(stem: str) -> bool:
    return stem in TERMS


def test_the_longest_indexed_stem_with_a_known_ending_wins():
    endings = {"ого", "ои", "а", "ens", "s", "en"}
    assert guess_term("зерновои", endings, is_term) == "зернов"
    assert guess_term("abkommens", endings, is_term) == "abkommen"  # "abkommen" + "s" before "abkomm" + "ens"
    assert guess_term("abkommens", {"ens"}, is_term) == "abkomm"
    assert guess_term("коридор", set(), is_term) == "коридор"  # a stem typed as such needs no ending


def test_no_wild_matches():
    endings = {"s", "a", "isan", "ой"}
    # An indexed stem followed by something that is not an ending of the language.
    assert guess_term("partisan", {"s"}, is_term) is None
    # Stems shorter than STEM_MIN letters, and endings longer than ENDING_MAX, are never cut.
    assert guess_term("abc", endings, lambda s: True) is None
    assert guess_term("partxxxxxx", {"xxxxxx"}, is_term) is None
    assert guess_term("part", endings, lambda s: s == "par") is None


def test_ending_table_counts_distinct_words_per_language():
    counter = EndingCounter()
    counter.add("зернового", "ru", ["зернов"])
    counter.add("коридора", "ru", ["коридор"])
    counter.add("grains", "en", ["grain", "grains"])  # the empty ending is not an ending
    counter.add("x", "en", ["unrelated"])
    assert counter.table() == {"en": ["s"], "ru": ["а", "ого"]}


def test_forms_are_the_prefix_scan_words_that_stand_for_the_stem():
    words = [("зернов", {"ru": ("зернов",)}), ("зерновик", {"ru": ("зерновик",)}),
             ("зернового", {"ru": ("зернов",)}), ("зерновом", {"ru": ("зернов",), "fr": None}),
             ("зерновые", {"ru": ("зернов",)})]
    assert pick_forms("зернов", "ru", words) == ("зернов", "зернового", "зерновом")
    assert pick_forms("зернов", "fr", words) == ()


def test_a_saved_table_is_only_read_for_its_generation(tmp_path: Path):
    save_endings(tmp_path, 3, {"ru": ["а"]})
    assert load_endings(tmp_path, 3) == {"ru": ["а"]}
    assert load_endings(tmp_path, 4) is None
    (tmp_path / ENDINGS_FILE).write_text("{broken", encoding="utf-8")
    assert load_endings(tmp_path, 3) is None


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    update_index(catalog(), tmp_path)
    return tmp_path


def test_an_unseen_case_form_finds_the_article(cache):
    # The Russian article has "коридор" and "зерновой", never "коридору" or "зерновым"; this tiny
    # archive's own words show the endings "-у" and "-ым" (not yet "-ого": see the next test).
    result = search("зерновым коридору", cache)
    assert [h.slug for h in result.hits] == ["ru-visit"]
    assert [(g.word, g.language, g.term) for g in result.searched_for] == [
        ("зерновым", "ru", "зернов"), ("коридору", "ru", "коридор"),
    ]
    assert result.searched_for[0].forms == ("зерновои",)
    assert result.unknown == []
    assert "searched for: зернов… (зерновои); коридор… (коридор)" in as_table(result)
    assert as_json(result)["searched_for"][0]["term"] == "зернов"


def test_words_the_archive_lacks_stay_unknown(cache):
    # An ending none of this archive's Russian words shows is not trusted.
    assert search("зернового", cache).unknown == ["зернового"]
    # "corridor" is indexed, but "xyz" is no ending of English or French; "exportations" ends in
    # more than ENDING_MAX letters after the stem "export".
    for word in ("corridorxyz", "exportations"):
        result = search(word, cache)
        assert result.total == 0 and result.searched_for == [] and result.unknown == [word], word
    # A word of the dictionary is never guessed, even where a longer stem could be cut from it.
    assert search("corridor", cache).searched_for == []


def test_the_cli_derives_the_same_table_as_the_export(tmp_path: Path):
    update_index(catalog(), tmp_path / "a")
    search("зернового", tmp_path / "a")  # no export yet: the CLI derives the table itself
    derived = json.loads((tmp_path / "a" / "search-index" / ENDINGS_FILE).read_text(encoding="utf-8"))
    exported = {f.path: f.data for f in export_search(catalog(), Config(), tmp_path / "b")}
    assert json.loads(exported["search/endings.json"]) == derived["endings"]
    assert derived["endings"]["ru"]  # not trivially equal
