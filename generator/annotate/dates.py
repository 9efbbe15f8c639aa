"""Dates mentioned: '11 novembre', 'novembre 2024', 'November 28', '12 ноября', '2025-11-12', 'mardi'.

A small rule-based parser driven by `resources/<lang>/dates.yml` (month and weekday names, day suffixes and
joiners, the words that introduce a lone month or year, relative phrases), so adding a language is adding
data; date_grammar.py compiles it, date_context.py reads what needs context. It reads a month name only next
to a number or after a time word, which rules out the classic false positives: French "sa" and "des" never
look like a date, English "may"/"march" must be capitalised and next to a number or "in", a capitalised
French "Mars" inside a sentence is the planet, and "2025 tonnes" is a quantity. Values are ISO 8601,
partial when the text is: "2024-11", "--11-11", "--12", "2028". A day and month without a year take the
year that puts them nearest the publication date; weekdays and relative phrases ("hier", "this year") need
a publication date (or a dated dateline) and are skipped without one. About 1 ms per 500-word article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from generator.annotate.base import Annotator
from generator.annotate.date_grammar import DateGrammar, Found, grammar
from generator.model import Article, DateMention, Span

_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_TENSE_WORDS = 12


def find_dates(
    text: str, language: str, published: dt.date | None = None, month: int | None = None
) -> tuple[DateMention, ...]:
    """Every date mentioned in `text`, in order, resolved against the publication date when known.

    `month`: the month of the text's own date when only day and month are known (a dateline
    "4 décembre"), so "le mois dernier" is still "--11".
    """
    g = grammar(language or "und")
    found: list[Found] = [Found(m.start(), m.end(), "iso", m.groups()) for m in _ISO.finditer(text)]
    found.extend(g.scan(text))
    chosen = _without_overlaps(found)
    out: list[DateMention] = []
    for index, item in enumerate(chosen):
        if item.kind == "weekday" and _precedes_date(text, item, chosen[index + 1 : index + 2]):
            continue  # "mardi 11 novembre": the weekday only restates the date
        value = _resolve(item, text, g, published, month)
        if value:
            out.append(DateMention(text[item.start : item.end], Span(item.start, item.end), value))
    return tuple(out)


def _without_overlaps(found: list[Found]) -> list[Found]:
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    for item in ordered:
        if out and item.start < out[-1].end:
            continue
        out.append(item)
    return out


def _precedes_date(text: str, weekday: Found, following: list[Found]) -> bool:
    if not following or following[0].kind not in ("day", "iso"):
        return False
    gap = text[weekday.end : following[0].start]
    return len(gap) <= 6 and re.fullmatch(r"[\s,]*(?:\w{1,3}\.?)?[\s,]*", gap) is not None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _resolve(item: Found, text: str, g: DateGrammar, published: dt.date | None, month: int | None) -> str | None:
    if item.kind == "iso":
        year, month, day = (int(x) for x in item.groups)
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    if item.kind == "day":
        day, month, year = (int(x) if x else None for x in item.groups)
        assert day is not None and month is not None
        return _day_month(day, month, year, published)
    if item.kind == "month":
        return f"{int(str(item.groups[1])):04d}-{int(str(item.groups[0])):02d}"
    if item.kind == "year":
        return str(item.groups[0])
    if item.kind == "bare_month":
        return _month_alone(int(str(item.groups[0])), text, item, g, published)
    if item.kind == "relative":
        return _relative(str(item.groups[0]), int(str(item.groups[1])), published, month)
    if published is None:
        return None
    if item.kind == "weekday":
        weekday, direction = int(str(item.groups[0])), str(item.groups[1])
        if direction == "":
            direction = "next" if g.future(_clause(text, item.start, item.end)) else "last"
        return _weekday(weekday, direction, published).isoformat()
    return None


def _month_alone(month: int, text: str, item: Found, g: DateGrammar, published: dt.date | None) -> str:
    """ "en novembre": the nearest such month around the publication date (ahead if the clause speaks of
    the future, the past one on a tie), else "--11"."""
    if published is None:
        return f"--{month:02d}"
    future = g.future(_clause(text, item.start, item.end))
    here = published.year * 12 + published.month - 1
    candidates = [(published.year + d) * 12 + month - 1 for d in (-1, 0, 1)]
    if future:
        chosen = min((c for c in candidates if c >= here), default=candidates[-1])
    else:
        chosen = min(candidates, key=lambda c: (abs(c - here), c > here))
    return f"{chosen // 12:04d}-{chosen % 12 + 1:02d}"


def _relative(unit: str, amount: int, published: dt.date | None, month: int | None = None) -> str | None:
    """ "hier" (days), "la semaine prochaine" (weeks: the month of its Monday), "le mois dernier" (months),
    "l’an dernier" (years), "la fin de l’année" (a month of the current year)."""
    if unit == "month_of_year":
        return f"{published.year:04d}-{amount:02d}" if published else f"--{amount:02d}"
    if published is None:
        return f"--{(month - 1 + amount) % 12 + 1:02d}" if unit == "months" and month else None
    if unit == "days":
        return (published + dt.timedelta(days=amount)).isoformat()
    if unit == "weeks":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=amount)
        return f"{monday.year:04d}-{monday.month:02d}"
    if unit == "months":
        index = published.year * 12 + published.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{published.year + amount:04d}"


def _day_month(day: int, month: int, year: int | None, published: dt.date | None) -> str | None:
    if year is not None:
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    if published is None:
        return f"--{month:02d}-{day:02d}" if _valid(2024, month, day) else None  # 2024: 29 February exists
    candidates = [
        dt.date(y, month, day)
        for y in (published.year - 1, published.year, published.year + 1)
        if _valid(y, month, day)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d)).isoformat()


def _weekday(weekday: int, direction: str, published: dt.date) -> dt.date:
    """The day named `weekday` (1 = Monday) around `published`; "same" weeks include the day itself."""
    delta = weekday - 1 - published.weekday()
    if direction == "next":
        return published + dt.timedelta(days=delta % 7)
    if direction == "after":  # "mardi prochain": strictly after
        return published + dt.timedelta(days=(delta - 1) % 7 + 1)
    if direction == "before":  # "mardi dernier": strictly before
        return published - dt.timedelta(days=(-delta - 1) % 7 + 1)
    return published - dt.timedelta(days=(-delta) % 7)


def _clause(text: str, start: int, end: int) -> str:
    """The words that set the tense of a date: up to twelve before it in its sentence, and the date."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 200), start)), default=0)
    return " ".join([*text[before:start].split()[-_TENSE_WORDS:], text[start:end]])


def run(article: Article, done: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    language = str(done.get("language") or "und")
    published, month = reference_date(article, language)
    return {"dates": find_dates(article.text, language, published, month)}


def reference_date(article: Article, language: str) -> tuple[dt.date | None, int | None]:
    """The date the text speaks from: the stated publication date, else a full dateline date; with the
    dateline's month when it has no year."""
    if article.meta.date is not None:
        return article.meta.date, None
    from generator.annotate.dateline import parse_dateline  # the dateline reads dates with this module

    found = parse_dateline(article.text, language)
    if found is None or found.date is None:
        return None, None
    value = found.date.value
    if len(value) == 10 and value[4] == "-":
        return dt.date.fromisoformat(value), None
    if value.startswith("--"):
        return None, int(value[2:4])
    return None, None


ANNOTATOR = Annotator(name="dates", version="1", assigns=("dates",), run=run, requires=("language",))
