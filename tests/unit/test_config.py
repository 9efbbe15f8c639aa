import pytest

from generator.config import ConfigError, load_config


def test_defaults_when_file_missing(tmp_path):
    config = load_config(tmp_path / "archive.yml")
    assert config.base_path == "/" and config.language == "en"


@pytest.mark.parametrize(
    ("base_url", "path", "origin"),
    [
        ("https://me.github.io/repo/", "/repo/", "https://me.github.io"),
        ("https://me.github.io/repo", "/repo/", "https://me.github.io"),
        ("/repo", "/repo/", ""),
        ("https://example.org", "/", "https://example.org"),
    ],
)
def test_base_path_and_origin(tmp_path, base_url, path, origin):
    config = load_config(None, base_url=base_url)
    assert (config.base_path, config.site_origin) == (path, origin)


def test_cli_override_wins(tmp_path):
    (tmp_path / "archive.yml").write_text("base_url: /a/\ntitle: T\n")
    config = load_config(tmp_path / "archive.yml", base_url="/b/")
    assert config.base_path == "/b/" and config.title == "T"


def test_unknown_key_names_file_and_line(tmp_path):
    (tmp_path / "archive.yml").write_text("title: T\ntitel: oops\n")
    with pytest.raises(ConfigError, match=r"archive\.yml:2: unknown setting 'titel'"):
        load_config(tmp_path / "archive.yml")


@pytest.mark.parametrize("text", ["per_page: many\n", "per_page: 0\n", "language: French\n", "title: [a]\n"])
def test_bad_values(tmp_path, text):
    (tmp_path / "archive.yml").write_text(text)
    with pytest.raises(ConfigError):
        load_config(tmp_path / "archive.yml")


def test_invalid_yaml_names_line(tmp_path):
    (tmp_path / "archive.yml").write_text("title: T\nbase_url: [\n")
    with pytest.raises(ConfigError, match=r"archive\.yml:\d+: invalid YAML"):
        load_config(tmp_path / "archive.yml")
