import json

import pytest

from generator.cli import main, make_parser


@pytest.mark.parametrize("command", ["build", "serve", "new", "check", "annotate", "entities", "search"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        make_parser().parse_args([command, "--help"])
    assert info.value.code == 0 and "usage: archive" in capsys.readouterr().out


def test_new_creates_a_buildable_archive(tmp_path, capsys):
    target = tmp_path / "my-archive"
    assert main(["new", str(target)]) == 0
    for rel in (
        "archive.yml",
        "content/example.md",
        ".github/workflows/pages.yml",
        "README.md",
        ".gitignore",
    ):
        assert (target / rel).is_file(), rel
    assert main(["check", "--config", str(target / "archive.yml")]) == 0
    assert "Checked 1 articles" in capsys.readouterr().out


def test_new_refuses_a_non_empty_folder(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("x")
    assert main(["new", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err


def test_check_reports_bad_files_and_fails(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ok.txt").write_text("A fine article about nothing much at all.\n")
    (content / "bad.md").write_text("---\ndate: tomorrow\n---\nText\n")
    assert main(["check", "--config", str(tmp_path / "archive.yml")]) == 1
    captured = capsys.readouterr()
    assert "error: bad.md:2: 'date'" in captured.err and "Checked 1 articles" in captured.out


def test_bad_config_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "archive.yml").write_text("per_page: lots\n")
    assert main(["check", "--config", str(tmp_path / "archive.yml")]) == 2
    assert "per_page" in capsys.readouterr().err


def test_annotate_prints_json(tmp_path, capsys):
    article = tmp_path / "note.txt"
    article.write_text("Le président est arrivé à Moscou mardi pour une visite de deux jours.\n")
    (tmp_path / "note.yml").write_text("title: Arrivée\n")
    assert main(["annotate", str(article), "--format", "json", "--config", str(tmp_path / "archive.yml")]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["title"] == "Arrivée" and record["language"] == "fr" and record["word_count"] == 13
    assert record["provenance"]["language"].startswith("language@")


def test_entities_lists_and_suggests(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text(
        "Le président Kassym-Jomart Tokaïev est arrivé à Moscou. M. Tokaïev a rencontré Vladimir Poutine.\n"
    )
    (content / "b.txt").write_text(
        "President Kassym-Jomart Tokayev arrived in Moscow on Tuesday. Mr Tokayev met Vladimir Putin there.\n"
    )
    (content / "entities.yml").write_text(
        "entities:\n  - {name: Vladimir Putin, kind: person, aliases: [Vladimir Poutine]}\n"
    )
    config = str(tmp_path / "archive.yml")
    assert main(["entities", "--kind", "person", "--config", config]) == 0
    listed = capsys.readouterr().out
    assert "person/vladimir-putin\t2 articles\tVladimir Putin" in listed
    assert listed.count("Tokay") + listed.count("Tokaï") >= 1 and "place/" not in listed
    assert main(["entities", "--suggest", "--config", config]) == 0
    assert "none merged" in capsys.readouterr().out


def test_bad_entities_file_is_reported(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("Some text about Astana and nothing else at all.\n")
    (content / "entities.yml").write_text("entities:\n  - {name: X, kind: planet}\n")
    assert main(["check", "--config", str(tmp_path / "archive.yml")]) == 1
    assert "entities.yml" in capsys.readouterr().err
