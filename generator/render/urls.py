"""Site paths: where each kind of page lives. The one place that maps records to paths.

Paths here are relative to the site root and end with "/" for pages ("articles/x/"); `url_for`
(in `environment.py`) turns them into URLs under the configured base path.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.config import Config
from generator.model import EntityKind

# Folder of each entity kind's pages; an Entity.id is "<kind>/<slug>".
KIND_FOLDERS: dict[EntityKind, str] = {
    "person": "people",
    "place": "places",
    "organisation": "organisations",
}

# Browse facets of the catalogue and their folders.
FACET_FOLDERS: dict[str, str] = {"sources": "sources", "languages": "languages", "years": "years"}

# Characters left as they are in a URL path; everything else is percent-encoded.
_SAFE = "/#?=&%-._~:@!$'()*+,;"


def article_path(slug: str) -> str:
    return f"articles/{slug}/"


def entity_path(entity_id: str) -> str:
    kind, _, slug = entity_id.partition("/")
    return f"{KIND_FOLDERS[kind]}/{slug}/"  # type: ignore[index]


def kind_path(kind: EntityKind) -> str:
    return f"{KIND_FOLDERS[kind]}/"


def facet_path(facet: str, key: str) -> str:
    return f"{FACET_FOLDERS[facet]}/{key}/"


def numbered(path: str, number: int) -> str:
    """Page `number` of a paginated listing whose first page is `path`."""
    return path if number == 1 else f"{path}page/{number}/"


def output_path(path: str) -> str:
    """The file that serves `path`: "a/b/" -> "a/b/index.html", "" -> "index.html"."""
    return path + "index.html" if path == "" or path.endswith("/") else path


class UrlFor:
    """`url_for(path)`: the only way a URL is built, so the base path is handled in one place."""

    def __init__(self, config: Config) -> None:
        self.base = config.base_path
        self.origin = config.site_origin

    def __call__(self, path: str = "", absolute: bool = False) -> str:
        url = self.base + quote(path.lstrip("/"), safe=_SAFE)
        # Feeds need absolute links; without a known host a root-relative one is the best we have.
        return self.origin + url if absolute else url
