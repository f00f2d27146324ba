"""The learner's home as plain data: her modules with status, due date, score, results, feedback
and lesson.

Her id is the one her home's ``nbgrader_config.py`` gives nbgrader (the hub writes it when her server
starts, with her hub name): the same id her lessons submit under. Her lessons are the copies in her
home (``<module>/<lesson>.ipynb``): they give each module's title and each checkpoint's question
(``grading.names``).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from fadaa.core.home_layout import config_of, documents_of
from fadaa.grading.config import load_config
from fadaa.grading.names import Checkpoint, ModuleTitles, checkpoints, lessons_in
from fadaa.grading.progress import Progress

from .feedback import fetch_feedback

HANDED_IN = ("submitted", "needs_manual", "graded", "passed")


class UnknownLearner(LookupError):
    """Her home names no learner, or the roster does not know her."""


@dataclass(frozen=True)
class ModuleCard:
    module: str
    title: dict[str, str]
    status: str
    duedate: dt.datetime | None
    score: float | None
    max_score: float | None
    lesson: str | None = None              # path of her copy, relative to her home (and to the page's URL)
    feedback: list[Path] = field(default_factory=list)
    # once the trainer released feedback: each checkpoint she handed in with its verdict (True
    # right, False look at it again, None not graded yet), and his comments as he wrote them
    results: list[tuple[Checkpoint, bool | None]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    submitted_at: dt.datetime | None = None
    submitted_late: bool = False

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def lesson_url(self, lang: str) -> str | None:
        """Relative to the home page, so it works under the hub's /user/<name>/ prefix as well."""
        return f"{quote(self.lesson)}?lang={lang}" if self.lesson else None


@dataclass(frozen=True)
class Home:
    student_id: str
    name: str
    cooperative: str
    lang: str                              # her language on the roster: her pages' until she picks one
    modules: list[ModuleCard]
    documents: list[Path]


def student_id(home: Path) -> str:
    """Her nbgrader id from her home's configuration (else the hub's user name)."""
    found = load_config(config_of(home)).CourseDirectory.get("student_id") or os.environ.get("JUPYTERHUB_USER")
    if not found:
        raise UnknownLearner(f"no student_id in {config_of(home)}")
    return found


def her_documents(home: Path) -> list[Path]:
    """What her lessons made for her (price sheet, cash book, convocation…), newest first."""
    folder = documents_of(home)
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")] if folder.is_dir() else []
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def _none(value):
    """pandas' NaN/NaT as None, for the card."""
    return None if value is None or value != value else value


def _results(notebook: Path | None, found: dict[str, bool | None]) -> list[tuple[Checkpoint, bool | None]]:
    """Her verdicts in the lesson's order, each with its checkpoint's question (from her copy)."""
    points = checkpoints(notebook)
    ordered = [g for g in points if g in found] + [g for g in found if g not in points]
    return [(points.get(g) or Checkpoint(g), found[g]) for g in ordered]


def her_home(progress: Progress, home: Path, now: dt.datetime | None = None) -> Home:
    """Her modules (those given to her or already in her home) with their results, in one query each
    for all her modules: progress, then her grades and comments."""
    sid = student_id(home)
    rows = progress.learner_modules(now=now, student_id=sid)
    # no row either when the course has no module yet: she is then on the roster with nothing to do
    person = rows if not rows.empty else progress.roster(student_id=sid)
    if person.empty:
        raise UnknownLearner(f"{sid} is not on the roster")
    lessons = lessons_in(home)
    titles = ModuleTitles.read(home)
    results = progress.results(sid)
    cards = []
    for row in rows.itertuples(index=False):
        notebook = lessons.get(row.module)
        if row.status == "not_released" and notebook is None:
            continue
        # a lesson released to everyone (not through ``fadaa assign``) is in her home without a
        # target row: for her it is open
        status = "released" if row.status == "not_released" else row.status
        feedback = fetch_feedback(home, row.module) if status in HANDED_IN else []
        released = results.get(row.module) if feedback else None
        cards.append(ModuleCard(
            row.module, titles.both(row.module), status, _none(row.duedate), _none(row.score),
            _none(row.max_score), str(notebook.relative_to(home)) if notebook else None, feedback,
            _results(notebook, released.checkpoints) if released else [],
            released.comments if released else [], _none(row.submitted_at), bool(row.submitted_late)))
    first = person.iloc[0]
    return Home(sid, first["name"], first["cooperative"], first["lang"], cards, her_documents(home))
