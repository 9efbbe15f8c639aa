"""Language identification: accuracy on the sample archive's gold languages, speed, and load time.

Usage: .venv/bin/python bench/language_id.py [REPEAT]   (default: 50 passes over the articles)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.annotate import language
from generator.sources import read_content

ROOT = Path(__file__).resolve().parents[1]


def main(repeat: int) -> None:
    started = time.perf_counter()
    language.detect("Un texte assez long pour charger le modèle d’identification.")
    load = time.perf_counter() - started
    articles = read_content(ROOT / "content").articles
    right = 0
    for article in articles:
        gold_file = ROOT / "tests" / "gold" / (article.source_path.replace("/", "__").rsplit(".", 1)[0] + ".gold.yaml")
        expected = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["language"]
        found, probability = language.detect(article.text)
        right += found == expected
        if found != expected:
            print(f"wrong: {article.source_path}: {found} ({probability}) for {expected}")
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            language.detect(article.text)
    seconds = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"model load {load:.2f} s; accuracy {right}/{len(articles)} on the sample archive")
    print(f"{repeat * len(articles) / seconds:.0f} articles/s (mean {words:.0f} words) on one core")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
