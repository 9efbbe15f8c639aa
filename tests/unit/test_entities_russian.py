"""Russian case forms of names: generated forms, nominatives of oblique forms, gender, agreement."""

from __future__ import annotations

import pytest

from generator.annotate import entity_inflection as inflection
from generator.annotate.entities import annotate_text


@pytest.mark.parametrize(
    ("nominative", "form"),
    [
        ("Казахстан", "Казахстана"), ("Казахстан", "Казахстаном"), ("Россия", "России"), ("Россия", "Россией"),
        ("Москва", "Москве"), ("Москва", "Москвой"), ("Токаев", "Токаеву"), ("Токаев", "Токаевым"),
        ("Сергей", "Сергеем"), ("Кремль", "Кремля"), ("Зеленский", "Зеленского"), ("Каспий", "Каспии"),
        ("Оспанов-Калиев", "Оспанова-Калиева"), ("Касым-Жомарт", "Касым-Жомарта"), ("море", "моря"),
    ],
)
def test_forms_are_generated_from_the_nominative(nominative: str, form: str) -> None:
    assert form in inflection.word_forms(nominative)


def test_indeclinable_names_keep_one_form() -> None:
    assert inflection.word_forms("Актау") == ("Актау",)
    assert inflection.word_forms("Сочи") == ("Сочи",)


@pytest.mark.parametrize(
    ("form", "gender", "expected"),
    [
        ("Токаевым", None, "Токаев"), ("Путину", "m", "Путин"), ("Сергея", "m", "Сергей"),
        ("Ирину", "f", "Ирина"), ("Захаровой", "f", "Захарова"), ("Мерцем", "m", "Мерц"),
        ("Моди", "m", "Моди"),  # no masculine name ends in -и in an oblique case: a foreign nominative
    ],
)
def test_choose_nominative(form: str, gender: str | None, expected: str) -> None:
    assert inflection.choose_nominative(form, gender) == expected


def test_irregular_first_names_come_from_data() -> None:
    assert inflection.choose_nominative("Павла", "m", {"Павла": "Павел"}) == "Павел"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("Российской", "газете"), ("Российская", "газета")),
        (("Федерального", "агентства"), ("Федеральное", "агентство")),
        (("Атырауской", "области"), ("Атырауская", "область")),
        (("Известиях",), ("Известия",)),
        (("Зерновой", "союз"), ("Зерновой", "союз")),
    ],
)
def test_phrase_nominative_agrees_adjectives_with_the_noun(words: tuple[str, ...], expected: tuple[str, ...]) -> None:
    lexicon = frozenset({"газета", "агентство", "область", "союз"})
    assert inflection.phrase_nominative(words, lexicon, frozenset({"зернов"})) == expected


def test_stems_meet_for_two_forms_of_one_name() -> None:
    assert inflection.stem("Токаева") == inflection.stem("Токаев")
    assert inflection.stems("Сергея") & inflection.stems("Сергей")
    assert not inflection.stems("Мария") & inflection.stems("Марина")


def test_adjective_and_verb_shapes() -> None:
    assert inflection.is_adjective("каспийских") and not inflection.is_adjective("заявление")
    assert inflection.looks_like_verb("сообщила") and not inflection.looks_like_verb("дел")


def test_article_level_forms_follow_the_nominative_the_text_uses() -> None:
    text = "Президент Токаев прибыл в Москву. Позже Токаеву показали Кремль, а Токаевым восхищались."
    assert {m.name for m in annotate_text(text, "ru") if m.kind == "person"} == {"Токаев"}


def test_undeclined_foreign_surname_marks_a_woman() -> None:
    text = "Немецкий аналитик Урсула фон Берг считает, что договор важен."
    assert [m.name for m in annotate_text(text, "ru") if m.kind == "person"] == ["Урсула фон Берг"]


