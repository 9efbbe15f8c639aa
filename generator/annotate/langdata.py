"""Per-language data files under `resources/<lang>/<name>.yml`, read once per process.

Adding a language is adding files: code never lists languages itself, it asks which files exist.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).parent / "resources"


@cache
def languages_with(name: str) -> tuple[str, ...]:
    """Languages that have `resources/<lang>/<name>.yml`, sorted."""
    if not RESOURCES.is_dir():
        return ()
    return tuple(sorted(p.parent.name for p in RESOURCES.glob(f"*/{name}.yml")))


@cache
def load(language: str, name: str) -> dict[str, Any]:
    """The mapping in `resources/<language>/<name>.yml`, or {} when the language has none."""
    code = language.split("-")[0].split("_")[0].lower()
    path = RESOURCES / code / f"{name}.yml"
    if not code.isalpha() or not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data
