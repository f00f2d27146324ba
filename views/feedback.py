"""Her trainer's feedback on a module, once the trainer has released it through nbgrader.

nbgrader's ``fetch_feedback`` copies the released feedback pages into
``<her home>/<module>/feedback/<timestamp>/<lesson>.html``; the trainer's written comments are read
from the gradebook (one query for all her modules) and shown only for modules whose feedback she
has, so nothing reaches her before the trainer releases it.
"""
from __future__ import annotations

from pathlib import Path

from nbgrader.exchange import ExchangeError
from sqlalchemy import Engine, select

from fadaa.grading import exchange
from fadaa.grading.database import GRADEBOOK

_comment = GRADEBOOK["comment"]
_submitted_notebook = GRADEBOOK["submitted_notebook"]
_submitted_assignment = GRADEBOOK["submitted_assignment"]
_assignment = GRADEBOOK["assignment"]


def fetch_feedback(home: Path, module: str) -> list[Path]:
    """Fetch what the trainer released for ``module`` into her home; her feedback pages, newest first."""
    try:
        folder = exchange.fetch_feedback(home, module)
    except ExchangeError:
        folder = home / module / "feedback"  # nothing released yet: the pages she already has still count
    return sorted(folder.glob("*/*.html"), reverse=True)


def trainer_comments(engine: Engine, student_id: str) -> dict[str, list[str]]:
    """The trainer's written comments on her submissions, by module."""
    query = (select(_assignment.c.name, _comment.c.manual_comment)
             .join(_submitted_notebook, _submitted_notebook.c.id == _comment.c.notebook_id)
             .join(_submitted_assignment, _submitted_assignment.c.id == _submitted_notebook.c.assignment_id)
             .join(_assignment, _assignment.c.id == _submitted_assignment.c.assignment_id)
             .where(_submitted_assignment.c.student_id == student_id, _comment.c.manual_comment.is_not(None),
                    _comment.c.manual_comment != ""))
    found: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for module, text in conn.execute(query):
            found.setdefault(module, []).append(text)
    return found
