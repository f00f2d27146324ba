"""Who needs help (Kolibri's "difficult questions"): for each checkpoint of a module, how many
learners got it wrong, their most common wrong answers, and how many tries they took.

Read from the notebooks the trainer collected (nbgrader's ``submitted/<learner>/<module>/``). Each
holds, beside her last answer (all nbgrader grades), her tries at each checked answer with the
verdict the lesson showed her (``AnswerStore``'s attempts). The tries make one pandas table, and
each checkpoint one row of it summed up.
"""
from __future__ import annotations

import pandas as pd

from fadaa.core.answer_store import ATTEMPTS_KEY, AnswerStore
from fadaa.core.i18n import format_number, gettext_for, mark as _

from .course import Course
from .names import Checkpoint, checkpoints, lessons_in


TOP_WRONG = 3  # wrong answers named per checkpoint: the usual mistakes, not every slip
TRIES = ["student_id", "checkpoint", "attempt", "value", "right"]
ANSWERS = (int, float, str)  # what the kit saves; anything else in a notebook was not written by it
COLUMNS = {"checkpoint": _("Checkpoint"), "learners": _("Learners who answered"),
           "wrong": _("Got it wrong"), "still_wrong": _("Handed in wrong"),
           "wrong_answers": _("Most common wrong answers"), "tries": _("Tries (average)"),
           "most_tries": _("Most tries")}


def tries(course: Course, module: str) -> pd.DataFrame:
    """One row per try of every learner whose ``module`` was collected, oldest try first."""
    rows = []
    for student, notebook in course.submitted_notebooks(module):
        try:
            kept = AnswerStore(notebook).load_data(ATTEMPTS_KEY, {})
        except (OSError, ValueError, AttributeError):
            continue  # a notebook that cannot be read: autograde names it
        for grade_id, attempts in (kept.items() if isinstance(kept, dict) else ()):
            rows += [(student, grade_id, number, t["value"], bool(t.get("right")))
                     for number, t in enumerate(attempts if isinstance(attempts, list) else [], 1)
                     if isinstance(t, dict) and isinstance(t.get("value"), ANSWERS)]
    return pd.DataFrame(rows, columns=TRIES).astype({"attempt": int, "right": bool})


def _checkpoints(course: Course, module: str) -> dict[str, Checkpoint]:
    """The module's checkpoints as its lesson in the course's source asks them."""
    return checkpoints(lessons_in(course.root / "source").get(module))


def difficulty(course: Course, module: str) -> pd.DataFrame:
    """Per checked checkpoint of ``module``, in the lesson's order: learners who answered, who got it
    wrong at least once, who handed it in wrong, each wrong answer with how many learners gave it
    (most given first), and the tries per learner (average and most)."""
    points = {g: p for g, p in _checkpoints(course, module).items() if p.checked}
    table = tries(course, module)
    per_learner = table.groupby(["checkpoint", "student_id"]).agg(
        tries=("attempt", "size"), wrong=("right", lambda r: not r.all()), last_right=("right", "last"))
    summary = per_learner.groupby("checkpoint").agg(
        learners=("tries", "size"), wrong=("wrong", "sum"), still_wrong=("last_right", lambda r: (~r).sum()),
        tries=("tries", "mean"), most_tries=("tries", "max"))
    wrong = table[~table.right].drop_duplicates(["checkpoint", "student_id", "value"])
    given = wrong.groupby(["checkpoint", "value"], sort=False).size().rename("learners").reset_index() \
        .sort_values(["checkpoint", "learners"], ascending=[True, False], kind="stable")
    answers = {point: list(zip(rows.value, rows.learners)) for point, rows in given.groupby("checkpoint")}
    order = list(points) + sorted(set(summary.index) - set(points))  # a checkpoint no longer in the lesson last
    summary = summary.reindex(order)
    counts = ["learners", "wrong", "still_wrong", "most_tries"]
    summary[counts] = summary[counts].fillna(0).astype(int)
    summary["wrong_answers"] = [answers.get(point, []) for point in summary.index]
    summary.index.name = "checkpoint"
    return summary.reset_index()


def who_needs_help(course: Course, module: str, lang: str) -> pd.DataFrame:
    """``difficulty`` as the trainer reads it: checkpoints by their question, the most common wrong
    answers in words ('3 385 (4)': four learners typed 3 385), headers in ``lang``."""
    _ = gettext_for(lang)
    table = difficulty(course, module)
    points = _checkpoints(course, module)

    def point(grade_id: str) -> Checkpoint:
        return points.get(grade_id) or Checkpoint(grade_id)

    table["wrong_answers"] = [" · ".join(f"{point(g).answer_text(value, lang)} ({count})"
                                         for value, count in answers[:TOP_WRONG])
                              for g, answers in zip(table.checkpoint, table.wrong_answers)]
    table["tries"] = [format_number(t, lang, 1) if t == t else "" for t in table.tries]
    table["checkpoint"] = [point(g).title(lang) for g in table.checkpoint]
    return table.rename(columns={c: _(label) for c, label in COLUMNS.items()})
