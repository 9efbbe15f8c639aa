"""Entity shapes that hold in any text: acronyms defined in brackets, quoted titles and ships, initials,
particles, German compounds and appositions, "X-based", datelines, rivers, Russian "по" complements.

Every sentence here is made up for the rule it tests."""

from __future__ import annotations

import pytest

from generator.annotate.entities import annotate_text
from generator.annotate.entity_shapes import acronym_fits, spells


def found(text: str, language: str) -> set[tuple[str, str]]:
    return {(m.kind, m.name) for m in annotate_text(text, language) if m.kind != "person" or m.surface[:1].isupper()}


def named(text: str, language: str) -> set[tuple[str, str]]:
    """Every (kind, name) found, lower-case persons too."""
    return {(m.kind, m.name) for m in annotate_text(text, language)}


def spans(text: str, language: str) -> dict[str, tuple[str, str]]:
    return {m.surface: (m.kind, m.name) for m in annotate_text(text, language)}


# ---- acronyms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("LPB", "Ligue Paysanne Bretonne", True),
        ("FWA", "Fondation Wallonne pour l'Art", True),
        ("ASLO", "Arbeitskreis Sauberes Lahn-Oberland", True),
        ("XYZ", "Ligue Paysanne Bretonne", False),  # first letter differs
        ("LBP", "Ligue Paysanne", False),  # letters out of order
        ("LP", "Lucien", False),  # one capitalised word: a person's name is not spelt so
    ],
)
def test_acronym_fits(acronym: str, name: str, fits: bool) -> None:
    assert acronym_fits(acronym, name) is fits


def test_spells_needs_the_first_letter_and_the_order() -> None:
    assert spells("WBA", "Wasserbauamt")
    assert not spells("BWA", "Wasserbauamt")


def test_bracketed_acronym_makes_the_name_an_organisation_and_stands_for_it() -> None:
    text = "La Ligue Paysanne Bretonne (LPB) manifeste à Rennes. Le porte-parole de la LPB a parlé."
    result = found(text, "fr")
    assert ("organisation", "Ligue Paysanne Bretonne") in result
    assert ("person", "Ligue Paysanne Bretonne") not in result
    assert {m.name for m in annotate_text(text, "fr") if m.surface == "LPB"} == {"Ligue Paysanne Bretonne"}


def test_bracketed_acronym_after_a_long_english_name() -> None:
    text = "Members of the Highland Otter Trust (HOT) met on Friday. HOT wants more funds."
    names = {m.surface: m.name for m in annotate_text(text, "en")}
    assert names["HOT"] == "Highland Otter Trust"


def test_a_lone_german_compound_defined_by_an_acronym_is_a_name() -> None:
    text = "Das Wasserbauamt (WBA) prüft den Deich. Laut WBA ist er sicher."
    result = found(text, "de")
    assert ("organisation", "Wasserbauamt") in result
    assert ("place", "Wba") not in result


def test_an_acronym_mid_sentence_is_not_a_town_of_that_name() -> None:
    # "UBA" is also a Brazilian town in GeoNames; in brackets mid-sentence it is an acronym.
    kinds = {m.surface: m.kind for m in annotate_text("Er zitierte eine Stelle (UBA) im Bericht.", "de")}
    assert kinds.get("UBA") != "place"


def test_russian_po_complement_and_acronym() -> None:
    text = "Доклад обсудит Региональная комиссия по охране Волги (РКОВ). Позже РКОВ ответила."
    names = {m.surface: m.name for m in annotate_text(text, "ru")}
    assert names["РКОВ"] == "Региональная комиссия по охране Волги"


# ---- quoted titles and ships --------------------------------------------------------------------------


def test_a_ship_in_quotes_is_no_person() -> None:
    text = 'The cargo ship "Northern Heron" lost power off Bergen. The Northern Heron was towed.'
    result = found(text, "en")
    assert not any("Heron" in name for _, name in result)
    assert ("place", "Bergen") in result


def test_a_ship_in_russian_quotes_is_no_organisation() -> None:
    text = "Экипаж траулера «Морской Орёл» спас рыбаков."
    assert not any("Орёл" in name for _, name in found(text, "ru"))


def test_a_quoted_newspaper_after_its_noun_is_an_organisation() -> None:
    text = "Il l’a dit au quotidien « L’Aube lorraine » mardi."
    assert ("organisation", "L’Aube lorraine") in found(text, "fr")


def test_a_german_ship_after_a_compound_vessel_noun() -> None:
    text = "Die Besatzung des Forschungsschiffs „Blaue Möwe“ wurde gerettet."
    assert not any("Möwe" in name for _, name in found(text, "de"))


# ---- people -------------------------------------------------------------------------------------------


