"""Search at scale: cold indexing + export time and memory, one-article rebuild, and what a first query
costs in a real browser.

Usage: .venv/bin/python bench/search_bytes.py [COUNT ...] [--no-browser] [--cold-only]   (default: 1000 10000)

    --no-browser   stop before the browser part (no search page, no Chromium)
    --cold-only    only the cold index + export (implies --no-browser; no one-article rebuild)

For each COUNT: generate that many synthetic articles (half French, half English, ~400 words, see
bench/search_corpus.py); index them cold into a fresh cache and export site/search/ (timed apart,
peak memory of this process and of the largest whoosh writer process); change one article and
update again (only that article is re-indexed); write the search page with the site's CSS and
JavaScript; serve it on 127.0.0.1 with gzip for text types, as GitHub Pages does; then, in
headless Chromium with an empty cache each time, load /search/?q=… for a first one-word query
and a first two-word query and sum what the browser received (body bytes after compression, from
Playwright's network events), with the time until the results were on the page.
"""

from __future__ import annotations

import functools
import gc
import gzip
import http.server
import json
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.search_corpus import generate_catalog
from generator.config import Config
from generator.model import Catalog
from generator.render import default_templates_dir, static_files
from generator.render.environment import make_environment
from generator.render.routes import navigation
from generator.render.views import FacetLinks
from generator.search import export_search, index_directory, update_index
from generator.search.analysis import fold, stop_words, tokens
from generator.search.export import ExportReport

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
COMPRESSED = {".html", ".css", ".js", ".json", ".txt", ".xml", ".svg"}  # what GitHub Pages gzips


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


