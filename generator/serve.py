"""`archive serve`: the built site on 127.0.0.1 under its base path, rebuilt when inputs change."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path
from typing import Any

from generator.build import build_site
from generator.config import Config
from generator.render import default_templates_dir


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` at `base_path`, answering missing pages with the site's 404.html (as Pages does)."""

    base_path = "/"

    def _path(self) -> str:
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def send_head(self) -> Any:
        path = self._path()
        if not path.startswith(self.base_path) and path + "/" != self.base_path:
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + self._path()[len(self.base_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    return {
        p: p.stat().st_mtime
        for folder in folders
        if folder.exists()
        for p in folder.rglob("*")
        if p.is_file()
    }


def make_server(site: Path, base_path: str, port: int) -> http.server.ThreadingHTTPServer:
    """A server for `site` on 127.0.0.1 (port 0: any free port); call serve_forever() on it."""
    handler_class = type("Handler", (SiteHandler,), {"base_path": base_path})
    handler = functools.partial(handler_class, directory=str(site))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(config: Config, content: Path, out: Path, cache: Path, port: int, *, watch: bool = True) -> int:
    templates = default_templates_dir()

    def rebuild() -> None:
        report = build_site(config, content, out, cache, templates)
        state = "with errors: " + "; ".join(map(str, report.errors)) if report.errors else "ok"
        print(f"built {report.articles} articles in {report.seconds:.1f} s ({state})", flush=True)

    rebuild()
    server = make_server(out, config.base_path, port)
    print(
        f"Serving on http://127.0.0.1:{server.server_address[1]}{config.base_path} (Ctrl+C to stop)",
        flush=True,
    )
    if watch:
        threading.Thread(target=_watch, args=([content, templates], rebuild), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _watch(folders: list[Path], rebuild: Any, interval: float = 1.0) -> None:
    seen = _snapshot(folders)
    while True:
        time.sleep(interval)
        now = _snapshot(folders)
        if now != seen:
            seen = now
            try:
                rebuild()
            except Exception as exc:  # keep serving the last good site
                print(f"rebuild failed: {exc}", flush=True)
