"""Keywords: distinctive against the archive, whole entity names, surface forms, no junk, deterministic."""

from __future__ import annotations

import re

from generator.catalog.keywords import distinctive_keywords, stop_words
from generator.model import AnnotatedArticle, Annotations, Article, EntityMention, Metadata, Span


def annotated(slug: str, text: str, language: str, names: tuple[tuple[str, str, str], ...] = ()) -> AnnotatedArticle:
    mentions = []
    for surface, name, kind in names:
        for m in re.finditer(re.escape(surface), text):
            mentions.append(EntityMention(kind, surface, name, Span(m.start(), m.end())))  # type: ignore[arg-type]
    mentions.sort(key=lambda m: m.span.start)
    article = Article(slug, f"{slug}.txt", "text", text, text, None, Metadata(), "", slug)
    annotations = Annotations(language, 1.0, len(text.split()), 1, "", entities=tuple(mentions))
    return AnnotatedArticle(article, annotations)


SEED = (
    "La Russie et le Kazakhstan ont préservé leur coopération malgré la frénésie des sanctions, affirme "
    "Kassym-Jomart Tokaïev dans un article publié dans Rossiïskaïa Gazeta. Les sanctions n’ont pas freiné "
    "les échanges : le commerce bilatéral et les échanges d’énergie progressent. M. Tokaïev a rappelé que "
    "les sanctions pèsent sur le commerce, mais que la coopération d’État reste solide en 2025."
)
OTHER = (
    "La Russie et le Kazakhstan discutent de l’eau de l’Oural. Le débit du fleuve baisse et les "
    "agriculteurs de la région réclament un débit minimal garanti. Les hydrologues mesurent le débit."
)
ENTITIES = (
    ("Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev", "person"),
    ("M. Tokaïev", "Kassym-Jomart Tokaïev", "person"),
    ("Rossiïskaïa Gazeta", "Rossiïskaïa Gazeta", "organisation"),
    ("Russie", "Russie", "place"),
    ("Kazakhstan", "Kazakhstan", "place"),
    ("Oural", "Oural", "place"),
)


def test_distinctive_terms_against_the_archive():
    corpus = [annotated("a", SEED, "fr", ENTITIES), annotated("b", OTHER, "fr", ENTITIES)]
    keywords = distinctive_keywords(corpus, per_article=5)
    assert set(keywords) == {"a", "b"}
    assert set(keywords["a"][:2]) == {"sanctions", "Kassym-Jomart Tokaïev"}
    assert "échanges" in keywords["a"] and "commerce" in keywords["a"]
    assert keywords["b"][0] == "débit"
    # Names in every article are not distinctive.
    assert "Russie" not in keywords["a"] and "Kazakhstan" not in keywords["b"]


def test_no_stop_words_numbers_elisions_or_fragments():
    corpus = [annotated("a", SEED, "fr", ENTITIES), annotated("b", OTHER, "fr", ENTITIES)]
    words = distinctive_keywords(corpus, per_article=20)["a"]
    assert "2025" not in words and not any(w[:1].isdigit() for w in words)
    assert not any(w.lower() in {"les", "dans", "que", "n’ont", "d’énergie", "d’état", "état"} for w in words)
    assert "énergie" in words  # "d’énergie" counted as its word
    assert not any(w.startswith(("publié dans", "dans Rossi")) for w in words)
    assert "affirme" not in words and "rappelé" not in words  # speech verbs say nothing about the topic
    assert "Rossiïskaïa Gazeta" in words  # a phrase only as an entity mention
    assert "Gazeta" not in words and "Tokaïev" not in words  # no pieces of a name


def test_inflections_group_under_the_form_the_article_uses_most():
    text = "Les sanctions frappent. Une sanction nouvelle, puis des sanctions encore, et des sanctions."
    keywords = distinctive_keywords([annotated("a", text, "fr"), annotated("b", OTHER, "fr")], per_article=3)
    assert keywords["a"][0] == "sanctions"


def test_a_capital_only_at_the_start_of_a_sentence_is_not_kept():
    text = "Sanctions were imposed. The sanctions hurt trade, and new sanctions followed the trade war."
    keywords = distinctive_keywords([annotated("a", text, "en"), annotated("b", "Water flows down the river.", "en")])
    assert keywords["a"][0] == "sanctions"
    assert "trade" in keywords["a"]


def test_russian_stop_word_inflections_and_stemming():
    text = "Санкции, которую ввели, ударили по торговле. Санкции и торговля: торговли стало меньше из-за санкций."
    keywords = distinctive_keywords([annotated("a", text, "ru"), annotated("b", "Вода в реке Урал.", "ru")])
    # "Санкции" opens sentences, "санкций" shows the word is written in lower case.
    assert set(keywords["a"][:2]) == {"санкции", "торговле"}
    assert "которую" not in keywords["a"]


def test_deterministic_and_bounded():
    corpus = [annotated(s, SEED if s < "m" else OTHER, "fr", ENTITIES) for s in ("a", "c", "x", "z")]
    first = distinctive_keywords(corpus, per_article=4)
    assert first == distinctive_keywords(list(reversed(corpus)), per_article=4)
    assert all(len(k) <= 4 for k in first.values())


def test_unknown_language_still_gives_words():
    keywords = distinctive_keywords([annotated("a", "Lorem ipsum lorem ipsum dolor sit amet dolor.", "xx")])
    assert keywords["a"] == ("dolor", "ipsum", "lorem", "amet", "sit")


def test_stop_words_include_speech_verbs_and_months():
    words = stop_words("fr")
    assert {"a", "declare", "novembre", "mardi", "les"} <= words
