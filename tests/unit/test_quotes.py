"""Quotes: quotation marks, speakers through speech verbs, apposition, references back, titles."""

from __future__ import annotations

import re

import pytest

from generator.annotate import quotes
from generator.annotate.quote_marks import find_quotations, marks_table, sentence_bounds
from generator.model import Article, EntityMention, Metadata, Quote, Span


def mention(text: str, surface: str, name: str | None = None, kind: str = "person", nth: int = 0) -> EntityMention:
    """A hand-made entity mention at the nth occurrence of `surface` (the entity annotator's job)."""
    found = [m.start() for m in re.finditer(re.escape(surface), text)]
    start = found[nth]
    return EntityMention(kind, surface, name or surface, Span(start, start + len(surface)))  # type: ignore[arg-type]


def mentions(text: str, *specs: tuple[str, str, str]) -> tuple[EntityMention, ...]:
    """Every occurrence of each (surface, name, kind)."""
    out = []
    for surface, name, kind in specs:
        for nth in range(text.count(surface)):
            out.append(mention(text, surface, name, kind, nth))
    return tuple(sorted(out, key=lambda m: m.span.start))


def find(text: str, language: str, *specs: tuple[str, str, str]) -> tuple[Quote, ...]:
    return quotes.find_quotes(text, language, mentions(text, *specs))


TOKAYEV = ("M. Tokaïev", "Kassym-Jomart Tokaïev", "person")


# ---- marks --------------------------------------------------------------------------------------------------


def test_every_kind_of_mark_and_the_span_covers_the_inside():
    text = '« un » et “deux” et „drei“ et "four" et ‹ cinq ›.'
    table = marks_table([["«", "»"], ["“", "”"], ["„", "“", "”"], ['"', '"'], ["‹", "›"]])
    found = find_quotations(text, table)
    assert [text[q.start : q.end] for q in found] == ["un", "deux", "drei", "four", "cinq"]
    assert all(not q.truncated for q in found)


def test_nested_marks_stay_inside_the_outer_quotation_and_are_quotations_of_their_own():
    text = "« Il a parlé d’une « trahison » et d’un “piège” », a dit M. Tokaïev."
    quote, *inner = find(text, "fr", TOKAYEV)
    assert quote.text == "Il a parlé d’une « trahison » et d’un “piège”"
    assert text[quote.span.start : quote.span.end] == quote.text
    assert quote.speaker == "Kassym-Jomart Tokaïev"
    assert [(q.text, q.speaker, q.partial) for q in inner] == [
        ("trahison", "Kassym-Jomart Tokaïev", True), ("piège", "Kassym-Jomart Tokaïev", True)
    ]


def test_a_quotation_left_open_by_a_truncated_text_is_kept_and_flagged():
    text = "M. Tokaïev a déclaré : « Nous allons suivre chaque relevé de la station et"
    (quote,) = find(text, "fr", TOKAYEV)
    assert quote.truncated
    assert quote.text.endswith("station et")
    assert quote.speaker == "Kassym-Jomart Tokaïev"


def test_a_lone_straight_quote_is_an_inch_mark_not_a_quotation():
    text = 'The screen measures 12" across.\n\nAnother paragraph follows here.'
    assert find(text, "en") == ()


def test_sentences_do_not_end_inside_a_quotation():
    text = "« Non. Jamais. », a-t-il dit. Il est parti."
    table = marks_table([["«", "»"]])
    found = find_quotations(text, table)
    sentences = sentence_bounds(text, found, frozenset())
    assert [text[s.start : s.end] for s in sentences] == ["« Non. Jamais. », a-t-il dit.", "Il est parti."]


# ---- speakers: French ---------------------------------------------------------------------------------------


def test_french_verb_after_the_quote_with_and_without_inversion():
    text = (
        "« Nous sommes prêts », a déclaré M. Tokaïev. "
        "« Les négociations seront longues », a-t-il ajouté. "
        "« Rien n’est décidé », déclare-t-elle."
    )
    found = find(text, "fr", TOKAYEV, ("Mme Seitkali", "Aïgoul Seitkali", "person"))
    assert [q.speaker for q in found][:2] == ["Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev"]
    assert found[0].cue == "a déclaré M. Tokaïev"
    assert found[1].cue == "a-t-il ajouté"


