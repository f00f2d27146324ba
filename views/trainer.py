"""The trainer's desk as plain data: each module's learners by status, who needs a nudge."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from fadaa.grading import export
from fadaa.grading.progress import Progress

NUDGE = ("late", "released")  # late, or given and not started: the learners a trainer calls


def module_counts(progress: Progress, cohort: str | None, lang: str, now: dt.datetime | None = None) -> pd.DataFrame:
    """Per module, the cohort's learners at each status: the coordinator's table for his cohort."""
    return export.tables(progress.dashboard(now=now, cohort=cohort), lang)["by_module"]


def to_nudge(progress: Progress, cohort: str | None, now: dt.datetime | None = None) -> pd.DataFrame:
    """Learners who are late or have not started a module given to them, the latest due first."""
    rows = progress.learner_modules(now=now, cohort=cohort)
    rows = rows[rows.status.isin(NUDGE)]
    order = rows.status.map({status: rank for rank, status in enumerate(NUDGE)})
    return (rows.assign(order=order).sort_values(["order", "duedate", "cooperative", "name"])
            [["name", "cooperative", "module", "status", "duedate", "student_id"]].reset_index(drop=True))
