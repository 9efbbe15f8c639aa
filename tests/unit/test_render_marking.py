"""Marking mentions in plain text and in sanitised HTML (generator/render/marking.py)."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from generator.model import Span
from generator.render.marking import Mark, Piece, Target, mark_html, mark_paragraphs, select_targets

PERSON = Mark("person", "Vladimir Putin", "people/vladimir-putin/")
PLACE = Mark("place", "Moscow", None)


def target(text: str, surface: str, mark: Mark = PERSON, nth: int = 0) -> Target:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Target(Span(start, start + len(surface)), surface, mark)


def render(pieces: list[Piece]) -> str:
    """A stand-in for the template: marks as [[kind:text]], plain text escaped, Markup as is."""
    out = []
    for piece in pieces:
        if piece.mark:
            out.append(f"[[{piece.mark.kind}:{Markup.escape(piece.text)}]]")
        else:
            out.append(str(Markup.escape(piece.text)))
    return "".join(out)


class Structure(HTMLParser):
    """Elements with their attributes, and the text, as a browser-neutral parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, ...]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, *(f"{k}={v}" for k, v in attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("/" + tag,))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def structure(html: str) -> tuple[list[tuple[str, ...]], str]:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser.tags, "".join(parser.text)


# ---- select_targets ------------------------------------------------------------------------------


def test_select_targets_orders_and_drops_overlaps_keeping_the_longer() -> None:
    text = "Vladimir Putin met Putin."
    full = target(text, "Vladimir Putin")
    inner = target(text, "Putin")  # inside the full name
    later = target(text, "Putin", nth=1)
    assert select_targets([later, inner, full], text) == [full, later]


def test_select_targets_drops_spans_that_do_not_read_the_surface_or_fall_outside() -> None:
    text = "Moscow and Astana"
    good = target(text, "Astana", PLACE)
    wrong = Target(Span(0, 6), "Astana", PLACE)  # offsets of "Moscow"
    outside = Target(Span(15, 30), "na", PLACE)
    empty = Target(Span(3, 3), "", PLACE)
    assert select_targets([wrong, outside, empty, good], text) == [good]


# ---- plain text ----------------------------------------------------------------------------------


def test_mark_paragraphs_uses_offsets_across_paragraph_breaks() -> None:
    text = "Putin spoke.\n\nIn Moscow, Putin again."
    targets = select_targets([target(text, "Putin"), target(text, "Moscow", PLACE), target(text, "Putin", nth=1)], text)
    paragraphs = mark_paragraphs(text, targets)
    assert [render(p) for p in paragraphs] == [
        "[[person:Putin]] spoke.",
        "In [[place:Moscow]], [[person:Putin]] again.",
    ]


def test_mark_paragraphs_skips_blank_paragraphs_without_shifting_offsets() -> None:
    text = "First.\n\n\n\n  \n\nMoscow last."
    paragraphs = mark_paragraphs(text, select_targets([target(text, "Moscow", PLACE)], text))
    assert [render(p) for p in paragraphs] == ["First.", "[[place:Moscow]] last."]


def test_mark_paragraphs_keeps_all_text_and_leaves_a_cross_paragraph_span_unmarked() -> None:
    text = "End of one\n\nStart of two"
    crossing = Target(Span(7, 17), text[7:17], PLACE)
    paragraphs = mark_paragraphs(text, select_targets([crossing], text))
    assert [render(p) for p in paragraphs] == ["End of one", "Start of two"]


def test_plain_text_is_never_markup() -> None:
    text = "<b>Putin</b> & co"
    paragraphs = mark_paragraphs(text, select_targets([target(text, "Putin")], text))
    assert all(not isinstance(p.text, Markup) for p in paragraphs[0])
    assert render(paragraphs[0]) == "&lt;b&gt;[[person:Putin]]&lt;/b&gt; &amp; co"


# ---- HTML ----------------------------------------------------------------------------------------


def test_mark_html_marks_inside_nested_tags_and_keeps_attributes() -> None:
    html = '<p class="lead">In <em>Moscow</em>, <strong title="a &quot;b&quot; &amp; c">Putin</strong> spoke.</p>'
    text = "In Moscow, Putin spoke."
    targets = select_targets([target(text, "Moscow", PLACE), target(text, "Putin")], text)
    out = render(mark_html(html, text, targets))
    assert out == (
        '<p class="lead">In <em>[[place:Moscow]]</em>, '
        '<strong title="a &#34;b&#34; &amp; c">[[person:Putin]]</strong> spoke.</p>'
    )