def test_french_apposition_after_the_verb():
    text = (
        "Les deux pays ont préservé leur coopération, malgré « la frénésie des sanctions », affirme le président "
        "du Kazakhstan, Kassym-Jomart Tokaïev, dans un article publié dans Rossiïskaïa Gazeta."
    )
    (quote,) = find(
        text,
        "fr",
        ("Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev", "person"),
        ("Kazakhstan", "Kazakhstan", "place"),
        ("Rossiïskaïa Gazeta", "Rossiïskaïa Gazeta", "organisation"),
    )
    assert quote.speaker == "Kassym-Jomart Tokaïev"
    assert quote.partial
    assert quote.cue.startswith("affirme le président du Kazakhstan")


def test_a_description_refers_back_to_the_person_already_speaking():
    text = (
        "« Le dialogue continue », a noté M. Tokaïev. Vladimir Poutine l’attend à Moscou. "
        "« Il est impossible de surmonter les contradictions sans Moscou », a résumé le dirigeant kazakh."
    )
    found = find(text, "fr", TOKAYEV, ("Vladimir Poutine", "Vladimir Poutine", "person"))
    assert found[1].speaker == "Kassym-Jomart Tokaïev"
    assert found[1].cue == "a résumé le dirigeant kazakh"


def test_a_description_uses_the_entity_resolver_when_given():
    text = "« Le dialogue continue », a noté M. Tokaïev. « Nous verrons », a répondu le dirigeant russe."
    found = quotes.find_quotes(
        text,
        "fr",
        mentions(text, TOKAYEV),
        lambda words, start, end: "Vladimir Poutine" if words.endswith("russe") else None,
    )
    assert [q.speaker for q in found] == ["Kassym-Jomart Tokaïev", "Vladimir Poutine"]


def test_continuation_and_pronoun_take_the_previous_speaker():
    text = (
        "« Un ensemble de documents a été signé », a écrit M. Tokaïev. "
        "Il a rappelé avoir mené des négociations « très substantielles » avec Xi Jinping. "
        "« Nous continuerons. »"
    )
    found = find(text, "fr", TOKAYEV, ("Xi Jinping", "Xi Jinping", "person"))
    assert [q.speaker for q in found] == ["Kassym-Jomart Tokaïev"] * 3
    assert found[1].cue == "Il a rappelé"
    assert found[1].partial and not found[2].partial
    assert found[2].cue == ""


def test_a_pronoun_prefers_the_subject_of_the_sentence_just_before():
    text = (
        "« Le texte est prêt », a déclaré M. Tokaïev. Mme Seitkali, elle, ne désarme pas. "
        "Jointe par téléphone, elle a affirmé : « Nous allons suivre chaque relevé. »"
    )
    found = find(text, "fr", TOKAYEV, ("Mme Seitkali", "Aïgoul Seitkali", "person"))
    assert found[1].speaker == "Aïgoul Seitkali"
    assert not found[1].partial


def test_two_quotes_of_one_sentence_share_its_cue():
    text = (
        "Ce document « ouvrira une nouvelle ère » et confirmera « un niveau sans précédent », est convaincu M. Tokaïev."
    )
    found = find(text, "fr", TOKAYEV)
    assert [q.speaker for q in found] == ["Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev"]
    assert found[0].cue == found[1].cue == "est convaincu M. Tokaïev"


def test_an_institution_speaks_through_its_document():
    text = "« Les négociations porteront sur le commerce », indique un communiqué sur le site du Kremlin."
    (quote,) = find(text, "fr", ("Kremlin", "Kremlin", "organisation"))
    assert quote.speaker == "Kremlin"


def test_an_unnamed_institution_is_named_by_its_words():
    text = "Le ministère kazakh des Affaires étrangères a confirmé jeudi que « la coopération se poursuivra »."
    (quote,) = find(text, "fr")
    assert quote.speaker == "le ministère kazakh des Affaires étrangères"


