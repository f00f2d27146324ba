"""Learners' spoken answers as their trainer finds them: the voice notes of a module's autograded
submissions, each played from formgrader's address for the submission's own files.

A voice note travels with her lesson (``fadaa.core.answer_store``): nbgrader's submit, collect
and autograde copy every file of the assignment folder, so it lands in ``autograded/<her id>/<module>/``
beside her notebook, whose answer cell names it. Formgrader serves that folder to the trainer alone
(``formgrader/submissions/<submission id>/<file>``), which is where both formgrader's page and his
desk play it from.
"""
from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from fadaa.core.answer_store import AnswerStore

from .course import Course


@dataclass(frozen=True)
class VoiceAnswer:
    student_id: str
    name: str            # as the gradebook knows her
    lesson: str          # the notebook's name, without .ipynb
    checkpoint: str      # the free-text answer's grade_id
    submission_id: str   # formgrader's id of her autograded notebook
    filename: str        # beside the notebook

    def url(self, formgrader: str) -> str:
        """Where ``formgrader`` (its address, e.g. ``/user/trainer/formgrader``) serves the note."""
        return f"{formgrader.rstrip('/')}/submissions/{self.submission_id}/{self.filename}"


def voice_answers(course: Course, module: str) -> list[VoiceAnswer]:
    """Every voice note in the autograded submissions of ``module``, by learner and lesson."""
    coursedir = course.api.coursedir
    found = []
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        for folder in sorted(map(Path, glob.glob(coursedir.format_path(coursedir.autograded_directory, "*", module)))):
            student = folder.parent.name
            for notebook in sorted(folder.glob("*.ipynb")):
                try:
                    notes = AnswerStore(notebook).voice_notes()
                    submitted = gradebook.find_submission_notebook(notebook.stem, module, student)
                except (OSError, ValueError, MissingEntry):
                    continue  # a notebook that cannot be read, or not graded: autograde names it
                name = " ".join(n for n in (submitted.student.first_name, submitted.student.last_name) if n)
                found += [VoiceAnswer(student, name or student, notebook.stem, grade_id, submitted.id, filename)
                          for grade_id, filename in notes.items() if (folder / filename).is_file()]
    return found
