"""Search text analysis: tokens, folding, stop words, stemming per language, and the VLQ encoding."""

from __future__ import annotations

import pytest

from generator.search.analysis import (
    Surfaces,
    analysis,
    fold,
    key_of,
    normalise_language,
    split_surface,
    stop_words,
    tokens,
    utf16_key,
)
from generator.search.encode import decode, gaps, vlq


def test_tokens_split_on_apostrophes_and_hyphens_but_not_accents():
    expected = ["L", "avion", "de", "Kassym", "Jomart", "Tokaïev", "2025"]
    assert tokens("L’avion de Kassym-Jomart Tokaïev, 2025.") == expected
    # A decomposed accent (e + combining acute) stays inside the word.
    assert tokens("e\u0301lection") == ["élection"]


def test_fold_lowercases_and_strips_accents_in_every_script():
    assert fold("Tokaïev") == "tokaiev"
    assert fold("ÉTAT") == "etat"
    assert fold("Straße") == "strasse"
    assert fold("Ёлка") == "елка"
    assert fold("ΟΔΟΣ") == "οδοσ"  # final sigma folded like the others


def test_french_analysis_drops_elisions_and_stop_words_and_stems():
    fr = analysis("fr")
    assert fr.terms("L’avion présidentiel s’est posé à l’aéroport") == ["avion", "presidentiel", "pos", "aeroport"]
    # The same stem with or without accents typed: accent-insensitive.
    assert fr.term("élections") == fr.term("elections") == "elect"
    assert fr.term("les") is None and fr.term("Les") is None  # missing from whoosh's list, added


def test_english_and_russian_stemming():
    en, ru = analysis("en"), analysis("ru")
    assert en.term("Exporters") == en.term("exporter") == "export"
    assert en.term("the") is None
    # Stemmed before folding, so Russian endings with й are recognised, then folded.
    assert ru.term("Новый") == ru.term("новая") == "нов"
    assert ru.term("президента") == ru.term("Президенту") == "президент"


def test_language_without_stemmer_only_folds():
    und = analysis("und")
    assert und.terms("Élections ÉLECTIONS") == ["elections", "elections"]
    assert stop_words("und") == frozenset()


def test_stop_lists_are_folded():
    assert "a" in stop_words("fr")  # "à" folded
    assert "etaient" in stop_words("fr")


def test_normalise_language():
    assert normalise_language("FR") == "fr"
    assert normalise_language("pt-BR") == "pt"
    assert normalise_language("") == normalise_language(None) == normalise_language("xx1") == "und"


def test_key_of_and_surfaces():
    assert key_of("Kassym-Jomart Tokaïev") == "kassym jomart tokaiev"
    surfaces = Surfaces()
    assert split_surface(surfaces.entry("Élections")) == ("elections", "élections")
    assert split_surface(surfaces.entry("grain")) == ("grain", "grain")


def test_utf16_key_orders_like_javascript():
    # U+FF5E sorts after U+1F600 in code points? No: JavaScript compares UTF-16 units, where the
    # surrogate pair of U+1F600 (0xD83D...) sorts before U+FF5E.
    words = ["\uff5e", "\U0001f600", "a"]
    assert sorted(words, key=utf16_key) == ["a", "\U0001f600", "\uff5e"]
    assert sorted(words) == ["a", "\uff5e", "\U0001f600"]


@pytest.mark.parametrize("numbers", [[], [0], [31, 32, 1023, 1024], [5, 0, 2**20, 2**40 + 3]])
def test_vlq_round_trip(numbers):
    assert decode(vlq(numbers)) == numbers


def test_vlq_is_compact_and_text():
    assert len(vlq([7])) == 1 and len(vlq([31])) == 1 and len(vlq([32])) == 2 and len(vlq([1023])) == 2
    assert vlq(range(2000)).isascii()
    assert gaps([3, 5, 9]) == [3, 2, 4]
    with pytest.raises(ValueError):
        vlq([-1])
    with pytest.raises(ValueError):
        decode("g")  # a continuation with nothing after it