def test_selon_and_pour_name_the_speaker():
    text = "Selon M. Tokaïev, « rien n’est joué ». Pour M. Tokaïev, l’accord serait « historique »."
    found = find(text, "fr", TOKAYEV)
    assert [q.speaker for q in found] == ["Kassym-Jomart Tokaïev"] * 2


# ---- speakers: English, Russian, German ----------------------------------------------------------------------


def test_english_both_orders_and_apposition_before_the_verb():
    text = (
        "“This is not charity,” said Pavel Lednyov. "
        "“We are ready,” Ms Sablina said. "
        "Aigul Seitkali, Kazakhstan’s water minister, who signed the text with Irina Sablina, called it "
        "“the most important water document.” "
        "He said: “We came to Moscow to solve problems.”"
    )
    found = find(
        text,
        "en",
        ("Pavel Lednyov", "Pavel Lednyov", "person"),
        ("Ms Sablina", "Irina Sablina", "person"),
        ("Irina Sablina", "Irina Sablina", "person"),
        ("Aigul Seitkali", "Aigul Seitkali", "person"),
    )
    assert [q.speaker for q in found] == ["Pavel Lednyov", "Irina Sablina", "Aigul Seitkali", "Aigul Seitkali"]
    assert found[1].cue == "Ms Sablina said"


def test_english_the_letter_said_is_its_author():
    text = (
        "Bolat Yessenzhol, who chairs the union, agreed that the season would be a test. "
        "“A farmer should have the same access to the sea,” the letter said."
    )
    (quote,) = find(text, "en", ("Bolat Yessenzhol", "Bolat Yessenzhol", "person"))
    assert quote.speaker == "Bolat Yessenzhol"


def test_russian_dash_inversion_with_adjuncts_before_the_subject():
    text = (
        "«Мы прошли путь от взаимных претензий до общей таблицы», — заявила журналистам г-жа Сейткали. "
        "Ирина Саблина подтвердила, что текст готов. «Документ сбалансирован», — сказала она."
    )
    found = find(
        text, "ru", ("г-жа Сейткали", "Айгуль Сейткали", "person"), ("Ирина Саблина", "Ирина Саблина", "person")
    )
    assert [q.speaker for q in found] == ["Айгуль Сейткали", "Ирина Саблина"]


def test_russian_verb_before_and_po_slovam():
    text = "Путин назвал Казахстан «ближайшим союзником». По его словам, «работа продолжится»."
    found = find(text, "ru", ("Путин", "Владимир Путин", "person"))
    assert [q.speaker for q in found] == ["Владимир Путин", "Владимир Путин"]
    assert all(q.partial for q in found)


def test_german_low_quotes_and_inversion():
    text = (
        "„Zum ersten Mal haben wir eine Zahl“, sagte Seitkali nach der Zeremonie. "
        "Sablina sprach von einem „fairen Kompromiss“. "
        "Sie fügte hinzu: „Wir teilen einen Fluss.“"
    )
    found = find(text, "de", ("Seitkali", "Aigul Seitkali", "person"), ("Sablina", "Irina Sablina", "person"))
    assert [q.speaker for q in found] == ["Aigul Seitkali", "Irina Sablina", "Irina Sablina"]
    assert [q.partial for q in found] == [False, True, False]


# ---- not quotations -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "specs"),
    [
        ("M. Tokaïev a publié un article dans le quotidien « Rossiïskaïa Gazeta » mardi.", "fr", [TOKAYEV]),
        ("Статья вышла в газете «Известия» накануне визита.", "ru", []),
        ("The piece appeared in the newspaper “Izvestia” on Monday.", "en", []),
        ("Статья перепечатана рядом изданий, в том числе «Казахстанской правдой».", "ru", []),
        ("Die Rede erschien in der Zeitung „Neues Deutschland“ am Montag.", "de", []),
    ],
)
def test_titles_of_newspapers_and_works_are_not_quotes(text, language, specs):
    assert find(text, language, *specs) == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The so-called “shadow fleet” remains a concern, officials said.", "en"),
        ("La soi-disant « flotte fantôme » inquiète les assureurs.", "fr"),
        ("Так называемый «теневой флот» продолжает работу.", "ru"),
        ("Die sogenannte „Schattenflotte“ bleibt ein Problem.", "de"),
    ],
)
def test_scare_quotes_quote_nobody(text, language):
    assert find(text, language) == ()


