"""Course fixtures several test modules share, defined once (a plugin listed in ``conftest.py``).

- ``quick_course``: the Fadaa course's configuration with one small lesson written here, so that a
  test's time goes to nbgrader and its kernels, not to importing the lesson kit; ``submit_copy``
  puts a submission of it where ``collect`` would.
- ``empty_gradebook`` / ``db_url``: one migrated course database for the session, copied per test
  (nbgrader runs ``alembic`` for each new gradebook).
- ``released_lesson``: the cash book lesson with its answer cells as a learner receives them.
- ``lessons``: opens a lesson of the course as her own notebook (copied into her lessons folder),
  her profile in the test's folder: the views tests chain several lessons' answers with it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import COURSE

COURSE_ID = "fadaa"
ASSIGNMENT = "quick"
CELL_TIMEOUT = 4


def _cell(factory, source: str, **nbgrader):
    cell = factory(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False,
                                 "task": False, **nbgrader}
    return cell


def write_lesson(path: Path) -> None:
    nb = new_notebook(cells=[
        _cell(new_markdown_cell, "# Quick lesson", grade_id="intro", locked=True),
        _cell(new_code_cell, "answer = None\n### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION",
              grade_id="answer", solution=True),
        _cell(new_code_cell, "assert answer == 42", grade_id="test_answer", grade=True, locked=True, points=2),
        _cell(new_markdown_cell, "Because.", grade_id="why", grade=True, solution=True, points=1),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True)
    nbformat.write(nb, path)


@pytest.fixture
def quick_course(tmp_path):
    from fadaa.grading.course import Course

    root = tmp_path / "course"
    root.mkdir()
    config = (COURSE / "nbgrader_config.py").read_text()
    (root / "nbgrader_config.py").write_text(config + f"\nc.ExecutePreprocessor.timeout = {CELL_TIMEOUT}\n"
                                             "c.LimitOutput.max_lines = 50\n")
    write_lesson(root / "source" / ASSIGNMENT / "quick.ipynb")
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    course = Course(root, exchange=exchange)
    course.generate(ASSIGNMENT)
    return course


def submit_copy(course, student: str, answer: str | None = None, test: str | None = None,
                why: str | None = None, raw: str | None = None) -> None:
    """Put a submission where ``collect`` puts it: the released lesson with her answer cell filled."""
    folder = course.root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")  # as nbgrader's collect writes it
    if raw is not None:
        (folder / "quick.ipynb").write_text(raw)
        return
    nb = nbformat.read(course.root / "release" / ASSIGNMENT / "quick.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        if grade_id == "answer" and answer is not None:
            cell.source = answer
        if grade_id == "test_answer" and test is not None:
            cell.source = test
        if grade_id == "why" and why is not None:
            cell.source = why
    nbformat.write(nb, folder / "quick.ipynb")


@pytest.fixture(scope="session")
def empty_gradebook(tmp_path_factory) -> Path:
    """A migrated, empty course database; new gradebooks are copies (nbgrader runs `alembic` for each)."""
    from fadaa.grading.database import open_database

    path = tmp_path_factory.mktemp("template") / "gradebook.db"
    open_database(f"sqlite:///{path}", COURSE_ID).dispose()
    return path


@pytest.fixture
def db_url(tmp_path, empty_gradebook):
    shutil.copy(empty_gradebook, tmp_path / "gradebook.db")
    return f"sqlite:///{tmp_path / 'gradebook.db'}"


@pytest.fixture
def released_lesson(tmp_path):
    """A copy of the cash book lesson with its answer cells as a learner receives them."""
    nb = nbformat.read(COURSE / "source" / "bookkeeping_1" / "cash_book.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = "YOUR ANSWER HERE" if cell.cell_type == "markdown" else cell.source.split("\n")[0]
    path = tmp_path / "cash_book.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def lessons(tmp_path, monkeypatch):
    """Her lesson notebooks in her lessons folder; her profile in tmp (and an older Fadaa's agm.json beside it)."""
    from fadaa.widgets.lesson import Lesson  # here: most tests that load this plugin need no widget
    monkeypatch.setenv("FADAA_PROFILE", str(tmp_path / "profile" / "profile.json"))

    def open_lesson(folder: str, name: str, lang: str):
        target = tmp_path / "lessons" / folder / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(COURSE / "source" / folder / name, target)
        return Lesson({"fr": "t", "ar": "t"}, lang, target)

    return open_lesson


def record_pass(db_url: str, course_id: str, student: str, module: str, when: str = "2026-11-20 10:00:00") -> None:
    """Her submission of ``module``, graded full marks by hand, straight into nbgrader's gradebook:
    a pass without running the lesson, for tests about what a pass gives her (her certificate)."""
    import datetime as dt

    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id=course_id) as gradebook:
        submission = gradebook.add_submission(module, student, timestamp=dt.datetime.fromisoformat(when))
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.manual_score, grade.needs_manual_grade = grade.max_score, False
        gradebook.db.commit()
