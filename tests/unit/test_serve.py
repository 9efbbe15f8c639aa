import threading
import urllib.error
import urllib.request

import pytest

from generator.serve import make_server


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_text("home")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("page a")
    (tmp_path / "404.html").write_text("not here")
    httpd = make_server(tmp_path, "/repo/", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serves_under_the_base_path(server):
    assert get(f"{server}/repo/") == (200, "home")
    assert get(f"{server}/repo/a/") == (200, "page a")
    assert get(f"{server}/repo/a/?q=x") == (200, "page a")


def test_missing_pages_get_the_site_404(server):
    assert get(f"{server}/repo/nope/") == (404, "not here")
    assert get(f"{server}/a/") == (404, "not here"), "outside the base path nothing is served"


def test_watch_rebuilds_when_a_file_changes(tmp_path):
    from generator.serve import _watch

    (tmp_path / "a.md").write_text("one")
    rebuilt = threading.Event()
    threading.Thread(target=_watch, args=([tmp_path], rebuilt.set, 0.05), daemon=True).start()
    assert not rebuilt.wait(0.3), "nothing changed yet"
    (tmp_path / "b.md").write_text("new article")
    assert rebuilt.wait(5)
