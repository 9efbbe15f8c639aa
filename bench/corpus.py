"""Synthetic corpora for benchmarks: sentences of the sample archive reshuffled into new articles.

Each generated article keeps one language (sentences are drawn from articles of that language), so
language detection and per-language annotation see realistic text.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from pathlib import Path

from generator.sources import read_content
from generator.text import sentences

ROOT = Path(__file__).resolve().parents[1]


def sentence_pools(content: Path = ROOT / "content") -> dict[str, list[str]]:
    """Sentences of the sample archive, by the language folder they come from (fr/, en/, ru/, …)."""
    pools: dict[str, list[str]] = defaultdict(list)
    for article in read_content(content).articles:
        language = article.meta.language or article.source_path.split("/")[0]
        for paragraph in article.paragraphs:
            pools[language].extend(s for s in sentences(paragraph) if len(s) > 20)
    return dict(pools)


def synthetic_text(rng: random.Random, pool: list[str], words: int) -> str:
    """About `words` words of sentences drawn from `pool`, four sentences a paragraph."""
    paragraphs: list[str] = []
    current: list[str] = []
    total = 0
    while total < words:
        sentence = rng.choice(pool)
        current.append(sentence)
        total += len(sentence.split())
        if len(current) == 4:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs.append(" ".join(current))
    return "\n\n".join(p for p in paragraphs if p)


def generate(target: Path, count: int, words: int = 500, seed: int = 7) -> list[Path]:
    """Write `count` articles of about `words` words into `target`; a third each .txt, .md, .md + sidecar."""
    rng = random.Random(seed)
    pools = sentence_pools()
    languages = sorted(pools)
    start = dt.date(2024, 1, 1)
    written = []
    for i in range(count):
        language = languages[i % len(languages)]
        text = synthetic_text(rng, pools[language], words)
        folder = target / language / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        date = start + dt.timedelta(days=rng.randrange(700))
        meta = f"title: Article {i}\ndate: {date.isoformat()}\nsource: Outlet {i % 17}\nlanguage: {language}\n"
        if i % 3 == 0:
            path = folder / f"a{i}.txt"
            path.write_text(text + "\n", encoding="utf-8")
        elif i % 3 == 1:
            path = folder / f"a{i}.md"
            path.write_text(f"---\n{meta}---\n{text}\n", encoding="utf-8")
        else:
            path = folder / f"a{i}.md"
            path.write_text(text + "\n", encoding="utf-8")
            (folder / f"a{i}.yml").write_text(meta, encoding="utf-8")
        written.append(path)
    return written