def test_hyphenated_initials() -> None:
    text = "Le rapport de J.-L. Fournier a été publié hier. Selon M. Fournier, rien ne change."
    assert spans(text, "fr")["J.-L. Fournier"] == ("person", "J.-L. Fournier")
    assert spans(text, "fr")["M. Fournier"] == ("person", "J.-L. Fournier")


def test_german_names_with_particles_and_hyphenated_first_names() -> None:
    text = "Auch Karl-Heinz von Brückner widersprach. Dann sprach Jan van der Wal. Van der Wal blieb ruhig."
    result = spans(text, "de")
    assert result["Karl-Heinz von Brückner"] == ("person", "Karl-Heinz von Brückner")
    assert result["Jan van der Wal"][0] == "person"
    assert result["Van der Wal"] == ("person", "Jan van der Wal")


def test_capitalised_particle_opening_a_sentence_belongs_to_the_surname() -> None:
    text = "Hélène de Montclar spoke first. De Montclar said the plan was late."
    assert spans(text, "en")["De Montclar"] == ("person", "Hélène de Montclar")


def test_german_role_compounds_before_a_name() -> None:
    text = "Einsatzleiterin Petra Sommerfeld bestätigte das. Auch Regierungsrat Urs Kägi war dort."
    result = found(text, "de")
    assert ("person", "Petra Sommerfeld") in result
    assert ("person", "Urs Kägi") in result


# ---- organisations and places -------------------------------------------------------------------------


def test_german_apposition_before_a_name_with_its_own_organisation_word() -> None:
    text = "Die Umweltgruppe Baltic Seabird Network kritisierte die Hamburger Reederei Ostwind Shipping."
    result = found(text, "de")
    assert ("organisation", "Baltic Seabird Network") in result
    assert ("organisation", "Ostwind Shipping") in result


def test_german_body_of_a_known_place_keeps_the_place() -> None:
    result = found("Das Landgericht Hamburg hat die Klage abgewiesen.", "de")
    assert ("organisation", "Landgericht Hamburg") in result


def test_german_compound_with_several_words_stays_one_name() -> None:
    result = found("Die Elterninitiative Gesunder Schulweg (EGS) sammelt Unterschriften.", "de")
    assert ("organisation", "Elterninitiative Gesunder Schulweg") in result


def test_place_based_compound() -> None:
    result = spans("The Lyon-based Rhodanie Logistics Group said on Monday it would appeal.", "en")
    assert result["Lyon"][0] == "place"
    assert result["Rhodanie Logistics Group"][0] == "organisation"


def test_dateline_in_capitals_is_a_place() -> None:
    result = spans("HAMMERFEST, Norway (AP) — Fishermen protested on Sunday.", "en")
    assert result["HAMMERFEST"] == ("place", "Hammerfest")


@pytest.mark.parametrize(
    ("text", "language", "river"),
    [
        ("Les péniches remontent le Danube jusqu’à Vienne.", "fr", "Danube"),
        ("Barges sail up the Danube every week.", "en", "Danube"),
        ("Der Pegel der Donau steigt.", "de", "Donau"),
        ("Баржи идут по Дунаю.", "ru", "Дунай"),
    ],
)
def test_major_rivers_are_places(text: str, language: str, river: str) -> None:
    assert ("place", river) in found(text, language)


def test_a_qualified_french_body_of_a_known_place_is_an_organisation() -> None:
    found = named("Le tribunal administratif de Lyon a annulé l’arrêté.", "fr")
    assert ("organisation", "tribunal administratif de Lyon") in found
    moved = named("Le convoi est parti en direction de la Chine.", "fr")
    assert moved == {("place", "Chine")}


def test_german_unions_and_consortia_are_organisations() -> None:
    found = named("Die Gewerkschaft Verdi ruft zum Streik auf.", "de")
    assert ("organisation", "Verdi") in found


