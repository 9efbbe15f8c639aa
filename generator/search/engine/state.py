"""What the index keeps beside whoosh: the vocabulary with article counts, and field statistics."""

from __future__ import annotations

import json
import pickle
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh.reading import TermNotFound

from generator.search.documents import ENTITY_FIELDS
from generator.search.engine.schema import STATS_FILE, VOCABULARY_FILE


def split_entries(joined: bytes) -> list[str]:
    return joined.decode("utf-8").split("\n") if joined else []


class Vocabulary:
    """Every surface form of the live articles (see analysis.Surfaces), with how many articles have it.

    Kept beside the whoosh index and updated with it (a removed article's forms are stored with it),
    so the word dictionary never holds a form that only a deleted article had. Tagged with the index
    generation it matches; on a mismatch (an interrupted build) it is recounted from the column.
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    @classmethod
    def recount(cls, reader: Any) -> Vocabulary:
        """Count from the per-article column (when the saved counts do not match the index)."""
        counts: defaultdict[str, int] = defaultdict(int)
        if not reader.doc_count():
            return cls({})
        column = reader.column_reader("surfaces")
        for docnum in reader.all_doc_ids():
            for entry in split_entries(column[docnum]):
                counts[entry] += 1
        return cls(dict(counts))

    @classmethod
    def load(cls, directory: Path, generation: int) -> Vocabulary | None:
        try:
            with (directory / VOCABULARY_FILE).open("rb") as handle:
                data = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError):
            return None
        if data.get("generation") != generation:
            return None
        return cls(dict(zip(data["entries"], data["counts"], strict=True)))

    def save(self, directory: Path, generation: int) -> None:
        entries = sorted(self.counts)
        data = {"generation": generation, "entries": entries, "counts": [self.counts[e] for e in entries]}
        temporary = directory / (VOCABULARY_FILE + ".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(directory / VOCABULARY_FILE)

    def add(self, entries: Iterable[str]) -> None:
        counts = self.counts
        for entry in entries:
            counts[entry] = counts.get(entry, 0) + 1

    def remove(self, entries: Iterable[str]) -> None:
        counts = self.counts
        for entry in entries:
            left = counts.get(entry, 0) - 1
            if left > 0:
                counts[entry] = left
            else:
                counts.pop(entry, None)

    def sorted_entries(self) -> list[str]:
        return sorted(self.counts)


def write_stats(directory: Path, reader: Any, generation: int) -> None:
    """Per field: how many live documents its statistics cover and their summed length.

    A language's text fields cover that language's articles; entity fields cover every article.
    Deleted documents (kept by whoosh until a merge) are left out, so an index updated many times
    scores exactly like one built from scratch.
    """
    stats: dict[str, list[int]] = {}
    live = list(reader.all_doc_ids())
    languages = sorted(n.removeprefix("body_") for n in reader.schema.names() if n.startswith("body_"))
    for lang in languages:
        try:
            matcher = reader.postings("lang", lang)
            docs = list(matcher.all_ids())
        except TermNotFound:
            docs = []
        for kind in ("title", "body"):
            name = f"{kind}_{lang}"
            total = sum(reader.doc_field_length(d, name, 0) or 0 for d in docs)
            stats[f"{kind}@{lang}"] = [len(docs), total]
    for field in ENTITY_FIELDS.values():
        stats[field] = [len(live), sum(reader.doc_field_length(d, field, 0) or 0 for d in live)]
    payload = {"generation": generation, "docs": len(live), "fields": stats}
    (directory / STATS_FILE).write_text(json.dumps(payload, sort_keys=True), encoding="utf-8")
