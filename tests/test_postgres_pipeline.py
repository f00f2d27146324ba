"""The deployment path at scale, for real: nbgrader's gradebook, the roster and the hub accounts in
PostgreSQL (a local server started here, on 127.0.0.1, under the test's temp dir), the whole
pipeline, and 20 learners handing in at the same moment: nothing may be lost.

PostgreSQL comes from Debian's packages (installed here with apt-get when missing); the module is
skipped, saying so, only where it cannot be installed."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from conftest import COURSE
from fadaa.grading import exchange
from fadaa.grading.autograde import autograde_all
from fadaa.grading.course import Course
from fadaa.demo.data import cohorts
from fadaa.grading.extensions import extend
from fadaa.grading.names import ModuleTitles
from fadaa.grading.progress import Progress
from fadaa.grading.reminders import late_reminders
from fadaa.grading.results import her_results
from fadaa.grading.roster import import_roster, write_roster
from fadaa.grading.roster_lookup import roster_engine
from fadaa.server.running import free_port
from fadaa.hub import accounts
from fadaa.core.answer_store import AnswerStore
from course_fixtures import COURSE_ID
from late_class import LATER, late_class

pytestmark = pytest.mark.slow
ASSIGNMENT = "bookkeeping_1"
LEARNERS = 20


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _install_postgres() -> Path | None:
    if _postgres_bin() is None and os.geteuid() == 0:
        subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql",
                       shell=True, capture_output=True, timeout=600)
    return _postgres_bin()


@pytest.fixture(scope="module")
def postgres():
    """A PostgreSQL server of its own; yields a SQLAlchemy URL to an empty ``fadaa`` database."""
    bin_dir = _install_postgres()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed and apt-get could not install it")
    # not under pytest's temp dir: that one is private to root, and the server runs as postgres
    root = Path(tempfile.mkdtemp(prefix="fadaa-postgres-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    # PostgreSQL refuses to run as root: as root, run it as Debian's postgres user
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_owner:
        for path in (root, sockets):
            shutil.chown(path, "postgres")
        root.chmod(0o755)
    port = free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*as_owner, *command], capture_output=True, text=True, timeout=120, cwd=root)
        assert done.returncode == 0, f"{command[0]} failed:\n{done.stdout}\n{done.stderr}"

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "fadaa", "--auth=trust", "-E", "UTF8")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "postgres.log"), "-w", "start",
        "-o", f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1")
    try:
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "fadaa", "fadaa")
        yield f"postgresql+psycopg://fadaa@127.0.0.1:{port}/fadaa"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def test_pipeline_and_twenty_simultaneous_submissions_in_postgresql(postgres, tmp_path):
    course_root = shutil.copytree(COURSE, tmp_path / "course", ignore=shutil.ignore_patterns("gradebook.db"))
    exchange_root = tmp_path / "exchange"
    exchange_root.mkdir()
    exchange_root.chmod(0o777)
    course = Course(course_root, exchange=exchange_root, db_url=postgres)
    people = cohorts(prize_winners=4, projects=2, members=(4, 6))[:LEARNERS]
    report = import_roster(write_roster(people, tmp_path / "roster.csv"), postgres, course.course_id)
    assert len(report.created) == LEARNERS

    # login by phone reads the roster from PostgreSQL (the accounts are the hub's own database)
    engine = accounts.open_accounts(f"sqlite:///{tmp_path / 'accounts.sqlite'}")
    accounts.set_pin(engine, people[0].student_id, "learners", "2468")
    roster = roster_engine(postgres)
    assert accounts.check(engine, people[0].phone, "2468", roster=roster).username == people[0].student_id

    course.generate(ASSIGNMENT)
    course.release(ASSIGNMENT)

    def hand_in(index: int) -> str:
        person = people[index]
        home = tmp_path / "homes" / person.student_id
        exchange.write_learner_config(home, course.course_id, exchange_root, person.student_id)
        for notebook in exchange.fetch(home, ASSIGNMENT).glob("*.ipynb"):
            # even learners give the right closing balance, odd ones a wrong one
            AnswerStore(notebook).save("closing_balance", 3585 if index % 2 == 0 else 1000)
        exchange.submit(home, ASSIGNMENT)
        return person.student_id

    with ThreadPoolExecutor(LEARNERS) as pool:  # all twenty hand in at the same moment
        submitted = list(pool.map(hand_in, range(LEARNERS)))

    course.collect(ASSIGNMENT)
    assert course.submitted_students(ASSIGNMENT) == sorted(submitted)
    graded = autograde_all(course, ASSIGNMENT, workers=2)
    assert [o.student_id for o in graded.outcomes if o.graded] == sorted(submitted), graded.outcomes

    with Gradebook(postgres, course_id=course.course_id) as gradebook:
        scores = {s: gradebook.find_submission(ASSIGNMENT, s).code_score for s in submitted}
    right = {people[i].student_id for i in range(0, LEARNERS, 2)}
    assert all(scores[s] > 0 for s in right)
    assert all(scores[s] < min(scores[r] for r in right) for s in set(submitted) - right)

    statuses = Progress(postgres, course.course_id).learner_modules()
    handed_in = statuses[statuses.module == ASSIGNMENT]
    assert set(handed_in.student_id) == set(submitted)
    assert handed_in.status.isin(["needs_manual", "graded", "passed"]).all()

    # her home's results (grades and comments in one UNION query) read the same from PostgreSQL
    course_db = Progress(postgres, course.course_id).engine
    results = {s: her_results(course_db, s)[ASSIGNMENT].checkpoints for s in submitted}
    assert all(results[s]["closing_balance"] is (s in right) for s in submitted)
    assert not any(results[s]["why_same_day"] for s in submitted)  # left blank: nbgrader gives it 0 itself


def test_extra_time_and_reminders_in_postgresql(postgres, tmp_path):
    """Her own due date is read with her activity in one query (a UNION of joins): PostgreSQL runs
    it as SQLite does, and the reminders follow it."""
    late_class(postgres, tmp_path)
    extend(postgres, COURSE_ID, "bookkeeping_1", LATER, learner_id="ou")
    progress = Progress(postgres, COURSE_ID)
    rows = progress.learner_modules(cohort="LM", module="bookkeeping_1").set_index("student_id")
    assert (rows.loc["ou", "status"], rows.loc["ou", "duedate"]) == ("released", LATER)
    assert rows.loc["kh", "status"] == "late"
    assert progress.dashboard(cohort="LM", module="bookkeeping_1").by_module.late.item() == 5
    found = late_reminders(progress, ModuleTitles.read(COURSE / "source"), cohort="LM")
    assert "عائشة أوعلي" not in set(found.to_send.name) and "خديجة بنعلي" in set(found.to_send.name)
