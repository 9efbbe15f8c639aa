"""Metadata from YAML (front matter or sidecar): parsed with line numbers, type-checked, merged."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.model import EntityEdits, Metadata, QuoteEdits

KNOWN_KEYS = ("title", "date", "source", "url", "authors", "language", "tags", "summary", "entity_edits", "quote_edits")
_KINDS = ("person", "place", "organisation")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class MetadataError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def parse_yaml_mapping(text: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """(values, line of each key); `first_line` is where `text` starts in its file."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise MetadataError(f"invalid YAML: {problem}", mark.line + first_line if mark else None) from exc
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise MetadataError(
            f"metadata must be a mapping of keys to values, not {type(data).__name__}", first_line
        )
    lines = {str(k.value): k.start_mark.line + first_line for k, _ in node.value}
    return {str(k): v for k, v in data.items()}, lines


def to_metadata(values: dict[str, Any], lines: dict[str, int]) -> Metadata:
    """Type-check known keys; keep other keys as display strings. Raises MetadataError with the line."""
    parsed: dict[str, Any] = {}
    extra: list[tuple[str, str]] = []
    for key, value in values.items():
        if value is None:
            continue
        try:
            if key in ("title", "source", "summary"):
                parsed[key] = _text(value)
            elif key == "date":
                parsed[key] = _date(value)
            elif key == "url":
                parsed[key] = _url(value)
            elif key in ("authors", "tags"):
                parsed[key] = _text_list(value)
            elif key == "language":
                parsed[key] = _language(value)
            elif key == "entities":
                parsed["entity_edits"] = _entity_edits(value)
            elif key == "quotes":
                parsed["quote_edits"] = _quote_edits(value)
            else:
                extra.append((key, _display(value)))
        except ValueError as exc:
            raise MetadataError(f"{key!r}: {exc}", lines.get(key)) from exc
    return Metadata(**parsed, extra=tuple(extra))


def merge(base: Metadata, over: Metadata) -> Metadata:
    """`over` wins for every key it states; extra keys merge by name."""
    stated = {key: getattr(over, key) for key in KNOWN_KEYS if getattr(over, key)}
    extra = dict(base.extra)
    extra.update(over.extra)
    return replace(base, **stated, extra=tuple(extra.items()))


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"must be text, got {_kind(value)}")
    text = str(value).strip()
    if not text:
        raise ValueError("must not be empty")
    return text


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise ValueError(f"must be a date like 2025-11-10, got {value!r}")


def _url(value: Any) -> str:
    text = _text(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"must be an absolute http(s) URL, got {text!r}")
    return text


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list):
        return tuple(_text(item) for item in value)
    raise ValueError(f"must be a list of text (or one text), got {_kind(value)}")


def _language(value: Any) -> str:
    text = _text(value)
    if not _LANGUAGE.match(text):
        raise ValueError(f"must be a language code such as 'fr' or 'en', got {text!r}")
    return text.split("-")[0].split("_")[0].lower()


def _entity_edits(value: Any) -> EntityEdits:
    """entities: {add: [{name, kind}], remove: [name], rename: {old: new}}"""
    edits = _edit_block(value, ("add", "remove", "rename"))
    added = []
    for item in _list(edits.get("add"), "entities.add"):
        if not isinstance(item, dict) or set(item) - {"name", "kind"} or item.get("kind") not in _KINDS:
            shape = "{name: …, kind: person|place|organisation}"
            raise ValueError(f"entities.add takes items like {shape}, got {item!r}")
        added.append((_text(item.get("name")), item["kind"]))
    return EntityEdits(
        add=tuple(added),
        remove=tuple(_text(v) for v in _list(edits.get("remove"), "entities.remove")),
        rename=_pairs(edits.get("rename"), "entities.rename"),
    )


def _quote_edits(value: Any) -> QuoteEdits:
    """quotes: {add: [{text, speaker}], remove: [opening words], speaker: {opening words: speaker}}"""
    edits = _edit_block(value, ("add", "remove", "speaker"))
    added = []
    for item in _list(edits.get("add"), "quotes.add"):
        if not isinstance(item, dict) or set(item) - {"text", "speaker"}:
            raise ValueError(f"quotes.add takes items like {{text: …, speaker: …}}, got {item!r}")
        speaker = item.get("speaker")
        added.append((_text(item.get("text")), _text(speaker) if speaker is not None else None))
    return QuoteEdits(
        add=tuple(added),
        remove=tuple(_text(v) for v in _list(edits.get("remove"), "quotes.remove")),
        speakers=_pairs(edits.get("speaker"), "quotes.speaker"),
    )


def _edit_block(value: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) - set(allowed):
        raise ValueError(f"must be a mapping with the keys {', '.join(allowed)}, got {value!r}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{where} must be a list, got {_kind(value)}")
    return value


def _pairs(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be a mapping of old to new, got {_kind(value)}")
    return tuple((_text(k), _text(v)) for k, v in value.items())


def _display(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_display(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_display(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)
