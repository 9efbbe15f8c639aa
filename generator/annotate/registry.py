"""The explicit, ordered list of annotators a build runs (no registration by import side effect)."""

from __future__ import annotations

from generator.annotate import dateline, dates, entities, language, quotes, stats, summary
from generator.annotate.base import Annotator

DEFAULT_ANNOTATORS: tuple[Annotator, ...] = (
    language.ANNOTATOR,
    entities.ANNOTATOR,
    quotes.ANNOTATOR,
    dates.ANNOTATOR,
    dateline.ANNOTATOR,
    stats.ANNOTATOR,
    summary.ANNOTATOR,
)
