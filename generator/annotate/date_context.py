"""Dates that need their context to be read as dates: a month or a year alone, and relative phrases.

- a month alone only after a word that introduces a time ("en novembre", "im Dezember", "в августе",
  "from January", "la mi-novembre", "mid-December"), never on its own ("may", "mars", "Mai");
- a year alone only after such a word ("depuis 2021", "by 2028", "К 2028 году"), before a year word
  ("2026 год"), or alone in a table cell or heading ("Objectif 2028"): "2025 tonnes" is a quantity;
- relative phrases ("hier", "this year", "la semaine prochaine", "на прошлой неделе") as offsets from the
  publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from generator.text import fold

_YEAR = re.compile(r"(?=[12])(?<![\w$€£¥#№./,-])(1[89]\d\d|20\d\d)(?![\w%‰°]|[.,/-]?\d|[\s\u00a0\u202f]\d)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)[\s\u00a0]*$")
_WORD_AFTER = re.compile(r"[\s\u00a0]*([^\W\d_]+\.?)")
_LETTERS = re.compile(r"[^\W\d_]+")
_SHORT_BLOCK_WORDS = 4
_UNITS = ("days", "weeks", "months", "years", "month_of_year")


class WordIndex:
    """Where each word of a text starts (lower case, letters only), built once per text.

    Patterns that begin with a word (a month, "la semaine prochaine") are tried only where one of their
    first words occurs, with match() at that offset: Python's re would otherwise try every branch of
    a long alternation at every position of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = {}
        for m in _LETTERS.finditer(text):
            self.starts.setdefault(m.group().lower(), []).append(m.start())

    def matches(self, pattern: re.Pattern[str], firsts: frozenset[str]) -> Iterator[re.Match[str]]:
        """Non-overlapping matches of `pattern` starting where a word of `firsts` starts."""
        positions = sorted(p for word in firsts & self.starts.keys() for p in self.starts[word])
        last_end = -1
        for position in positions:
            if position < last_end:
                continue
            m = pattern.match(self.text, position)
            if m is not None:
                last_end = m.end()
                yield m


def first_words(phrases: Sequence[str]) -> frozenset[str]:
    """The lower-case first word (letters only) of each phrase: "l’an dernier" -> "l", "mi-" -> "mi"."""
    out = set()
    for phrase in phrases:
        m = _LETTERS.search(phrase)
        if m is not None:
            out.add(m.group().lower())
    return frozenset(out)


