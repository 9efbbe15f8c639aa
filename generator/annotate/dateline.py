"""Dateline: the place, outlet and date that open a wire story ('MOSCOU, 11 novembre /TASS/ —').

An annotator rather than a reader step: it is inferred from the text (so it is cached and versioned like
every other inference), it needs the language's month names, and the user's metadata stays untouched, so
front matter and sidecars keep winning (the catalogue uses `dateline_source` only when `meta.source` is
missing). Only a strict shape is read, so an ordinary first sentence is never taken for a dateline:
- PLACE in capitals, maybe a region (', Norway', ' (Svalbard)'), a comma and a date, then a source in /…/
  or (…) or a full stop or a dash ('ASTANA, Nov 10 (Reuters) -', 'TROMSØ, Norway, Sept 14 (Dispatch) -',
  'МОСКВА, 12 ноября. /ТАСС/.', 'МОСКВА, 12 ноября. Президенты …');
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
# A region after a place in capitals, before the date: "TROMSØ, Norway, Sept 14", "LONGYEARBYEN (Svalbard), 25 …".
_REGION = re.compile(r"\s*(?:\([^()\n\d]{2,30}\)|,\s*[^\W\d_]+(?:\.[^\W\d_]+)*\.?(?:[ '’-][^\W\d_]+){0,2})(?=\s*,)")
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
    region = _REGION.match(text, pos, end) if capitals else None
    if region is not None and region.group().lstrip()[:1] == "(":
        pos = region.end()  # "PLACE (Region), date"
    if text.startswith(",", pos):
        date = _date_at(text, pos, end, language)
        if date is None and region is not None and region.end() > pos:
            date = _date_at(text, region.end(), end, language)  # "PLACE, Region, date"
        if date is None:
            return None  # "PLACE, something": an ordinary sentence starting with a name
        pos = date.span.end
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


def _date_at(text: str, comma: int, end: int, language: str) -> DateMention | None:
    """The date right after the comma at `comma`, if nothing else stands before it."""
    window = text[comma + 1 : min(end, comma + 48)]
    mentions = find_dates(window, language)
    if not mentions or window[: mentions[0].span.start].strip():
        return None
    first, shift = mentions[0], comma + 1
    return DateMention(first.surface, Span(first.span.start + shift, first.span.end + shift), first.value)


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
    version="2",
    assigns=("dateline_place", "dateline_source"),
    run=run,
    requires=("language",),
)
