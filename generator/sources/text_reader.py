"""Bare `.txt` articles: no metadata inside, paragraphs kept."""

from __future__ import annotations

import re

from generator.model import Metadata
from generator.sources.base import Parsed, title_from

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(raw: str) -> list[str]:
    """Blank-line separated blocks when there are any (hard-wrapped lines join), else one per line."""
    blocks = _BLANK_LINE.split(raw.strip()) if _BLANK_LINE.search(raw.strip()) else raw.strip().split("\n")
    return [" ".join(block.split()) for block in blocks if block.strip()]


class TextReader:
    suffixes = (".txt",)

    def parse(self, text: str) -> Parsed:
        plain = "\n\n".join(paragraphs(text))
        return Parsed("text", text, plain, None, Metadata(), title_from(plain))
