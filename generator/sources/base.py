"""The reader contract: a reader declares its suffixes and turns text into body + stated metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from generator.model import BodyFormat, Metadata
from generator.text import sentences, truncate

TITLE_MAX_CHARS = 90
# A wire dateline opening the text ("MOSCOU, 11 novembre /Agence/ —", "ASTANA, Nov 10 (Wire) -") makes a
# poor title; a place in capitals, at most a short date and source, then a dash, is skipped. The dateline
# annotator reads the place and source themselves.
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ '’.-]{2,30}(?:,[^—–\n]{0,48}?|\s*(?:/[^/\n]{1,40}/|\([^)\n]{1,40}\)))"
    r"\s[—–-]{1,2}\s+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Parsed:
    body_format: BodyFormat
    body: str
    text: str  # plain text, paragraphs separated by one blank line
    body_html: str | None
    meta: Metadata  # what the file itself states (front matter)
    title_from_text: str


class Reader(Protocol):
    suffixes: tuple[str, ...]

    def parse(self, text: str) -> Parsed:
        """Raise MetadataError (with a line) for bad metadata; never return partial results."""
        ...


def title_from(text: str) -> str:
    """The first sentence, cut at a word boundary: a readable stand-in for a missing title."""
    lead = text.split("\n\n", 1)[0]
    lead = lead[_DATELINE.match(lead).end() :] if _DATELINE.match(lead) else lead
    first = next((s for s in sentences(lead)), "") or text.strip()
    title = truncate(first, TITLE_MAX_CHARS)
    if title != first:
        # Do not end on a quotation opened and never closed: "… malgré « la frénésie…".
        opened = max(title.rfind(mark) for mark in "«“„")
        closed = max(title.rfind(mark) for mark in "»”“")
        if opened > closed and opened > TITLE_MAX_CHARS // 2:
            title = title[:opened].rstrip(" ,;:—–-") + "…"
    return title or "Untitled"
