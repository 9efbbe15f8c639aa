"""`archive new DIR`: a fresh archive repository from the files beside this module."""

from __future__ import annotations

import shutil
from pathlib import Path

FILES = Path(__file__).parent / "files"
# Dotfiles are stored without their dot, so packaging tools never skip them.
_RENAMES = {"gitignore": ".gitignore"}


class ScaffoldError(RuntimeError):
    pass


def create_archive(target: Path) -> list[Path]:
    """Copy the starter files into `target`, which must be missing or empty; returns what was written."""
    if target.exists() and any(target.iterdir()):
        raise ScaffoldError(f"{target} is not empty; choose a new folder")
    written: list[Path] = []
    for source in sorted(FILES.rglob("*")):
        if not source.is_file():
            continue
        rel = source.relative_to(FILES)
        destination = target / rel.parent / _RENAMES.get(rel.name, rel.name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        written.append(destination)
    return written
