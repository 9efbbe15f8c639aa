"""The query language: parsing into the canonical tree the browser's parser also produces."""

from __future__ import annotations

import pytest

from generator.search.query import parse, to_json


def tree(query: str):
    return to_json(parse(query))


def word(key: str, field: str = "") -> dict:
    return {"op": "word", "key": key, "field": field}


def test_words_are_anded_and_folded():
    assert tree("Élections  Tokaïev") == {"op": "and", "children": [word("elections"), word("tokaiev")]}
    assert tree("AND grain") == word("grain")  # a dangling operator is ignored


def test_or_binds_tighter_than_the_implied_and():
    assert tree("x a OR b") == {"op": "and", "children": [word("x"), {"op": "or", "children": [word("a"), word("b")]}]}


def test_negation_with_minus_and_not():
    assert tree("grain -wheat NOT barley") == {
        "op": "and",
        "children": [word("grain"), {"op": "not", "child": word("wheat")}, {"op": "not", "child": word("barley")}],
    }
    assert tree("a - b") == {"op": "and", "children": [word("a"), word("b")]}  # a lone dash is no operator


def test_phrases_anywhere_with_any_quote_marks():
    assert tree('grain "corridor céréalier" «Tokaïev»') == {
        "op": "and",
        "children": [word("grain"), {"op": "phrase", "keys": ["corridor", "cerealier"], "field": ""}, word("tokaiev")],
    }
    assert tree('"single"') == word("single")
    assert tree('"unclosed phrase here') == {"op": "phrase", "keys": ["unclosed", "phrase", "here"], "field": ""}
    # A hyphenated or elided word is a phrase of its parts.
    assert tree("Kassym-Jomart") == {"op": "phrase", "keys": ["kassym", "jomart"], "field": ""}


def test_grouping():
    assert tree("(a OR b) -(c d)") == {
        "op": "and",
        "children": [
            {"op": "or", "children": [word("a"), word("b")]},
            {"op": "not", "child": {"op": "and", "children": [word("c"), word("d")]}},
        ],
    }
    assert tree("(a b") == {"op": "and", "children": [word("a"), word("b")]}
    assert tree(") a") == word("a")


def test_fields():
    assert tree("title:Corridor") == word("corridor", "title")
    assert tree('title:"grain corridor"') == {"op": "phrase", "keys": ["grain", "corridor"], "field": "title"}
    assert tree("title:expor*") == {"op": "prefix", "key": "expor", "field": "title"}
    assert tree('person:"Kassym-Jomart Tokaïev"') == {"op": "entity", "field": "person", "key": "kassym jomart tokaiev"}
    assert tree("organisation:Kremlin") == {"op": "entity", "field": "org", "key": "kremlin"}
    assert tree('source:"Steppe Wire"') == {"op": "filter", "field": "source", "key": "steppe wire"}
    assert tree("lang:FR") == {"op": "filter", "field": "lang", "key": "fr"}
    assert tree("tag:économie") == {"op": "filter", "field": "tag", "key": "economie"}
    # Unknown field names are plain words.
    assert tree("http://example.org") == {"op": "phrase", "keys": ["http", "example", "org"], "field": ""}
    assert tree("title:") is None


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ("date:2024", "2024-01-01", "2024-12-31"),
        ("date:2024-02", "2024-02-01", "2024-02-29"),
        ("date:2024-11..2025-01", "2024-11-01", "2025-01-31"),
        ("date:..2025-03-01", "", "2025-03-01"),
        ("date:2024-11..", "2024-11-01", ""),
    ],
)
def test_date_ranges(query, start, end):
    assert tree(query) == {"op": "date", "start": start, "end": end}


@pytest.mark.parametrize("query", ["date:2024-13", "date:2023-02-29", "date:soon", "date:..", "date:２０２４"])
def test_unreadable_dates_match_nothing(query):
    assert tree(query) == {"op": "nothing"}


def test_prefix_needs_two_letters():
    assert tree("ex*") == {"op": "prefix", "key": "ex", "field": ""}
    assert tree("e*") == word("e")


def test_nothing_searchable():
    assert parse("") is None
    assert parse("  ... !! ") is None
    assert parse("NOT") is None
