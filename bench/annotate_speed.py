"""Annotation speed: the default annotator pipeline on synthetic ~500-word articles, one core, no cache.

Articles are the sample archive's sentences reshuffled per language (`bench/corpus.py`), so each
annotator sees realistic text in fr, en, ru and de. Prints articles per second for the whole pipeline
and the time share of each annotator; one-off loading (language model, gazetteers) is timed apart.

    .venv/bin/python bench/annotate_speed.py [N]        (default N = 400)
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import sentence_pools, synthetic_text
from generator.annotate.curated import load_curated
from generator.annotate.pipeline import make_pipeline
from generator.annotate.registry import DEFAULT_ANNOTATORS
from generator.model import Article, Metadata

ROOT = Path(__file__).resolve().parents[1]


def synthetic_articles(count: int, words: int = 500, seed: int = 11) -> list[Article]:
    rng = random.Random(seed)
    pools = sentence_pools()
    languages = sorted(pools)
    articles = []
    for i in range(count):
        text = synthetic_text(rng, pools[languages[i % len(languages)]], words)
        digest = hashlib.sha256(text.encode()).hexdigest()
        articles.append(Article(f"a{i}", f"a{i}.txt", "text", text, text, None, Metadata(), f"Article {i}", digest))
    return articles


def main(count: int) -> None:
    curated = load_curated(ROOT / "content" / "entities.yml")
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, {"entities_curated": curated})
    articles = synthetic_articles(count)
    words = sum(len(a.text.split()) for a in articles)

    # Warm up: load models and gazetteers once per language, timed apart.
    started = time.perf_counter()
    for article in articles[:8]:
        _run(pipeline, article, defaultdict(float))
    warm_up = time.perf_counter() - started

    spent: dict[str, float] = defaultdict(float)
    started = time.process_time()
    for article in articles:
        _run(pipeline, article, spent)
    total = time.process_time() - started
    print(f"{count} articles, {words / count:.0f} words on average; warm-up (loading) {warm_up:.2f} s")
    print(f"whole pipeline: {count / total:.0f} articles/s on one core ({total:.2f} s CPU)")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        rate = count / seconds if seconds else float("inf")
        print(f"  {name:<10} {seconds:6.2f} s  {100 * seconds / total:5.1f}%  ({rate:.0f} articles/s alone)")


def _run(pipeline, article: Article, spent: dict[str, float]) -> None:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {}
    for annotator in pipeline.annotators:
        started = time.process_time()
        values.update(annotator.run(article, dict(values), pipeline.settings_for(annotator.name)))
        spent[annotator.name] += time.process_time() - started


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
