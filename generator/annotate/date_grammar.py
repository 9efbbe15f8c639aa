"""Regular expressions for one language's dates, compiled from `resources/<lang>/dates.yml`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.annotate import langdata
from generator.annotate.date_context import ContextGrammar, WordIndex, first_words
from generator.text import fold

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# A year: four digits not followed by more digits, a decimal part or a thousands group ("2 025 000").
_YEAR = r"(?P<year>1[5-9]\d\d|2[01]\d\d)(?![\d]|[.,]\d|[\s\u00a0\u202f]\d{3}(?!\d))"
_SEP = r"[\s\u00a0\u202f]+"


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    kind: str  # iso, day, month, weekday, relative
    groups: tuple[str | None, ...]


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class DateGrammar:
    """Finds candidate dates in text; `dates.py` resolves them to ISO values."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.months = {fold(str(f)): int(m) for m, forms in (data.get("months") or {}).items() for f in forms}
        self.weekdays = {fold(str(f)): int(d) for d, forms in (data.get("weekdays") or {}).items() for f in forms}
        self.capitalised = bool(data.get("capitalised_names"))
        self.lowercase_months = bool(data.get("lowercase_months"))
        self.numeric_order = str(data.get("numeric_order") or "")
        self.next_words = {fold(str(w)) for w in data.get("next_words") or ()}
        self.last_words = {fold(str(w)) for w in data.get("last_words") or ()}
        self.prepositions = {fold(str(w)) for w in data.get("weekday_prepositions") or ()}
        # Weaker prepositions ("на", "до", "с") do for a weekday unless its form is also a common noun
        # ("на среду": the environment), which passes only after a cue ("в ночь на среду").
        self.weak_prepositions = {fold(str(w)) for w in data.get("weekday_prepositions_weak") or ()}
        self.ambiguous_weekdays = {fold(str(w)) for w in data.get("weekday_ambiguous") or ()}
        self.weak_cues = {fold(str(w)) for w in data.get("weekday_weak_cues") or ()}
        # A weekday after these lies ahead whatever the tense: "until Friday", "перенесли на пятницу".
        self.forward = {fold(str(w)) for w in data.get("weekday_forward") or ()}
        # After these a capitalised word may follow a weekday: German capitalises every noun ("am Montag Gespräche").
        self.weekday_cues = {fold(str(w)) for w in data.get("weekday_cues") or ()}
        markers = [fold(str(w)) for w in data.get("future_markers") or ()]
        self._future = re.compile(rf"(?<!\w)(?:{_alternation(markers)})(?!\w)") if markers else None
        endings = [str(e) for e in data.get("future_endings") or ()]
        # Future tense by ending ("débutera"): long lower-case words only, not nouns such as "caméra".
        self._future_ending = (
            re.compile(rf"(?<![\w-])[a-zà-ÿ]{{3,}}(?<!é)(?:{_alternation(endings)})(?![\w-])") if endings else None
        )
        past = [fold(str(w)) for w in data.get("past_markers") or ()]
        self._past = re.compile(rf"(?<!\w)(?:{_alternation(past)})(?!\w)") if past else None
        # Before a day and month, these make a deadline, which lies ahead: "bis zum 30. Juni", "by June 30".
        self.deadline_words = {fold(str(w)) for w in data.get("deadline_words") or ()}
        self._build(data)

    def _build(self, data: Mapping[str, Any]) -> None:
        month_words = [str(f) for forms in (data.get("months") or {}).values() for f in forms]
        suffixes = [str(s) for s in data.get("day_suffixes") or ()]
        joiners = [str(j) for j in data.get("day_joiners") or ()]
        year_suffixes = [str(s) for s in data.get("year_suffixes") or ()]
        links = [str(s) for s in data.get("day_month_links") or ()]
        self.day_month = self.month_day = self.month_year = self.numeric = None
        self.month_firsts = first_words(month_words)
        self.weekday_firsts: frozenset[str] = frozenset()
        self.weekday = None
        if month_words:
            # An abbreviation's full stop belongs to the date only when a number follows ("Nov. 28").
            month = rf"(?P<month>{_alternation(month_words)})(?!\w)(?:\.(?=[\s\u00a0]*\d))?"
            suffix = rf"(?:{_alternation(suffixes)})?" if suffixes else ""
            day = rf"{_DAY}{suffix}(?!\d)"
            symbols = [j for j in joiners if not j[0].isalnum()]
            words = [j for j in joiners if j[0].isalnum()]
            joins = []
            if symbols:
                joins.append(rf"\s*(?:{_alternation(symbols)})\s*")
            if words:
                joins.append(rf"{_SEP}(?:{_alternation(words)}){_SEP}")
            days = rf"(?P<days>{day}(?:(?:{'|'.join(joins)}){day})*)" if joins else rf"(?P<days>{day})"
            link = rf"(?:{_SEP}(?:{_alternation(links)}))?" if links else ""
            year_tail = rf"(?:{_SEP}(?:{_alternation(year_suffixes)}))?" if year_suffixes else ""
            flags = re.IGNORECASE
            self.day_month = re.compile(
                rf"(?=\d)(?<![\w.,/-]){days}{link}{_SEP}{month}(?:,?{_SEP}{_YEAR}{year_tail})?", flags
            )
            if data.get("month_day"):
                self.month_day = re.compile(rf"(?<![\w]){month}{_SEP}{days}(?![\w:]|[.,]\d)(?:,?{_SEP}{_YEAR})?", flags)
            self.month_year = re.compile(rf"(?<![\w]){month},?{_SEP}{_YEAR}{year_tail}", flags)
            self._day_in_list = re.compile(rf"{_DAY}(?=(?:{suffix})(?!\d))")
        if self.numeric_order:
            self.numeric = re.compile(r"(?=\d)(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d]|[.,]\d)")
        if self.weekdays:
            forms = [str(f) for forms in (data.get("weekdays") or {}).values() for f in forms]
            # Compounds with a part of the day ("Freitagabend") are the same day.
            compounds = [str(c) for c in data.get("weekday_compounds") or ()]
            tail = rf"(?:{_alternation(compounds)})?" if compounds else ""
            self.weekday_firsts = first_words([f + c for f in forms for c in ["", *compounds]])
            self.weekday = re.compile(rf"(?<![\w-])(?P<wd>{_alternation(forms)}){tail}(?![\w-])", re.IGNORECASE)
        self.context = ContextGrammar(data, month_words)

    # ---- scanning ----------------------------------------------------------------------------------------

    def scan(self, text: str) -> Iterator[Found]:
        words = WordIndex(text)
        if self.day_month is not None:
            for m in self.day_month.finditer(text):
                if self._month_ok(text, m):
                    yield from self._days(m)
        if self.month_day is not None:
            for m in words.matches(self.month_day, self.month_firsts):
                if self._month_ok(text, m):
                    yield from self._days(m)
        if self.month_year is not None:
            for m in words.matches(self.month_year, self.month_firsts):
                if self._month_ok(text, m):
                    yield Found(m.start(), m.end(), "month", (str(self._month(m)), m.group("year")))
        if self.numeric is not None:
            yield from self._numeric(text)
        if self.weekday is not None:
            yield from self._weekdays(text, words)
        for m in self.context.months(words):
            word = m.group("month")
            if self._case_ok(word):
                yield Found(m.start("month"), m.end("month"), "bare_month", (str(self.months[fold(word)]),))
        for start, end, year in self.context.years(text):
            yield Found(start, end, "year", (year,))
        for start, end, unit, amount in self.context.relatives(words):
            yield Found(start, end, "relative", (unit, str(amount)))

    def future(self, clause: str) -> bool:
        """Whether a clause speaks of the future ("will", "débutera"): a weekday in it is then ahead."""
        folded = fold(clause)
        if self._future is not None and self._future.search(folded):
            return True
        return self._future_ending is not None and self._future_ending.search(clause) is not None

    def past(self, clause: str) -> bool:
        """Whether a clause tells what happened ("avait été adressée", "was sent")."""
        return self._past is not None and self._past.search(fold(clause)) is not None

    def deadline(self, text: str, start: int) -> bool:
        """The date at `start` closes a deadline: one of the deadline words stands among the two before it."""
        before = fold(text[max(0, start - 24) : start]).replace("’", " ").replace("'", " ").split()
        if len(before) >= 3 and any(c.isdigit() for c in before[-3]):
            return False  # "vom 3. bis zum 5. März": the end of a span, not a deadline
        return any(w in self.deadline_words for w in before[-2:])

    def _month(self, m: re.Match[str]) -> int:
        return self.months[fold(m.group("month").rstrip("."))]

    def _case_ok(self, word: str) -> bool:
        """A month name inside a sentence: capitalised in English and German, lower-case in French."""
        if self.capitalised:
            return word[:1].isupper()
        return not (self.lowercase_months and word[:1].isupper() and not word.isupper())

    def _month_ok(self, text: str, m: re.Match[str]) -> bool:
        """Case rules: "May"/"March" must be capitalised in English, "Mars" mid-sentence is the planet."""
        word = m.group("month")
        if self.capitalised and not word[:1].isupper():
            return False
        if self.lowercase_months and word[:1].isupper() and m.start("month") == m.start():
            return _sentence_start(text, m.start()) or word.isupper()
        return True

    def _days(self, m: re.Match[str]) -> Iterator[Found]:
        """One Found per day of a list ("les 3 et 4 novembre"): the day next to the month names the month."""
        month = str(self._month(m))
        year = m.group("year")
        base = m.start("days")
        days = [(base + d.start(), base + d.end(), d.group()) for d in self._day_in_list.finditer(m.group("days"))]
        month_first = m.start("month") < base
        for k, (start, end, day) in enumerate(days):
            if month_first and k == 0:
                start = m.start()
            if k == len(days) - 1:
                end = m.end()
            yield Found(start, end, "day", (day, month, year))

    def _numeric(self, text: str) -> Iterator[Found]:
        assert self.numeric is not None
        for m in self.numeric.finditer(text):
            a, b, year = int(m.group(1)), int(m.group(3)), m.group(4)
            day, month = (a, b) if self.numeric_order == "dmy" else (b, a)
            if month > 12 and day <= 12:
                day, month = month, day
            if 1 <= month <= 12:
                yield Found(m.start(), m.end(), "day", (str(day), str(month), year))

    def _weekdays(self, text: str, words: WordIndex) -> Iterator[Found]:
        assert self.weekday is not None
        for m in words.matches(self.weekday, self.weekday_firsts):
            word = m.group("wd")
            before = _word_before(text, m.start())
            after = _word_after(text, m.end())
            if self.capitalised:
                # "Sunday Times", "Black Friday": a weekday inside a name is not a date.
                if not word[:1].isupper():
                    continue
                cued = fold(before) in self.weekday_cues
                joined = text[m.end() : m.end() + 1].isspace()  # "Wednesday. He": a new sentence, not a name
                if joined and after[:1].isupper() and fold(after) not in self.months and not cued:
                    continue
                named = before[:1].isupper() and not _sentence_start(text, m.start() - len(before) - 1)
                if named and fold(before) not in self.last_words | self.next_words:
                    continue
            elif word[:1].isupper() and not _sentence_start(text, m.start()):
                continue
            if self.prepositions and not self._after_preposition(text, m.start(), before, fold(word)):
                continue
            direction = ""
            if fold(after) in self.next_words or fold(before) in self.next_words:
                direction = "after"
            elif fold(after) in self.last_words or fold(before) in self.last_words:
                direction = "before"
            elif fold(before) in self.forward:
                further = _word_before(text, text.rfind(before, 0, m.start()))
                direction = "" if fold(further) in self.weak_cues else "next"
            yield Found(m.start(), m.end(), "weekday", (str(self.weekdays[fold(word)]), direction))

    def _after_preposition(self, text: str, start: int, before: str, weekday: str) -> bool:
        """ "в среду", "до пятницы", "в ночь на среду", and "в прошлую пятницу" with a "last"/"next" word
        between."""
        word = fold(before)
        further = fold(_word_before(text, text.rfind(before, 0, start)))
        if word in self.prepositions:
            return True
        if word in self.weak_prepositions:
            return weekday not in self.ambiguous_weekdays or further in self.weak_cues
        return word in self.last_words | self.next_words and further in self.prepositions


def _sentence_start(text: str, index: int) -> bool:
    head = text[max(0, index - 4) : index].rstrip(" \u00a0\t«“„\"'(—–-")
    return not head or head[-1] in ".!?…\n:"


def _word_before(text: str, index: int) -> str:
    match = re.search(r"(\w+)\W{0,2}$", text[max(0, index - 40) : index])
    return match.group(1) if match else ""


def _word_after(text: str, index: int) -> str:
    match = re.match(r"\W{0,2}(\w+)", text[index : index + 40])
    return match.group(1) if match else ""


@cache
def grammar(language: str) -> DateGrammar:
    """The grammar of `language`; without data, only ISO dates (found by the caller) are read."""
    return DateGrammar(langdata.load(language, "dates"))
