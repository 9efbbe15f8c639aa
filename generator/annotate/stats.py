"""Word count and reading time."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from generator.annotate.base import Annotator
from generator.model import Article
from generator.text import words


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    count = len(words(article.text))
    minutes = max(1, math.ceil(count / settings["reading_speed_wpm"])) if count else 0
    return {"word_count": count, "reading_minutes": minutes}


ANNOTATOR = Annotator(
    name="stats",
    version="1",
    assigns=("word_count", "reading_minutes"),
    run=run,
    settings={"reading_speed_wpm": 200},
)
