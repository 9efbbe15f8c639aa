"""Markdown articles with optional YAML front matter; HTML sanitised with nh3 (Ammonia)."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import markdown
import nh3

from generator.model import Metadata
from generator.sources.base import Parsed, title_from
from generator.sources.metadata import MetadataError, parse_yaml_mapping, to_metadata

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")

# Footnotes need ids and classes to link; everything else stays on nh3's conservative defaults.
_ATTRIBUTES = {
    "a": {"href", "title", "id", "class"},
    "sup": {"id", "class"},
    "li": {"id"},
    "div": {"class"},
    "ol": {"start"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "code": {"class"},
}
_TAGS = nh3.ALLOWED_TAGS | {"hr", "sup", "sub", "abbr", "figure", "figcaption"}
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre td th dt dd div figcaption caption hr br tr table ul ol".split()
)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, line where the body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    closing = _FENCE.search(text, 4)
    if closing is None:
        raise MetadataError("front matter opened with '---' is never closed", 1)
    front = text[4 : closing.start()]
    body_start = closing.end() + 1
    return front, text[body_start:], text[:body_start].count("\n") + 1


@cache
def _converter() -> markdown.Markdown:
    # "extra" brings tables, footnotes, abbreviations, definition lists and fenced code. No "smarty":
    # it rewrites quote marks, and « » or „ “ must stay exactly as written.
    return markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def to_html(source: str) -> str:
    converter = _converter()
    converter.reset()
    return sanitise(converter.convert(source))


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"})


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._skipping = False  # inside a footnote's "↩" back-link, which is not text

    def flush(self) -> None:
        block = " ".join("".join(self._buffer).split())
        if block:
            self.blocks.append(block)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.flush()
        if tag == "a" and "footnote-backref" in (dict(attrs).get("class") or ""):
            self._skipping = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.flush()
        if tag == "a":
            self._skipping = False

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._buffer.append(data)


def plain_text(html: str) -> str:
    """Text of each block element, joined by blank lines: what annotators read."""
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.blocks)


class MarkdownReader:
    suffixes = (".md", ".markdown")

    def parse(self, text: str) -> Parsed:
        front, body, body_line = split_front_matter(text)
        meta = Metadata()
        if front is not None:
            meta = to_metadata(*parse_yaml_mapping(front, first_line=2))
        heading = ""
        lines = body.lstrip("\n").split("\n", 1)
        match = _H1.match(lines[0])
        if match and not meta.title:
            # A leading "# Heading" is the title; keep it out of the body so it is not shown twice.
            heading, body = match.group(1).strip(), lines[1] if len(lines) > 1 else ""
        html = to_html(body)
        plain = plain_text(html)
        if not plain and not heading:
            raise MetadataError("the article has metadata but no text", body_line)
        return Parsed("markdown", body, plain, html, meta, heading or title_from(plain))
