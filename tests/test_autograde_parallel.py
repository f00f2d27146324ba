"""Parallel autograde on a real nbgrader course: bad submissions are flagged, the batch goes on.

The course is the Fadaa course's configuration with one small lesson written here, so that the
test's time goes to nbgrader and its kernels, not to importing the lesson kit.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import COURSE

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


@pytest.mark.slow
def test_a_batch_with_every_kind_of_bad_submission_is_graded_on_two_workers(quick_course):
    from fadaa.grading.autograde import autograde_all

    submit_copy(quick_course, "right", "answer = 42", why="Pour garder la trace.")
    submit_copy(quick_course, "wrong", "answer = 41")
    submit_copy(quick_course, "loops", "while True:\n    pass")
    submit_copy(quick_course, "floods", "print(('bla ' * 250 + '\\n') * 5000)  # 5 MB\nanswer = 42")
    submit_copy(quick_course, "tampers", "answer = 41", test="assert True")
    submit_copy(quick_course, "broken", raw='{"cells": [ this is not json')
    seen = []

    report = autograde_all(quick_course, ASSIGNMENT, workers=2, on_done=seen.append)

    outcomes = {o.student_id: o for o in report.outcomes}
    assert sorted(outcomes) == ["broken", "floods", "loops", "right", "tampers", "wrong"]
    assert len(seen) == 6  # the progress callback heard of each one
    assert {s: o.flags for s, o in outcomes.items()} == {
        "right": [], "wrong": [], "loops": ["timeout"], "floods": ["output_truncated"],
        "tampers": ["tampered"], "broken": ["not_json"]}
    assert not outcomes["broken"].graded
    assert all(outcomes[s].graded for s in ("right", "wrong", "loops", "floods", "tampers"))
    score = {s: quick_course.score(ASSIGNMENT, s) for s in outcomes}
    assert score["right"].score == 2 and score["right"].max_score == 3
    assert score["right"].needs_manual_grade  # her free-text answer waits for the trainer
    assert not score["wrong"].needs_manual_grade  # left blank: nbgrader gives 0 without a trainer
    assert score["floods"].score == 2
    assert score["wrong"].score == score["loops"].score == 0
    # nbgrader put the original test back: the tampered "assert True" did not give the points
    assert score["tampers"].score == 0
    assert score["broken"] is None
