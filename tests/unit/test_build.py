import pytest

from generator.build import MARKER, OutputError, write_atomically
from generator.model import OutputFile


def files(*names: str):
    return [OutputFile(name, name.encode()) for name in names]


def test_writes_marker_nojekyll_and_files(tmp_path):
    out = tmp_path / "site"
    assert write_atomically(out, files("index.html", "a/b/index.html")) == 2
    assert (out / "a/b/index.html").read_bytes() == b"a/b/index.html"
    assert (out / ".nojekyll").exists() and (out / MARKER).exists()


def test_rebuild_replaces_old_files(tmp_path):
    out = tmp_path / "site"
    write_atomically(out, files("old.html", "index.html"))
    write_atomically(out, files("index.html"))
    assert not (out / "old.html").exists() and (out / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "no staging or old folders left behind"


def test_failure_midway_keeps_the_previous_site(tmp_path):
    out = tmp_path / "site"
    write_atomically(out, files("index.html", "keep.html"))

    def exploding():
        yield OutputFile("index.html", b"new")
        raise RuntimeError("template error")

    with pytest.raises(RuntimeError):
        write_atomically(out, exploding())
    assert (out / "index.html").read_bytes() == b"index.html" and (out / "keep.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_interrupt_keeps_the_previous_site(tmp_path):
    out = tmp_path / "site"
    write_atomically(out, files("index.html"))

    def interrupted():
        yield OutputFile("x.html", b"x")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(out, interrupted())
    assert (out / "index.html").exists() and not (out / "x.html").exists()


def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("years of work")
    with pytest.raises(OutputError, match="not made by this tool"):
        write_atomically(precious, files("index.html"))
    assert (precious / "chapter1.tex").exists()


def test_refuses_paths_outside_the_site(tmp_path):
    with pytest.raises(OutputError, match="outside the site"):
        write_atomically(tmp_path / "site", files("../escape.html"))
    assert not (tmp_path / "escape.html").exists()
