"""Dateline: the place, outlet and date that open a wire story ('MOSCOU, 11 novembre /TASS/ —').

An annotator rather than a reader step: it is inferred from the text (so it is cached and versioned like
every other inference), it needs the language's month names, and the user's metadata stays untouched, so
front matter and sidecars keep winning (the catalogue uses `dateline_source` only when `meta.source` is
missing). Only a strict shape is read, so an ordinary first sentence is never taken for a dateline:
- PLACE in capitals, a comma and a date, then a source in /…/ or (…) or a full stop or a dash
  ('ASTANA, Nov 10 (Reuters) -', 'МОСКВА, 12 ноября. /ТАСС/.', 'МОСКВА, 12 ноября. Президенты …');
- PLACE in capitals and a source ('WASHINGTON (AP) —');
- a place written in ordinary case only with both a source and a dash ('Moscou (AFP) —').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.annotate.base import Annotator
from generator.annotate.dates import find_dates
from generator.model import Article, DateMention, Span

_PLACE = re.compile(r"\s*([^\W\d_]+(?:(?:[ '’-]|\. )[^\W\d_]+){0,3})\s*(?=[,(/])")
_SOURCE = re.compile(r"\s*\.?\s*(?:/\s*([^/\n]{2,40}?)\s*/|\(\s*([^()\n]{2,40}?)\s*\))")
_END = re.compile(r"\s*[.,:]?\s*(?:[—–−-]|\.|$)|\s*\.?\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")
_DASHED = re.compile(r"\s*[.,:]?\s*[—–−-]")
_PARTICLES = frozenset("de da del della do dos das du la le les el al of on upon am im an der sur en y".split())
_MAX_SOURCE_WORDS = 5
_MAX_ACRONYM = 5


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    source: str | None
    date: DateMention | None
    end: int  # where the story itself starts


def parse_dateline(text: str, language: str) -> Dateline | None:
    """The dateline opening `text` (its first block, or the second after a short heading), if any."""
    offset = 0
    for _ in range(2):
        block_end = text.find("\n", offset)
        block_end = len(text) if block_end < 0 else block_end
        found = _parse_block(text, offset, block_end, language)
        if found is not None:
            return found
        block = text[offset:block_end].strip()
        if not block or len(block.split()) > 12 or block[-1:] in ".!?":
            return None  # the first block is a paragraph, not a heading: no dateline further down
        offset = block_end
        while offset < len(text) and text[offset].isspace():
            offset += 1
    return None


def _parse_block(text: str, start: int, end: int, language: str) -> Dateline | None:
    place_match = _PLACE.match(text, start, end)
    if place_match is None:
        return None
    raw_place = place_match.group(1)
    letters = [c for c in raw_place if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    if not capitals and not raw_place[:1].isupper():
        return None
    pos = place_match.end()
    date: DateMention | None = None
    if text.startswith(",", pos):
        window = text[pos + 1 : min(end, pos + 48)]
        mentions = find_dates(window, language)
        if mentions and not window[: mentions[0].span.start].strip():
            first = mentions[0]
            shift = pos + 1
            date = DateMention(first.surface, Span(first.span.start + shift, first.span.end + shift), first.value)
            pos = date.span.end
        else:
            return None  # "PLACE, something": an ordinary sentence starting with a name
    source: str | None = None
    source_match = _SOURCE.match(text, pos, end)
    if source_match is not None:
        candidate = (source_match.group(1) or source_match.group(2) or "").strip()
        if _plausible_source(candidate):
            source = candidate
            pos = source_match.end()
    ending = _END.match(text, pos, end)
    if ending is None:
        return None
    if not capitals and not (source and _DASHED.match(text, pos, end)):
        return None
    if source is None and date is None:
        return None
    return Dateline(_place_name(raw_place) if capitals else raw_place, source, date, ending.end())


def _plausible_source(candidate: str) -> bool:
    """An outlet's name: a few words, capitalised, or a short agency acronym such as "dpa"."""
    words = candidate.split()
    acronym = len(words) == 1 and candidate.isalpha() and len(candidate) <= _MAX_ACRONYM
    return (
        0 < len(words) <= _MAX_SOURCE_WORDS
        and (candidate[:1].isupper() or acronym)
        and not any(c.isdigit() for c in candidate)
        and not candidate.endswith((".", ","))
    )


def _place_name(raw: str) -> str:
    """'NEW YORK' -> 'New York', 'SAINT-PÉTERSBOURG' -> 'Saint-Pétersbourg', 'RIO DE JANEIRO' -> 'Rio de Janeiro'."""
    words = raw.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in _PARTICLES else w for i, w in enumerate(words))


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    found = parse_dateline(article.text, str(done.get("language") or "und"))
    return {
        "dateline_place": found.place if found else None,
        "dateline_source": found.source if found else None,
    }


ANNOTATOR = Annotator(
    name="dateline",
    version="1",
    assigns=("dateline_place", "dateline_source"),
    run=run,
    requires=("language",),
)
