"""Autograde a whole batch on every core; one bad notebook is flagged and never stops the batch.

nbgrader has no parallel autograde (its issue #174) and most of its time per submission is a
kernel starting and running the lesson, so a pool of processes over disjoint students scales with
the cores, and each worker's kernels are forked from a warm parent (``forked_kernels``) instead
of starting Python and importing the lesson kit for every submission. Each worker calls
nbgrader's own autograde through its API on one student at a time; the gradebook (SQLite in WAL
mode, or PostgreSQL) takes their writes.

What each submission is checked for, besides nbgrader's own result:

``not_json``          a notebook that is not valid JSON (a broken upload): not graded
``missing``           a lesson notebook absent from the submission
``tampered``          locked or test cells that differ from the released lesson; nbgrader grades
                      with the original cells anyway (it overwrites them), the trainer should know
``timeout``           a cell ran past ``ExecutePreprocessor.timeout`` and was interrupted
``output_truncated``  a cell printed more than ``LimitOutput.max_lines`` lines or
                      ``BoundedExecute.max_output_chars`` characters (``output_limit``): the
                      graded notebook keeps the start of its output and nbgrader's mark
``failed``            nbgrader reported a failure; the report keeps the end of its log
"""
from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import nbformat

from fadaa.core.i18n import mark as _

from .course import Course
from .database import open_database
from fadaa.server.forked_kernels import use_forked_python_kernels
from .output_limit import TRUNCATED_MARK, output_text


FLAG_MESSAGES = {
    "not_json": _("A notebook is not valid JSON (a broken file): not graded."),
    "missing": _("The submission lacks a notebook of this lesson."),
    "tampered": _("Locked or test cells were changed; nbgrader graded with the original cells."),
    "timeout": _("A cell ran past the time limit and was stopped (an endless loop?)."),
    "output_truncated": _("The notebook printed too much; its output was cut."),
    "failed": _("nbgrader could not grade it; see the log."),
}
TIMEOUT_MARK = "Timeout waiting for execute reply"  # what nbclient logs when it interrupts a cell
LOG_TAIL = 2000


@dataclass
class Outcome:
    student_id: str
    graded: bool
    flags: list[str] = field(default_factory=list)
    seconds: float = 0.0
    log: str = ""


@dataclass
class AutogradeReport:
    assignment: str
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def graded(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.graded]

    @property
    def flagged(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.flags]


def _locked_cells(notebook: nbformat.NotebookNode) -> dict[str, tuple]:
    """The cells a learner must not change (locked, or graded without being an answer), by grade_id."""
    found = {}
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade_id") and not meta.get("solution") and (meta.get("locked") or meta.get("grade")):
            found[meta["grade_id"]] = (cell.cell_type, cell.source, meta.get("points"))
    return found


def check_submission(submitted: Path, released: Path) -> list[str]:
    """Flags that reading the files can tell before nbgrader runs: not JSON, missing, tampered."""
    flags: list[str] = []
    for lesson in sorted(released.glob("*.ipynb")):
        copy = submitted / lesson.name
        if not copy.exists():
            flags.append("missing")
            continue
        try:
            theirs = nbformat.read(copy, as_version=4)
        except Exception:  # noqa: BLE001 - nbformat raises several kinds for a broken file
            flags.append("not_json")
            continue
        if _locked_cells(theirs) != _locked_cells(nbformat.read(lesson, as_version=4)):
            flags.append("tampered")
    return sorted(set(flags))


def _was_truncated(autograded: Path) -> bool:
    for notebook in autograded.glob("*.ipynb"):
        for cell in nbformat.read(notebook, as_version=4).cells:
            if any(TRUNCATED_MARK in output_text(out) for out in cell.get("outputs", [])):
                return True
    return False


_course: Course | None = None


def _start_worker(root: str, exchange: str | None, db_url: str) -> None:
    global _course
    # each submission still runs in a kernel of its own, forked from a parent that ran no learner's code
    use_forked_python_kernels()
    _course = Course(root, exchange=exchange, db_url=db_url)


def grade_one(course: Course, assignment: str, student_id: str) -> Outcome:
    """Check and autograde one learner's submission; every failure becomes a flag, never an exception."""
    started = time.perf_counter()
    coursedir = course.api.coursedir
    submitted = Path(coursedir.format_path(coursedir.submitted_directory, student_id, assignment))
    released = course.root / coursedir.release_directory / assignment
    flags = check_submission(submitted, released)
    if "not_json" in flags or "missing" in flags:
        return Outcome(student_id, False, flags, time.perf_counter() - started)
    try:
        result = course.api.autograde(assignment, student_id)
    except Exception as exc:  # noqa: BLE001 - one submission must never stop the batch
        result = {"success": False, "log": "", "error": repr(exc)}
    log = f"{result.get('log', '')}\n{result.get('error') or ''}"
    if TIMEOUT_MARK in log:
        flags.append("timeout")
    autograded = Path(coursedir.format_path(coursedir.autograded_directory, student_id, assignment))
    if result.get("success") and _was_truncated(autograded):
        flags.append("output_truncated")
    if not result.get("success"):
        flags.append("failed")
    return Outcome(student_id, bool(result.get("success")), flags, time.perf_counter() - started,
                   log[-LOG_TAIL:] if not result.get("success") else "")


def _grade_in_worker(assignment: str, student_id: str) -> Outcome:
    return grade_one(_course, assignment, student_id)


def autograde_all(course: Course, assignment: str, students: list[str] | None = None,
                  workers: int | None = None, on_done: Callable[[Outcome], None] | None = None) -> AutogradeReport:
    """Autograde every collected submission of ``assignment`` (or ``students``) with ``workers`` processes."""
    started = time.perf_counter()
    open_database(course.db_url, course.course_id)  # WAL mode and indexes before several writers start
    if not (course.root / course.api.coursedir.release_directory / assignment).is_dir():
        course.generate(assignment)  # the released lesson is what submissions are checked against
    students = sorted(students if students is not None else course.submitted_students(assignment))
    workers = max(1, min(workers or multiprocessing.cpu_count(), len(students) or 1))
    report = AutogradeReport(assignment)
    # spawn: a fresh interpreter per worker, nothing inherited from the caller (open databases, threads)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker,
                             initargs=(str(course.root), course.config.Exchange.get("root"), course.db_url)) as pool:
        futures = {pool.submit(_grade_in_worker, assignment, student): student for student in students}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died takes only its submission
                outcome = Outcome(futures[future], False, ["failed"], log=repr(exc))
            report.outcomes.append(outcome)
            if on_done:
                on_done(outcome)
    report.outcomes.sort(key=lambda o: o.student_id)
    report.seconds = time.perf_counter() - started
    return report
