"""Speaker rules added for text the quote annotator was not tuned on: unknown reporting verbs after a
quotation, German compounds, role nouns and institutions referred back to, gendered pronouns, the narrative
sentence before an uncued quotation, oblique cases and initials. Every sentence here is made up."""

from __future__ import annotations

import pytest

from generator.annotate import quotes
from generator.annotate.quote_lexicon import lexicon
from tests.unit.test_quotes import find, mentions


def speakers(text: str, language: str, *specs: tuple[str, str, str]) -> list[str | None]:
    return [q.speaker for q in find(text, language, *specs)]


@pytest.mark.parametrize(
    ("text", "language", "spec"),
    [
        ("„Wir bauen die Brücke bis Mai fertig“, versprach Baudezernent Karl Imhof.", "de", "Karl Imhof"),
        ("« Ce n’est pas fini », tonne Paul Girard devant la mairie.", "fr", "Paul Girard"),
        ("«Мы вернёмся осенью», — отрезал Олег Смирнов.", "ru", "Олег Смирнов"),
        ("“Not today,” shrugged Tom Baker, leaving the room.", "en", "Tom Baker"),
        ("„Ohne Geld keine Forschung“, bringt es die Biologin Lena Graf auf den Punkt.", "de", "Lena Graf"),
    ],
)
def test_a_reporting_verb_missing_from_the_lexicon_after_a_quotation(text, language, spec):
    assert speakers(text, language, (spec, spec, "person")) == [spec]


def test_a_lower_case_word_after_a_quotation_is_not_a_verb_without_a_named_subject():
    text = "„Wir bauen die Brücke bis Mai fertig“, versprach man im Rathaus."
    assert speakers(text, "de") == [None]


def test_german_compounds_end_with_a_known_institution():
    text = "Das Verkehrsministerium teilte mit, man werde „alle Optionen prüfen“."
    (speaker,) = speakers(text, "de")
    assert speaker is not None and speaker.lower().endswith("verkehrsministerium")
    assert lexicon("de").source_nouns.match(quotes_tokens("Landesverkehrsministerium"), 0) == 1


def quotes_tokens(word: str):
    from generator.annotate.quote_lexicon import tokenize

    return tokenize(word, 0, len(word))


@pytest.mark.parametrize(
    ("text", "language", "specs", "expected"),
    [
        (
            "Bundesumweltministerin Petra Lang traf am Dienstag Bürgermeister Jan Ott. „Wir brauchen saubere "
            "Flüsse“, sagte Ott. Die Ministerin sprach von einer „gemeinsamen Aufgabe“.",
            "de",
            [("Petra Lang", "Petra Lang", "person"), ("Jan Ott", "Jan Ott", "person"), ("Ott", "Jan Ott", "person")],
            ["Jan Ott", "Petra Lang"],
        ),
        (
            "The harbour master, Ruth Collins, met the fishermen. “Nobody sails tonight,” said Sam Doyle. "
            "The harbour master later called the storm “the worst in years”.",
            "en",
            [("Ruth Collins", "Ruth Collins", "person"), ("Sam Doyle", "Sam Doyle", "person")],
            ["Sam Doyle", "Ruth Collins"],
        ),
    ],
)
def test_a_role_noun_refers_to_the_person_introduced_with_it(text, language, specs, expected):
    assert speakers(text, language, *specs) == expected


def test_every_word_of_a_description_must_fit_the_role_said_of_that_person():
    text = (
        "Le dirigeant chilien Pablo Reyes a reçu Marta Silva. « Le projet avance », a déclaré Marta Silva. "
        "« Rien n’est signé », a ajouté le dirigeant péruvien."
    )
    found = speakers(text, "fr", ("Pablo Reyes", "Pablo Reyes", "person"), ("Marta Silva", "Marta Silva", "person"))
    assert found[1] != "Pablo Reyes"


