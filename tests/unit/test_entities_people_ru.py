"""Russian people, bodies and places in made-up sentences: case forms back to the nominative, roles with a
body in the genitive before the name, initials, undeclined foreign names, legal forms before quoted names."""

from __future__ import annotations

import pytest

from generator.annotate.entities import annotate_text


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.kind, m.name) for m in annotate_text(text, "ru")}


def _surfaces(text: str) -> dict[str, tuple[str, str]]:
    return {m.surface: (m.kind, m.name) for m in annotate_text(text, "ru")}


def test_every_case_of_a_full_name_resolves_to_the_nominative() -> None:
    text = (
        "Губернатор Игорь Петрович Гуляев прибыл в Норильск. Решение Гуляева поддержали депутаты. "
        "Письмо направили Гуляеву, а с Гуляевым встретился мэр."
    )
    found = _surfaces(text)
    for form in ("Игорь Петрович Гуляев", "Гуляева", "Гуляеву", "Гуляевым"):
        assert found[form] == ("person", "Игорь Гуляев")


def test_a_genitive_first_name_makes_the_surname_a_mans() -> None:
    found = _surfaces("Заявление губернатора края Андрея Кузьмина опубликовано в среду. По словам Кузьмина, всё идёт.")
    assert found["Андрея Кузьмина"] == ("person", "Андрей Кузьмин")
    assert found["Кузьмина"] == ("person", "Андрей Кузьмин")
    assert "Заявление" not in found


def test_a_woman_introduced_in_the_nominative_keeps_her_surname() -> None:
    found = _surfaces("Директор института Анна Кузьмина рассказала о планах. Кузьмина отметила риски.")
    assert found["Анна Кузьмина"] == ("person", "Анна Кузьмина")


def test_a_patronymic_in_the_genitive_tells_a_man_even_as_an_object() -> None:
    found = _surfaces("В Мурманске капитана Виктора Павловича Гуляева наградила комиссия. Гуляеву вручили орден.")
    assert found["Виктора Павловича Гуляева"] == ("person", "Виктор Гуляев")
    assert found["Гуляеву"] == ("person", "Виктор Гуляев")


def test_a_common_noun_opening_the_sentence_stays_out_of_a_full_name() -> None:
    found = _surfaces("Слова Олега Дмитриевича Соколова подтвердили в штабе. Соколов уточнил детали.")
    assert found["Олега Дмитриевича Соколова"] == ("person", "Олег Соколов")


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        ("Глава МЧС России Александр Куренков прилетел в Красноярск.", "Александр Куренков",
         ("organisation", "МЧС России")),
        ("Мэр Мурманска Андрей Чибис заявил, что деньги есть.", "Андрей Чибис", ("place", "Мурманск")),
        ("Заявил министр МИД Сергей Лавров.", "Сергей Лавров", ("organisation", "МИД")),
    ],
)
def test_a_body_in_the_genitive_between_role_and_name_is_split_off(
    text: str, person: str, body: tuple[str, str]
) -> None:
    found = _found(text)
    assert ("person", person) in found
    assert body in found


def test_initials_before_or_after_the_surname() -> None:
    found = _surfaces("Документ подписал И. П. Гуляев. Его коллега Гуляев И. П. не присутствовал.")
    assert found["И. П. Гуляев"] == ("person", "И. П. Гуляев")
    assert found["Гуляев И. П."] == ("person", "И. П. Гуляев")


def test_initials_join_the_full_name_introduced() -> None:
    found = _surfaces("Игорь Петрович Гуляев прибыл. Позже И. П. Гуляев уехал.")
    assert found["И. П. Гуляев"] == ("person", "Игорь Гуляев")


def test_a_foreign_name_in_e_does_not_decline() -> None:
    found = _surfaces("Канадский геолог Мари-Эв Трамбле приехала на Шпицберген. По словам Трамбле, ледник тает.")
    assert found["Мари-Эв Трамбле"] == ("person", "Мари-Эв Трамбле")
    assert found["Трамбле"] == ("person", "Мари-Эв Трамбле")
    man = _surfaces("Французский инженер Этьен Мулине приехал в Тромсё. Мулине доволен.")
    assert man["Этьен Мулине"] == ("person", "Этьен Мулине")


def test_a_resident_of_a_village_and_her_name() -> None:
    found = _surfaces("Следователь Максим Орлов допросил жительницу посёлка Игарка Наталью Петрову.")
    assert found["Игарка"] == ("place", "Игарка")
    assert found["Наталью Петрову"] == ("person", "Наталья Петрова")
    assert found["Максим Орлов"] == ("person", "Максим Орлов")


def test_residents_in_the_plural_are_no_title() -> None:
    found = _surfaces("Спасатели добрались до посёлка Диксон. Жители Диксона ждали помощи.")
    assert found["Диксона"] == ("place", "Диксон")


def test_a_surname_that_is_also_a_town_follows_the_person() -> None:
    found = _surfaces("Житель села Шушенское Пётр Иванов нашёл клад. Иванова наградили.")
    assert found["Иванова"] == ("person", "Пётр Иванов")


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Встреча прошла в Красноярском крае.", "Красноярском крае", "Красноярский край"),
        ("Алтайский край получит субсидии.", "Алтайский край", "Алтайский край"),
        ("Власти Новосибирской области ввели режим.", "Новосибирской области", "Новосибирская область"),
    ],
)
def test_regions_are_adjective_and_noun(text: str, surface: str, name: str) -> None:
    found = _surfaces(text)
    assert found[surface] == ("place", name)
    assert len(found) == 1


def test_government_bodies_and_legal_forms() -> None:
    found = _found(
        "Прокуратура Красноярского края начала проверку. Арбитражный суд отклонил иск ООО «Енисейлес»."
    )
    assert ("organisation", "Прокуратура Красноярского края") in found
    assert ("organisation", "Енисейлес") in found
    assert ("organisation", "ООО") not in found


def test_a_genitive_after_from_is_brought_back() -> None:
    assert ("place", "Баренцбург") in _found("Мы поговорили по телефону из Баренцбурга, где она зимует.")