class MemorySampler:
    """Peak proportional memory (PSS) of this process plus its children, sampled every 0.2 s.

    PSS splits pages shared after fork (the writer processes share the catalogue with this one)
    instead of counting them in every process, as RSS does; "anon" leaves out file pages such as
    the whoosh index files mapped while reading them.
    """

    def __init__(self) -> None:
        self.peak_pss = self.peak_anon = 0.0
        self.peak_main = self.peak_at = 0.0  # at the peak: this process's share, seconds since start
        self._started = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import os

        me = os.getpid()
        while not self._stop.is_set():
            pids = [me]
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == me:
                            pids.append(int(entry.name))
                    except (OSError, ValueError, IndexError):
                        continue
            pss = anon = main = 0.0
            for pid in pids:
                try:
                    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1]) / 1024
                            if pid == me:
                                main = int(line.split()[1]) / 1024
                        elif line.startswith("Pss_Anon:"):
                            anon += int(line.split()[1]) / 1024
                except OSError:
                    continue
            if pss > self.peak_pss:
                self.peak_pss, self.peak_main = pss, main
                self.peak_at = time.perf_counter() - self._started
            self.peak_anon = max(self.peak_anon, anon)
            self._stop.wait(0.2)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_s() -> float:
    """CPU seconds of this process and its finished children (the whoosh writer processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build(catalog: Catalog, cache: Path, site: Path) -> dict[str, Any]:
    gc.collect()
    base_rss = rss_mb()
    wall, cpu = time.perf_counter(), cpu_s()
    with MemorySampler() as index_memory:
        report = update_index(catalog, cache)
    index_s, index_cpu = time.perf_counter() - wall, cpu_s() - cpu
    index_peak = peak_mb()
    wall, cpu = time.perf_counter(), cpu_s()
    exported = ExportReport()
    files = 0
    with MemorySampler() as export_memory:
        for file in export_search(catalog, Config(), cache, exported):
            target = site / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.data)
            files += 1
    export_s, export_cpu = time.perf_counter() - wall, cpu_s() - cpu
    return {
        "index_s": round(index_s, 1), "export_s": round(export_s, 1), "total_s": round(index_s + export_s, 1),
        "index_cpu_s": round(index_cpu, 1), "export_cpu_s": round(export_cpu, 1),
        "rss_before_mb": round(base_rss), "peak_rss_main_mb": round(peak_mb()[0]),
        "peak_rss_writer_child_mb": round(index_peak[1]),
        "index_peak_pss_mb": round(index_memory.peak_pss), "index_peak_anon_mb": round(index_memory.peak_anon),
        "export_peak_pss_mb": round(export_memory.peak_pss), "export_peak_anon_mb": round(export_memory.peak_anon),
        "index_peak_main_pss_mb": round(index_memory.peak_main), "index_peak_at_s": round(index_memory.peak_at, 1),
        "export_peak_at_s": round(export_memory.peak_at, 1),
        "files": files, "bytes": exported.bytes,
        "shards": exported.shards, "terms": exported.terms, "words": exported.words,
        "postings_files": exported.postings_files, "added": report.added,
    }


def one_change(catalog: Catalog, cache: Path) -> dict[str, Any]:
    """Append a sentence to one article and update: only it is re-indexed."""
    first = catalog.articles[len(catalog.articles) // 2]
    text = first.article.text + "\n\nOne more sentence about a zanzibarian harbour."
    article = replace(first.article, text=text, body=text, content_hash=first.article.content_hash + "x")
    changed = replace(catalog, articles=tuple(
        replace(a, article=article) if a.slug == first.slug else a for a in catalog.articles))
    wall = time.perf_counter()
    report = update_index(changed, cache)
    update_s = time.perf_counter() - wall
    wall = time.perf_counter()
    for _ in export_search(changed, Config(), cache):
        pass
    return {"reindexed": report.changed, "updated": report.updated, "update_s": round(update_s, 2),
            "export_s": round(time.perf_counter() - wall, 1)}


def write_search_page(catalog: Catalog, site: Path) -> None:
    """The search page and the static files, rendered as the render stage renders them."""
    templates = default_templates_dir()
    config = Config()
    assets = static_files(templates)
    env = make_environment(config, templates, assets)
    env.globals.update(nav=navigation(catalog, True), has_search=True, facet_link=FacetLinks(catalog))
    html = env.get_template("search.html").render({"section": "search"}, path="search/")
    (site / "search").mkdir(parents=True, exist_ok=True)
    (site / "search" / "index.html").write_text(html, encoding="utf-8")
    for path, data in assets.items():
        target = site / "static" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text types gzipped (level 6) when the browser accepts it, binary ones as they are."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in COMPRESSED and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def pick_words(catalog: Catalog) -> tuple[str, str]:
    """A mid-frequency word (one-word query) and two common words (two-word query), in French."""
    counts: Counter[str] = Counter()
    stops = stop_words("fr")
    for item in catalog.articles[:2000]:
        if item.language == "fr":
            counts.update(w for w in tokens(item.article.text)
                          if w[0].islower() and fold(w) not in stops and not w.isdigit())  # no names
    ranked = [w for w, _ in counts.most_common(400) if len(w) > 4]
    return ranked[60], f"{ranked[20]} {ranked[35]}"


def measure_queries(site: Path, queries: list[str]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/search/?q="
    out = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in queries:
                context = browser.new_context()  # an empty cache
                page = context.new_page()
                done: list[Any] = []
                page.on("requestfinished", lambda r, done=done: done.append(r))
                page.goto(url + query.replace(" ", "+"))
                page.wait_for_selector("#search[data-state=done]", timeout=60_000, state="attached")
                results_ms = float(page.get_attribute("#search", "data-results-ms") or 0)
                page.wait_for_load_state("networkidle")
                done_ms = page.evaluate("performance.now()")
                by_kind: Counter[str] = Counter()
                body = headers = 0
                for request in done:
                    sizes = request.sizes()
                    body += sizes["responseBodySize"]
                    headers += sizes["responseHeadersSize"]
                    path = request.url.split("/search/", 1)[-1] if "/search/" in request.url else request.url
                    kind = "page+assets" if "static/" in request.url or path.startswith("?") else path.split("/")[0]
                    by_kind[kind] += sizes["responseBodySize"]
                out.append({
                    "query": query, "status": page.inner_text("#search-status"), "requests": len(done),
                    "body_kb": round(body / 1024, 1), "headers_kb": round(headers / 1024, 1),
                    "results_ms": round(results_ms), "done_ms": round(done_ms),
                    "by_kind_kb": {k: round(v / 1024, 1) for k, v in sorted(by_kind.items())},
                })
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return out


def main(argv: list[str]) -> None:
    unknown = [a for a in argv if not a.isdigit() and a not in ("--no-browser", "--cold-only")]
    if unknown:
        raise SystemExit(f"unknown arguments: {' '.join(unknown)}\n{__doc__}")
    cold_only = "--cold-only" in argv
    browser = not cold_only and "--no-browser" not in argv
    counts = [int(a) for a in argv if a.isdigit()] or [1000, 10000]
    for count in counts:
        work = Path(tempfile.mkdtemp(prefix=f"search-bench-{count}-"))
        try:
            wall = time.perf_counter()
            catalog = generate_catalog(count, languages=("fr", "en"), seed=1)
            print(f"\n== {count} articles (generated in {time.perf_counter() - wall:.1f} s)", flush=True)
            cold = build(catalog, work / "cache", work / "site")
            print("cold index + export:", json.dumps(cold), flush=True)
            index_mb = sum(f.stat().st_size for f in index_directory(work / "cache").iterdir()) / 1e6
            print(f"whoosh index on disk: {index_mb:.1f} MB", flush=True)
            if cold_only:
                continue
            print("one article changed:", json.dumps(one_change(catalog, work / "cache")), flush=True)
            if not browser:
                continue
            write_search_page(catalog, work / "site")
            one, two = pick_words(catalog)
            for row in measure_queries(work / "site", [one, two]):
                print("first query:", json.dumps(row, ensure_ascii=False), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
