"""Her results in each module, as her home shows them: each checkpoint right or to look at again,
and her trainer's written comments.

Read from the gradebook (nbgrader's ``grade`` and ``comment`` tables of her submissions) in one query
for all her modules, so her home costs the same with one module or forty. Her home shows them only
for modules whose feedback her trainer released (``views/feedback.py``), as nbgrader would.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, Float, String, literal, null, select, union_all

from .database import GRADEBOOK
from .names import checkpoint_of

_grade = GRADEBOOK["grade"]
_comment = GRADEBOOK["comment"]
_base_cell = GRADEBOOK["base_cell"]
_grade_cells = GRADEBOOK["grade_cells"]
_submitted_notebook = GRADEBOOK["submitted_notebook"]
_submitted_assignment = GRADEBOOK["submitted_assignment"]
_assignment = GRADEBOOK["assignment"]


@dataclass(frozen=True)
class ModuleResults:
    """Her checkpoints in one module (grade_id -> right, False: look at it again, None: her trainer
    has not graded it yet) and her trainer's comments, as he wrote them."""

    checkpoints: dict[str, bool | None] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)


def _of_her(query, cells, student_id: str):
    """``query`` over ``cells`` (grade or comment rows) narrowed to her submissions, with each row's
    module and cell name."""
    return (query.join(_base_cell, _base_cell.c.id == cells.c.cell_id)
            .join(_submitted_notebook, _submitted_notebook.c.id == cells.c.notebook_id)
            .join(_submitted_assignment, _submitted_assignment.c.id == _submitted_notebook.c.assignment_id)
            .join(_assignment, _assignment.c.id == _submitted_assignment.c.assignment_id)
            .where(_submitted_assignment.c.student_id == student_id))


def her_results(engine: Engine, student_id: str) -> dict[str, ModuleResults]:
    """Her results by module, for every module she handed in (one query)."""
    grades = _of_her(select(_assignment.c.name, _base_cell.c.name, _grade.c.auto_score, _grade.c.manual_score,
                            _grade_cells.c.max_score, _grade.c.needs_manual_grade,
                            null().cast(String).label("comment"))
                     .select_from(_grade).join(_grade_cells, _grade_cells.c.id == _grade.c.cell_id),
                     _grade, student_id)
    comments = _of_her(select(_assignment.c.name, _base_cell.c.name, null().cast(Float), null().cast(Float),
                              null().cast(Float), literal(False), _comment.c.manual_comment)
                       .select_from(_comment), _comment, student_id) \
        .where(_comment.c.manual_comment.is_not(None), _comment.c.manual_comment != "")
    found: dict[str, ModuleResults] = {}
    with engine.connect() as conn:
        for module, cell, auto, manual, max_score, waiting, comment in conn.execute(union_all(grades, comments)):
            results = found.setdefault(module, ModuleResults())
            if comment is not None:
                results.comments.append(comment)
                continue
            score = manual if manual is not None else auto
            # a checkpoint is right with all its points: partly right is worth another look
            results.checkpoints[checkpoint_of(cell)] = \
                None if score is None or (waiting and manual is None) else score >= (max_score or 0)
    return found
