"""The views reach the course only through grading's methods (``Progress``, ``Course``, the exchange…):
no SQL, no nbgrader gradebook and no demo in a page's code, so that the database's shape, its
queries and what the demo builds change in ``grading`` alone, and every page reads them the same way."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import REPO
from test_import_direction import imports

VIEWS = REPO / "views"

# the database's own modules, nbgrader's gradebook, and the demo
FORBIDDEN_IMPORTS = ("sqlalchemy", "sqlite3", "psycopg", "nbgrader.api", "fadaa.grading.database", "fadaa.demo")
FORBIDDEN_ATTRIBUTES = {"engine", "execute", "exec_driver_sql", "read_sql", "read_sql_query", "read_sql_table"}
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(FROM|INTO|SET|WHERE)\b")


def reaches_past_grading(path: Path, module: str) -> list[str]:
    """What in the view ``path`` (the module ``module``) reads or writes the database, or uses the demo, itself."""
    found = [f"line {line}: imports {name}" for line, name in imports(path, module)
             if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IMPORTS)]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            found.append(f"line {node.lineno}: .{node.attr}")
        if isinstance(node, ast.Name) and node.id == "Gradebook":
            found.append(f"line {node.lineno}: Gradebook")
        # SQLAlchemy's text(...); a method called text (a refusal in her language) is no SQL
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "text":
            found.append(f"line {node.lineno}: text(...)")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(f"line {node.lineno}: SQL in a string")
    return sorted(set(found))


@pytest.mark.parametrize("path", sorted(VIEWS.rglob("*.py")), ids=lambda p: str(p.relative_to(VIEWS)))
def test_a_view_asks_grading_and_runs_no_sql_of_its_own(path):
    module = ".".join(["fadaa", *path.relative_to(REPO).with_suffix("").parts]).removesuffix(".__init__")
    assert reaches_past_grading(path, module) == []


def a_view(tmp_path: Path, source: str) -> list[str]:
    path = tmp_path / "page.py"
    path.write_text(source, encoding="utf-8")
    return reaches_past_grading(path, "fadaa.views.page")


@pytest.mark.parametrize("source", [
    # what the views did before they asked grading (issue #15)
    "from sqlalchemy import select\n",
    "from fadaa.grading.database import GRADEBOOK, learner\n",
    "from fadaa.demo.learner import lessons\n",
    "from ..demo import history\n",
    "def cohorts(progress):\n    with progress.engine.connect() as conn:\n        return conn.execute(q)\n",
    "roster = pd.read_sql(query, conn)\n",
    "from nbgrader.api import Gradebook\n",
    "rows = conn.execute(text('SELECT cohort FROM fadaa_learner'))\n",
    "QUERY = 'SELECT name FROM assignment WHERE id = ?'\n",
])
def test_the_check_sees_a_view_reaching_past_grading(tmp_path, source):
    assert a_view(tmp_path, source)


def test_the_check_lets_a_view_call_grading(tmp_path):
    assert a_view(tmp_path, "from fadaa.grading.progress import Progress\n"
                            "from fadaa.grading.course import source_modules\n"
                            "options = progress.choices(cohort)['cooperative']\n"
                            "message = refused.text(lang)\n"  # a refusal told in her language, not SQL
                            "note = 'Select a module from the list'\n") == []