@pytest.mark.parametrize(
    ("text", "language", "specs", "expected"),
    [
        (
            "Mme Anne Roche a présenté le budget avec M. Paul Vidal. « Les comptes sont sains », a déclaré "
            "M. Vidal. « Nous tiendrons les délais », a-t-elle ajouté.",
            "fr",
            [("Anne Roche", "Anne Roche", "person"), ("Paul Vidal", "Paul Vidal", "person"),
             ("Vidal", "Paul Vidal", "person")],
            ["Paul Vidal", "Anne Roche"],
        ),
        (
            "Мария Котова и Игорь Белов провели встречу. «Работа идёт», — сказал Белов. "
            "«Мы успеем к зиме», — добавила она.",
            "ru",
            [("Мария Котова", "Мария Котова", "person"), ("Игорь Белов", "Игорь Белов", "person"),
             ("Белов", "Игорь Белов", "person")],
            ["Игорь Белов", "Мария Котова"],
        ),
        (
            "Die Ärztin Jana Wolf besuchte mit Herrn Tim Brandt die Klinik. „Es fehlt an Personal“, sagte Brandt. "
            "„Wir suchen dringend Pflegekräfte“, fügte sie hinzu.",
            "de",
            [("Jana Wolf", "Jana Wolf", "person"), ("Tim Brandt", "Tim Brandt", "person"),
             ("Brandt", "Tim Brandt", "person")],
            ["Tim Brandt", "Jana Wolf"],
        ),
        (
            "Mrs Helen Park met Mr John Reed on Monday. “The deal is done,” Reed said. “We start in June,” she added.",
            "en",
            [("Helen Park", "Helen Park", "person"), ("John Reed", "John Reed", "person"),
             ("Reed", "John Reed", "person")],
            ["John Reed", "Helen Park"],
        ),
    ],
)
def test_a_gendered_pronoun_takes_the_last_person_of_its_gender(text, language, specs, expected):
    assert speakers(text, language, *specs) == expected


def test_a_pronoun_takes_a_person_named_since_the_last_quotation_even_out_of_subject_position():
    text = (
        "„Wir sind bereit“, sagte Laborleiterin Ingrid Olsen. An dem Projekt arbeitet auch die Physikerin "
        "Maria Stein. Sie sprach von einem „großen Schritt“."
    )
    specs = [("Ingrid Olsen", "Ingrid Olsen", "person"), ("Maria Stein", "Maria Stein", "person")]
    assert speakers(text, "de", *specs) == ["Ingrid Olsen", "Maria Stein"]


def test_a_name_in_an_oblique_case_is_not_the_subject():
    text = "Министр Олег Ковалёв направил Петрову письмо, в котором назвал проект «образцовым»."
    specs = [("Олег Ковалёв", "Олег Ковалёв", "person"), ("Петрову", "Иван Петров", "person")]
    assert speakers(text, "ru", *specs) == ["Олег Ковалёв"]


@pytest.mark.parametrize(
    ("text", "language", "org", "expected"),
    [
        (
            "The National Weather Service issued a storm warning on Friday. “Stay indoors after dark,” the "
            "service said.",
            "en",
            "National Weather Service",
            "National Weather Service",
        ),
        (
            "Die Bürgerinitiative Grüne Aue hat Klage eingereicht. Die Initiative teilte mit, sie sehe "
            "„keine andere Wahl“.",
            "de",
            "Bürgerinitiative Grüne Aue",
            "Bürgerinitiative Grüne Aue",
        ),
    ],
)
def test_a_bare_noun_refers_to_the_institution_named_with_it(text, language, org, expected):
    assert speakers(text, language, (org, org, "organisation")) == [expected]


def test_an_uncued_quotation_after_a_narrative_sentence_is_its_subjects():
    text = (
        "“We will appeal,” said Dan Holt. For Ms Clara Voss, the vote is personal. Standing outside the hall, "
        "she waved at the crowd. “This is our town too.”"
    )
    specs = [("Dan Holt", "Dan Holt", "person"), ("Clara Voss", "Clara Voss", "person")]
    assert speakers(text, "en", *specs) == ["Dan Holt", "Clara Voss"]


def test_an_uncued_quotation_in_a_sentence_opened_by_a_pronoun():
    text = (
        "« Rien n’est décidé », a déclaré Marc Lenoir. Mme Sophie Brun était présente. Elle, visiblement "
        "émue, quitta la salle en lâchant « une honte »."
    )
    specs = [("Marc Lenoir", "Marc Lenoir", "person"), ("Sophie Brun", "Sophie Brun", "person")]
    assert speakers(text, "fr", *specs) == ["Marc Lenoir", "Sophie Brun"]


def test_initials_do_not_end_a_sentence():
    text = (
        "« Nous ferons appel », a dit Hugo Marin. Le porte-parole de la société, J.-L. Renard, a indiqué que "
        "l’entreprise « examine la décision »."
    )
    specs = [("Hugo Marin", "Hugo Marin", "person"), ("J.-L. Renard", "J.-L. Renard", "person")]
    assert speakers(text, "fr", *specs) == ["Hugo Marin", "J.-L. Renard"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The group published its report “Dark Waters, Cold Facts” on Monday.", "en"),
        ("Die Gruppe stellte ihren Bericht „Leere Netze, volle Häfen“ vor.", "de"),
        ("L’ONG a publié son rapport « Eaux troubles » lundi.", "fr"),
    ],
)
def test_a_quoted_title_after_report_is_not_a_quotation(text, language):
    assert quotes.find_quotes(text, language, mentions(text)) == ()


