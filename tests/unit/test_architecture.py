"""The pipeline's shape, enforced: imports run one way, down the pipeline."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator"

# Lower number = earlier stage. A module may import only from its own or an earlier layer.
LAYERS = {
    "model": 0,
    "config": 0,
    "text": 0,
    "sources": 1,
    "annotate": 2,
    "catalog": 3,
    "search": 4,
    "render": 4,
    "build": 5,
    "serve": 6,
    "scaffold": 6,
    "cli": 7,
    "__main__": 8,
    "__init__": 0,
}


def stage_of(module_path: Path) -> str:
    return module_path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_stages(module_path: Path) -> set[str]:
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "generator" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_every_stage_is_known():
    stages = {stage_of(p) for p in PACKAGE.rglob("*.py")}
    assert stages <= set(LAYERS), f"new stage(s) {stages - set(LAYERS)}: give them a layer"


def test_imports_run_down_the_pipeline():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        stage = stage_of(path)
        for target in imported_stages(path):
            if LAYERS[target] > LAYERS[stage] or (
                LAYERS[target] == LAYERS[stage] and target != stage and LAYERS[stage] > 0
            ):
                wrong.append(f"{path.relative_to(PACKAGE)} imports generator.{target}")
    assert not wrong, "imports against the pipeline:\n" + "\n".join(wrong)


def test_search_and_render_do_not_depend_on_each_other():
    for path in PACKAGE.rglob("*.py"):
        if stage_of(path) == "render":
            assert "search" not in imported_stages(path), path
        if stage_of(path) == "search":
            assert "render" not in imported_stages(path), path
