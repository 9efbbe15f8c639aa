"""How well the unseen-inflection fallback (generator/search/guess.py) reproduces Snowball.

For each language, a real vocabulary (the system's man pages in that language, plus the sample
archive's articles) is analysed as the index analyses it. Each word is then held out in turn, as if
a reader typed a form the archive lacks: the fallback guesses a stem from the remaining words'
stems and endings, and the guess is compared with PyStemmer's stem of the word. When no other
word has that stem, the right answer is "nothing".

    .venv/bin/python bench/search_fallback.py [--pages N]

Per setting: right (the guess is Snowball's stem), wrong (a different stem: a wild match), missed
(no guess though another form has the stem), as shares of the held-out words.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.search.analysis import analysis, fold, tokens
from generator.search.guess import guess_term

ROOT = Path(__file__).resolve().parents[1]
MAN = {"de": "/usr/share/man/de", "fr": "/usr/share/man/fr", "ru": "/usr/share/man/ru", "en": "/usr/share/man/man1"}
_ROFF = re.compile(r"\\f[BIRP]|\\\(..|\\[-&e]|\\s[-+]?\d")


def man_text(folder: str, pages: int) -> str:
    chunks = []
    for path in sorted(Path(folder).rglob("*.gz"))[:pages]:
        try:
            raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        chunks.extend(_ROFF.sub("", line) for line in raw.splitlines() if not line.startswith((".", "'")))
    return "\n".join(chunks)


def vocabulary(language: str, pages: int) -> dict[str, str]:
    """Folded word -> its index term, for the language's words that are not stop words."""
    text = man_text(MAN[language], pages)
    text += "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "content" / language).glob("*"))
    lang = analysis(language)
    out: dict[str, str] = {}
    for token in tokens(text):
        if token.isalpha() and len(token) > 1:
            term = lang.term_of_lower(token.lower())
            if term is not None:
                out.setdefault(fold(token.lower()), term)
    return out


class _Anything:
    def __contains__(self, item: object) -> bool:
        return True


def measure(words: dict[str, str], stem_min: int, ending_max: int, min_words: int | None) -> Counter[str]:
    keys_of: defaultdict[str, set[str]] = defaultdict(set)
    endings: Counter[str] = Counter()
    for key, term in words.items():
        keys_of[term].add(key)
        if key.startswith(term) and 0 < len(key) - len(term) <= ending_max:
            endings[key[len(term):]] += 1
    outcome: Counter[str] = Counter()
    for key, term in words.items():
        own = key[len(term):] if key.startswith(term) and 0 < len(key) - len(term) <= ending_max else None
        if min_words is None:
            table: object = _Anything()
        else:
            table = {e for e, n in endings.items() if n - (e == own) >= min_words}
        others = len(keys_of[term]) > 1

        def is_term(stem: str, term: str = term, others: bool = others) -> bool:
            return stem in keys_of and (stem != term or others)

        truth = term if others else None
        guess = guess_term(key, table, is_term, stem_min, ending_max)  # type: ignore[arg-type]
        if guess is None:
            outcome["missed" if truth else "none"] += 1
        else:
            outcome["right" if guess == truth else "wrong"] += 1
            if guess != truth and truth is not None:
                outcome["wrong_findable"] += 1
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200, help="man pages per language")
    args = parser.parse_args()
    settings = [(m, e, w) for m in (3, 4, 5) for e in (3, 4, 5) for w in (1, 3, 5)]
    settings += [(m, 3, None) for m in (4, 5)]
    for language in ("fr", "en", "ru", "de"):
        words = vocabulary(language, args.pages)
        terms = len(set(words.values()))
        print(f"\n{language}: {len(words)} words, {terms} stems")
        print(f"{sum(len(k) for k in words) / len(words):.1f} letters per word")
        print(f"{len(words)} words held out; right and missed: of those whose stem another word has; "
              "wrong: of all guesses")
        print("stem_min ending_max min_words   right  wrong  missed")
        for stem_min, ending_max, min_words in settings:
            o = measure(words, stem_min, ending_max, min_words)
            findable = o["right"] + o["missed"] + o["wrong_findable"]
            guesses = o["right"] + o["wrong"]
            print(f"{stem_min:8} {ending_max:10} {min_words!s:>9}  {o['right'] / findable:6.1%} "
                  f"{o['wrong'] / max(guesses, 1):6.1%} {o['missed'] / findable:6.1%}")


if __name__ == "__main__":
    main()