def _phrase_pattern(phrases: Sequence[str]) -> str:
    """Alternation of phrases with flexible spaces and either apostrophe, longest first."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        pieces = []
        for char in phrase:
            if char in "'’":
                pieces.append("['’]")
            elif char == " ":
                pieces.append(r"[\s\u00a0]+")
            else:
                pieces.append(re.escape(char))
        parts.append("".join(pieces))
    return "|".join(parts)


class ContextGrammar:
    def __init__(self, data: Mapping[str, Any], month_words: Sequence[str]) -> None:
        self.year_context = {fold(str(w)).replace("’", "'") for w in data.get("year_context") or ()}
        # Seasons belong to the date they name ("im Sommer 2024", "осенью 2025 года"): read as the year.
        self.seasons = {fold(str(w)).replace("’", "'") for w in data.get("seasons") or ()}
        self.year_context |= self.seasons
        self.year_words = {fold(str(w)) for w in data.get("year_suffixes") or ()}
        # After these, a year must end its phrase ("de 2024,"): "plus de 2000 personnes" is a number.
        self.year_context_weak = {fold(str(w)).replace("’", "'") for w in data.get("year_context_weak") or ()}
        # Where nouns are capitalised, a number before a lower-case word is no count of things ("wurde 1986
        # gefüllt", "kamen 1894 nach Niort"; "2022 Objekte" is a count), unless a quantity word opens it.
        self.year_before_lowercase = bool(data.get("year_before_lowercase"))
        self.quantity_words = {fold(str(w)) for w in data.get("quantity_words") or ()}
        self.relative: dict[str, tuple[str, int]] = {}
        for phrase, offset in (data.get("relative") or {}).items():
            unit, amount = ("days", offset) if isinstance(offset, int) else next(iter(dict(offset).items()))
            if unit not in _UNITS:
                raise ValueError(f"dates.yml: unknown unit {unit!r} for {phrase!r}")
            self.relative[_key(str(phrase))] = (str(unit), int(amount))
        # Phrases that are dates only in lower case: German "morgen" (tomorrow), not "am Morgen" (the morning).
        self.lowercase_only = {_key(str(p)) for p in data.get("relative_lowercase_only") or ()}
        self.bare_month: re.Pattern[str] | None = None
        self.relative_phrase: re.Pattern[str] | None = None
        self.named_month: re.Pattern[str] | None = None
        self.month_firsts: frozenset[str] = frozenset()
        self.relative_firsts: frozenset[str] = frozenset()
        context = [str(w) for w in data.get("month_context") or ()]
        prefixes = [str(w) for w in data.get("month_prefixes") or ()]
        if month_words and (context or prefixes):
            lead: list[str] = []
            spaced = [w for w in context if not w.endswith(("'", "’"))]
            elided = [w for w in context if w.endswith(("'", "’"))]  # "d’avril": no space after
            if spaced:
                lead.append(rf"(?<![\w-])(?:{_phrase_pattern(spaced)})[\s\u00a0]+")
            if elided:
                lead.append(rf"(?<![\w-])(?:{_phrase_pattern(elided)})")
            if prefixes:
                lead.append(rf"(?<![\w-])(?:{_phrase_pattern(prefixes)})")
            months = "|".join(re.escape(w) for w in sorted(set(month_words), key=len, reverse=True))
            self.month_firsts = first_words([*context, *prefixes])
            self.bare_month = re.compile(rf"(?:{'|'.join(lead)})(?P<month>{months})(?![\w-])", re.IGNORECASE)
        if month_words:
            months = "|".join(re.escape(w) for w in sorted(set(month_words), key=len, reverse=True))
            # "début du mois d’octobre", "the end of the month of May": the month is named, not relative.
            self.named_month = re.compile(rf"[\s\u00a0]+(?:\w{{1,3}}['’]|\w{{1,3}}[\s\u00a0]+)?(?:{months})(?![\w-])")
        if self.relative:
            phrases = list((data.get("relative") or {}).keys())
            self.relative_firsts = first_words(phrases)
            self.relative_phrase = re.compile(rf"(?<![\w-])(?:{_phrase_pattern(phrases)})(?![\w-])", re.IGNORECASE)

    def months(self, words: WordIndex) -> Iterator[re.Match[str]]:
        """Month names introduced by a time word; the caller applies its case rules."""
        if self.bare_month is not None:
            yield from words.matches(self.bare_month, self.month_firsts)

    def years(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, year) for the years that stand alone as dates."""
        for m in _YEAR.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            after = _WORD_AFTER.match(text, m.end())
            word_before = fold(before.group(1)).replace("’", "'") if before else ""
            if "'" in word_before and word_before not in self.year_context:
                word_before = word_before.rsplit("'", 1)[1]  # "l’automne 2025": the word after the elision
            word_after = fold(after.group(1)) if after else ""
            start, end = m.start(), m.end()
            if before is not None and word_before in self.seasons:
                start = before.start(1)
            if after and word_after in self.year_words:
                end = after.end()  # "2024 г."
            elif after and word_after.rstrip(".") in self.year_words:
                end = after.end() - (len(word_after) - len(word_after.rstrip(".")))  # "2026 год."
            elif word_before in self.year_context_weak:
                if not re.match(r"\s*(?:[,.;:)]|$)", text[m.end() : m.end() + 3]):
                    continue
            elif word_before not in self.year_context and not _alone(text, m.start(), m.end()) and not (
                self.year_before_lowercase and word_before not in self.quantity_words
                and (after.group(1)[:1].islower() if after else re.match(r"\s*[,.;:)]", text[m.end() :]))
            ):
                continue
            yield start, end, m.group(1)

    def relatives(self, words: WordIndex) -> Iterator[tuple[int, int, str, int]]:
        """(start, end, unit, amount) for relative phrases such as "hier" or "l’an dernier"."""
        if self.relative_phrase is None:
            return
        for m in words.matches(self.relative_phrase, self.relative_firsts):
            found = self.relative.get(_key(m.group()))
            if self.lowercase_only and _key(m.group()) in self.lowercase_only and not m.group().islower():
                continue
            if found is not None and found[0] == "months" and found[1] == 0 and self._names_month(words.text, m.end()):
                continue
            if found is not None:
                yield m.start(), m.end(), found[0], found[1]

    def _names_month(self, text: str, end: int) -> bool:
        return self.named_month is not None and self.named_month.match(text, end) is not None


def _key(phrase: str) -> str:
    return " ".join(fold(phrase).replace("’", "'").split())


def _alone(text: str, start: int, end: int) -> bool:
    """The year is in a block of a few words (a table cell, a heading), not in running text."""
    block_start = text.rfind("\n", 0, start) + 1
    block_end = text.find("\n", end)
    block = text[block_start : len(text) if block_end < 0 else block_end]
    return len(block.split()) <= _SHORT_BLOCK_WORDS and not block.rstrip().endswith((".", "!", "?"))
