"""Entities annotator: recognition on small made-up sentences in fr/en/ru/de, junk, resolution, contract."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from generator.annotate import entities
from generator.annotate.curated import CuratedEntity
from generator.annotate.entities import annotate_text, resolve_descriptor
from generator.annotate.pipeline import make_pipeline, run_annotators
from generator.annotate.registry import DEFAULT_ANNOTATORS
from generator.model import Article, EntityMention, Metadata

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_8dfb17625616ae6f.txt"


def found(text: str, language: str, curated: tuple[CuratedEntity, ...] = ()) -> set[tuple[str, str]]:
    """(kind, name) of every mention that names someone (descriptions left out)."""
    mentions = annotate_text(text, language, curated)
    return {(m.kind, m.name) for m in mentions if m.kind != "person" or m.surface[:1].isupper()}


def surfaces(text: str, language: str) -> list[str]:
    return [m.surface for m in annotate_text(text, language)]


# ---- recognition per language -------------------------------------------------------------------------


def test_french_people_places_organisations_from_cues() -> None:
    text = (
        "Le Premier ministre indien Narendra Modi a reçu jeudi à New Delhi le chancelier allemand Friedrich "
        "Merz. Selon l’agence Reuters, la Banque de France et le ministère des Affaires étrangères ont réagi."
    )
    assert found(text, "fr") == {
        ("person", "Narendra Modi"), ("place", "New Delhi"), ("person", "Friedrich Merz"),
        ("organisation", "Reuters"), ("organisation", "Banque de France"),
        ("organisation", "ministère des Affaires étrangères"),
    }


def test_english_titles_and_nationalities_are_split_off_the_name() -> None:
    text = "Russian President Vladimir Putin met Deputy Prime Minister Pavel Lednyov and Foreign Minister Anna Berg."
    assert found(text, "en") == {
        ("person", "Vladimir Putin"), ("person", "Pavel Lednyov"), ("person", "Anna Berg"),
    }


def test_english_organisations_with_connectors_but_not_across_and() -> None:
    text = "The Bank of England and the Ministry of Defence spoke. The European Union and NATO were silent."
    assert found(text, "en") == {
        ("organisation", "Bank of England"), ("organisation", "Ministry of Defence"),
        ("organisation", "European Union"), ("organisation", "NATO"),
    }


def test_russian_case_forms_come_back_to_the_nominative() -> None:
    text = "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. Токаева встретил Владимир Путин в Кремле."
    assert found(text, "ru") == {
        ("place", "Казахстан"), ("person", "Касым-Жомарт Токаев"), ("place", "Москва"),
        ("person", "Владимир Путин"), ("organisation", "Кремль"),
    }


def test_russian_woman_by_verb_agreement_keeps_her_surname() -> None:
    text = "Об этом заявила Сауле Ермекбаева. По словам Ермекбаевой, вода уходит."
    names = {m.name for m in annotate_text(text, "ru") if m.kind == "person"}
    assert names == {"Сауле Ермекбаева"}


def test_russian_organisation_with_adjectives_and_genitive() -> None:
    text = "Об этом сообщило Министерство иностранных дел Индии. Представитель Зернового союза Казахстана Болат Есенжол"
    names = {m.name for m in annotate_text(text, "ru") if m.kind == "organisation"}
    assert "Министерство иностранных дел Индии" in names
    assert "Зерновой союз Казахстана" in names


def test_german_nouns_are_not_names_without_evidence() -> None:
    text = (
        "Die Regierung in Berlin prüft den Vertrag. Laut Bundeskanzler Friedrich Merz sind die Kosten hoch. "
        "Die Nachrichtenagentur Reuters meldete, die Europäische Union warte ab."
    )
    assert found(text, "de") == {
        ("place", "Berlin"), ("person", "Friedrich Merz"), ("organisation", "Reuters"),
        ("organisation", "Europäische Union"),
    }


def test_other_languages_degrade_to_capitalised_sequences_without_junk() -> None:
    text = (
        "Il presidente Sergio Mattarella ha incontrato ieri a Roma il cancelliere Friedrich Merz. "
        "Secondo l'agenzia, la Russia tace."
    )
    result = found(text, "it")
    assert ("person", "Sergio Mattarella") in result
    assert ("person", "Friedrich Merz") in result
    assert ("place", "Roma") in result and ("place", "Russia") in result
    assert not any(name in {"Il", "Secondo", "Russia tace"} for _, name in result)


# ---- junk -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La visite d’État a eu lieu. Malgré tout, l’homme d’État parle. Il a dit qu’il viendrait.", "fr"),
        ("On Monday, the talks resumed. In November, Three ships left. Despite that, He said nothing.", "en"),
        ("В понедельник переговоры продолжились. По данным экспертов, Обмеление продолжится.", "ru"),
        ("Am Montag begannen die Gespräche. Millionen Tonnen Getreide warten im Hafen.", "de"),
    ],
)
def test_no_junk_from_sentence_starts_elisions_months_weekdays(text: str, language: str) -> None:
    assert surfaces(text, language) == []


def test_a_lone_capital_mid_sentence_needs_a_cue() -> None:
    assert surfaces("Les ports d’Aktau et de Kouryk, puis la ville d’Ouralsk et la rivière Kouchoum.", "fr") == [
        "Aktau", "Kouryk", "Ouralsk", "Kouchoum",
    ]
    assert found("They met in Zhanaozen with Tokayev.", "en") == {("place", "Zhanaozen")}


# ---- resolution within an article -------------------------------------------------------------------------


def test_honorific_and_surname_resolve_to_the_full_name_introduced() -> None:
    text = "Kassym-Jomart Tokaïev est arrivé. M. Tokaïev a salué Vladimir Vladimirovitch Poutine. Poutine a souri."
    mentions = annotate_text(text, "fr")
    assert [(m.surface, m.name) for m in mentions] == [
        ("Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev"),
        ("M. Tokaïev", "Kassym-Jomart Tokaïev"),
        ("Vladimir Vladimirovitch Poutine", "Vladimir Poutine"),
        ("Poutine", "Vladimir Poutine"),
    ]


def test_a_surname_before_the_full_name_still_resolves() -> None:
    mentions = annotate_text("Mr Abishev laughed. Later, Yerlan Abishev said the harvest was good.", "en")
    assert {m.name for m in mentions} == {"Yerlan Abishev"}


def test_description_is_resolved_when_one_person_fits() -> None:
    text = (
        "Le président du Kazakhstan, Kassym-Jomart Tokaïev, a rencontré le dirigeant russe Vladimir Poutine. "
        "« Nous avançons », a résumé le dirigeant kazakh."
    )
    mentions = annotate_text(text, "fr")
    described = [m for m in mentions if m.surface == "dirigeant kazakh"]
    assert [m.name for m in described] == ["Kassym-Jomart Tokaïev"]
    assert resolve_descriptor(text, text.index("le dirigeant kazakh"), mentions, "fr") == "Kassym-Jomart Tokaïev"
    assert resolve_descriptor(text, text.index("le dirigeant russe"), mentions, "fr") == "Vladimir Poutine"


def test_description_is_not_resolved_when_two_people_fit() -> None:
    text = "The Russian minister Sergei Lavrov met the Russian minister Anton Siluanov. The Russian minister smiled."
    mentions = annotate_text(text, "en")
    assert resolve_descriptor(text, text.rindex("The Russian minister"), mentions, "en") is None
    assert not any(m.surface.lower().startswith("russian minister") for m in mentions)


def test_bracketed_acronym_takes_the_organisation_name() -> None:
    text = "L’Organisation des Nations unies (ONU) a réagi. Plus tard, l’ONU a publié un texte."
    names = [m.name for m in annotate_text(text, "fr") if m.kind == "organisation"]
    assert names == ["Organisation des Nations unies"] * 3


# ---- curated list -----------------------------------------------------------------------------------------


def test_curated_names_win_and_give_the_canonical_name() -> None:
    curated = (CuratedEntity("Vladimir Putin", "person", ("Poutine", "Vladimir Poutine", "Путин")),
               CuratedEntity("Caspian Sea", "place", ("Caspian",)))
    text = "Vladimir Vladimirovitch Poutine parle. Caspian Bulk Lines recrute."
    mentions = annotate_text(text, "fr", curated)
    assert (mentions[0].surface, mentions[0].name) == ("Vladimir Vladimirovitch Poutine", "Vladimir Putin")
    assert ("organisation", "Caspian Bulk Lines") in {(m.kind, m.name) for m in mentions}  # not the sea
    ru = annotate_text("Путина встретили в Кремле.", "ru", curated)
    assert ru[0].name == "Vladimir Putin" and ru[0].surface == "Путина"


# ---- the annotator contract ------------------------------------------------------------------------------


def _article(text: str, language: str | None = None) -> Article:
    return Article("a", "a.txt", "text", text, text, None, Metadata(language=language), "A", "h")


def test_offsets_sorted_and_never_overlapping() -> None:
    text = SEED.read_text(encoding="utf-8") if SEED.is_file() else "Le président Emmanuel Macron à Paris."
    mentions = annotate_text(text, "fr")
    assert mentions
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.surface
        assert mention.entity_id is None
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(mentions))


def test_run_is_pure_and_reads_curated_from_settings() -> None:
    article = _article("Poutine est arrivé à Moscou hier soir avec sa délégation.", "fr")
    curated = (CuratedEntity("Vladimir Putin", "person", ("Poutine",)),)
    settings = {"entities_curated": curated, "entities_descriptions": True}
    first = entities.run(article, {"language": "fr"}, settings)
    assert first == entities.run(article, {"language": "fr"}, settings)
    assert isinstance(first["entities"], tuple) and all(isinstance(m, EntityMention) for m in first["entities"])
    assert ("person", "Vladimir Putin") in {(m.kind, m.name) for m in first["entities"]}
    without = entities.run(article, {"language": "fr"}, dict(settings, entities_curated=()))
    assert ("person", "Vladimir Putin") not in {(m.kind, m.name) for m in without["entities"]}


def test_registered_after_language_and_run_by_the_pipeline() -> None:
    names = [a.name for a in DEFAULT_ANNOTATORS]
    assert names.index("language") < names.index("entities")
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, {})
    annotations, _ = run_annotators(pipeline, _article("Le président Emmanuel Macron est à Marseille.", "fr"), {})
    assert {(m.kind, m.name) for m in annotations.entities} >= {("person", "Emmanuel Macron"), ("place", "Marseille")}


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed is not beside the repository")
def test_seed_gives_exactly_the_expected_entities() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert found(text, "fr") == {
        ("person", "Kassym-Jomart Tokaïev"), ("person", "Vladimir Poutine"), ("person", "Xi Jinping"),
        ("person", "Donald Trump"), ("place", "Russie"), ("place", "Kazakhstan"), ("place", "Astana"),
        ("place", "Moscou"), ("place", "Europe"), ("place", "Asie"), ("place", "Afrique"),
        ("organisation", "Rossiïskaïa Gazeta"), ("organisation", "Kremlin"),
    }


def test_undetermined_language_borrows_every_language_list() -> None:
    text = "Vladimir Putin met Xi Jinping in Beijing on Monday. The Kremlin said nothing."
    assert found(text, "und") == {
        ("person", "Vladimir Putin"), ("person", "Xi Jinping"), ("place", "Beijing"), ("organisation", "Kremlin"),
    }
