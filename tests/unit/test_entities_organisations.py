"""Organisation names with a lower-case head, acronyms of a country, long Russian tails, German cases."""

from __future__ import annotations

import pytest

from generator.annotate.entities import annotate_text


def found(text: str, language: str) -> set[tuple[str, str]]:
    return {(m.kind, m.name) for m in annotate_text(text, language)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Les relevés de la station de recherche de Roscoff sont publiés chaque mois.",
         "station de recherche de Roscoff"),
        ("Le syndicat des marins pêcheurs a appelé à la grève.", "syndicat des marins"),
        ("Selon l’agence régionale de santé, deux foyers sont surveillés.", "agence régionale de santé"),
        ("Le dossier ira devant la cour d’appel de Rennes en avril.", "cour d’appel de Rennes"),
    ],
)
def test_french_bodies_written_in_lower_case(text: str, name: str) -> None:
    assert ("organisation", name) in found(text, "fr")


def test_french_generic_phrases_are_not_bodies() -> None:
    assert found("Une agence de voyage a fermé ses portes. Le syndicat a protesté.", "fr") == set()


def test_english_lower_case_body_of_a_place_without_swallowing_a_person() -> None:
    assert ("organisation", "harbour authority of Bodø") in found(
        "A spokesman for the harbour authority of Bodø confirmed the closure.", "en"
    )
    result = found("The farm was bought by the company of Maria Lund last year.", "en")
    assert ("person", "Maria Lund") in result
    assert not any(kind == "organisation" for kind, _ in result)
    assert found("The government of Norway declined to comment.", "en") == {("place", "Norway")}


def test_english_names_run_through_for_the() -> None:
    result = found("She chairs the European Council for the Protection of Wetlands.", "en")
    assert ("organisation", "European Council for the Protection of Wetlands") in result


def test_german_national_body_is_a_compound_and_a_government_is_not() -> None:
    assert ("organisation", "dänische Küstenwache") in found("Ein Boot der dänischen Küstenwache lief aus.", "de")
    assert found("Die dänische Regierung schwieg dazu.", "de") == set()


def test_german_names_back_to_the_nominative() -> None:
    result = found("Eine Studie der Europäischen Agentur für Fischerei liegt vor.", "de")
    assert ("organisation", "Europäische Agentur für Fischerei") in result
    result = found("Ein Bericht des Instituts für Meereskunde Kiel warnt.", "de")
    assert any(kind == "organisation" and name.startswith("Institut für Meereskunde") for kind, name in result)


def test_russian_acronym_with_its_country_is_one_body() -> None:
    assert ("organisation", "МВД Казахстана") in found("Вчера сотрудники МВД Казахстана задержали двоих.", "ru")


def test_russian_body_of_a_region_in_the_genitive() -> None:
    result = found("Об этом сообщили в администрации Мурманской области.", "ru")
    assert ("organisation", "администрация Мурманской области") in result


def test_russian_long_tail_with_and_and_a_region() -> None:
    result = found("Вчера Министерство транспорта и связи Республики Карелия выпустило доклад.", "ru")
    assert any(kind == "organisation" and name.startswith("Министерство транспорта и связи") for kind, name in result)


def test_russian_prepositional_tail_and_its_bracketed_acronym() -> None:
    text = "Вчера Норвежский полярный институт на острове Медвежий (НПИМ) открыл станцию. Сотрудники НПИМ довольны."
    names = [m.name for m in annotate_text(text, "ru") if m.kind == "organisation"]
    assert names == ["Норвежский полярный институт на острове Медвежий"] * 3


def test_russian_common_phrase_with_a_place_is_not_a_body() -> None:
    result = found("Учёные из центра на острове Медвежий уехали.", "ru")
    assert not any(kind == "organisation" for kind, _ in result)


def test_russian_lands_are_places_in_the_nominative() -> None:
    result = found("Экспедиция работала на Северной Земле, потом на Земле Королевы Мод.", "ru")
    assert ("place", "Северная Земля") in result
    assert ("place", "Земля Королевы Мод") in result


def test_russian_oblique_cities_in_soft_sign() -> None:
    result = found("Груз везли из Ярославля через Базель.", "ru")
    assert {("place", "Ярославль"), ("place", "Базель")} <= result


