"""Capitalised runs that are not people, each next to a real person in a similar position (so recall holds).

Every sentence here is made up for the rule it tests."""

from __future__ import annotations

import pytest

from generator.annotate.entities import annotate_text


def people(text: str, language: str) -> set[str]:
    return {m.name for m in annotate_text(text, language) if m.kind == "person"}


def kinds(text: str, language: str) -> dict[str, str | None]:
    return {m.name: m.kind for m in annotate_text(text, language)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a run ending in a kind of place or an institutional noun is a facility or a body
        ("Rescuers flew to the Kola Marine Station at dawn, said Mark Hollis.", "en", {"Mark Hollis"}),
        ("The Maritime Administration hired Laura Penrose to lead the review.", "en", {"Laura Penrose"}),
        ("La Haute Autorité a entendu Paul Clément mardi.", "fr", {"Paul Clément"}),
        ("Die Deutsche Rentengesellschaft befragte Jan Hartung am Montag.", "de", {"Jan Hartung"}),
        # a name after a vessel noun is the ship's; a captain of the vessel is still a person
        ("The tanker Polar Swan ran aground; Ellen Marsh was on board.", "en", {"Ellen Marsh"}),
        ("Le navire Étoile Polaire a sombré, selon Anne Morel.", "fr", {"Anne Morel"}),
        ("Сообщил капитан судна Олег Петров.", "ru", {"Олег Петров"}),
        ("Капитан норвежского судна Олег Петров подтвердил это.", "ru", {"Олег Петров"}),
        ("The captain of the trawler, Ellen Marsh, agreed.", "en", {"Ellen Marsh"}),
    ],
)
def test_not_a_person_beside_a_person(text: str, language: str, expected: set[str]) -> None:
    assert people(text, language) == expected


def test_institutional_run_is_an_organisation() -> None:
    assert kinds("The Maritime Administration confirmed it.", "en").get("Maritime Administration") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Konzernchef Peter-Paul von Arx sagte, man prüfe das Urteil.", "Peter-Paul von Arx"),
        ("Meereschemikerin Sabine Lorenz nahm Proben.", "Sabine Lorenz"),
        ("Der Geologe Tomas Brandt warnte vor dem Eis.", "Tomas Brandt"),
    ],
)
def test_german_profession_compounds_are_titles(text: str, name: str) -> None:
    # the title is left out of the name; the name is still found
    assert people(text, "de") == {name}


@pytest.mark.parametrize(
    ("text", "expected_people", "place"),
    [
        ("Власти Норвегии сообщили об аварии.", set(), "Норвегия"),
        ("Завод в Базеле Рейн загрязнил, сказал Олег Смирнов.", {"Олег Смирнов"}, "Базел"),
        ("Из Осло Иван Петров вернулся вчера.", {"Иван Петров"}, None),
        ("У берегов Шпицбергена Карл-Хайнц Майер заметил судно.", {"Карл-Хайнц Майер"}, None),
    ],
)
def test_russian_place_in_a_run_is_cut_off(text: str, expected_people: set[str], place: str | None) -> None:
    assert people(text, "ru") == expected_people
    if place is not None:
        assert kinds(text, "ru").get(place) == "place"


def test_russian_three_names_in_one_case_stay_together() -> None:
    # "Урсула" ends in -а like a genitive, but a name's words with a particle are one person
    assert people("Немецкий аналитик Урсула фон Берг выступила вчера.", "ru") == {"Урсула фон Берг"}


def test_latin_acronym_before_a_russian_name_with_particle() -> None:
    found = kinds("Представитель ABC Жан де Ламбер заявил об этом.", "ru")
    assert found.get("Жан де Ламбер") == "person" and found.get("ABC") == "organisation"
