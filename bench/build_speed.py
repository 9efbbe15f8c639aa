"""Whole-build speed and memory: cold (empty cache), warm (nothing changed), one article touched.

Usage: .venv/bin/python bench/build_speed.py [COUNT ...]   (default: 1000)
Prints wall time, CPU time and peak memory (this process and its worker processes) for each build.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import generate
from generator.build import build_site
from generator.config import Config


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def timed_build(label: str, config: Config, content: Path, out: Path, cache: Path) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    report = build_site(config, content, out, cache)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    own, children = peak_mb()
    print(
        f"{label:<22} {report.articles:>7} articles {report.pages_written:>7} files  wall {wall:7.1f} s  "
        f"main-process CPU {cpu:7.1f} s  cache {report.cache_hits} hits/{report.cache_misses} misses  "
        f"peak RSS main {own:6.0f} MB, largest worker {children:6.0f} MB  errors {len(report.errors)}",
        flush=True,
    )


def main(counts: list[int]) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            files = generate(root / "content", count)
            config = Config(title="Benchmark")
            for label in ("cold", "warm (no change)"):
                timed_build(f"{count} {label}", config, root / "content", root / "site", root / "cache")
            files[0].write_text(files[0].read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
            timed_build(f"{count} one touched", config, root / "content", root / "site", root / "cache")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000])