def test_portuguese_particles_stay_inside_a_name_in_any_script() -> None:
    assert [m.name for m in annotate_text("Hier, Maria Luísa do Carmo Reis a signé l’accord.", "fr")] == [
        "Maria Luísa do Carmo Reis"
    ]
    assert [m.surface for m in annotate_text("Вчера Жуан Педру душ Рейш подписал соглашение.", "ru")] == [
        "Жуан Педру душ Рейш"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Joaquim Pedro Lemos Barreiro von der Gewerkschaft äußerte sich.",
         {("person", "Joaquim Pedro Lemos Barreiro")}),
        ("Auch Serkan Aydın von der IG Metall äußerte sich.",
         {("person", "Serkan Aydın"), ("organisation", "IG Metall")}),
        ("Der Anteil von Brandstetter liegt bei 30 Prozent.", set()),
        ("Die Verhandlungen sollen Ende Juni enden.", set()),
        ("Der Vertrag ging an die Firma Caminhos do Norte SA aus Porto.",
         {("organisation", "Caminhos do Norte SA"), ("place", "Porto")}),
    ],
)
def test_german_names_among_capitalised_nouns(text: str, expected: set[tuple[str, str]]) -> None:
    assert named(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Regierung Norwegens schwieg.", {("place", "Norwegen")}),
        ("Norwegens Regierung schwieg.", {("place", "Norwegen")}),
        ("Der Oberste Gerichtshof Norwegens entschied.", {("organisation", "Oberster Gerichtshof Norwegens")}),
        ("Mitte Oktober beschloss der Stadtrat die Rückgabe.", set()),
        ("Sein Name steht über dem Eingang.", set()),
        ("Er fuhr nach Essen, dann an den Rhein.", {("place", "Essen"), ("place", "Rhein")}),
        ("Geschäftsführer eines Kieler Getreidehauses ist Jan Roth.", {("person", "Jan Roth")}),
    ],
)
def test_german_countries_in_the_genitive_and_nouns_after_an_article(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert named(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Le cargo venait de Tromsø.", "fr", {("place", "Tromsø")}),
        ("Er zog von Kempten nach Weil am Rhein.", "de", {("place", "Kempten"), ("place", "Weil am Rhein")}),
        ("Es stand schon im Hof, und die Ware war nass.", "de", set()),
        ("Das Ministerium forderte Paris auf, zu handeln.", "de", {("place", "Paris")}),
    ],
)
def test_towns_of_fifteen_thousand_and_german_nouns_that_share_their_names(
    text: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert named(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Les pompiers des Pyrénées-Orientales et de la Haute-Savoie sont mobilisés.", "fr",
         {("place", "Pyrénées-Orientales"), ("place", "Haute-Savoie")}),
        ("Officials in Nova Scotia and Baden-Württemberg agreed.", "en",
         {("place", "Nova Scotia"), ("place", "Baden-Württemberg")}),
        ("La préfecture du Haut-Rhin a publié un arrêté.", "fr", {("organisation", "préfecture du Haut-Rhin")}),
        ("Пожары охватили Восточные Пиренеи.", "ru", {("place", "Восточные Пиренеи")}),
    ],
)
def test_divisions_of_countries_are_known_places(text: str, language: str, expected: set[tuple[str, str]]) -> None:
    assert named(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dann holte der Bergungsunternehmer Jan van der Berg das Schiff.", {("person", "Jan van der Berg")}),
        ("Der Kanadier Michael Doyle wird seither gelobt.", {("person", "Michael Doyle")}),
        ("Das sagte Gewerkschafter Olaf Brandt am Montag.", {("person", "Olaf Brandt")}),
        ("Die Firma zahlte Millionen Euro Strafe.", set()),
        ("Dort fand man Spuren von Meldonium.", set()),
        ("Das sagte IGM-Generalsekretärin Maria Luísa dos Santos Reis in Lissabon.",
         {("person", "Maria Luísa dos Santos Reis"), ("place", "Lissabon")}),
    ],
)
def test_german_nouns_then_a_name_opened_by_a_first_name(text: str, expected: set[tuple[str, str]]) -> None:
    assert named(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Bauunternehmen Bâtir Provence zahlte.", {("organisation", "Bâtir Provence")}),
        ("Die Bürgerinitiative Sauberer Neckar klagt.", {("organisation", "Bürgerinitiative Sauberer Neckar")}),
        ("Verletzt wurde auch Skifahrer Erzhan Bekov aus Almaty.", {("person", "Erzhan Bekov"), ("place", "Almaty")}),
        ("Polens Landwirtschaftsministerium schwieg.", {("place", "Polen")}),
        ("Das Bundesamt für Sicherheit in der Informationstechnik warnt.",
         {("organisation", "Bundesamt für Sicherheit in der Informationstechnik")}),
        ("„Packen Sie Ihre Sachen“, sagte er.", set()),
        ("Er erhielt fünf Jahre Unwählbarkeit.", set()),
        ("Die EU reagierte.", {("organisation", "Europäische Union")}),
    ],
)
def test_german_bodies_titles_and_nouns(text: str, expected: set[tuple[str, str]]) -> None:
    assert named(text, "de") == expected


def test_plural_possessives_inside_english_names_and_union_acronyms() -> None:
    text = "The Northern Nurses’ Union and the EU met."
    assert named(text, "en") == {
        ("organisation", "Northern Nurses’ Union"), ("organisation", "European Union")
    }


def test_german_place_compounds_and_prefixed_roles() -> None:
    assert named("Im Skigebiet Bakuriani gingen Lawinen ab.", "de") == {
        ("place", "Bakuriani")
    }
    assert named("Вице-министр Анна Крылова провела встречу.", "ru") == {
        ("person", "Анна Крылова")
    }


def test_according_to_a_name_is_no_place() -> None:
    assert not any(m.kind == "place" for m in annotate_text("According to Wróbel, the union waited.", "en"))
    assert [(m.kind, m.name) for m in annotate_text("He moved to Dorohusk last year.", "en")] == [("place", "Dorohusk")]
