"""The full nbgrader pipeline on the real course, for every lesson:
generate -> release -> fetch as a learner -> answers through the kit's AnswerStore (the path the
widgets use) -> submit -> collect -> autograde -> scores in the gradebook."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from fadaa.grading import exchange
from fadaa.grading.course import Course
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.bookkeeping import cash_book_view
from conftest import COURSE, lesson_notebooks, solution_answers

pytestmark = pytest.mark.slow
LESSONS = [(nb.parent.name, nb.name) for nb in lesson_notebooks()]


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The course generated and released once for every lesson of this module's tests."""
    tmp = tmp_path_factory.mktemp("pipeline")
    shutil.copytree(COURSE, tmp / "course", ignore=shutil.ignore_patterns("gradebook.db", "release"))
    (tmp / "exchange").mkdir()
    (tmp / "exchange").chmod(0o777)
    course = Course(tmp / "course", exchange=tmp / "exchange")
    for assignment, _nb in LESSONS:
        course.generate(assignment)
        course.release(assignment)
    return course, tmp


def hand_in(course: Course, tmp: Path, student: str, assignment: str, answers: dict) -> None:
    home = tmp / "home" / student
    exchange.write_learner_config(home, course.course_id, tmp / "exchange", student)
    folder = exchange.fetch(home, assignment)
    for notebook in folder.glob("*.ipynb"):
        store = AnswerStore(notebook)
        for grade_id, value in answers.items():
            store.save(grade_id, value)
    exchange.submit(home, assignment)


def autograded_scores(course: Course, assignment: str, student: str) -> tuple[float, float]:
    with Gradebook(course.db_url) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        return submission.code_score, submission.max_code_score


@pytest.mark.parametrize("assignment,notebook", LESSONS)
def test_source_notebook_passes_nbgrader_validate(assignment, notebook, tmp_path):
    copy = tmp_path / notebook
    shutil.copy(COURSE / "source" / assignment / notebook, copy)
    result = subprocess.run([sys.executable, "-m", "nbgrader", "validate", str(copy)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Success! Your notebook passes all the tests." in result.stdout, result.stdout


HIDDEN_TEST = re.compile(r"### BEGIN HIDDEN TESTS\n### AUTOTEST (\w+)\n### END HIDDEN TESTS")


@pytest.mark.parametrize("assignment,notebook", LESSONS)
def test_generation_writes_the_rules_answer_into_each_hidden_test(released, assignment, notebook):
    """A hidden test holds no figure of its own in the source: generation writes the value the kit's
    rule gives (the solution computes it), and that is what autograde compares her answer with."""
    course, _tmp = released
    source = COURSE / "source" / assignment / notebook
    answers = solution_answers(source)
    hidden = {cell.metadata["nbgrader"]["grade_id"]: cell.source for cell in nbformat.read(source, as_version=4).cells
              if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade")}
    assert hidden and all(HIDDEN_TEST.fullmatch(text) for text in hidden.values()), hidden
    with Gradebook(course.db_url) as gradebook:
        for grade_id, text in hidden.items():
            answer = answers[HIDDEN_TEST.fullmatch(text).group(1)]
            written = gradebook.find_source_cell(grade_id, Path(notebook).stem, assignment).source
            assert f" {answer!r})" in written or f"== {answer!r}," in written, (grade_id, written)


@pytest.mark.parametrize("assignment,notebook", LESSONS)
def test_solution_scores_full_marks_and_blank_scores_zero(released, assignment, notebook):
    course, tmp = released
    answers = solution_answers(COURSE / "source" / assignment / notebook)
    assert answers, "a lesson needs at least one answer cell"
    hand_in(course, tmp, "solution", assignment, answers)
    hand_in(course, tmp, "blank", assignment, {})
    course.collect(assignment)
    for student in ("solution", "blank"):
        course.autograde(assignment, student)
    score, max_score = autograded_scores(course, assignment, "solution")
    assert max_score > 0, "a lesson needs at least one autograded checkpoint"
    assert score == max_score
    assert autograded_scores(course, assignment, "blank") == (0, max_score)


def test_cash_book_partial_marks_for_one_wrong_answer(released):
    course, tmp = released
    right = cash_book_view.example_closing_balance()
    hand_in(course, tmp, "amina", "bookkeeping_1",
            {"closing_balance": right, "total_sales": cash_book_view.example_total_sales() + 50,  # counted the cotisation as a sale
             "why_same_day": "Pour ne rien oublier et garder la preuve."})
    course.collect("bookkeeping_1")
    course.autograde("bookkeeping_1", "amina")
    submitted = course.root / "submitted" / "amina" / "bookkeeping_1"
    assert (submitted / "cash_book.ipynb").exists() and list(submitted.glob(".*.lock")) == []
    score = course.score("bookkeeping_1", "amina")
    assert autograded_scores(course, "bookkeeping_1", "amina") == (2, 4)
    assert score.needs_manual_grade  # her free text waits for the trainer
    assert score.max_score == 6


def test_her_trainer_sees_in_the_autograded_notebook_that_she_opened_a_worked_answer(released):
    import json
    from fadaa.widgets.lesson import WORKED_KEY, Lesson

    course, tmp = released
    home = tmp / "home" / "salma"
    exchange.write_learner_config(home, course.course_id, tmp / "exchange", "salma")
    notebook = exchange.fetch(home, "bookkeeping_1") / "cash_book.ipynb"
    lesson = Lesson({"fr": "Le cahier de caisse", "ar": "دفتر الصندوق"}, "fr", notebook)
    question = lesson.numeric("closing_balance", "Combien ?", "كم؟", 3585, worked=("1 200 + 3 150 − 765", ""))
    question.submit("2 385")
    question.submit("3 385")
    question.worked.button.click()
    question.submit("3 585")
    exchange.submit(home, "bookkeeping_1")
    hand_in(course, tmp, "nadia", "bookkeeping_1", {"closing_balance": 3585.0})  # found it herself
    from fadaa.grading import trainer
    trainer.collect(course, "bookkeeping_1")
    assert trainer.worked_answers_opened(course, "bookkeeping_1") == {"salma": ["closing_balance"]}  # the desk says so
    course.autograde("bookkeeping_1", "salma")
    graded = course.root / "autograded" / "salma" / "bookkeeping_1" / "cash_book.ipynb"
    seen = json.loads(graded.read_text(encoding="utf-8"))["metadata"]["fadaa"][WORKED_KEY]
    assert list(seen) == ["closing_balance"]
    assert autograded_scores(course, "bookkeeping_1", "salma") == (2, 4)  # still graded on her answers
