import datetime as dt
from pathlib import Path, PurePosixPath

import pytest

from generator.sources import read_content, slug_for
from generator.sources.decode import DecodeError, decode_text
from generator.sources.markdown_reader import MarkdownReader, plain_text
from generator.sources.metadata import MetadataError, merge, parse_yaml_mapping, to_metadata
from generator.sources.text_reader import TextReader, paragraphs


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


# -- decoding ---------------------------------------------------------------------------------------


def test_decode_normalises_newlines_bom_and_nfc():
    assert decode_text("\ufeffTokai\u0308ev\r\nx".encode()) == "Tokaïev\nx"


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"ok\nstill ok\n\xff bad", "not valid UTF-8", 3),
        (b"\x89PNG\r\n\x1a\n\0\0\0", "binary file", None),
        (b"  \n\n", "empty file", None),
    ],
)
def test_decode_errors(data, message, line):
    with pytest.raises(DecodeError, match=message) as info:
        decode_text(data)
    assert info.value.line == line


# -- metadata -----------------------------------------------------------------------------------------


def test_metadata_types_and_extra_keys():
    values, lines = parse_yaml_mapping(
        "title: T\ndate: 2025-11-10\nauthors: A. B\ntags: [x, y]\nlanguage: FR\nsection: Économie\npage: 4\n"
    )
    meta = to_metadata(values, lines)
    assert meta.title == "T" and meta.date == dt.date(2025, 11, 10)
    assert meta.authors == ("A. B",) and meta.tags == ("x", "y") and meta.language == "fr"
    assert meta.extra == (("section", "Économie"), ("page", "4"))


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        ("title: T\ndate: yesterday\n", 2, "'date': must be a date"),
        ("title: T\n\ntags: {a: 1}\n", 3, "'tags': must be a list"),
        ("url: ftp://x.org/a\n", 1, "absolute http"),
        ("title: [a, b]\n", 1, "'title': must be text"),
        ("language: français\n", 1, "language code"),
    ],
)
def test_wrong_types_name_the_line(yaml_text, line, message):
    with pytest.raises(MetadataError, match=message) as info:
        to_metadata(*parse_yaml_mapping(yaml_text, first_line=1))
    assert info.value.line == line


def test_invalid_yaml_names_the_line_in_the_file():
    with pytest.raises(MetadataError, match="invalid YAML") as info:
        parse_yaml_mapping("title: ok\ntags: [a, b\n", first_line=2)
    assert info.value.line and info.value.line >= 3


def test_merge_later_layer_wins_per_key():
    base = to_metadata({"title": "A", "source": "S", "x": 1}, {})
    over = to_metadata({"title": "B", "y": 2}, {})
    merged = merge(base, over)
    assert (merged.title, merged.source, dict(merged.extra)) == ("B", "S", {"x": "1", "y": "2"})


# -- readers ------------------------------------------------------------------------------------------


def test_text_paragraphs_one_per_line_or_blank_separated():
    assert paragraphs("a\nb\n") == ["a", "b"]
    assert paragraphs("a\nwrapped\n\nb\n") == ["a wrapped", "b"]


def test_seed_reads_with_derived_title_and_no_metadata(seed_path):
    parsed = TextReader().parse(decode_text(seed_path.read_bytes()))
    assert parsed.title_from_text.startswith("La Russie et le Kazakhstan ont réussi")
    assert len(parsed.title_from_text) <= 90 and parsed.title_from_text.endswith("…")
    assert len(parsed.text.split("\n\n")) == 7
    assert "« la frénésie des sanctions" in parsed.text


def test_markdown_keeps_quote_marks_and_renders_tables_and_footnotes():
    parsed = MarkdownReader().parse(
        "---\ntitle: T\n---\n« Bonjour » et „Hallo“ et “hi”.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nX[^1].\n\n[^1]: Note.\n"
    )
    html = parsed.body_html or ""
    assert "« Bonjour » et „Hallo“ et “hi”." in html
    assert "<table>" in html and 'class="footnote"' in html
    assert parsed.text.startswith("« Bonjour » et „Hallo“ et “hi”.")
    assert "↩" not in parsed.text


def test_markdown_raw_html_is_sanitised():
    parsed = MarkdownReader().parse(
        'Hi <script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>\n'
    )
    html = parsed.body_html or ""
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_markdown_leading_heading_becomes_title():
    parsed = MarkdownReader().parse("# The headline\n\nBody text here.\n")
    assert parsed.title_from_text == "The headline" and "headline" not in (parsed.body_html or "")


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(MetadataError, match="never closed"):
        MarkdownReader().parse("---\ntitle: x\nbody\n")


def test_plain_text_of_nested_blocks():
    assert plain_text("<blockquote><p>a <em>b</em></p></blockquote><ul><li>c</li></ul>") == "a b\n\nc"


# -- the whole folder ---------------------------------------------------------------------------------