def test_mark_html_does_not_double_escape_entities() -> None:
    html = "<p>AT&amp;T &lt;script&gt; caf&#233; &eacute; Putin</p>"
    text = "AT&T <script> café é Putin"
    out = render(mark_html(html, text, select_targets([target(text, "Putin")], text)))
    assert out == "<p>AT&amp;T &lt;script&gt; café é [[person:Putin]]</p>"
    assert "&amp;amp;" not in out and "&amp;lt;" not in out


def test_mark_html_takes_the_kth_occurrence_and_never_marks_inside_a_link() -> None:
    html = '<p><a href="https://e.org/">Moscow</a> then Moscow and Moscow.</p>'
    text = "Moscow then Moscow and Moscow."
    # The annotator found the second and third occurrences (the first is link text).
    targets = select_targets([target(text, "Moscow", PLACE, nth=2), target(text, "Moscow", PLACE, nth=1)], text)
    out = render(mark_html(html, text, targets))
    assert out == '<p><a href="https://e.org/">Moscow</a> then [[place:Moscow]] and [[place:Moscow]].</p>'


def test_mark_html_leaves_a_mention_in_a_link_unmarked_without_shifting_the_next() -> None:
    html = '<p><a href="https://e.org/">Moscow</a> then Moscow.</p>'
    text = "Moscow then Moscow."
    targets = select_targets([target(text, "Moscow", PLACE), target(text, "Moscow", PLACE, nth=1)], text)
    assert render(mark_html(html, text, targets)) == (
        '<p><a href="https://e.org/">Moscow</a> then [[place:Moscow]].</p>'
    )


def test_mark_html_skips_a_mention_that_crosses_a_tag_but_marks_the_following_one() -> None:
    html = "<p>M. <em>Tokaïev</em> met Putin.</p>"
    text = "M. Tokaïev met Putin."
    targets = select_targets([target(text, "M. Tokaïev"), target(text, "Putin")], text)
    assert render(mark_html(html, text, targets)) == "<p>M. <em>Tokaïev</em> met [[person:Putin]].</p>"


def test_mark_html_matches_across_a_line_break_the_reader_collapsed() -> None:
    html = "<p>Then Vladimir\nPutin left.</p>"
    text = "Then Vladimir Putin left."
    out = render(mark_html(html, text, select_targets([target(text, "Vladimir Putin")], text)))
    assert out == "<p>Then [[person:Vladimir\nPutin]] left.</p>"


def test_mark_html_counts_occurrences_across_blocks() -> None:
    html = "<h2>Putin</h2>\n<ul>\n<li>Putin</li>\n<li>x Putin</li>\n</ul>"
    text = "Putin\n\nPutin\n\nx Putin"
    out = render(mark_html(html, text, select_targets([target(text, "Putin", nth=2)], text)))
    assert out == "<h2>Putin</h2>\n<ul>\n<li>Putin</li>\n<li>x [[person:Putin]]</li>\n</ul>"


def test_mark_html_handles_regex_characters_in_a_surface() -> None:
    html = "<p>C++ (beta) and C++ (beta)</p>"
    text = "C++ (beta) and C++ (beta)"
    org = Mark("organisation", "C++", None)
    out = render(mark_html(html, text, select_targets([target(text, "C++ (beta)", org, nth=1)], text)))
    assert out == "<p>C++ (beta) and [[organisation:C++ (beta)]]</p>"


def test_mark_html_without_targets_keeps_the_document() -> None:
    html = '<p>Hello <a href="https://e.org/?a=1&amp;b=2">link</a><br>x &amp; y</p><hr>'
    pieces = mark_html(html, "Hello link\n\nx & y", [])
    assert len(pieces) == 1 and isinstance(pieces[0].text, Markup)
    assert structure(pieces[0].text) == structure(html)
    assert pieces[0].text == html


