"""What the gradebook cannot tell: when a learner started a lesson, when her work was collected.

nbgrader's gradebook only learns of a submission when it is autograded. The progress model also
needs "started" (her own copy of the lesson holds saved answers: the lesson kit writes each answer
into her notebook as she gives it) and "submitted" (collected, not graded yet). Both are recorded
in ``fadaa_activity``: ``fadaa collect`` records what it collected, and ``fadaa activity`` scans the
learners' homes (on the server where they live) for copies that differ from the released lesson.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import nbformat
from nbgrader.utils import parse_utc
from sqlalchemy import Engine, and_, select

from fadaa.core.home_layout import home_of

from .course import Course
from .database import activity, open_database


def record(engine: Engine, column: str, when: dict[tuple[str, str], dt.datetime]) -> int:
    """Set ``column`` (started_at or submitted_at) for each (student, assignment); earliest start wins."""
    with engine.begin() as conn:
        for (student_id, assignment), moment in when.items():
            key = and_(activity.c.student_id == student_id, activity.c.assignment == assignment)
            current = conn.execute(select(activity.c[column]).where(key)).first()
            if current is None:
                conn.execute(activity.insert().values(student_id=student_id, assignment=assignment, **{column: moment}))
            elif column == "submitted_at" or current[0] is None or moment < current[0]:
                conn.execute(activity.update().where(key).values(**{column: moment}))
    return len(when)


def record_collected(course: Course, assignment: str) -> int:
    """Record the submissions of ``assignment`` that ``collect`` put in the course's submitted/ folder."""
    found = {}
    for student_id in course.submitted_students(assignment):
        stamp = Path(course.api.coursedir.format_path(course.api.coursedir.submitted_directory, student_id,
                                                       assignment)) / "timestamp.txt"
        found[(student_id, assignment)] = parse_utc(stamp.read_text().strip()) if stamp.exists() \
            else dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return record(open_database(course.db_url, course.course_id), "submitted_at", found)


def _answers(notebook: nbformat.NotebookNode) -> dict[str, str]:
    return {cell.metadata["nbgrader"]["grade_id"]: cell.source for cell in notebook.cells
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution")}


def scan_homes(course: Course, homes: Path) -> int:
    """Record as started every lesson copy under ``homes/<student>/<assignment>/`` with a saved answer.

    The start time is the copy's last save: the scan sees answers, not when the first was given.
    """
    release = course.root / course.api.coursedir.release_directory
    found = {}
    for released in sorted(release.glob("*/*.ipynb")):
        assignment, blank = released.parent.name, _answers(nbformat.read(released, as_version=4))
        for copy in sorted(homes.glob(f"*/{assignment}/{released.name}")):
            try:
                answers = _answers(nbformat.read(copy, as_version=4))
            except (OSError, ValueError):
                continue  # a copy she is saving right now or broke: the next scan sees it
            if any(answers.get(grade_id, text) != text for grade_id, text in blank.items()):
                moment = dt.datetime.fromtimestamp(copy.stat().st_mtime, dt.timezone.utc).replace(tzinfo=None)
                found[(home_of(copy).name, assignment)] = moment
    return record(open_database(course.db_url, course.course_id), "started_at", found)
