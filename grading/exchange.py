"""The learner's side of nbgrader's exchange: fetch a released lesson into her home, submit it back.

Uses nbgrader's own exchange classes, so whatever exchange the deployment configures (the default
shared folder, or another) keeps working. A learner's home holds an ``nbgrader_config.py`` naming
the course, the exchange and her id; the lesson's Submit button reads it from there.
"""
from __future__ import annotations

import os
from pathlib import Path

from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeError
from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeFetchFeedback, ExchangeSubmit

from fadaa.core.home_layout import assignment_of, config_of

from .config import load_config


class SubmitFailed(RuntimeError):
    pass


def write_learner_config(home: Path, course_id: str, exchange: Path, student_id: str) -> Path:
    """The learner's own nbgrader configuration: which course, which exchange, who she is. Its paths
    start from the file's own folder, so a site restored into another folder (``fadaa restore``)
    or another machine still finds her lessons and the exchange."""
    home.mkdir(parents=True, exist_ok=True)
    path = config_of(home)
    exchange_from_home = os.path.relpath(Path(exchange).resolve(), home.resolve())
    path.write_text(
        "import os\n"
        "c = get_config()  # noqa: F821\n"
        "home = os.path.dirname(os.path.abspath(__file__))\n"
        f"c.CourseDirectory.course_id = {course_id!r}\n"
        f"c.CourseDirectory.student_id = {student_id!r}\n"
        f"c.Exchange.root = os.path.normpath(os.path.join(home, {exchange_from_home!r}))\n"
        "c.Exchange.assignment_dir = home\n"
        # the lesson's answer-saving lock files stay at home
        "c.CourseDirectory.ignore = ['.ipynb_checkpoints', '*.pyc', '__pycache__', 'feedback', '.*.lock']\n",
        encoding="utf-8")
    return path


def _run(exchange_class, home: Path, assignment: str):
    config = load_config(config_of(home), {"Exchange": {"assignment_dir": str(home)}})
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    step = exchange_class(coursedir=coursedir, authenticator=Authenticator(config=config), config=config)
    return step.start()


def fetch(home: Path, assignment: str) -> Path:
    """Copy the released ``assignment`` into the learner's home; returns its folder."""
    _run(ExchangeFetchAssignment, home, assignment)
    return home / assignment


def fetch_feedback(home: Path, assignment: str) -> Path:
    """Copy the feedback the trainer released for her ``assignment`` into its ``feedback/`` folder."""
    _run(ExchangeFetchFeedback, home, assignment)
    return home / assignment / "feedback"


def submit(home: Path, assignment: str) -> None:
    """Hand her copy of ``assignment`` in through the exchange, answers as saved in her notebook."""
    try:
        _run(ExchangeSubmit, home, assignment)
    except ExchangeError as exc:
        raise SubmitFailed(str(exc)) from exc


def submit_notebook(notebook: Path) -> None:
    """Submit the lesson that ``notebook`` belongs to: its folder is the assignment, above is her home."""
    assignment_dir = assignment_of(notebook)
    submit(assignment_dir.parent, assignment_dir.name)
