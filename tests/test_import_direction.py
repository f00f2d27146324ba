"""The packages import one way (README, "How the folders are laid out"): kit → core; subjects →
kit, core; server → core; grading → core, server; views → grading, kit, core; demo → grading,
server, core; hub → everything. An import against it fails here, naming the file and line."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

FOLDERS = ("core", "widgets", "server", "grading", "views", "demo", "hub")
SUBJECTS = {"selling", "bookkeeping", "agm", "governance", "funding"}
MAY_IMPORT = {
    "core": set(),
    "kit": {"core"},
    "subjects": {"kit", "core"},
    "server": {"core"},
    "grading": {"core", "server"},
    "views": {"grading", "kit", "core"},
    "demo": {"grading", "server", "core"},
    "hub": {"core", "kit", "subjects", "server", "grading", "views", "demo"},
}
# importer -> imported, and why it may
AGAINST_ON_PURPOSE = {
    ("fadaa.widgets.lesson", "fadaa.grading.exchange"):
        "her Send button hands her notebook to nbgrader's exchange, imported when she presses it",
}


def layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "fadaa" or len(parts) < 2 or parts[1] not in FOLDERS:
        return None
    if parts[1] == "widgets":
        return "subjects" if len(parts) > 2 and parts[2] in SUBJECTS else "kit"
    return parts[1]


def imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file, relative ones resolved."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from fadaa.x import y`` may name a module y: count it as importing fadaa.x.y
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def against_the_direction(root: Path) -> list[str]:
    wrong = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            if "node_modules" in path.parts:
                continue
            me = ".".join(["fadaa", *path.relative_to(root).with_suffix("").parts]).removesuffix(".__init__")
            mine = layer(me)
            for line, target in imports(path, me):
                theirs = layer(target)
                if theirs is None or theirs == mine or theirs in MAY_IMPORT[mine]:
                    continue
                if any(me == a and (target == b or target.startswith(b + ".")) for a, b in AGAINST_ON_PURPOSE):
                    continue
                wrong.append(f"{path.relative_to(root)}:{line} ({mine}) imports {target} ({theirs})")
    return wrong


def test_every_package_imports_only_the_way_the_readme_says():
    assert against_the_direction(REPO) == []


def test_an_import_against_the_direction_is_caught(tmp_path):
    """The check is not blind: core importing the kit, or grading a view (relative), is named."""
    (tmp_path / "core").mkdir()
    (tmp_path / "grading").mkdir()
    (tmp_path / "core" / "leaf.py").write_text("from fadaa.widgets.steps import StepNavigator\n")
    (tmp_path / "grading" / "report.py").write_text("import os\n\nfrom ..views import dashboard\n")
    assert against_the_direction(tmp_path) == [
        "core/leaf.py:1 (core) imports fadaa.widgets.steps.StepNavigator (kit)",
        "grading/report.py:3 (grading) imports fadaa.views.dashboard (views)",
    ]
