"""The trainer's steps on a cohort: assign a module with a due date, collect, return feedback.

The ``fadaa`` CLI and the trainer's Voilà desk both call these. nbgrader does the work (generate,
release, collect, feedback); these add what it has no notion of: to whom a module was given.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from fadaa.core.answer_store import WORKED_KEY, AnswerStore

from . import activity
from .course import Course
from .database import learner, open_database
from .extensions import record_target, update_nbgrader_duedate


class NoSuchGroup(ValueError):
    """Nobody on the roster is in that cohort or cooperative (a typo, or the roster is not imported)."""


@dataclass(frozen=True)
class Assignment:
    module: str
    kind: str
    name: str
    learners: int
    duedate: dt.datetime


def assign(course: Course, module: str, duedate: dt.datetime, cohort: str | None = None,
           cooperative: str | None = None) -> Assignment:
    """Generate and release ``module`` and record that ``cohort`` (or ``cooperative``) must do it by ``duedate``.

    nbgrader keeps one due date per assignment (for its late penalties): it gets the latest of the
    groups' (and learners' extra time) dates, so nobody is penalised before her own date; progress
    uses each group's date. Assigning again to a cooperative is how it gets a new date of its own.
    """
    if (cohort is None) == (cooperative is None):
        raise ValueError("give a cohort or a cooperative")
    kind, name = ("cohort", cohort) if cohort is not None else ("cooperative", cooperative)
    engine = open_database(course.db_url, course.course_id)
    with engine.connect() as conn:
        members = conn.execute(select(func.count()).where(learner.c[kind] == name)).scalar()
    if not members:
        raise NoSuchGroup(f"no learner on the roster has {kind} {name!r}")
    course.generate(module)
    course.release(module, force=True)
    with engine.begin() as conn:
        record_target(conn, module, kind, name, duedate)
    update_nbgrader_duedate(course.db_url, course.course_id, module)
    return Assignment(module, kind, name, members, duedate)


def collect(course: Course, module: str) -> list[str]:
    """Collect the submissions from the exchange and record them as submitted; returns who handed in."""
    course.collect(module)
    activity.record_collected(course, module)
    return course.submitted_students(module)


def worked_answers_opened(course: Course, module: str) -> dict[str, list[str]]:
    """Who opened a checkpoint's worked answer before handing ``module`` in, and which ones: read
    from the metadata of the notebooks collected into ``submitted/``. A notebook that cannot be read
    is left out here (autograde names it)."""
    opened: dict[str, list[str]] = {}
    for student, notebook in course.submitted_notebooks(module):
        try:
            seen = AnswerStore(notebook).load_data(WORKED_KEY)
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(seen, dict) and seen:
            opened.setdefault(student, []).extend(sorted(seen))
    return opened
