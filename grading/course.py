"""The trainer's side of nbgrader, through its own API: generate, release, collect, autograde, scores.

Thin on purpose: nbgrader is the record of truth and does the work; these functions give it a
course directory and turn its result dictionaries into errors that say what failed.
"""
from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps import NbGraderAPI
from nbgrader.utils import capture_log, temp_attrs

from .config import load_config
from .database import nbgrader_tools_on_path
from .names import lessons_in


class NbgraderStepFailed(RuntimeError):
    """nbgrader reported a failure; the message carries its log so the trainer sees why."""


@dataclass(frozen=True)
class Score:
    score: float
    max_score: float
    needs_manual_grade: bool


def source_modules(root: str | Path) -> list[str]:
    """The modules of the course at ``root``: its ``source/`` folders with a lesson, which nbgrader
    generates when a trainer gives one (read from the folder: opening the ``Course`` is slower)."""
    return sorted(lessons_in(Path(root) / "source"))


class Course:
    """One nbgrader course directory (``nbgrader_config.py``, ``source/``, ``gradebook.db``…)."""

    def __init__(self, root: str | Path, exchange: str | Path | None = None, db_url: str | None = None):
        nbgrader_tools_on_path()
        self.root = Path(root).resolve()
        overrides: dict = {"CourseDirectory": {"root": str(self.root)}}
        if exchange is not None:
            overrides["Exchange"] = {"root": str(exchange)}
        if db_url is not None:
            overrides["CourseDirectory"]["db_url"] = db_url
        self.config = load_config(self.root / "nbgrader_config.py", overrides)
        self.api = NbGraderAPI(config=self.config)
        self.course_id = self.api.coursedir.course_id

    @property
    def db_url(self) -> str:
        return self.api.coursedir.db_url

    def _run(self, step: str, result: dict) -> str:
        if not result.get("success"):
            raise NbgraderStepFailed(f"nbgrader {step} failed:\n{result.get('log', '')}\n{result.get('error', '')}")
        return result.get("log", "")

    def generate(self, assignment: str) -> str:
        return self._run("generate_assignment", self.api.generate_assignment(assignment))

    def release(self, assignment: str, force: bool = False) -> str:
        """Put the generated lesson in the exchange; ``force`` replaces an earlier release."""
        if not force:
            return self._run("release_assignment", self.api.release_assignment(assignment))
        with temp_attrs(self.api.coursedir, assignment_id=assignment):
            app = self.api.exchange.ReleaseAssignment(
                coursedir=self.api.coursedir, authenticator=self.api.authenticator, parent=self.api)
            app.force = True
            return self._run("release_assignment", capture_log(app))

    def collect(self, assignment: str) -> str:
        return self._run("collect", self.api.collect(assignment))

    def autograde(self, assignment: str, student_id: str) -> str:
        return self._run("autograde", self.api.autograde(assignment, student_id))

    def release_feedback(self, assignment: str) -> str:
        """Generate the feedback pages of every graded submission and hand them out through the exchange."""
        log = self._run("generate_feedback", self.api.generate_feedback(assignment))
        return log + self._run("release_feedback", self.api.release_feedback(assignment))

    def submitted_students(self, assignment: str) -> list[str]:
        """Learners whose submission of ``assignment`` has been collected into ``submitted/``."""
        pattern = self.api.coursedir.format_path(self.api.coursedir.submitted_directory, "*", assignment)
        return sorted(Path(p).parent.name for p in glob.glob(pattern))

    def submitted_notebooks(self, assignment: str) -> list[tuple[str, Path]]:
        """(learner, notebook) for each notebook of ``assignment`` collected into ``submitted/``."""
        return [(student, notebook) for student in self.submitted_students(assignment)
                for notebook in sorted(Path(self.api.coursedir.format_path(
                    self.api.coursedir.submitted_directory, student, assignment)).glob("*.ipynb"))]

    def score(self, assignment: str, student_id: str) -> Score | None:
        """The learner's score on ``assignment`` from the gradebook, or None if nothing is graded."""
        with Gradebook(self.db_url, course_id=self.course_id) as gradebook:
            try:
                submission = gradebook.find_submission(assignment, student_id)
            except MissingEntry:
                return None
            return Score(submission.score, submission.max_score, submission.needs_manual_grade)