def test_patronymic_alone_with_first_name_is_a_polite_address() -> None:
    text = "Касым-Жомарт Токаев приехал. «Мы с Касым-Жомартом Кемелевичем всё обсудили», — сказал Путин."
    people = [m for m in annotate_text(text, "ru") if m.kind == "person"]
    assert [m.name for m in people][:2] == ["Касым-Жомарт Токаев", "Касым-Жомарт Токаев"]


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.kind, m.name) for m in annotate_text(text, "ru")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Об этом сообщил начальник ГУ МВД Игорь Савельев.",
         {("organisation", "ГУ МВД"), ("person", "Игорь Савельев")}),
        ("Соседа Тимур Каримов увезли в больницу.", {("person", "Тимур Каримов")}),
        ("Жительница деревни Красная Горка Нина Фомина ждёт помощи.",
         {("place", "Красная Горка"), ("person", "Нина Фомина")}),
        ("Глава ФНС России А. В. Орлов прибыл в Омск.",
         {("organisation", "ФНС России"), ("person", "А. В. Орлов"), ("place", "Омск")}),
        ("Губернатор области Денис Юрьевич Лапин заявил о потерях.", {("person", "Денис Лапин")}),
        ("Дмитрий Олегович Рябов отказался от комментариев.", {("person", "Дмитрий Рябов")}),
    ],
)
def test_a_first_name_starts_a_person_inside_a_run_of_capitals(text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_an_adjective_and_a_noun_name_a_place_not_a_person() -> None:
    assert _found("Жители Соснового Бора требуют компенсаций.") == {("place", "Сосновый Бор")}
    assert _found("Об этом написал Андрей Белый.") == {("person", "Андрей Белый")}
    assert _found("Вчера Толстой Лев уехал.") != {("place", "Толстой Лев")}


def test_other_plural_cases_of_a_role_are_a_group_not_a_title() -> None:
    assert _found("Следствие выясняет, почему жителей сёл Тихий Ключ не предупредили.") == {("place", "Тихий Ключ")}


def test_an_adjective_before_an_acronym_comes_back_to_the_nominative() -> None:
    assert inflection.phrase_nominative(("Саяно-Шушенской", "ГЭС")) == ("Саяно-Шушенская", "ГЭС")
    assert ("organisation", "Богучанская ГЭС") in _found("Сброс на Богучанской ГЭС увеличили.")


def test_a_first_name_in_the_nominative_keeps_a_foreign_surname_as_written() -> None:
    assert _found("Об этом заявила Ана Луиза Пиньейру.") == {("person", "Ана Луиза Пиньейру")}
    assert _found("Он видел Анну Петрову.") == {("person", "Анна Петрова")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча с Кшиштофом Островским прошла в Люблине.",
         {("person", "Кшиштоф Островский"), ("place", "Люблин")}),
        ("С Иоанной Садовской связаться не удалось.", {("person", "Иоанна Садовская")}),
        ("Позже Medisoft Эрве Марчетти извинился.", {("person", "Эрве Марчетти")}),
        ("Об этом сообщил мэр Лилля Марк-Антуан Леблон.", {("place", "Лилль"), ("person", "Марк-Антуан Леблон")}),
        ("Об этом заявил председатель CRV Этьен де Воссель.",
         {("organisation", "CRV"), ("person", "Этьен де Воссель")}),
    ],
)
def test_foreign_names_in_russian_cases_and_scripts(text: str, expected: set[tuple[str, str]]) -> None:
    assert {kv for kv in _found(text) if kv[1] != "Medisoft"} == expected


def test_polish_honorifics_in_russian() -> None:
    assert _found("Пан Врублевский поблагодарил участников.") == {("person", "Врублевский")}


def test_quoted_speech_is_no_name_and_a_first_name_is_no_adjective() -> None:
    assert _found("«Лифт не работает», — рассказал Карим Бенаисса.") == {("person", "Карим Бенаисса")}
    assert _found("Член совета заявила: «Знал весь совет директоров».") == set()
    assert _found("Газета «Известия» написала об этом.") != set()
