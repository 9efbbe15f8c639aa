"""Render stage: Catalog + templates -> every file of the site, as bytes. Pure: writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import generator
from generator.config import Config
from generator.model import Catalog, OutputFile
from generator.render.environment import make_environment
from generator.render.exports import articles_json
from generator.render.routes import navigation, routes
from generator.render.urls import UrlFor, output_path
from generator.render.views import FacetLinks

__all__ = ["RenderError", "default_templates_dir", "render_site"]

# Files under static/ that are never published (editor and OS droppings).
_IGNORED = (".DS_Store", "Thumbs.db")


class RenderError(ValueError):
    """Two pages claim the same path, or a template is missing or broken."""


def default_templates_dir() -> Path:
    """`generator/templates` in an installed wheel, else the repository's `templates/`."""
    packaged = Path(generator.__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(generator.__file__).resolve().parent.parent / "templates"


def static_files(templates_dir: Path) -> dict[str, bytes]:
    """Every file under `templates_dir/static/`, by POSIX path relative to it, in sorted order."""
    root = templates_dir / "static"
    if not root.is_dir():
        return {}
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if (
            path.is_file()
            and path.name not in _IGNORED
            and not any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
        ):
            files[relative.as_posix()] = path.read_bytes()
    return files


def render_site(catalog: Catalog, config: Config, templates_dir: Path) -> Iterator[OutputFile]:
    """Yield every page, the feed, the data export and the static files, one at a time."""
    assets = static_files(templates_dir)
    env = make_environment(config, templates_dir, assets)
    has_search = (templates_dir / "search.html").is_file()
    env.globals.update(nav=navigation(catalog, has_search), has_search=has_search, facet_link=FacetLinks(catalog))
    seen: set[str] = set()

    def claim(path: str) -> str:
        if path in seen:
            raise RenderError(f"two pages would be written to {path!r}; rename one of them")
        seen.add(path)
        return path

    for route in routes(catalog, config, has_search):
        html = env.get_template(route.template).render(route.context, path=route.path)
        yield OutputFile(claim(output_path(route.path)), html.encode("utf-8"))
    yield OutputFile(claim("data/articles.json"), articles_json(catalog, UrlFor(config)))
    for path, data in assets.items():
        yield OutputFile(claim("static/" + path), data)
