"""The query language, parsed into a small tree. `templates/static/js/search/query.js` is its twin.

    words            all of them (AND is implied; an explicit AND is allowed)
    a OR b           either (binds tighter than the implied AND: `x a OR b` is x AND (a OR b))
    -word, NOT word  exclude
    "exact phrase"   anywhere in the query; a one-word phrase is that word
    ( … )            grouping
    title:word  title:"a phrase"  title:pre*
    person:… place:… org:…   articles linked to that entity (any of its names, any language)
    source:… lang:… tag:…    filters
    date:2024-11..2025-01    inclusive; also date:2024, date:..2025-03-01, date:2024-11..
    prefix*          words starting with "prefix" (at least two letters)

Word-level nodes hold folded keys (`analysis.fold`), so the tree is the same whatever the case or
accents typed. `to_json` gives the canonical form the parity tests compare with the browser's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from generator.search.analysis import fold, normalise_language, tokens

TEXT_FIELDS = ("title",)
ENTITY_FIELDS = ("person", "place", "org")
FILTER_FIELDS = ("source", "lang", "tag")
FIELD_ALIASES = {
    "title": "title", "person": "person", "place": "place", "org": "org", "organisation": "org",
    "organization": "org", "source": "source", "lang": "lang", "language": "lang", "tag": "tag",
    "date": "date",
}  # fmt: skip
MIN_PREFIX = 2


@dataclass(frozen=True, slots=True)
class Word:
    key: str
    field: str = ""  # "" = every text field (and entity names); "title" = titles only


@dataclass(frozen=True, slots=True)
class Phrase:
    keys: tuple[str, ...]
    field: str = ""


@dataclass(frozen=True, slots=True)
class Prefix:
    key: str
    field: str = ""


@dataclass(frozen=True, slots=True)
class EntityFilter:
    field: str  # person | place | org
    key: str  # folded name, words joined by one space


@dataclass(frozen=True, slots=True)
class Filter:
    field: str  # source | lang | tag
    key: str


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str  # ISO day, "" = open
    end: str


@dataclass(frozen=True, slots=True)
class Nothing:
    """A clause that can match nothing (an unreadable date)."""


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Phrase | Prefix | EntityFilter | Filter | DateRange | Nothing | Not | And | Or


# ---- lexer -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "(" ")" "OR" "AND" "NOT" "-" "term" "phrase"
    text: str = ""
    field: str = ""


_FIELD = re.compile(r"^([A-Za-z]+):(.*)$", re.S)
_SPACE = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
_QUOTES = "\"“”„«»"
_STOP_CHARS = _SPACE + '()' + _QUOTES


def _lex(query: str) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in _SPACE:
            i += 1
        elif c in "()":
            out.append(_Tok(c))
            i += 1
        elif c in _QUOTES:
            text, i = _quoted(query, i + 1)
            out.append(_Tok("phrase", text))
        elif c == "-" and i + 1 < n and query[i + 1] not in _SPACE:
            out.append(_Tok("-"))
            i += 1
        else:
            start = i
            while i < n and query[i] not in _STOP_CHARS:
                i += 1
            chunk = query[start:i]
            field = _FIELD.match(chunk)
            name = FIELD_ALIASES.get(field.group(1).lower()) if field else None
            if field and name:
                value = field.group(2)
                if not value and i < n and query[i] in _QUOTES:
                    value, i = _quoted(query, i + 1)
                    out.append(_Tok("phrase", value, name))
                else:
                    out.append(_Tok("term", value, name))
            elif chunk in ("OR", "AND", "NOT"):
                out.append(_Tok(chunk))
            else:
                out.append(_Tok("term", chunk))
    return out


def _quoted(query: str, i: int) -> tuple[str, int]:
    """The text up to the next quote mark (or the end), and the index after that mark."""
    end = i
    while end < len(query) and query[end] not in _QUOTES:
        end += 1
    return query[i:end], end + 1


# ---- parser ------------------------------------------------------------------------------------

class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def sequence(self, depth: int) -> Node | None:
        items: list[Node] = []
        while (tok := self.peek()) is not None:
            if tok.kind == ")":
                if depth > 0:
                    break
                self.i += 1  # a stray closing parenthesis
                continue
            if tok.kind in ("OR", "AND"):
                self.i += 1  # dangling operator
                continue
            node = self.disjunction(depth)
            if node is not None:
                items.append(node)
        return _combine(And, items)

    def disjunction(self, depth: int) -> Node | None:
        items = []
        first = self.unary(depth)
        if first is not None:
            items.append(first)
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.i += 1
            node = self.unary(depth)
            if node is not None:
                items.append(node)
        return _combine(Or, items)

    def unary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        self.i += 1
        if tok.kind in ("NOT", "-"):
            child = self.unary(depth)
            return Not(child) if child is not None else None
        if tok.kind == "(":
            node = self.sequence(depth + 1)
            if (close := self.peek()) is not None and close.kind == ")":
                self.i += 1
            return node
        if tok.kind in ("term", "phrase"):
            return _clause(tok)
        return None  # ")" or an operator where a clause was expected


def _combine(cls: type[And] | type[Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else cls(tuple(items))


def _clause(tok: _Tok) -> Node | None:
    field = tok.field
    text = tok.text
    if field == "date":
        return _date_range(text)
    star = tok.kind == "term" and text.endswith("*")
    keys = [fold(t) for t in tokens(text)]
    if not keys:
        return None
    if field in ENTITY_FIELDS:
        return EntityFilter(field, " ".join(keys))
    if field in FILTER_FIELDS:
        key = " ".join(keys)
        return Filter(field, normalise_language(key) if field == "lang" else key)
    if star and len(keys) == 1 and len(keys[0]) >= MIN_PREFIX:
        return Prefix(keys[0], field)
    if len(keys) == 1:
        return Word(keys[0], field)
    return Phrase(tuple(keys), field)


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")


def _date_range(text: str) -> Node:
    start_text, sep, end_text = text.partition("..")
    if not sep:
        end_text = start_text
    start = _day(start_text, first=True) if start_text else ""
    end = _day(end_text, first=False) if end_text else ""
    if start is None or end is None or (not start and not end):
        return Nothing()
    return DateRange(start, end)


def _day(text: str, first: bool) -> str | None:
    """First or last day of a year, month or day given as YYYY, YYYY-MM or YYYY-MM-DD."""
    match = _DATE.fullmatch(text)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (1 if first else 12)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    day = int(match.group(3)) if match.group(3) else (1 if first else last)
    if not 1 <= day <= last:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse(query: str) -> Node | None:
    """The query's tree, or None when it holds nothing searchable."""
    return _Parser(_lex(query)).sequence(0)


def to_json(node: Node | None) -> Any:
    """Canonical plain form, identical to the browser parser's output for the same query."""
    if node is None:
        return None
    match node:
        case Word(key, field):
            return {"op": "word", "key": key, "field": field}
        case Phrase(keys, field):
            return {"op": "phrase", "keys": list(keys), "field": field}
        case Prefix(key, field):
            return {"op": "prefix", "key": key, "field": field}
        case EntityFilter(field, key):
            return {"op": "entity", "field": field, "key": key}
        case Filter(field, key):
            return {"op": "filter", "field": field, "key": key}
        case DateRange(start, end):
            return {"op": "date", "start": start, "end": end}
        case Nothing():
            return {"op": "nothing"}
        case Not(child):
            return {"op": "not", "child": to_json(child)}
        case And(children):
            return {"op": "and", "children": [to_json(c) for c in children]}
        case Or(children):
            return {"op": "or", "children": [to_json(c) for c in children]}
    raise TypeError(node)