@pytest.mark.parametrize(
    "hostile",
    [
        '<p title="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">Putin</p>',
        "<p>Putin</p><img src=x onerror=alert(1)",  # unterminated tag at the end
        '<p>Putin <img src="x" alt="a>b"></p>',
        "<p>Putin <!-- <script>alert(1)</script> --> ok</p>",
        "<p>Putin <![CDATA[<script>alert(1)</script>]]> ok</p>",
        "<p>Putin</p><scr<script>ipt>alert(1)</script>",
        "<p>Putin &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<p onclick=\"alert('x')\">Putin</p>",
        "<p>Putin</p></p></div><p",
        '<p a="1" a="2" b=\'"\'>Putin</p>',
        "<p>\x00Putin</p>",
    ],
)
def test_mark_html_output_never_has_more_structure_than_its_input(hostile: str) -> None:
    text = "Putin"
    out = mark_html(hostile, text, select_targets([target(text, "Putin")], text))
    joined = "".join(str(p.text) if not p.mark else f"<mark>{Markup.escape(p.text)}</mark>" for p in out)
    tags_in, _ = structure(hostile)
    tags_out, _ = structure(joined)
    # Exactly the input's elements and attributes (minus names no browser reads as a tag), in order.
    assert [t for t in tags_out if t[0] not in ("mark", "/mark")] == [t for t in tags_in if _tag_name_ok(t[0])]
    assert joined.count("<script") <= sum(1 for t in tags_in if t[0] == "script")
    for piece in out:
        if piece.mark:
            assert not isinstance(piece.text, Markup)  # marked text is escaped by the template


def _tag_name_ok(name: str) -> bool:
    return re.fullmatch(r"[a-zA-Z][a-zA-Z0-9:-]*", name.lstrip("/")) is not None


def test_marked_surface_with_markup_characters_stays_text() -> None:
    html = "<p>Say &lt;b&gt;Putin&lt;/b&gt; now</p>"
    text = "Say <b>Putin</b> now"
    pieces = mark_html(html, text, select_targets([target(text, "<b>Putin</b>")], text))
    marked = [p for p in pieces if p.mark]
    assert [p.text for p in marked] == ["<b>Putin</b>"]
    assert not isinstance(marked[0].text, Markup)


def test_mark_html_fuzz_preserves_text_and_structure() -> None:
    """Random documents and mentions: text and elements always survive; marks land on their words."""
    rng = random.Random(20261126)
    words = ["Putin", "Moscow", "a", "&", "<", '"', "é", "Astana", "x"]
    wrappers = [("<em>", "</em>"), ('<a href="https://e.org/?q=1&amp;r=2">', "</a>"), ("<code>", "</code>"), ("", "")]
    for _ in range(300):
        blocks_html, blocks_text = [], []
        for _ in range(rng.randint(1, 4)):
            parts_html, parts_text = [], []
            for _ in range(rng.randint(1, 6)):
                word = rng.choice(words)
                opening, closing = rng.choice(wrappers)
                escaped = str(Markup.escape(word))
                parts_html.append(f"{opening}{escaped}{closing}")
                parts_text.append(word)
            blocks_html.append("<p>" + " ".join(parts_html) + "</p>")
            blocks_text.append(" ".join(parts_text))
        html, text = "\n".join(blocks_html), "\n\n".join(blocks_text)
        candidates = []
        for surface in ("Putin", "Moscow", "Astana"):
            start = text.find(surface)
            while start != -1:
                if rng.random() < 0.6:
                    candidates.append(Target(Span(start, start + len(surface)), surface, PLACE))
                start = text.find(surface, start + 1)
        pieces = mark_html(html, text, select_targets(candidates, text))
        joined = "".join(f"<mark>{Markup.escape(p.text)}</mark>" if p.mark else str(p.text) for p in pieces)
        tags_out, text_out = structure(joined)
        tags_in, text_in = structure(html)
        assert [t for t in tags_out if t[0] not in ("mark", "/mark")] == tags_in
        assert text_out == text_in
        for piece in pieces:
            if piece.mark:
                assert piece.text in ("Putin", "Moscow", "Astana")
        # Never a mark inside a link or code.
        depth = 0
        for tag in tags_out:
            if tag[0] in ("a", "code"):
                depth += 1
            elif tag[0] in ("/a", "/code"):
                depth -= 1
            elif tag[0] == "mark":
                assert depth == 0