def test_german_plural_authorities_are_a_description() -> None:
    assert found("Nach Angaben der schwedischen Behörden sank das Boot.", "de") == set()


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Members of the Sindicato Nacional dos Ferroviários walked out on Monday.", "en",
         "Sindicato Nacional dos Ferroviários"),
        ("Ein Sprecher der Fundación Ribera del Duero wollte nichts sagen.", "de", "Fundación Ribera del Duero"),
        ("La Fondazione Castello Sforzesco a prêté deux tableaux.", "fr", "Fondazione Castello Sforzesco"),
    ],
)
def test_organisation_heads_of_other_languages_quoted_untranslated(text: str, language: str, name: str) -> None:
    result = found(text, language)
    assert ("organisation", name) in result
    assert not any(kind == "person" for kind, _ in result)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Le musée Jean-Lurçat rouvre demain.", "fr", {("organisation", "musée Jean-Lurçat")}),
        ("L’ambassade du Japon a réagi.", "fr", {("organisation", "ambassade du Japon")}),
        ("Le kraï de Khabarovsk est inondé, mais pas la ville de Khabarovsk.", "fr",
         {("place", "kraï de Khabarovsk"), ("place", "Khabarovsk")}),
        ("Les pluies frappent la région russe de Samara.", "fr", {("place", "région de Samara")}),
        ("Floods hit the Irkutsk region and the Bratsk reservoir.", "en",
         {("place", "Irkutsk region"), ("place", "Bratsk reservoir")}),
        ("Talks in the Alsace region went on.", "en", {("place", "Alsace")}),
        ("Die Region Omsk ist überflutet.", "de", {("place", "Region Omsk")}),
    ],
)
def test_a_noun_beside_a_name_makes_one_name(text: str, language: str, expected: set[tuple[str, str]]) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Shares of JSC Sibneft fell; the board of JSC Sibneft met.", "en", {("organisation", "Sibneft")}),
        ("Компания АО «Сибнефть» заявила о проверке.", "ru", {("organisation", "Сибнефть")}),
        ("The Irtysh Basin Water Administration said the release was approved.", "en",
         {("organisation", "Irtysh Basin Water Administration")}),
        ("Сброс согласован с Обским бассейновым водным управлением.", "ru",
         {("organisation", "Обское бассейновое водное управление")}),
    ],
)
def test_legal_forms_and_places_inside_the_names_of_bodies(
    text: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Die Comisiones Obreras (CCOO) streiken. Die CCOO fordern mehr.", "de",
         {("organisation", "Comisiones Obreras")}),
        ("L’Autorité norvégienne d’enquête sur les accidents (NSIA) enquête. La NSIA a parlé.", "fr",
         {("organisation", "Autorité norvégienne d’enquête sur les accidents")}),
        ("La Ligue contre le cancer a réagi.", "fr", {("organisation", "Ligue contre le cancer")}),
    ],
)
def test_an_acronym_in_brackets_after_a_body_is_that_body(
    text: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Shares of Balkhash Copper plc fell 12% in London.", "en",
         {("organisation", "Balkhash Copper plc"), ("place", "London")}),
        ("Rescuers reached the Kyzylkum mine at dawn.", "en", {("organisation", "Kyzylkum mine")}),
        ("Les rejets de l’usine de Tourcoing inquiètent.", "fr", {("place", "Tourcoing")}),
    ],
)
def test_companies_and_works_named_with_a_lower_case_word(
    text: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The hackers used an account of Medisoft Lorraine, a French company that supplies software.", "en",
         {("organisation", "Medisoft Lorraine")}),
        ("The flats were let by Habitat Varois, the city’s public-housing landlord.", "en",
         {("organisation", "Habitat Varois")}),
        ("Mark Rose, a lawyer, said no.", "en", {("person", "Mark Rose")}),
        ("Son porte-parole, Jean Martin, a indiqué que le groupe prend acte.", "fr", {("person", "Jean Martin")}),
    ],
)
def test_a_noun_in_apposition_says_a_name_is_an_organisations(
    text: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert found(text, language) == expected


def test_common_words_make_a_bodys_name_unless_a_first_name_opens_it() -> None:
    text = "Les locataires accusent Habitat Varois. L’habitat social manque à Toulon."
    assert ("organisation", "Habitat Varois") in found(text, "fr")
    assert ("person", "Mark Rose") in found("Mark Rose said prices rose.", "en")
