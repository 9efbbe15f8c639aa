"""The annotator contract: metadata declared next to one pure function."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.model import Article

# run(article, assigned_so_far, settings) -> {field: value} for exactly the declared `assigns`.
AnnotateFn = Callable[[Article, Mapping[str, Any], Mapping[str, Any]], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Annotator:
    """One concern of annotation (language, stats, entities, …).

    `version` must change whenever the function's output can change, so cached results are
    invalidated; `settings` are the defaults, overridden per build from the configuration.
    """

    name: str
    version: str
    assigns: tuple[str, ...]
    run: AnnotateFn
    requires: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
