"""Months of synthetic work for the views to show in a demo (``make serve``) and in the views' tests.

``grading.demo_data`` writes the cooperatives and their submissions; this adds them beside whoever is
already on the roster (the demo hub's learners with PINs keep their own, real, progress), on the
course's own modules when it has some, ending today so nothing is in the future.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from fadaa.demo import data as demo_data
from fadaa.grading.database import learner, open_database, target
from fadaa.grading.progress import Progress

SEED = 4242  # not the hub demo's roster seed: other cooperatives than the ones with PINs
WEEKS = 20


def add_history(db_url: str, course_id: str, prize_winners: int = 3, projects: int = 12,
                module_count: int = 10, now: dt.datetime | None = None) -> list[str]:
    """Add synthetic cooperatives with ``WEEKS`` weeks of work up to ``now``; returns their learners' ids.

    Does nothing (returns []) once a module has been given to a cohort: the data would mix with a
    trainer's real assignments (and ``demo_data.populate`` writes its own).
    """
    engine = open_database(db_url, course_id)
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(target)).scalar():
            return []
        known = set(conn.execute(select(learner.c.student_id)).scalars())
    people = [p for p in demo_data.cohorts(SEED, prize_winners, projects) if p.student_id not in known]
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    simulation = demo_data.Simulation(start=now - dt.timedelta(weeks=WEEKS), weeks=WEEKS, seed=SEED)
    demo_data.populate(engine, course_id, people, module_count, simulation)
    return [p.student_id for p in people]


def learner_with_a_pass(db_url: str, course_id: str) -> str | None:
    """A learner who passed a module (her home shows a certificate): one to log in as in a demo."""
    rows = Progress(db_url, course_id).learner_modules()
    passed = rows[rows.status == "passed"].student_id
    return passed.iloc[0] if len(passed) else None
