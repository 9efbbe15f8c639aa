"""The index's schema: field types, names and the on-disk markers (part of the whoosh boundary)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import Token, Tokenizer
from whoosh.util.numeric import byte_to_length

from generator.search.analysis import ANALYSIS_VERSION, Surfaces, analysis, tokens
from generator.search.documents import IndexDoc

SCHEMA_VERSION = "2"
INDEX_NAME = "archive"
FORMAT_FILE = "format.json"
STATS_FILE = "stats.json"
VOCABULARY_FILE = "vocabulary.pickle"

# The length each length code stands for (whoosh keeps a field's length in a byte).
LENGTH_TABLE: tuple[int, ...] = tuple(byte_to_length(i) for i in range(256))


def whoosh_name(field: str) -> str:
    return field.replace("@", "_")


class LangAnalyzer(Tokenizer):
    """whoosh-facing analyser of one language (for whoosh tools such as `more_like`).

    Holds only the language code, so the schema pickles; the stemmer lives in `analysis()`.
    """

    def __init__(self, language: str) -> None:
        self.language = language

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LangAnalyzer) and other.language == self.language

    def __hash__(self) -> int:
        return hash(("LangAnalyzer", self.language))

    def __call__(self, value: str, positions: bool = False, **kwargs: Any) -> Iterator[Token]:
        token = Token(positions=positions, **kwargs)
        for pos, term in enumerate(analysis(self.language).terms(value)):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = pos
            yield token


class LangText(fields.TEXT):
    """A text field of one language, with positions; indexing skips whoosh's per-token objects."""

    def __init__(self, language: str) -> None:
        super().__init__(analyzer=LangAnalyzer(language), phrase=True, stored=False)
        self.language = language

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        where: defaultdict[str, list[int]] = defaultdict(list)
        for pos, term in enumerate(analysis(self.language).terms(value)):
            where[term].append(pos)
        encode = self.format.encode
        for term, poslist in where.items():
            yield term.encode("utf-8"), len(poslist), float(len(poslist)), encode(poslist)


_surfaces = Surfaces()


def make_schema() -> fields.Schema:
    return fields.Schema(
        slug=fields.ID(stored=True, unique=True),
        digest=fields.STORED(),
        meta=fields.STORED(),  # display data for the CLI: title, source
        lang=fields.ID(stored=True),
        date=fields.ID(stored=True),
        source=fields.ID(),
        tag=fields.KEYWORD(commas=True, lowercase=False),
        person=fields.KEYWORD(scorable=True, lowercase=False),
        place=fields.KEYWORD(scorable=True, lowercase=False),
        org=fields.KEYWORD(scorable=True, lowercase=False),
        # The article's vocabulary entries, to update `Vocabulary` when it is removed; a column, so
        # reading the other stored fields never unpacks it.
        surfaces=fields.COLUMN(columns.CompressedBytesColumn()),
    )


def format_marker() -> dict[str, str]:
    return {"engine": "whoosh", "schema": SCHEMA_VERSION, "analysis": ANALYSIS_VERSION}


def surfaces_of(doc: IndexDoc) -> list[str]:
    entry = _surfaces.entry
    return sorted({entry(t) for t in tokens(f"{doc.title}\n{doc.text}")})


def index_fields(doc: IndexDoc, surfaces: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {
        "slug": doc.slug,
        "digest": doc.digest,
        "meta": {"title": doc.title, "source": doc.source},
        "lang": doc.language,
        f"title_{doc.language}": doc.title,
        f"body_{doc.language}": doc.text,
        "surfaces": "\n".join(surfaces).encode("utf-8"),
    }
    if doc.date:
        values["date"] = doc.date
    if doc.source_key:
        values["source"] = doc.source_key
    if doc.tags:
        values["tag"] = ",".join(doc.tags)
    by_field: defaultdict[str, list[str]] = defaultdict(list)
    for field, entity_id, count in doc.entities:
        by_field[field].extend([entity_id] * count)
    for field, ids in by_field.items():
        values[field] = " ".join(ids)
    return values