def test_a_known_verb_before_a_quotation_beats_a_conjunction_after_it():
    text = "Mark Lee said the ferry could sail “by Friday,” though he admitted the engine was old."
    assert speakers(text, "en", ("Mark Lee", "Mark Lee", "person")) == ["Mark Lee"]
    text = "Ana Ruiz, the skipper, said the ferry could sail “by Friday,” whereas Tom Hall disagreed."
    specs = [("Ana Ruiz", "Ana Ruiz", "person"), ("Tom Hall", "Tom Hall", "person")]
    assert speakers(text, "en", *specs) == ["Ana Ruiz"]


def test_a_noun_in_a_complement_does_not_give_the_name_after_it_a_gender() -> None:
    text = (
        "Son directeur, Paul Morin, a affirmé que « tout était prêt ». Le préfet de la région, Marc Lenoir, "
        "a décrété l’alerte. « Je ne couvrirai personne », a-t-il lancé mardi."
    )
    specs = [("Paul Morin", "Paul Morin", "person"), ("Marc Lenoir", "Marc Lenoir", "person")]
    assert speakers(text, "fr", *specs) == ["Paul Morin", "Marc Lenoir"]


def test_a_role_with_its_complement_and_not_a_prepositions_object_is_a_persons_title() -> None:
    text = (
        "Во вторник губернатор Омской области Игорь Лебедев встретился с жителями. «Кто за это ответит?» — "
        "спросила у губернатора пенсионерка Нина Фомина. «Виновные будут наказаны», — пообещал губернатор."
    )
    specs = [("Омской области", "Омская область", "place"), ("Игорь Лебедев", "Игорь Лебедев", "person"),
             ("Нина Фомина", "Нина Фомина", "person")]
    assert speakers(text, "ru", *specs) == ["Нина Фомина", "Игорь Лебедев"]


@pytest.mark.parametrize(
    ("text", "language", "specs", "expected"),
    [
        (
            "Die Lage sei ernst, sagt die Kieler Ökologin Anna Brandt, „und sie wird nicht besser“.",
            "de",
            [("Anna Brandt", "Anna Brandt", "person")],
            ["Anna Brandt"],
        ),
        (
            "Otto Kern ist wütend. Bis dahin, so Kern, werde man „jeden Tag daran erinnern“.",
            "de",
            [("Otto Kern", "Otto Kern", "person"), ("Kern", "Otto Kern", "person")],
            ["Otto Kern"],
        ),
        (
            "Finanzminister Jan Roth zögert. Man werde »alles prüfen«, hatte der Minister am Mittwoch erklärt.",
            "de",
            [("Jan Roth", "Jan Roth", "person")],
            ["Jan Roth"],
        ),
        (
            "Ama Mensah remembers. The seat was made for King Adandozan. “It is family,” she said.",
            "en",
            [("Ama Mensah", "Ama Mensah", "person"), ("Adandozan", "Adandozan", "person")],
            ["Ama Mensah"],
        ),
    ],
)
def test_german_attributions_and_gendered_titles(text, language, specs, expected):
    assert speakers(text, language, *specs) == expected


def test_a_colon_after_a_sentence_about_someone_introduces_their_words() -> None:
    text = "Le préfet, Jean-Marc Vidal, s’est voulu rassurant : « Le feu est fixé. »"
    assert speakers(text, "fr", ("Jean-Marc Vidal", "Jean-Marc Vidal", "person")) == ["Jean-Marc Vidal"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("„Das Feuer ist unter Kontrolle“, teilte die Feuerwehr am Abend mit.", "de", "die Feuerwehr"),
        ("According to the prosecutor’s office, “criminal negligence” may have played a role.", "en",
         "the prosecutor’s office"),
    ],
)
def test_an_unnamed_institution_speaks_in_its_own_name(text: str, language: str, expected: str) -> None:
    assert speakers(text, language) == [expected]


def test_a_first_name_shows_the_gender_a_pronoun_needs() -> None:
    text = (
        "Anne Dethier leitet die Klinik. Jean-Luc Moreau leitet die IT. „Wer diese Dateien herunterlädt, "
        "macht sich strafbar“, sagte sie."
    )
    specs = [("Anne Dethier", "Anne Dethier", "person"), ("Jean-Luc Moreau", "Jean-Luc Moreau", "person")]
    assert speakers(text, "de", *specs) == ["Anne Dethier"]


def test_a_title_between_a_body_and_a_person_before_the_verb() -> None:
    text = "“The slopes were checked,” Jvari Resorts chief executive Irakli Beridze said."
    specs = [("Jvari Resorts", "Jvari Resorts", "organisation"), ("Irakli Beridze", "Irakli Beridze", "person")]
    assert speakers(text, "en", *specs) == ["Irakli Beridze"]
