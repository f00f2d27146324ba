"""Shared fixtures: a real nbgrader course in a temporary folder, lesson execution, servers."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "courses" / "fadaa"

# nbgrader shells out to `alembic` and kernels must be this venv's Python: put its bin/ first.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def lesson_notebooks() -> list[Path]:
    return sorted((COURSE / "source").glob("*/*.ipynb"))


def error_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """Every error or stderr output of an executed notebook, as text."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"{out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append(out.get("text", ""))
    return found


def execute_lesson(notebook: Path, lang: str, workdir: Path, timeout: int = 120) -> nbformat.NotebookNode:
    """Run a lesson top to bottom as Voilà would for ``?lang=``, in a copy inside ``workdir``."""
    copy = workdir / notebook.name
    shutil.copy(notebook, copy)
    nb = nbformat.read(copy, as_version=4)
    env = {**os.environ, "QUERY_STRING": f"lang={lang}", "FADAA_PROFILE": str(workdir / "profile.json")}
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    client.execute(env=env)  # the kernel gets the request's environment, as Voilà gives it
    return nb


@pytest.fixture
def course(tmp_path):
    """A fresh copy of the Fadaa course with its own exchange and SQLite gradebook."""
    from fadaa.grading.course import Course

    root = tmp_path / "course"
    shutil.copytree(COURSE, root, ignore=shutil.ignore_patterns("gradebook.db", "release", "submitted",
                                                                 "autograded", "feedback"))
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    return Course(root, exchange=exchange)


@pytest.fixture
def learner_home(tmp_path, course):
    """Make a learner's home for ``student_id`` with her nbgrader configuration."""
    from fadaa.grading import exchange

    def make(student_id: str) -> Path:
        home = tmp_path / "home" / student_id
        exchange.write_learner_config(home, course.course_id, Path(course.config.Exchange.root), student_id)
        return home

    return make
