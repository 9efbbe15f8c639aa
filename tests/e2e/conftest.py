"""Shared by the browser tests: Debian's Chromium driven by Playwright, and the site served on loopback."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.serve import make_server

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; never a browser downloaded by Playwright
# Without the background-networking flags Chromium keeps trying hosts this offline machine cannot reach.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def need_chromium() -> None:
    """Skip without Chromium on a developer's machine, but fail in CI, where `make test` installs it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing (make test installs it)")
        pytest.skip("Debian's chromium is not installed")


@contextmanager
def served(site: Path, base_path: str) -> Iterator[str]:
    """`site` served by `archive serve`'s server under `base_path`; yields the site's URL."""
    server = make_server(site, base_path, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()
