"""Summary: the user's, else the lead sentence or sentences of the text.

News is written lead-first, so the opening sentences are the summary its author wrote; an
extractive summary never invents a claim the article does not make.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.annotate.base import Annotator
from generator.model import Article
from generator.text import sentences, truncate


def lead(text: str, max_sentences: int, max_chars: int) -> str:
    chosen: list[str] = []
    for paragraph in text.split("\n\n"):
        for sentence in sentences(paragraph):
            if chosen and len(" ".join([*chosen, sentence])) > max_chars:
                return truncate(" ".join(chosen), max_chars)
            chosen.append(sentence)
            if len(chosen) >= max_sentences:
                return truncate(" ".join(chosen), max_chars)
    return truncate(" ".join(chosen), max_chars)


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    if article.meta.summary:
        return {"summary": article.meta.summary}
    return {"summary": lead(article.text, settings["summary_sentences"], settings["summary_max_chars"])}


ANNOTATOR = Annotator(
    name="summary",
    version="1",
    assigns=("summary",),
    run=run,
    settings={"summary_sentences": 2, "summary_max_chars": 320},
)