def test_a_quoted_newspaper_can_be_the_speaker():
    text = "Le quotidien « Kommersant » rapporte que « les discussions sont gelées »."
    (quote,) = find(text, "fr")
    assert (quote.text, quote.speaker) == ("les discussions sont gelées", "Kommersant")


def test_a_quoted_organisation_name_is_not_a_quote():
    text = "Il a rencontré des représentants de « Caspian Bulk Lines » à Aktaou."
    assert find(text, "fr", ("Caspian Bulk Lines", "Caspian Bulk Lines", "organisation")) == ()


def test_a_title_word_before_a_real_quote_needs_a_capital_to_count():
    text = "Le plan « de paix » reste flou, a déclaré M. Tokaïev."
    (quote,) = find(text, "fr", TOKAYEV)
    assert quote.text == "de paix"


# ---- annotator -------------------------------------------------------------------------------------------------


def test_the_annotator_reads_language_and_entities_and_assigns_quotes():
    text = "« Nous sommes prêts », a déclaré M. Tokaïev."
    article = Article("a", "a.txt", "text", text, text, None, Metadata(), "", "h")
    result = quotes.run(article, {"language": "fr", "entities": mentions(text, TOKAYEV)}, {})
    assert set(result) == set(quotes.ANNOTATOR.assigns) == {"quotes"}
    assert result["quotes"][0].speaker == "Kassym-Jomart Tokaïev"
    assert set(quotes.ANNOTATOR.requires) == {"language", "entities"}


def test_an_unknown_language_still_finds_quotes():
    text = "« Lorem ipsum dolor sit amet, consectetur », dixit."
    (quote,) = find(text, "xx")
    assert quote.text == "Lorem ipsum dolor sit amet, consectetur"


def test_british_single_quotes_and_apostrophes() -> None:
    text = (
        "‘We will not go back underground,’ said Dan Reed. The company said it ‘deeply regrets’ the accident, "
        "and its head told reporters: ‘The workers’ union is wrong. Safety first.’ It’s late."
    )
    found = find(text, "en", ("Dan Reed", "Dan Reed", "person"))
    assert [q.text for q in found] == [
        "We will not go back underground,", "deeply regrets", "The workers’ union is wrong. Safety first."
    ]
    assert found[0].speaker == "Dan Reed"


def test_german_single_low_quotes() -> None:
    found = find("‚Wir bleiben‘, sagte Jan Roth.", "de", ("Jan Roth", "Jan Roth", "person"))
    assert [(q.text, q.speaker) for q in found] == [("Wir bleiben", "Jan Roth")]


def test_a_quotation_inside_a_quotation_is_its_own_with_the_speaker_named_inside() -> None:
    text = (
        "«Ваш Петров по телевизору сказал: „Мы действовали по правилам“. А кто открыл затворы?» — "
        "спросила пенсионерка Нина Фомина."
    )
    found = find(text, "ru", ("Петров", "Иван Петров", "person"), ("Нина Фомина", "Нина Фомина", "person"))
    assert [(q.text, q.speaker, q.partial) for q in found] == [
        ("Ваш Петров по телевизору сказал: „Мы действовали по правилам“. А кто открыл затворы?", "Нина Фомина",
         False),
        ("Мы действовали по правилам", "Иван Петров", False),
    ]


def test_a_nested_title_is_no_quotation() -> None:
    text = "« J’ai lu « Le Monde » ce matin », a déclaré Paul Morin."
    found = find(text, "fr", ("Paul Morin", "Paul Morin", "person"))
    assert [q.text for q in found] == ["J’ai lu « Le Monde » ce matin"]
