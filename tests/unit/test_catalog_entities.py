"""Entities across articles and languages: certain merges only, canonical names, ids, quotes, suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.annotate.curated import CuratedEntity
from generator.catalog.entities import resolve_entities, suggest_aliases
from generator.catalog.transliteration import name_key
from generator.model import AnnotatedArticle, Annotations, Article, EntityMention, Metadata, Quote, Span


def article(slug: str, language: str, names: list[tuple[str, str]], date: str | None = None,
            quotes: tuple[Quote, ...] = ()) -> AnnotatedArticle:
    """An annotated article whose text is its mentions' names, one per line, with their (kind, name)."""
    text = "\n".join(name for _, name in names)
    mentions = []
    offset = 0
    for kind, name in names:
        mentions.append(EntityMention(kind, name, name, Span(offset, offset + len(name))))  # type: ignore[arg-type]
        offset += len(name) + 1
    meta = Metadata(date=dt.date.fromisoformat(date) if date else None, language=language)
    item = Article(slug, f"{slug}.txt", "text", text, text, None, meta, slug, slug)
    annotations = Annotations(language, 1.0, 1, 1, "", entities=tuple(mentions), quotes=quotes)
    return AnnotatedArticle(item, annotations)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Kassym-Jomart Tokaïev", "fr"), ("Kassym-Jomart Tokayev", "en")),
        (("Kassym-Jomart Tokayev", "en"), ("Касым-Жомарт Токаев", "ru")),
        (("Kassym-Schomart Tokajew", "de"), ("Kassym-Jomart Tokaïev", "fr")),
        (("Vladimir Poutine", "fr"), ("Wladimir Putin", "de")),
        (("Sergueï Choïgou", "fr"), ("Сергей Шойгу", "ru")),
        (("Pavel Lednyov", "en"), ("Павел Леднев", "ru")),
        (("Evgueni Primakov", "fr"), ("Yevgeny Primakov", "en")),
    ],
)
def test_transliteration_keys_meet(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert name_key(*a) == name_key(*b)


def test_different_people_keep_different_keys() -> None:
    assert name_key("Vladimir Putin", "en") != name_key("Vladimir Zelensky", "en")
    assert name_key("Maria Zakharova", "en") != name_key("Marina Zakharova", "en")


def test_one_person_across_languages_gets_one_entity_named_in_the_main_language() -> None:
    corpus = [
        article("a", "fr", [("person", "Kassym-Jomart Tokaïev"), ("place", "Russie")], "2025-11-10"),
        article("b", "en", [("person", "Kassym-Jomart Tokayev"), ("place", "Russia")], "2025-11-12"),
        article("c", "ru", [("person", "Касым-Жомарт Токаев"), ("place", "Россия")]),
    ]
    articles, entities = resolve_entities(corpus, (), "en")
    person = next(e for e in entities if e.kind == "person")
    assert person.name == "Kassym-Jomart Tokayev"
    assert person.id == "person/kassym-jomart-tokayev"
    assert set(person.aliases) == {"Kassym-Jomart Tokaïev", "Касым-Жомарт Токаев"}
    assert person.article_slugs == ("b", "a", "c")  # newest first, undated last
    place = next(e for e in entities if e.kind == "place")
    assert (place.id, place.name, place.mention_count) == ("place/russia", "Russia", 3)
    assert [m.entity_id for a in articles for m in a.annotations.entities] == [
        "person/kassym-jomart-tokayev", "place/russia"] * 3


def test_cldr_gives_the_main_language_name_of_a_country_only_seen_elsewhere() -> None:
    _, entities = resolve_entities([article("a", "ru", [("place", "Казахстан")])], (), "fr")
    assert entities[0].name == "Kazakhstan" and entities[0].aliases == ("Казахстан",)


def test_curated_names_rule_and_merge_their_aliases() -> None:
    curated = (CuratedEntity("Vladimir Putin", "person", ("Poutine", "Путин"), "Q7747"),)
    corpus = [article("a", "fr", [("person", "Poutine")]), article("b", "ru", [("person", "Путин")])]
    _, entities = resolve_entities(corpus, curated, "fr")
    assert len(entities) == 1
    entity = entities[0]
    assert (entity.name, entity.wikidata, entity.id) == ("Vladimir Putin", "Q7747", "person/vladimir-putin")


def test_doubtful_merges_are_suggested_not_made() -> None:
    corpus = [
        article("a", "en", [("person", "Kassym-Jomart Tokayev")]),
        article("b", "fr", [("person", "Tokaïev")]),
        article("c", "en", [("person", "Volodymyr Zelensky")]),
        article("d", "ru", [("person", "Владимир Зеленский")]),
        article("e", "en", [("organisation", "United Nations"), ("organisation", "UN")]),
    ]
    _, entities = resolve_entities(corpus, (), "en")
    assert len([e for e in entities if e.kind == "person"]) == 4  # nothing merged silently
    suggestions = suggest_aliases(corpus, (), "en")
    pairs = {(s.keep.name, s.alias.name) for s in suggestions}
    assert ("Kassym-Jomart Tokayev", "Tokaïev") in pairs
    zelensky = {("Volodymyr Zelensky", "Владимир Зеленский"), ("Владимир Зеленский", "Volodymyr Zelensky")}
    assert pairs & zelensky
    assert ("United Nations", "UN") in pairs
    first = next(s for s in suggestions if s.alias.name == "Tokaïev")
    assert any("last name" in line for line in first.evidence)
    assert "name: Kassym-Jomart Tokayev" in first.as_yaml() and "Tokaïev" in first.as_yaml()


def test_no_suggestion_between_two_curated_entities() -> None:
    curated = (CuratedEntity("Anna Berg", "person"), CuratedEntity("Anna Borg", "person"))
    corpus = [article("a", "en", [("person", "Anna Berg"), ("person", "Anna Borg")])]
    assert suggest_aliases(corpus, curated, "en") == ()


def test_same_kind_only_and_stable_distinct_ids() -> None:
    corpus = [article("a", "en", [("place", "Washington"), ("person", "Washington"), ("person", "Anna Berg")]),
              article("b", "de", [("person", "Anna Berg")])]
    _, entities = resolve_entities(corpus, (), "en")
    assert sorted(e.id for e in entities) == ["person/anna-berg", "person/washington", "place/washington"]


def test_quotes_are_attached_to_their_speaker() -> None:
    quote = Quote("Nous avançons", Span(0, 5), "Kassym-Jomart Tokaïev")
    corpus = [article("a", "fr", [("person", "Kassym-Jomart Tokaïev")], quotes=(quote,)),
              article("b", "en", [("person", "Kassym-Jomart Tokayev")])]
    _, entities = resolve_entities(corpus, (), "en")
    assert [(q.article_slug, q.quote.text) for q in entities[0].quotes] == [("a", "Nous avançons")]
