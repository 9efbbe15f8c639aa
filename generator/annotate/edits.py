"""The user's per-article corrections (front matter `entities:` and `quotes:`), applied over extraction.

Applied by the pipeline after every annotator has run, so what the user wrote always wins, whatever the
annotators' versions; entities.yml then rules across the archive in the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.model import Annotations, Article, EntityMention, Quote, Span
from generator.text import fold


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _occurrences(text: str, words: str) -> list[Span]:
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]


def apply_edits(article: Article, annotations: Annotations) -> Annotations:
    entity_edits, quote_edits = article.meta.entity_edits, article.meta.quote_edits
    if not entity_edits and not quote_edits:
        return annotations
    mentions = list(annotations.entities)
    quotes = list(annotations.quotes)

    removed = {_key(name) for name in entity_edits.remove}
    mentions = [m for m in mentions if _key(m.name) not in removed and _key(m.surface) not in removed]
    renames = {_key(old): new for old, new in entity_edits.rename}
    mentions = [
        replace(m, name=renames.get(_key(m.surface), renames.get(_key(m.name), m.name))) for m in mentions
    ]
    for name, kind in entity_edits.add:
        spans = _occurrences(article.text, name)
        taken = {(m.span.start, m.span.end) for m in mentions}
        # Not in the text at all: still the article is about it, so it is listed (with no span to mark).
        for span in spans or [Span(0, 0)]:
            if (span.start, span.end) not in taken:
                mentions.append(EntityMention(kind, name if spans else "", name, span))
    quotes = [replace(q, speaker=renames.get(_key(q.speaker), q.speaker)) if q.speaker else q for q in quotes]

    def opens(quote: Quote, words: str) -> bool:
        return _key(quote.text).startswith(_key(words))

    quotes = [q for q in quotes if not any(opens(q, words) for words in quote_edits.remove)]
    for words, speaker in quote_edits.speakers:
        quotes = [replace(q, speaker=speaker, cue="stated by the user") if opens(q, words) else q for q in quotes]
    for words, speaker in quote_edits.add:
        spans = _occurrences(article.text, words) or [Span(0, 0)]
        quotes.append(Quote(words, spans[0], speaker, cue="stated by the user"))

    return replace(
        annotations,
        entities=tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end))),
        quotes=tuple(sorted(quotes, key=lambda q: (q.span.start, q.span.end))),
    )
