"""Quotes: direct quotations with their speaker, found through speech verbs, apposition and context.

A quotation's speaker is, in order: the cue right after it ("« … », a déclaré M. X"), a cue before it in
the same clause ("X a déclaré : « … »"), the cue of another quotation in the same sentence, and else the
previous speaker (a continuation). A quotation inside a quotation is one too, spoken by whoever the outer
speaker says spoke it, else by the outer speaker. Quoted names of newspapers, works and organisations are not quotes.
The word lists live in `resources/<lang>/quotes.yml`; see quote_speakers.py for the attribution rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator.annotate import entities
from generator.annotate.base import Annotator
from generator.annotate.quote_lexicon import PhraseSet, QuoteLexicon, lexicon, norm, tokenize
from generator.annotate.quote_marks import Quoted, find_quotations, sentence_bounds
from generator.annotate.quote_speakers import Cue, DescriptionResolver, SpeakerContext
from generator.model import Article, EntityMention, Quote, Span

_INNER_PUNCT = re.compile(r"[.,;:!?…]")
_NAME_MAX_WORDS = 5
_LOOSE_NAME_MAX_WORDS = 3
_TITLE_MAX_WORDS = 10
_INTRO_END = ":,—–-"
_LOOK_BEFORE = 60  # characters before an opening mark searched for "journal", "so-called" …
_CUE_WORDS = 3


def find_quotes(
    text: str,
    language: str,
    mentions: Sequence[EntityMention] = (),
    resolve_description: DescriptionResolver | None = None,
) -> tuple[Quote, ...]:
    """Every quotation of `text` in order, with its speaker when one can be found."""
    lex = lexicon(language or "und")
    quoted = find_quotations(text, lex.marks)
    if not quoted:
        return ()
    sentences = sentence_bounds(text, quoted, lex.abbreviations)
    speech: list[Quoted] = []
    titles: list[EntityMention] = []
    for q in quoted:
        if _is_named(text, q, mentions) or _after_cue(text, q, lex, lex.scare_cues):
            continue  # a name, or scare quotes ("the so-called “shadow fleet”"): nobody speaks
        if _is_title(text, q, lex):
            # Not speech, but it may speak: "« … », rapporte le quotidien « Kommersant »".
            titles.append(EntityMention("organisation", text[q.start : q.end], text[q.start : q.end], _span(q)))
            continue
        speech.append(q)
    every = sorted((*mentions, *titles), key=lambda m: m.span.start) if titles else mentions
    ctx = SpeakerContext(text, lex, every, sentences, resolve_description)
    groups: dict[int, list[Quoted]] = {}
    for q in speech:
        groups.setdefault(ctx.sentence_of(q.open), []).append(q)

    out: list[Quote] = []
    previous: str | None = None
    done = -1
    for index in sorted(groups):
        for between in range(done + 1, index):  # indirect speech since the last quotation changes speaker
            previous = ctx.reported_speaker(between) or previous
        done = index
        sentence = sentences[index]
        group = groups[index]
        cues: list[Cue | None] = []
        kept: list[Quoted] = []
        for k, q in enumerate(group):
            lower = group[k - 1].close if k else sentence.start
            upper = group[k + 1].open if k + 1 < len(group) else sentence.end
            after = ctx.cue_after(q, upper, previous)
            if after is not None and after.weak:  # an unknown verb after it: a known one before it wins
                cue = ctx.cue_before(q, lower, previous) or after
            else:
                cue = after or ctx.cue_before(q, lower, previous)
            if after is None and _looks_like_a_name(text, q, lex, strict=cue is not None):
                continue  # "« Rossiïskaïa Gazeta »", "«Известия»": a title, not speech
            kept.append(q)
            cues.append(cue)
            if cue is not None and cue.speaker:
                previous = cue.speaker
        if any(c is not None for c in cues):
            ctx.mark_spoken(index)
        for k, q in enumerate(kept):
            cue = cues[k] or _shared(cues, k)
            speaker = cue.speaker if cue is not None else _uncued(ctx, index, q, previous)
            words = text[cue.start : cue.end] if cue is not None else ""
            out.append(
                Quote(
                    text=text[q.start : q.end],
                    span=_span(q),
                    speaker=speaker,
                    cue=" ".join(words.split()),
                    partial=_is_partial(text, q, sentence.start),
                    truncated=q.truncated,
                )
            )
            out.extend(_nested(text, lex, ctx, q, speaker, every))
        last = next((c.speaker for c in reversed(cues) if c is not None and c.speaker), None)
        previous = last or previous or next((o.speaker for o in reversed(out) if o.speaker), None)
    return tuple(out)


def _nested(
    text: str, lex: QuoteLexicon, ctx: SpeakerContext, outer: Quoted, speaker: str | None,
    mentions: Sequence[EntityMention],
) -> list[Quote]:
    """Quotations inside a quotation («Ваш Кнорре сказал: „Мы действовали по правилам“»): each is spoken by
    whoever the speaker says spoke it (a cue inside the outer quotation), else by the speaker."""
    out = []
    for inner in find_quotations(text[outer.start : outer.end], lex.marks):
        q = Quoted(inner.open + outer.start, inner.start + outer.start, inner.end + outer.start,
                   inner.close + outer.start)
        if q.end <= q.start or _is_named(text, q, mentions) or _is_title(text, q, lex):
            continue
        if _looks_like_a_name(text, q, lex, strict=False) or _after_cue(text, q, lex, lex.scare_cues):
            continue
        cue = ctx.cue_after(q, outer.end, speaker) or ctx.cue_before(q, outer.start, speaker)
        out.append(Quote(
            text=text[q.start : q.end],
            span=_span(q),
            speaker=cue.speaker if cue is not None and cue.speaker else speaker,
            cue=" ".join(text[cue.start : cue.end].split()) if cue is not None else "",
            partial=_is_partial(text, q, outer.start),
        ))
    return out


def _uncued(ctx: SpeakerContext, index: int, q: Quoted, previous: str | None) -> str | None:
    """A quotation without a cue: the subject of its own sentence (opened by a pronoun, or introducing it
    with a colon) or of the narrative sentence just before it (quote_context.py), else the previous speaker
    (a continuation)."""
    return (
        ctx.own_subject(index, q.open, previous) or ctx.introducing_subject(index, q.open)
        or ctx.beat_subject(index, q.open, previous) or previous
    )


def _span(q: Quoted) -> Span:
    return Span(q.start, q.end)


def _shared(cues: list[Cue | None], k: int) -> Cue | None:
    """The cue of the nearest quotation of the same sentence ("« A » et « B », a dit X": A is X's too)."""
    for distance in range(1, len(cues)):
        for j in (k + distance, k - distance):
            if 0 <= j < len(cues) and cues[j] is not None:
                return cues[j]
    return None


def _is_partial(text: str, q: Quoted, sentence_start: int) -> bool:
    """A fragment: it starts in lower case, or the sentence has words before it other than an intro."""
    first = text[q.start : q.start + 1]
    if first.isalpha() and not first.isupper():
        return True
    before = text[sentence_start : q.open].rstrip()
    return bool(before) and before[-1] not in _INTRO_END


def _is_named(text: str, q: Quoted, mentions: Sequence[EntityMention]) -> bool:
    """The quotation is the name of an entity the article mentions ("« Caspian Bulk Lines »")."""
    folded = norm(text[q.start : q.end].strip(" .,"))
    for m in mentions:
        if m.span.start <= q.start + 1 and m.span.end >= q.end - 1 and m.span.end > q.start:
            return True
        if m.kind == "organisation" and norm(m.name) == folded:
            return True
    return False


def _after_cue(text: str, q: Quoted, lex: QuoteLexicon, cues: PhraseSet) -> bool:
    """One of `cues` stands in the few words right before the opening mark ("le journal « … »")."""
    tokens = tokenize(text, max(0, q.open - _LOOK_BEFORE), q.open, lex.elisions)[-_CUE_WORDS:]
    for i in range(len(tokens) - 1, -1, -1):
        if not tokens[i].norm[:1].isalnum():
            return False
        if cues.match(tokens, i):
            return True
    return False


def _is_title(text: str, q: Quoted, lex: QuoteLexicon) -> bool:
    """A capitalised title right after a word such as "journal", "newspaper" or "газета"."""
    inner = text[q.start : q.end]
    if not (inner[:1].isupper() or inner[:1].isdigit()) or len(inner.split()) > _TITLE_MAX_WORDS:
        return False
    return _after_cue(text, q, lex, lex.title_cues)


def _looks_like_a_name(text: str, q: Quoted, lex: QuoteLexicon, strict: bool) -> bool:
    """A few capitalised words without punctuation: a newspaper, a party, a work, unless introduced by ':'.

    `strict` (a speech verb is near): every significant word capitalised ("« Rossiïskaïa Gazeta »");
    else a capital first word is enough ("«Казахстанской правдой»", "« Russie unie »").
    """
    inner = text[q.start : q.end]
    words = inner.split()
    limit = _NAME_MAX_WORDS if strict else _LOOSE_NAME_MAX_WORDS
    if not words or len(words) > limit or _INNER_PUNCT.search(inner) or not inner[0].isupper():
        return False
    if text[: q.open].rstrip().endswith(":"):
        return False
    return not strict or all(w[0].isupper() or len(w) <= 3 or norm(w) in lex.name_particles for w in words)


def _entity_mentions(done: Mapping[str, Any]) -> tuple[EntityMention, ...]:
    return tuple(done.get("entities") or ())


def _resolver(article: Article, done: Mapping[str, Any]) -> DescriptionResolver | None:
    """The entity annotator's description resolver ("le dirigeant kazakh" -> a person it named)."""
    resolve_descriptor: Callable[..., str | None] | None = getattr(entities, "resolve_descriptor", None)
    if resolve_descriptor is None:
        return None
    mentions = _entity_mentions(done)
    language = done.get("language")

    def resolve(description: str, start: int, end: int) -> str | None:
        return resolve_descriptor(article.text, start, mentions, language)

    return resolve


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    language = str(done.get("language") or "und")
    # When the entity annotator resolves descriptions itself, the ones it could resolve are already person
    # mentions that the quote rules read directly; asking it again costs ~2 ms per article for nothing.
    ask = not settings.get(_DESCRIPTIONS, True)
    resolver = _resolver(article, done) if ask else None
    return {"quotes": find_quotes(article.text, language, _entity_mentions(done), resolver)}


# Shared with the entity annotator: the pipeline passes one value of a setting to every annotator naming it.
_DESCRIPTIONS = "entities_descriptions"

ANNOTATOR = Annotator(
    name="quotes",
    version="10",
    assigns=("quotes",),
    run=run,
    requires=("language", "entities"),
    settings={_DESCRIPTIONS: entities.ANNOTATOR.settings.get(_DESCRIPTIONS, True)},
)
