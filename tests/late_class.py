"""A cohort with late learners, for the reminder and extra-time tests (CLI, files, pages).

Due dates are relative to now, because the CLI and the pages read progress at the real time.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from nbgrader.api import Gradebook
from sqlalchemy import update

from fadaa.grading.database import learner, open_database
from fadaa.grading.extensions import record_target
from fadaa.grading.roster import Learner, import_roster, write_roster
from course_fixtures import COURSE_ID

NOW = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
DUE = (NOW - dt.timedelta(days=3)).replace(hour=23, minute=59, second=59, microsecond=0)
LATER = (NOW + dt.timedelta(days=14)).replace(hour=23, minute=59, second=59, microsecond=0)
MODULES = ("bookkeeping_1", "selling_1")  # their titles come from the course's lesson notebooks
UNALLOCATED = "+212683123456"  # accepted by the old hand-written rule, refused by the numbering plan

PEOPLE = [
    # id, name, cooperative, lang, phone as typed on the roster
    ("fz", "Fatima Zahra", "Coop Tifawin", "fr", "06 12 34 56 78"),
    ("kh", "خديجة بنعلي", "Coop Tifawin", "ar", "0661-23-45-67"),
    ("hk", "=HYPERLINK(\"http://x\")", "Coop Tifawin", "fr", "00212 7 12 34 56 78"),
    ("na", "نعيمة الوزاني", "Coop Nour", "ar", ""),
    ("ou", "عائشة أوعلي", "Coop Nour", "ar", "+212 6 98 76 54 32"),
    ("sa", "سعاد التازي", "Coop Nour", "ar", "0655443322"),
]


def late_class(db_url: str, folder: Path) -> None:
    """Cohort LM: bookkeeping_1 due three days ago for all; selling_1 too for Coop Tifawin, so its
    members are late in two modules. ``sa`` keeps a number stored before the numbering plan checked it."""
    people = [Learner(sid, name, coop, "LM", "souss-massa", lang, phone or None, "member")
              for sid, name, coop, lang, phone in PEOPLE]
    report = import_roster(write_roster(people, folder / "roster.csv"), db_url, COURSE_ID)
    assert report.errors == [], report.problems
    engine = open_database(db_url, COURSE_ID)
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        for module in MODULES:
            gradebook.update_or_create_assignment(module, duedate=DUE)
            gradebook.update_or_create_notebook("lesson", module)
            gradebook.update_or_create_grade_cell("q", "lesson", module, max_score=2, cell_type="code")
    with engine.begin() as conn:  # what `fadaa assign` records, without generating the real lessons
        record_target(conn, "bookkeeping_1", "cohort", "LM", DUE)
        record_target(conn, "selling_1", "cooperative", "Coop Tifawin", DUE)
        conn.execute(update(learner).where(learner.c.student_id == "sa").values(phone=UNALLOCATED))
