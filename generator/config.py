"""`archive.yml` -> `Config`, with a clear error for an unknown key or a wrong value."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml


class ConfigError(ValueError):
    """A bad `archive.yml`; the message names the file and, where known, the line."""


@dataclass(frozen=True, slots=True)
class Config:
    title: str = "Research archive"
    description: str = ""
    # Full URL of the published site (https://user.github.io/repo/) or just a path (/repo/).
    base_url: str = "/"
    # Language of the site's own words and of canonical entity names.
    language: str = "en"
    content_dir: str = "content"
    output_dir: str = "site"
    cache_dir: str = ".cache"
    per_page: int = 20
    home_articles: int = 10
    reading_speed_wpm: int = 200
    summary_sentences: int = 2
    summary_max_chars: int = 320
    # Annotate in worker processes when there are at least this many uncached articles.
    parallel_threshold: int = 200
    workers: int = 0  # 0: one per core
    # Add the organisations an installed spaCy model finds where the rules found none (pip install
    # research-archive[spacy]); off by default: see docs/benchmarks.md for what it changes.
    statistical_model: bool = False

    @property
    def base_path(self) -> str:
        """The path part of `base_url`, always with leading and trailing slashes."""
        path = urlsplit(self.base_url).path or "/"
        return "/" + path.strip("/") + "/" if path.strip("/") else "/"

    @property
    def site_origin(self) -> str:
        """`https://host` when `base_url` is absolute (feeds need absolute links), else ''."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


_FIELDS = {f.name: f for f in fields(Config)}
_LANG = re.compile(r"^[a-z]{2,3}$")


def load_config(path: Path | None, **overrides: Any) -> Config:
    """Read `path` (missing file: defaults), then apply non-None `overrides` (from the CLI)."""
    values: dict[str, Any] = {}
    if path is not None and path.exists():
        values = _read_yaml_mapping(path)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _validated(values, str(path) if path else "<command line>")


def _read_yaml_mapping(path: Path) -> dict[str, Any]:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, found {type(data).__name__}")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if node is not None else {}
    for key in data:
        if key not in _FIELDS:
            known = ", ".join(sorted(_FIELDS))
            raise ConfigError(f"{path}:{lines.get(key, '?')}: unknown setting {key!r} (known: {known})")
    return data


def _validated(values: dict[str, Any], origin: str) -> Config:
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _FIELDS:
            raise ConfigError(f"{origin}: unknown setting {key!r}")
        default = _FIELDS[key].default
        if isinstance(default, bool) or not isinstance(value, type(default)) or isinstance(value, bool):
            raise ConfigError(f"{origin}: setting {key!r} must be {type(default).__name__}, got {value!r}")
        if isinstance(default, int) and value < 0:
            raise ConfigError(f"{origin}: setting {key!r} must not be negative, got {value}")
        clean[key] = value
    config = Config(**clean)
    if not _LANG.match(config.language):
        raise ConfigError(f"{origin}: language must be an ISO 639 code such as 'en', got {config.language!r}")
    if config.per_page < 1 or config.reading_speed_wpm < 1:
        raise ConfigError(f"{origin}: per_page and reading_speed_wpm must be at least 1")
    return config
