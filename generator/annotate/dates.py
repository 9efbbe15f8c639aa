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
from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.annotate.base import Annotator
from generator.annotate.date_grammar import DateGrammar, Found, grammar
from generator.model import Article, DateMention, Span

_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_TENSE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…](?=[\s»”\"]|$)")
_WEEK_GAP = re.compile(r"[\s,]*(?:(?:of|de|в|во)[\s\u00a0]+)?")
_STAND_IN_FIRST = 2001  # 28 years from here hold every weekday for every day and month


def find_dates(
    text: str,
    language: str,
    published: dt.date | None = None,
    month: int | None = None,
    day: int | None = None,
    lede: int = 0,
) -> tuple[DateMention, ...]:
    """Every date mentioned in `text`, in order, resolved against the publication date when known.

    `month`, `day`: the text's own date when only day and month are known (a dateline "4 décembre"), so
    "le mois dernier" is still "--11" and "hier" "--12-03"; `lede`: where the story after that dateline
    starts, for weekdays (see `_anchor`).
    """
    g = grammar(language or "und")
    found: list[Found] = [Found(m.start(), m.end(), "iso", m.groups()) for m in _ISO.finditer(text)]
    found.extend(g.scan(text))
    chosen = _with_weeks(text, _without_overlaps(found))
    anchor = None
    if published is None and month is not None and day is not None and _valid(2024, month, day):
        anchor = _anchor(text, chosen, g, month, day, lede)
    out: list[DateMention] = []
    for index, item in enumerate(chosen):
        if item.kind == "weekday" and _precedes_date(text, item, chosen[index + 1 : index + 2]):
            continue  # "mardi 11 novembre": the weekday only restates the date
        value = _resolve(item, text, g, published, month, anchor)
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


def _with_weeks(text: str, chosen: list[Found]) -> list[Found]:
    """ "Tuesday last week", "mardi de la semaine dernière", "во вторник на прошлой неделе": one date, the
    weekday of that week."""
    out: list[Found] = []
    for item in chosen:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "weekday"
            and item.kind == "relative"
            and item.groups[0] == "weeks"
            and _WEEK_GAP.fullmatch(text, previous.end, item.start)
        ):
            out[-1] = Found(previous.start, item.end, "week_day", (previous.groups[0], item.groups[1]))
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


@dataclass(frozen=True, slots=True)
class _Anchor:
    """The text's own day and month in a stand-in year: one where that day falls on the right weekday
    when the text tells it (`weekday_known`); values made from it drop the year ("--11-12")."""

    day: dt.date
    weekday_known: bool


def _anchor(text: str, chosen: list[Found], g: DateGrammar, month: int, day: int, lede: int) -> _Anchor:
    """Which weekday a dateline's day and month (no year) fell on, from the text itself:
    - a weekday written next to a date ("mardi 11 novembre") fixes the calendar;
    - otherwise wire copy names the dispatch day in its lede: the first weekday of the first sentence after
      the dateline, when not in the future ("arrived on Tuesday", "said on Monday"), is the dateline's day.
    Without either, only whole-day offsets ("hier") can be read."""
    years = [y for y in range(_STAND_IN_FIRST, _STAND_IN_FIRST + 28) if _valid(y, month, day)]
    for index, item in enumerate(chosen):
        following = chosen[index + 1 : index + 2]
        if item.kind == "weekday" and _precedes_date(text, item, following) and following[0].kind == "day":
            d, m = (int(str(x)) for x in following[0].groups[:2])
            weekday = int(str(item.groups[0])) - 1
            for year in years:
                named = _day_month(d, m, None, dt.date(year, month, day))
                if named and dt.date.fromisoformat(named).weekday() == weekday:
                    return _Anchor(dt.date(year, month, day), True)
    first_sentence = _SENTENCE_END.search(text, lede)
    lede_end = first_sentence.end() if first_sentence else len(text)
    for item in chosen:
        if item.start >= lede_end:
            break
        if item.start < lede or item.kind != "weekday" or item.groups[1] != "":
            continue
        if g.future(_clause(text, item.start, item.end)):
            continue
        weekday = int(str(item.groups[0])) - 1
        for year in years:
            if dt.date(year, month, day).weekday() == weekday:
                return _Anchor(dt.date(year, month, day), True)
    return _Anchor(dt.date(years[0], month, day), False)


