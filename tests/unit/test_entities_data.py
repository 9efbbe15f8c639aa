"""Entity data: tokens, per-language resources, gazetteers, curated list loading and matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.annotate.curated import CuratedEntity, CuratedError, load_curated, matcher
from generator.annotate.entity_resources import load
from generator.annotate.entity_tokens import tokenize
from generator.annotate.gazetteer import gazetteer, territory_name

# ---- tokens ---------------------------------------------------------------------------------------------


def test_elisions_possessives_and_footnotes_are_split_off() -> None:
    fr = load("fr")
    words = [t.text for t in tokenize("la visite d’État qu’aujourd’hui Kouchoum1", fr.elisions, fr.honorifics)]
    assert words == ["la", "visite", "d’", "État", "qu’", "aujourd’hui", "Kouchoum", "1"]
    en = load("en")
    assert [t.text for t in tokenize("Putin’s aide O’Brien", en.elisions, en.honorifics)] == [
        "Putin", "’s", "aide", "O’Brien",
    ]


def test_languages_without_an_elision_list_split_short_lower_case_prefixes() -> None:
    assert [t.text for t in tokenize("dell'Italia", frozenset(), frozenset())] == ["dell'", "Italia"]


def test_sentence_starts_but_not_after_honorifics_or_initials() -> None:
    fr = load("fr")
    tokens = tokenize("Il part. M. Tokaïev arrive. « Bien », dit J. Smith.\n\nAstana", fr.elisions, fr.honorifics)
    opening = {t.text for t in tokens if t.cap and t.sent}
    assert opening == {"Il", "M", "Bien", "Astana"}
    assert not next(t for t in tokens if t.text == "Tokaïev").sent
    assert not next(t for t in tokens if t.text == "Smith").sent


def test_elided_capital_is_not_a_name_word() -> None:
    fr = load("fr")
    first = tokenize("L’Autorité portuaire", fr.elisions, fr.honorifics)[0]
    assert first.text == "L’" and not first.cap


# ---- resources ------------------------------------------------------------------------------------------


def test_language_data_merges_shared_data_and_falls_back_for_unknown_languages() -> None:
    fr = load("fr")
    assert "M" in fr.honorifics and "gazeta" in fr.org_words  # own file + shared mul file
    assert fr.demonym("kazakhe") == "KZ" and fr.demonym("russes") == "RU"
    assert load("ru").demonym("казахстанского") == "KZ"
    unknown = load("xx")
    assert unknown.roles == {} and "gazeta" in unknown.org_words


# ---- gazetteers -----------------------------------------------------------------------------------------


def test_cldr_territories_and_cities_per_language() -> None:
    fr = gazetteer("fr")
    assert fr.lookup("Kazakhstan").code == "cldr:KZ"  # type: ignore[union-attr]
    assert fr.lookup("Afrique").code == "cldr:002"  # type: ignore[union-attr]
    assert fr.lookup("Moscou").kind == "place"  # type: ignore[union-attr]
    assert fr.lookup("MOSCOU").name == "Moscou"  # type: ignore[union-attr]
    assert fr.lookup("Kremlin").kind == "organisation"  # type: ignore[union-attr]
    assert territory_name("RU", "en") == "Russia"


def test_russian_gazetteer_knows_case_forms() -> None:
    ru = gazetteer("ru")
    assert ru.lookup("Москве").name == "Москва"  # type: ignore[union-attr]
    assert ru.lookup("Казахстана").name == "Казахстан"  # type: ignore[union-attr]


def test_common_words_and_nationalities_are_not_towns() -> None:
    fr, en, de = gazetteer("fr"), gazetteer("en"), gazetteer("de")
    assert fr.lookup("Observatoire") is None  # a Paris quarter, and a noun of institution names
    assert en.lookup("Kazakh") is None
    assert de.lookup("Man") is None


# ---- curated list ---------------------------------------------------------------------------------------


def test_load_curated(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    path.write_text(
        "entities:\n"
        "  - name: Vladimir Putin\n    kind: person\n    aliases: [Poutine, Путин]\n    wikidata: Q7747\n"
        "  - {name: Kremlin, kind: organisation}\n",
        encoding="utf-8",
    )
    assert load_curated(path) == (
        CuratedEntity("Vladimir Putin", "person", ("Poutine", "Путин"), "Q7747"),
        CuratedEntity("Kremlin", "organisation"),
    )
    assert load_curated(tmp_path / "missing.yml") == ()


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("entities:\n  - name: A\n    kind: animal\n", 2, "'kind' must be one of"),
        ("entities:\n  - name: A\n    kind: person\n    colour: red\n", 4, "unknown key 'colour'"),
        ("entities:\n  - {name: A, kind: person, wikidata: 12}\n", 2, "'wikidata' must look like"),
        ("entities:\n  - {name: A, kind: person}\n  - {name: B, kind: person, aliases: [A]}\n", 3, "already listed"),
        ("entities: [\n", 2, "not valid YAML"),
        ("people: []\n", 1, "unknown top-level key"),
    ],
)
def test_curated_errors_name_file_and_line(tmp_path: Path, content: str, line: int, message: str) -> None:
    path = tmp_path / "entities.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CuratedError) as caught:
        load_curated(path)
    assert caught.value.line == line and message in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_curated_matching_offsets_boundaries_and_case_forms() -> None:
    entities = (
        CuratedEntity("Ural River", "place", ("Ural", "Урал")),
        CuratedEntity("Kaspiy-Inform", "organisation"),
        CuratedEntity("Kazakhstan Grain Union", "organisation", ("Kazakhstan",)),
    )
    text = "The Ural at Uralsk; Kaspiy-Inform and Kazakhstan Grain Union; Ural-based firms."
    found = [(text[m.start : m.end], m.entity.name) for m in matcher(entities, "en").find(text)]
    assert found == [
        ("Ural", "Ural River"), ("Kaspiy-Inform", "Kaspiy-Inform"),
        ("Kazakhstan Grain Union", "Kazakhstan Grain Union"), ("Ural", "Ural River"),
    ]
    ru = "На Урале и у Урала"
    assert [ru[m.start : m.end] for m in matcher(entities, "ru").find(ru)] == ["Урале", "Урала"]
