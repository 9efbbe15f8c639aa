from generator.annotate.edits import apply_edits
from generator.model import Annotations, Article, EntityEdits, EntityMention, Metadata, Quote, QuoteEdits, Span

TEXT = "« Nous avancerons », a déclaré M. Tokaïev à Moscou. « Très bien », a dit Henning Lüders."


def article(**meta) -> Article:
    return Article("a", "a.txt", "text", TEXT, TEXT, None, Metadata(**meta), "t", "h")


def mention(kind, surface, name=None) -> EntityMention:
    start = TEXT.index(surface)
    return EntityMention(kind, surface, name or surface, Span(start, start + len(surface)))


def quote(words, speaker) -> Quote:
    start = TEXT.index(words)
    return Quote(words, Span(start, start + len(words)), speaker)


EXTRACTED = Annotations(
    language="fr",
    language_confidence=1.0,
    word_count=14,
    reading_minutes=1,
    summary="s",
    entities=(mention("person", "M. Tokaïev", "Tokaïev"), mention("place", "Moscou")),
    quotes=(quote("Nous avancerons", "Tokaïev"), quote("Très bien", None)),
)


def test_no_edits_leave_annotations_alone():
    assert apply_edits(article(), EXTRACTED) is EXTRACTED


def test_entities_add_remove_rename():
    edits = EntityEdits(
        add=(("Henning Lüders", "person"), ("Caspian Sea", "place")),
        remove=("moscou",),
        rename=(("Tokaïev", "Kassym-Jomart Tokaïev"),),
    )
    result = apply_edits(article(entity_edits=edits), EXTRACTED)
    names = [(m.kind, m.name, m.surface) for m in result.entities]
    assert ("place", "Moscou", "Moscou") not in names
    assert ("person", "Kassym-Jomart Tokaïev", "M. Tokaïev") in names
    lueders = next(m for m in result.entities if m.name == "Henning Lüders")
    assert TEXT[lueders.span.start : lueders.span.end] == "Henning Lüders"
    sea = next(m for m in result.entities if m.name == "Caspian Sea")
    assert sea.span == Span(0, 0) and sea.surface == "", "listed even though the text never names it"
    assert result.quotes[0].speaker == "Kassym-Jomart Tokaïev", "renaming a speaker follows the entity"


def test_quotes_remove_reattribute_add():
    edits = QuoteEdits(
        add=(("Nous avancerons", "Someone Else"),),
        remove=("nous AVANCERONS",),
        speakers=(("Très", "Henning Lüders"),),
    )
    result = apply_edits(article(quote_edits=edits), EXTRACTED)
    assert [(q.text, q.speaker, q.cue) for q in result.quotes] == [
        ("Nous avancerons", "Someone Else", "stated by the user"),
        ("Très bien", "Henning Lüders", "stated by the user"),
    ]