def _resolve(
    item: Found, text: str, g: DateGrammar, published: dt.date | None, month: int | None, anchor: _Anchor | None
) -> str | None:
    if item.kind == "iso":
        year, month, day = (int(x) for x in item.groups)
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    if item.kind == "day":
        day, month, year = (int(x) if x else None for x in item.groups)
        assert day is not None and month is not None
        tense = None
        if year is None and published is not None:
            clause = _clause(text, item.start, item.end)
            if g.future(clause) or g.deadline(text, item.start):
                tense = "future"
            elif g.past(clause):
                tense = "past"
        return _day_month(day, month, year, published, tense)
    if item.kind == "month":
        return f"{int(str(item.groups[1])):04d}-{int(str(item.groups[0])):02d}"
    if item.kind == "year":
        return str(item.groups[0])
    if item.kind == "bare_month":
        return _month_alone(int(str(item.groups[0])), text, item, g, published)
    if item.kind == "relative":
        unit, amount = str(item.groups[0]), int(str(item.groups[1]))
        if published is None and anchor is not None and unit == "days":
            return (anchor.day + dt.timedelta(days=amount)).strftime("--%m-%d")
        return _relative(unit, amount, published, month)
    if item.kind == "week_day":
        weekday, weeks = int(str(item.groups[0])), int(str(item.groups[1]))
        ref = published or (anchor.day if anchor is not None and anchor.weekday_known else None)
        if ref is None:
            return None
        day = ref + dt.timedelta(days=weekday - 1 - ref.weekday(), weeks=weeks)
        return day.isoformat() if published is not None else day.strftime("--%m-%d")
    if item.kind == "weekday":
        weekday, direction = int(str(item.groups[0])), str(item.groups[1])
        if direction == "":
            direction = "next" if g.future(_clause(text, item.start, item.end)) else "last"
        if published is not None:
            return _weekday(weekday, direction, published).isoformat()
        if anchor is not None and anchor.weekday_known:
            return _weekday(weekday, direction, anchor.day).strftime("--%m-%d")
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


_SCHEDULED_DAYS = 31  # a past-tense clause may still set a date this close ahead ("fixée au 24 février")


def _day_month(
    day: int, month: int, year: int | None, published: dt.date | None, tense: str | None = None
) -> str | None:
    """A day and month: the year given, else the one nearest the publication date; a clause in the future
    or a deadline ("by June 30") looks ahead, one in the past ("avait été adressée le 12 janvier") back."""
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
    if tense == "future":
        ahead = [d for d in candidates if d >= published]
        return (ahead[0] if ahead else candidates[-1]).isoformat()
    nearest = min(candidates, key=lambda d: (abs((d - published).days), d))
    if tense == "past" and (nearest - published).days > _SCHEDULED_DAYS:
        # "avait été adressée le 12 janvier" in November; but "a été fixée au 24 février" is two weeks ahead
        nearest = max(d for d in candidates if d <= published)
    return nearest.isoformat()


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
    ref = reference_date(article, language)
    return {"dates": find_dates(article.text, language, ref.published, ref.month, ref.day, ref.lede)}


class Reference(NamedTuple):
    """The date the text speaks from; `month`/`day` when a dateline gives them without a year, `lede` where
    the story after the dateline starts."""

    published: dt.date | None
    month: int | None = None
    day: int | None = None
    lede: int = 0


def reference_date(article: Article, language: str) -> Reference:
    """The stated publication date, else a full dateline date, else the dateline's month (and day)."""
    if article.meta.date is not None:
        return Reference(article.meta.date)
    from generator.annotate.dateline import parse_dateline  # the dateline reads dates with this module

    found = parse_dateline(article.text, language)
    if found is None or found.date is None:
        return Reference(None)
    value = found.date.value
    if len(value) == 10 and value[4] == "-":
        return Reference(dt.date.fromisoformat(value))
    if value.startswith("--"):
        day = int(value[5:7]) if len(value) == 7 else None
        return Reference(None, int(value[2:4]), day, found.end)
    return Reference(None)


ANNOTATOR = Annotator(name="dates", version="3", assigns=("dates",), run=run, requires=("language",))
