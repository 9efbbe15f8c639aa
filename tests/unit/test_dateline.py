"""Dateline: place, outlet and date at the start of a wire story, and nothing from ordinary openings."""

from __future__ import annotations

import pytest

from generator.annotate import dateline
from generator.model import Article, Metadata


@pytest.mark.parametrize(
    ("text", "language", "place", "source", "date"),
    [
        ("MOSCOU, 11 novembre /TASS/ — Le président est arrivé.", "fr", "Moscou", "TASS", "--11-11"),
        ("ASTANA, Nov 10 (Reuters) - Kazakhstan's president will travel.", "en", "Astana", "Reuters", "--11-10"),
        ("МОСКВА, 12 ноября. /ТАСС/. Президенты подписали декларацию.", "ru", "Москва", "ТАСС", "--11-12"),
        ("МОСКВА, 12 ноября. Президенты подписали декларацию.", "ru", "Москва", None, "--11-12"),
        (
            "AKTAOU, 4 décembre (Agence Caspienne) – Trois vraquiers ont quitté le port.",
            "fr",
            "Aktaou",
            "Agence Caspienne",
            "--12-04",
        ),
        ("NEW YORK, Dec. 3, 2025 (AP) — Stocks rose.", "en", "New York", "AP", "2025-12-03"),
        ("SAINT-PÉTERSBOURG, 3 mars (AFP) - La ville.", "fr", "Saint-Pétersbourg", "AFP", "--03-03"),
        ("RIO DE JANEIRO (Reuters) - Brazil said.", "en", "Rio de Janeiro", "Reuters", None),
        ("BERLIN, 12. November (dpa) - Die Regierung hat entschieden.", "de", "Berlin", "dpa", "--11-12"),
        ("Moscou (AFP) — Le Kremlin a indiqué.", "fr", "Moscou", "AFP", None),
    ],
)
def test_datelines(text, language, place, source, date):
    found = dateline.parse_dateline(text, language)
    assert found is not None
    assert (found.place, found.source) == (place, source)
    assert (found.date.value if found.date else None) == date
    assert text[found.end :].strip()[:1].isupper()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La Russie et le Kazakhstan ont réussi à préserver leur coopération, malgré tout.", "fr"),
        ("Selon M. Poutine, la visite est importante.", "fr"),
        ("Moscou, le 11 novembre, a accueilli le président.", "fr"),
        ("Moscow, which hosted the talks, said little.", "en"),
        ("Washington (which had not been consulted) said nothing.", "en"),
        ("Russia and Kazakhstan (two neighbours) signed a pact.", "en"),
        ("Путин, как и ожидалось, приехал.", "ru"),
    ],
)
def test_ordinary_openings_are_not_datelines(text, language):
    assert dateline.parse_dateline(text, language) is None


def test_a_dateline_after_a_short_heading():
    text = "Première cargaison\n\nAKTAOU, 4 décembre (Agence Caspienne) – Trois vraquiers ont quitté le port."
    found = dateline.parse_dateline(text, "fr")
    assert found is not None and found.place == "Aktaou"


def test_no_dateline_further_down_than_the_first_paragraph():
    text = "Le corridor est ouvert depuis hier matin.\n\nAKTAOU, 4 décembre (Agence Caspienne) – Trois vraquiers."
    assert dateline.parse_dateline(text, "fr") is None


def test_the_annotator_assigns_place_and_source_only():
    text = "ASTANA, Nov 10 (Steppe Wire) - Kazakhstan's president will travel to Moscow."
    article = Article("a", "a.txt", "text", text, text, None, Metadata(source="The Wire"), "", "h")
    result = dateline.run(article, {"language": "en"}, {})
    assert result == {"dateline_place": "Astana", "dateline_source": "Steppe Wire"}
    assert set(result) == set(dateline.ANNOTATOR.assigns)
    plain = Article("b", "b.txt", "text", "No dateline here.", "No dateline here.", None, Metadata(), "", "h")
    assert dateline.run(plain, {"language": "en"}, {}) == {"dateline_place": None, "dateline_source": None}


@pytest.mark.parametrize(
    ("text", "language", "place", "source", "date"),
    [
        ("BERGEN, Norway, March 3 (Nordic Wire) - Boats left.", "en", "Bergen", "Nordic Wire", "--03-03"),
        ("GRENOBLE (Isère), 4 mars (Agence Alpine) – Le téléphérique a rouvert.", "fr", "Grenoble", "Agence Alpine",
         "--03-04"),
        ("PORTLAND, Ore., Jan 9 (AP) - A storm hit the coast.", "en", "Portland", "AP", "--01-09"),
    ],
)
def test_a_region_between_place_and_date(text, language, place, source, date):
    found = dateline.parse_dateline(text, language)
    assert found is not None and (found.place, found.source, found.date and found.date.value) == (place, source, date)


def test_a_region_without_a_date_after_it_is_no_dateline():
    assert dateline.parse_dateline("LYON, France, une ville, attend la neige.", "fr") is None
