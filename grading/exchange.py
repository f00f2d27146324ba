"""The learner's side of nbgrader's exchange: fetch a released lesson into her home, submit it back.

Asks nbgrader's ``ExchangeFactory`` for its exchange classes, as nbgrader's own ``fetch_assignment``
and ``submit`` do, so whatever exchange the deployment configures (the default shared folder,
ngshare, or another: ``c.ExchangeFactory.submit = ...``) is the one used. A learner's home holds an
``nbgrader_config.py`` naming the course, the exchange and her id; the lesson's Submit button reads
it from there, and so does the factory.
"""
from __future__ import annotations

import os
from pathlib import Path

from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeError, ExchangeFactory

from fadaa.core.home_layout import assignment_of, config_of

from .config import FromHere, load_config, write_config


class SubmitFailed(RuntimeError):
    pass


def write_learner_config(home: Path, course_id: str, exchange: Path, student_id: str) -> Path:
    """The learner's own nbgrader configuration: which course, which exchange, who she is. Its paths
    start from the file's own folder, so a site restored into another folder (``fadaa restore``)
    or another machine still finds her lessons and the exchange."""
    home.mkdir(parents=True, exist_ok=True)
    exchange_from_home = os.path.relpath(Path(exchange).resolve(), home.resolve())
    return write_config(config_of(home), {
        "CourseDirectory": {"course_id": course_id, "student_id": student_id,
                            # the lesson's answer-saving lock files stay at home
                            "ignore": [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*.lock"]},
        "Exchange": {"root": FromHere(exchange_from_home), "assignment_dir": FromHere(".")}})


def _run(step: str, home: Path, assignment: str):
    """Run the exchange's ``step`` (``FetchAssignment``, ``FetchFeedback``, ``Submit``) from her home."""
    config = load_config(config_of(home), {"Exchange": {"assignment_dir": str(home)}})
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    make = getattr(ExchangeFactory(config=config), step)
    return make(coursedir=coursedir, authenticator=Authenticator(config=config), config=config).start()


def fetch(home: Path, assignment: str) -> Path:
    """Copy the released ``assignment`` into the learner's home; returns its folder."""
    _run("FetchAssignment", home, assignment)
    return home / assignment


def fetch_feedback(home: Path, assignment: str) -> Path:
    """Copy the feedback the trainer released for her ``assignment`` into its ``feedback/`` folder."""
    _run("FetchFeedback", home, assignment)
    return home / assignment / "feedback"


def submit(home: Path, assignment: str) -> None:
    """Hand her copy of ``assignment`` in through the exchange, answers as saved in her notebook."""
    try:
        _run("Submit", home, assignment)
    except ExchangeError as exc:
        raise SubmitFailed(str(exc)) from exc


def submit_notebook(notebook: Path) -> None:
    """Submit the lesson that ``notebook`` belongs to: its folder is the assignment, above is her home."""
    assignment_dir = assignment_of(notebook)
    submit(assignment_dir.parent, assignment_dir.name)
