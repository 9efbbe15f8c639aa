"""Unseen inflections: which indexed stem a query word the archive never contains most likely has.

The browser has no stemmer: it looks query words up in the exported dictionary of the archive's own
word forms (lookup.py). A form that occurs nowhere ("зерновой" when only "зернового" occurs) would
find nothing. The fallback, computed identically by `evaluate.py` and `engine.js`:

    for each language, cut the folded word into stem + ending, longest stem first, stopping at
    STEM_MIN letters; take the first cut whose stem is an indexed term of that language and whose
    ending is "" (the word is itself a stem) or one of the language's endings.

A language's endings are what separates the archive's own words from their Snowball stems
("зернового" - "зернов" = "ого"), at most ENDING_MAX letters: a data-driven suffix table that
stands in for the stemmer. Requiring a known ending is what keeps "partisan" from matching the stem
"part". The limits were chosen with `bench/search_fallback.py` (hold each word of a real vocabulary
out, compare the guess with PyStemmer's stem): with STEM_MIN 4 and ENDING_MAX 5 the guess is
Snowball's stem for 84-93% of the words whose stem another form has, and another stem for 4-8% of
the guesses (mostly a related word: "пакетном" -> "пакет", not Snowball's "пакетн"); without the
table, 15-24%. Requiring an ending to occur in 3 words instead of 1 changed the errors by < 0.4 points
and loses real endings in a small archive (German "-ens" of "Abkommens"), so ENDING_WORDS is 1.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.search.analysis import ANALYSIS_VERSION, utf16_key

STEM_MIN = 4  # letters a guessed stem has at least (a shorter one matches too much)
ENDING_MAX = 5  # letters an ending has at most
ENDING_WORDS = 1  # distinct dictionary words that must show an ending before it is trusted
FORMS_SHOWN = 3  # forms listed in "searched for зернов… (зернового, зерновых)"
ENDINGS_FILE = "endings.json"
# The saved table is rebuilt when what it is derived with changes.
TABLE_VERSION = f"{ANALYSIS_VERSION}/{ENDING_MAX}/{ENDING_WORDS}"


@dataclass(frozen=True, slots=True)
class Guess:
    """A query word the archive lacks, searched for as an indexed stem of one language."""

    word: str  # the folded query word
    language: str
    term: str  # the indexed stem searched for instead
    forms: tuple[str, ...]  # dictionary words (folded) that stand for that stem, in dictionary order


class EndingCounter:
    """Counts, per language, the distinct words that show each ending (fed with dictionary entries)."""

    def __init__(self) -> None:
        self._counts: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, key: str, language: str, terms: Iterable[str]) -> None:
        seen = set()
        for term in terms:
            ending = key[len(term):]
            if key.startswith(term) and 0 < len(ending) <= ENDING_MAX and ending not in seen:
                seen.add(ending)
                self._counts[language][ending] += 1

    def table(self) -> dict[str, list[str]]:
        """Per language (sorted): its trusted endings, in JavaScript string order."""
        return {
            lang: sorted((e for e, n in counts.items() if n >= ENDING_WORDS), key=utf16_key)
            for lang, counts in sorted(self._counts.items())
        }


def guess_term(
    key: str,
    endings: Container[str],
    is_term: Callable[[str], bool],
    stem_min: int = STEM_MIN,
    ending_max: int = ENDING_MAX,
) -> str | None:
    """The indexed stem `key` most likely inflects (see the module docstring), or None."""
    for cut in range(len(key), stem_min - 1, -1):
        ending = key[cut:]
        if len(ending) > ending_max:
            break
        if (not ending or ending in endings) and is_term(key[:cut]):
            return key[:cut]
    return None


def pick_forms(term: str, language: str, words: Iterable[tuple[str, Mapping[str, object]]]) -> tuple[str, ...]:
    """The first FORMS_SHOWN of `words` (a prefix scan from `term`) whose entry has `term` in `language`."""
    forms = []
    for key, entry in words:
        terms = entry.get(language)
        if isinstance(terms, tuple | list) and term in terms:
            forms.append(key)
            if len(forms) == FORMS_SHOWN:
                break
    return tuple(forms)


def save_endings(directory: Path, generation: int, table: dict[str, list[str]]) -> None:
    data = {"generation": generation, "version": TABLE_VERSION, "endings": table}
    temporary = directory / (ENDINGS_FILE + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    temporary.replace(directory / ENDINGS_FILE)


def load_endings(directory: Path, generation: int) -> dict[str, list[str]] | None:
    """The table saved for index `generation`, or None (missing, unreadable or stale)."""
    try:
        data = json.loads((directory / ENDINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or (data.get("generation"), data.get("version")) != (generation, TABLE_VERSION):
        return None
    return data.get("endings")
