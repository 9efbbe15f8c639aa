"""Shared fixtures: paths to the sample archive and the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = SHARED_SEEDS / "000_8dfb17625616ae6f.txt"
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the seed article is missing at {path}")
        pytest.skip("the shared seed article is not beside this checkout")
    return path
