"""The user's curated entities (`content/entities.yml`): loading with clear errors, and exact matching.

Format::

    entities:
      - name: Vladimir Putin          # canonical name, shown on the site
        kind: person                  # person | place | organisation
        aliases: [Poutine, Путин]     # any language or script; matched exactly, case-sensitively
        wikidata: Q7747               # optional

The loaded tuple reaches the entities annotator through its settings (`entities_curated`), so the
annotation cache key changes whenever the file does and the annotator stays a pure function.
Matching uses one Aho-Corasick automaton (pyahocorasick) per list and language, built once per process;
where names decline (Russian), each Cyrillic alias is indexed with its case forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.annotate import entity_inflection
from generator.annotate.entity_resources import load
from generator.model import ENTITY_KINDS, EntityKind, SourceError

_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_KEYS = frozenset({"name", "kind", "aliases", "wikidata"})


@dataclass(frozen=True, slots=True)
class CuratedEntity:
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class CuratedError(ValueError):
    """A problem in the curated entities file, with the file and the 1-based line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    def as_source_error(self) -> SourceError:
        return SourceError(self.path, self.message, self.line)


def load_curated(path: Path) -> tuple[CuratedEntity, ...]:
    """Read `entities.yml`; a missing file means no curated entities."""
    if not path.is_file():
        return ()
    where = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise CuratedError(where, line, f"not valid YAML: {exc.problem}") from exc
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CuratedError(where, None, f"cannot be read: {exc}") from exc
    if root is None:
        return ()
    if not isinstance(root, yaml.MappingNode):
        raise CuratedError(where, _line(root), "expected a mapping with an 'entities' list")
    top = {key.value: value for key, value in root.value}
    unknown = set(top) - {"entities"}
    if unknown:
        raise CuratedError(where, _line(root), f"unknown top-level key(s): {', '.join(sorted(unknown))}")
    items = top.get("entities")
    if items is None or (isinstance(items, yaml.ScalarNode) and items.value in ("", "null", "~")):
        return ()
    if not isinstance(items, yaml.SequenceNode):
        raise CuratedError(where, _line(items), "'entities' must be a list")
    entities: list[CuratedEntity] = []
    seen: dict[tuple[str, str], int] = {}
    for node in items.value:
        entity = _entity(where, node)
        for name in entity.names:
            earlier = seen.get((entity.kind, name))
            if earlier is not None:
                raise CuratedError(
                    where, _line(node), f"{entity.kind} name {name!r} is already listed (line {earlier})"
                )
            seen[(entity.kind, name)] = _line(node) or 0
        entities.append(entity)
    return tuple(entities)


def _entity(where: str, node: yaml.Node) -> CuratedEntity:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        raise CuratedError(where, line, "each entity must be a mapping with name and kind")
    data: dict[str, Any] = {}
    for key, value in node.value:
        if key.value not in _KEYS:
            raise CuratedError(where, _line(key), f"unknown key {key.value!r} (expected {', '.join(sorted(_KEYS))})")
        data[key.value] = yaml.safe_load(yaml.serialize(value))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CuratedError(where, line, "an entity needs a non-empty 'name'")
    kind = data.get("kind")
    if kind not in ENTITY_KINDS:
        raise CuratedError(where, line, f"{name!r}: 'kind' must be one of {', '.join(ENTITY_KINDS)}, not {kind!r}")
    aliases = data.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str | int | float) for a in aliases):
        raise CuratedError(where, line, f"{name!r}: 'aliases' must be a list of names")
    wikidata = data.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _WIKIDATA.match(wikidata)):
        raise CuratedError(where, line, f"{name!r}: 'wikidata' must look like Q7747, not {wikidata!r}")
    clean = tuple(dict.fromkeys(str(a).strip() for a in aliases if str(a).strip() and str(a).strip() != name))
    return CuratedEntity(name.strip(), kind, clean, wikidata)


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None and node.start_mark else None


@dataclass(frozen=True, slots=True)
class CuratedMatch:
    start: int
    end: int
    entity: CuratedEntity


class CuratedMatcher:
    """Finds every alias of a curated list in a text: exact, on word boundaries, longest first."""

    def __init__(self, entities: tuple[CuratedEntity, ...], language: str) -> None:
        import ahocorasick

        self._automaton: Any = ahocorasick.Automaton()
        russian = load(language).russian
        for entity in entities:
            for name in entity.names:
                forms = {name}
                if russian and entity_inflection.is_cyrillic_word(name):
                    forms |= {" ".join(f) for f in entity_inflection.phrase_forms(tuple(name.split()))}
                for form in forms:
                    if form not in self._automaton:  # the first entity listed keeps a shared name
                        self._automaton.add_word(form, (len(form), entity))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[CuratedMatch]:
        if self._empty:
            return []
        found: list[CuratedMatch] = []
        for end_index, (length, entity) in self._automaton.iter(text):
            start, end = end_index - length + 1, end_index + 1
            if _boundary(text, start - 1, before=True) and _boundary(text, end, before=False):
                found.append(CuratedMatch(start, end, entity))
        # Longest first, then leftmost; drop matches overlapping one already kept.
        found.sort(key=lambda m: (m.start - m.end, m.start))
        kept: list[CuratedMatch] = []
        taken: list[tuple[int, int]] = []
        for match in found:
            if all(match.end <= s or match.start >= e for s, e in taken):
                kept.append(match)
                taken.append((match.start, match.end))
        return sorted(kept, key=lambda m: m.start)


_HYPHENS = "-‐‑"


def _boundary(text: str, index: int, before: bool) -> bool:
    """No letter on that side; a hyphen counts as a boundary only towards a lower-case affix
    ("Aktau-based", "pro-Russia"), so an alias never matches half of "Kaspiy-Inform"."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    if char in _HYPHENS:
        neighbour = index - 1 if before else index + 1
        return 0 <= neighbour < len(text) and text[neighbour].islower()
    return not (char.isalnum() or char == "_")


@lru_cache(maxsize=16)
def matcher(entities: tuple[CuratedEntity, ...], language: str) -> CuratedMatcher:
    return CuratedMatcher(entities, language)