def test_slug_comes_from_the_path():
    assert slug_for(PurePosixPath("fr/Dépêche Astana.txt")) == "fr/depeche-astana"
    assert slug_for(PurePosixPath("ru/Москва.md")) == "ru/moskva"
    assert len(slug_for(PurePosixPath("«».md"))) == 10


def test_read_content_formats_sidecars_and_pages(tmp_path):
    write(tmp_path, "a.txt", "Une phrase. Une autre.\n")
    write(tmp_path, "a.yml", "title: From sidecar\ndate: 2025-11-02\n")
    write(tmp_path, "2025-10-01-dated.md", "---\ntitle: Front\nsource: Gazette\n---\nText.\n")
    write(tmp_path, "b.md", "---\ntitle: Front\nsource: Gazette\n---\nBody.\n")
    write(tmp_path, "b.yaml", "source: Sidecar Wins\n")
    write(tmp_path, "about.md", "---\ntitle: About us\n---\nWe collect.\n")
    write(tmp_path, "entities.yml", "entities: []\n")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, "orphan.yml", "title: x\n")
    write(tmp_path, ".hidden.md", "ignored\n")
    run = read_content(tmp_path)
    by_slug = {a.slug: a for a in run.articles}
    assert set(by_slug) == {"a", "2025-10-01-dated", "b"}
    assert by_slug["a"].title == "From sidecar" and by_slug["a"].meta.date == dt.date(2025, 11, 2)
    assert by_slug["2025-10-01-dated"].meta.date == dt.date(2025, 10, 1)
    assert by_slug["b"].meta.source == "Sidecar Wins" and by_slug["b"].title == "Front"
    assert [p.title for p in run.pages] == ["About us"]
    assert not run.errors
    assert sorted(w.path for w in run.warnings) == ["notes.pdf", "orphan.yml"]


def test_bad_files_are_reported_and_the_rest_still_read(tmp_path):
    write(tmp_path, "good.txt", "Fine text here.\n")
    write(tmp_path, "bad-yaml.md", "---\ntitle: ok\ntags: [a, b\n---\nBody\n")
    write(tmp_path, "bad-type.md", "---\ntitle: ok\ndate: soon\n---\nBody\n")
    write(tmp_path, "bad-utf8.txt", b"line one\n\xe9t\xe9\n")
    write(tmp_path, "empty.md", "")
    write(tmp_path, "binary.txt", b"\0\1\2\3")
    write(tmp_path, "good.md", "Same slug as good.txt\n")
    write(tmp_path, "side.txt", "Text.\n")
    write(tmp_path, "side.yml", "date: [1, 2]\n")
    run = read_content(tmp_path)
    assert [a.slug for a in run.articles] == ["good"]
    errors = {e.path: e for e in run.errors}
    assert set(errors) == {
        "bad-yaml.md",
        "bad-type.md",
        "bad-utf8.txt",
        "empty.md",
        "binary.txt",
        "good.txt",
        "side.yml",
    }
    assert errors["bad-type.md"].line == 3 and "date" in errors["bad-type.md"].message
    assert errors["bad-utf8.txt"].line == 2
    assert errors["bad-yaml.md"].line is not None
    assert "duplicate slug 'good'" in errors["good.txt"].message and "good.md" in errors["good.txt"].message
    assert str(errors["bad-type.md"]).startswith("bad-type.md:3: ")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("MOSCOU, 11 novembre /Agence Caspienne/ — Le président est arrivé. Suite.", "Le président est arrivé."),
        ("ASTANA, Nov 10 (Steppe Wire) - Grain will move. More.", "Grain will move."),
        ("WASHINGTON (AP) — Officials said so. More.", "Officials said so."),
        ("NATO - the alliance said so. More.", "NATO - the alliance said so."),
        ("La Russie — une histoire. Suite.", "La Russie — une histoire."),
    ],
)
def test_derived_title_skips_a_wire_dateline(text, title):
    from generator.sources.base import title_from

    assert title_from(text) == title


def test_entity_and_quote_edits_in_front_matter():
    meta = to_metadata(
        *parse_yaml_mapping(
            "entities:\n  add: [{name: Henning Lüders, kind: person}]\n  remove: [Caspian]\n"
            "  rename: {Tokaïev: Kassym-Jomart Tokayev}\n"
            "quotes:\n  remove: [very substantial]\n  speaker: {Un ensemble: Kremlin}\n"
        )
    )
    assert meta.entity_edits.add == (("Henning Lüders", "person"),)
    assert meta.entity_edits.rename == (("Tokaïev", "Kassym-Jomart Tokayev"),)
    assert meta.quote_edits.speakers == (("Un ensemble", "Kremlin"),) and not meta.extra


@pytest.mark.parametrize(
    "yaml_text",
    [
        "entities: [a, b]\n",
        "entities:\n  add: [{name: X, kind: thing}]\n",
        "entities:\n  drop: [X]\n",
        "quotes:\n  speaker: [X]\n",
    ],
)
def test_malformed_edits_are_errors_with_a_line(yaml_text):
    with pytest.raises(MetadataError) as info:
        to_metadata(*parse_yaml_mapping(yaml_text))
    assert info.value.line == 1
