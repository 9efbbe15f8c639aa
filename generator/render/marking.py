"""Mark entity and date mentions in an article's text, as pieces a template renders.

Python decides *what* is marked (a `Mark` on a `Piece`); the template's `mark` macro decides *how*.
Plain-text articles are cut into paragraphs of pieces using the mentions' character offsets.
Markdown articles are already HTML: `mark_html` re-serialises that HTML, finding each mention's
text in the text nodes, and returns pieces whose unmarked parts are trusted `Markup` and whose
marked parts are plain strings (escaped by the template).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup, escape

from generator.model import Span


@dataclass(frozen=True, slots=True)
class Mark:
    """How one mention is presented: its kind, a label (tooltip), a link and a machine value."""

    kind: str  # "person", "place", "organisation" or "date"
    label: str  # the resolved name, or the ISO value of a date
    path: str | None = None  # site path of the entity's page, when there is one
    value: str | None = None  # ISO 8601 value for a date (<time datetime>)


@dataclass(frozen=True, slots=True)
class Target:
    """A mention to mark: where it is in `Article.text`, what it reads, how to show it."""

    span: Span
    surface: str
    mark: Mark


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a paragraph: `text` is a str (to be escaped) or `Markup` (trusted HTML)."""

    text: str
    mark: Mark | None = None


def select_targets(candidates: Iterable[Target], text: str) -> list[Target]:
    """Valid, non-overlapping targets in text order (earliest first; the longer one wins a tie).

    A target whose span does not read `surface` in `text` is dropped rather than mark the wrong words.
    """
    ordered = sorted(candidates, key=lambda t: (t.span.start, -(t.span.end - t.span.start)))
    chosen: list[Target] = []
    end = 0
    for target in ordered:
        start, stop = target.span.start, target.span.end
        if start < end or not 0 <= start < stop <= len(text) or text[start:stop] != target.surface:
            continue
        chosen.append(target)
        end = stop
    return chosen


def mark_paragraphs(text: str, targets: list[Target]) -> list[list[Piece]]:
    """Paragraphs of `text` (split on blank lines, blank ones skipped) as pieces.

    `targets` must come from `select_targets(…, text)`. A target crossing a paragraph break is left
    unmarked.
    """
    paragraphs: list[list[Piece]] = []
    index = 0
    offset = 0
    for paragraph in text.split("\n\n"):
        para_end = offset + len(paragraph)
        pieces: list[Piece] = []
        cursor = offset
        while index < len(targets) and targets[index].span.start < para_end:
            target = targets[index]
            index += 1
            if target.span.start < offset or target.span.end > para_end:
                continue
            if target.span.start > cursor:
                pieces.append(Piece(text[cursor : target.span.start]))
            pieces.append(Piece(target.surface, target.mark))
            cursor = target.span.end
        if cursor < para_end:
            pieces.append(Piece(text[cursor:para_end]))
        if paragraph.strip():
            paragraphs.append(pieces)
        offset = para_end + 2
    return paragraphs


# Text inside these elements is never marked: no link inside a link, no mark inside code.
_NO_MARK = frozenset("a code pre kbd samp script style textarea title svg math button select".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9:-]*$")
_ATTR_NAME = re.compile(r"^[^\s\"'<>/=\x00-\x1f\x7f]+$")


class _Events(HTMLParser):
    """Flattens HTML into ("tag", Markup) and ("text", str, markable) events."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str, bool]] = []
        self._closed: list[str] = []  # open elements in which marking is forbidden

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)
        if tag in _NO_MARK and tag not in _VOID:
            self._closed.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if not _NAME.match(tag):
            return
        self.events.append(("tag", Markup(f"</{tag}>"), False))
        if tag in self._closed:
            # Close the innermost matching element (and anything left open inside it).
            del self._closed[len(self._closed) - 1 - self._closed[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.events.append(("text", data, not self._closed))

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _NAME.match(tag):
            return  # not something a browser would read as a tag name; drop it
        parts = [tag]
        for name, value in attrs:
            if not _ATTR_NAME.match(name):
                continue
            parts.append(name if value is None else f'{name}="{escape(value)}"')
        self.events.append(("tag", Markup("<" + " ".join(parts) + ">"), False))

    # Comments, doctypes, processing instructions and CDATA sections are dropped.


def _pattern(surface: str) -> re.Pattern[str]:
    # The reader collapses whitespace when it extracts text, so any run of spaces matches any run.
    return re.compile(r"\s+".join(re.escape(word) for word in surface.split()))


def mark_html(html: str, text: str, targets: list[Target]) -> list[Piece]:
    """Re-serialise sanitised `html` with `targets` (from `select_targets(…, text)`) marked.

    `text` is the article's plain text, extracted from the same HTML, in which the spans count.
    The k-th occurrence of a surface before its span in `text` is taken to be its k-th occurrence
    in the HTML's text; a mention whose occurrence crosses a tag or falls inside a link or code is
    left unmarked. The output is a faithful, re-escaped copy of the input's structure: it never
    contains an element or attribute the input did not have, apart from what the template's
    mark adds.
    """
    parser = _Events()
    parser.feed(html)
    parser.close()
    events = parser.events
    if not targets:
        return [Piece(_serialise(events))]

    # All text nodes joined: occurrence counting is done in this stream.
    stream_parts: list[str] = []
    nodes: list[tuple[int, int, int]] = []  # (start, end, event index) of each markable text node
    position = 0
    for i, (kind, value, markable) in enumerate(events):
        if kind == "text":
            stream_parts.append(value)
            if markable:
                nodes.append((position, position + len(value), i))
            position += len(value)
    stream = "".join(stream_parts)
    node_starts = [n[0] for n in nodes]

    cuts: dict[int, list[tuple[int, int, Target]]] = {}  # event index -> marked ranges in that node
    cache: dict[str, tuple[list[int], list[re.Match[str]]]] = {}
    last_end = 0
    for target in targets:
        if target.surface not in cache:
            pattern = _pattern(target.surface)
            in_text = [m.start() for m in pattern.finditer(text)]
            cache[target.surface] = (in_text, list(pattern.finditer(stream)))
        in_text, in_stream = cache[target.surface]
        k = bisect_left(in_text, target.span.start)
        if k >= len(in_stream):
            continue
        match = in_stream[k]
        if match.start() < last_end:
            continue
        n = bisect_left(node_starts, match.start() + 1) - 1
        if n < 0 or match.end() > nodes[n][1]:
            continue  # crosses a tag, or not in a markable node
        node_start, _, event_index = nodes[n]
        cuts.setdefault(event_index, []).append((match.start() - node_start, match.end() - node_start, target))
        last_end = match.end()

    pieces: list[Piece] = []
    pending: list[tuple[str, str, bool]] = []
    for i, event in enumerate(events):
        if i not in cuts:
            pending.append(event)
            continue
        data = event[1]
        cursor = 0
        for start, end, target in cuts[i]:
            pending.append(("text", data[cursor:start], True))
            pieces.append(Piece(_serialise(pending)))
            pending = []
            pieces.append(Piece(data[start:end], target.mark))
            cursor = end
        pending.append(("text", data[cursor:], True))
    pieces.append(Piece(_serialise(pending)))
    return [p for p in pieces if p.text or p.mark]


def _serialise(events: list[tuple[str, str, bool]]) -> Markup:
    return Markup("".join(value if kind == "tag" else _escape_text(value) for kind, value, _ in events))


def _escape_text(text: str) -> str:
    # In a text node only these three matter; quotes stay readable (attributes use `escape`).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
