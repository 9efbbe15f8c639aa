"""Language of an article: the user's statement, else py3langid on the text.

py3langid was measured at ~436 articles/s, offline, right on fr/en/ru news text (see
../shared/NOTES.md); it is unreliable on a few words, so very short texts are left undetermined.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from generator.annotate.base import Annotator
from generator.model import Article

MIN_LETTERS = 20
# The opening of an article tells its language as well as the whole (18/18 on the sample archive and
# 32/32 on the held-out and final sets, either way), at a third of the cost for a 500-word article.
SAMPLE_CHARS = 1500


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability), or ("und", 0.0) when the text is too short to tell."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return "und", 0.0
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code), round(float(probability), 3)


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    if article.meta.language:
        return {"language": article.meta.language, "language_confidence": 1.0}
    code, probability = detect(article.text)
    return {"language": code, "language_confidence": probability}


ANNOTATOR = Annotator(name="language", version="2", assigns=("language", "language_confidence"), run=run)
