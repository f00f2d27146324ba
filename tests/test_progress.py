"""The progress model: every status a learner passes through, the AGM readiness rule, the aggregates."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from nbgrader.api import Gradebook
from traitlets.config import Config

from fadaa.grading import activity, exchange, trainer

from fadaa.demo import data as demo_data
from fadaa.grading.database import open_database
from fadaa.grading.progress import STATUSES, Progress, ProgressRules
from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.core.answer_store import AnswerStore
from course_fixtures import ASSIGNMENT, COURSE_ID


def person(student_id, cooperative="Coop Tifawin", cohort="LM", role="member") -> Learner:
    return Learner(student_id, f"Learner {student_id}", cooperative, cohort, "souss-massa", "fr", None, role)


def statuses(progress: Progress, now=None) -> dict[str, str]:
    table = progress.learner_modules(now=now)
    return dict(zip(table.student_id, table.status))


@pytest.mark.slow
def test_a_learner_goes_through_every_status(quick_course, tmp_path):
    course = quick_course
    roster = write_roster([person("a"), person("b"), person("c"), person("d"), person("x", cohort="Projets")],
                          tmp_path / "roster.csv")
    import_roster(roster, course.db_url, course.course_id)
    progress = Progress(course.db_url, course.course_id)
    assert set(statuses(progress).values()) == {"not_released"}

    due = dt.datetime.now() + dt.timedelta(days=7)
    trainer.assign(course, ASSIGNMENT, due, cohort="LM")
    assert statuses(progress) == {"a": "released", "b": "released", "c": "released", "d": "released",
                                  "x": "not_released"}

    homes = tmp_path / "homes"
    answers = {"a": {"answer": 42}, "b": {}, "c": {"answer": 42, "why": "Pour garder la trace."},
               "d": {"answer": 41}}
    for student, given in answers.items():
        home = homes / student
        exchange.write_learner_config(home, course.course_id, course.config.Exchange.root, student)
        lesson = exchange.fetch(home, ASSIGNMENT) / "quick.ipynb"
        for grade_id, value in given.items():
            AnswerStore(lesson).save(grade_id, value)  # what the lesson's widgets do
    activity.scan_homes(course, homes)
    assert statuses(progress) == {"a": "started", "b": "released", "c": "started", "d": "started",
                                  "x": "not_released"}

    for student in ("a", "c", "d"):
        exchange.submit(homes / student, ASSIGNMENT)
    assert trainer.collect(course, ASSIGNMENT) == ["a", "c", "d"]
    assert statuses(progress)["a"] == "submitted"

    from fadaa.grading.autograde import autograde_all
    autograde_all(course, ASSIGNMENT, workers=2)
    assert statuses(progress) == {"a": "passed", "b": "released", "c": "needs_manual", "d": "graded",
                                  "x": "not_released"}

    after_due = due + dt.timedelta(days=1)
    assert statuses(progress, now=after_due)["b"] == "late"
    assert statuses(progress, now=after_due)["a"] == "passed"

    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:  # the trainer in formgrader
        grade = gradebook.find_grade("why", "quick", ASSIGNMENT, "c")
        grade.manual_score = 1
        grade.needs_manual_grade = False
        gradebook.db.commit()
    row = progress.learner_modules().set_index("student_id").loc["c"]
    assert (row.status, row.score, row.max_score) == ("passed", 3, 3)


# -- readiness for the AGM, on a gradebook written with nbgrader's own API

MODULES = ("agm_1", "bookkeeping_4", "selling_1")


@pytest.fixture
def cooperative(tmp_path, db_url):
    """A cooperative of four (president, treasurer, two members) and three modules of 2 points."""
    people = [person("pres", role="president"), person("tres", role="treasurer"), person("m1"), person("m2")]
    import_roster(write_roster(people, tmp_path / "roster.csv"), db_url, COURSE_ID)
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        for module in MODULES:
            gradebook.update_or_create_assignment(module)
            gradebook.update_or_create_notebook("lesson", module)
            gradebook.update_or_create_grade_cell("q", "lesson", module, max_score=2, cell_type="code")
    return db_url


def passes(db_url, module, *students):
    """Autograded submissions with full marks, as nbgrader's autograde leaves them."""
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        for student in students:
            gradebook.add_submission(module, student, timestamp=dt.datetime(2026, 6, 1))
            grade = gradebook.find_grade("q", "lesson", module, student)
            grade.auto_score, grade.needs_manual_grade = 2, False
        gradebook.db.commit()


def ready(db_url, **rules) -> bool:
    board = Progress(db_url, COURSE_ID, ProgressRules(**rules)).dashboard()
    return bool(board.agm_ready.ready.item())


def test_ready_when_a_key_member_and_half_the_members_passed_both_agm_modules(cooperative):
    passes(cooperative, "agm_1", "pres", "m1")
    assert not ready(cooperative)  # the bookkeeping year summary is missing
    passes(cooperative, "bookkeeping_4", "pres", "m1")
    assert ready(cooperative)


def test_not_ready_without_the_president_or_treasurer(cooperative):
    for module in MODULES[:2]:
        passes(cooperative, module, "m1", "m2")
    assert not ready(cooperative)
    assert ready(cooperative, agm_key_roles=["member"])


def test_not_ready_with_fewer_than_half_the_members(cooperative):
    for module in MODULES[:2]:
        passes(cooperative, module, "tres")
    assert not ready(cooperative)
    assert ready(cooperative, agm_min_share=0.25)


def test_the_rule_is_read_from_the_course_configuration(cooperative):
    passes(cooperative, "selling_1", "pres", "m1")
    config = Config({"ProgressRules": {"agm_modules": ["selling_*"]}})
    assert ready(cooperative, config=config)


def test_a_module_passes_at_its_own_pass_mark(cooperative):
    with Gradebook(cooperative, course_id=COURSE_ID) as gradebook:
        gradebook.add_submission("selling_1", "m1")
        grade = gradebook.find_grade("q", "lesson", "selling_1", "m1")
        grade.auto_score, grade.needs_manual_grade = 1, False  # half the points
        gradebook.db.commit()
    status = lambda **rules: Progress(cooperative, COURSE_ID, ProgressRules(**rules)) \
        .learner_modules(student_id="m1", module="selling_1").status.item()  # noqa: E731
    assert status() == "passed"
    assert status(pass_marks={"selling_1": 0.8}) == "graded"


# -- the coordinator's aggregates agree with the learner-by-learner statuses

@pytest.fixture(scope="module")
def demo(tmp_path_factory, empty_gradebook):
    path = tmp_path_factory.mktemp("demo") / "gradebook.db"
    shutil.copy(empty_gradebook, path)
    db_url = f"sqlite:///{path}"
    people = demo_data.cohorts(seed=7, prize_winners=3, projects=12)
    sim = demo_data.Simulation(weeks=12, seed=7)
    demo_data.populate(open_database(db_url, COURSE_ID), COURSE_ID, people, module_count=8, simulation=sim)
    return db_url, people, sim


def test_demo_cohorts_have_the_programme_shape_and_repeat_with_the_seed():
    people = demo_data.cohorts(seed=1)
    cooperatives = {p.cooperative for p in people}
    assert len(cooperatives) == 385
    assert len({p.cooperative for p in people if p.cohort == demo_data.PRIZE_COHORT}) == 15
    sizes = [sum(p.cooperative == c for p in people) for c in list(cooperatives)[:40]]
    assert 3 <= min(sizes) and max(sizes) <= 12
    assert len({p.region for p in people}) == 12
    assert {p.lang for p in people} == {"fr", "ar"}
    assert any("\u0600" <= p.name[0] <= "\u06ff" for p in people)
    assert people == demo_data.cohorts(seed=1)


def test_the_dashboard_numbers_are_sums_of_the_learners_statuses(demo):
    db_url, people, sim = demo
    progress = Progress(db_url, COURSE_ID)
    rows = progress.learner_modules(now=sim.now)
    board = progress.dashboard(now=sim.now)

    assert len(rows) == len(people) * 8
    by_module = board.by_module.set_index("module")
    expected = rows.groupby(["module", "status"]).size().unstack(fill_value=0).reindex(columns=STATUSES, fill_value=0)
    assert (by_module.loc[expected.index, list(STATUSES)] == expected).all().all()
    assert {"passed", "graded", "needs_manual", "late", "released", "started"} <= set(rows.status)

    regions = board.by_region.set_index("region")
    for region, group in rows.groupby("region"):
        assert regions.loc[region, "learners"] == group.student_id.nunique()
        assert regions.loc[region, "passed"] == (group.status == "passed").sum()

    graded = rows[rows.status.isin(["passed", "graded"])]
    assert board.score_bands.submissions.sum() == len(graded)
    full = (graded.score == graded.max_score).sum()
    assert board.score_bands.set_index("band").loc[9, "submissions"] >= full

    assert board.weekly.submissions.sum() == rows.submitted_at.notna().sum()  # every hand-in, graded or not

    risky = Progress(db_url, COURSE_ID, ProgressRules(at_risk_days=0)).dashboard(now=sim.now + dt.timedelta(days=365))
    open_work = rows[rows.status.isin(["released", "started", "late"])].cooperative.unique()
    assert sorted(risky.at_risk.cooperative) == sorted(open_work)


def test_filters_narrow_every_number(demo):
    db_url, people, sim = demo
    cohort = demo_data.PRIZE_COHORT
    board = Progress(db_url, COURSE_ID).dashboard(now=sim.now, cohort=cohort)
    assert set(board.summary.cohort) == {cohort}
    assert board.members.members.sum() == sum(p.cohort == cohort for p in people)


def test_the_filters_offer_what_the_roster_and_the_gradebook_hold(demo):
    db_url, people, _sim = demo
    progress = Progress(db_url, COURSE_ID)
    everything = progress.choices()
    assert everything["cohort"] == progress.cohorts() == sorted({p.cohort for p in people})
    assert everything["region"] == sorted({p.region for p in people})
    assert everything["cooperative"] == sorted({p.cooperative for p in people})
    assert everything["module"] == sorted(progress.learner_modules().module.unique())
    cohort = demo_data.PRIZE_COHORT
    region = min(p.region for p in people if p.cohort == cohort)
    narrowed = progress.choices(cohort, region)
    theirs = sorted({p.cooperative for p in people if (p.cohort, p.region) == (cohort, region)})
    assert narrowed["cooperative"] == theirs and 0 < len(theirs) < len(everything["cooperative"])
    assert narrowed["cohort"] == everything["cohort"] and narrowed["region"] == everything["region"]  # the others stay whole


def test_a_gradebook_graded_before_fadaa_opened_it_counts_at_once(tmp_path):
    """nbgrader alone made and graded this gradebook; Fadaa's first open fills in the scores."""
    db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        gradebook.update_or_create_assignment("agm_1")
        gradebook.update_or_create_notebook("lesson", "agm_1")
        gradebook.update_or_create_grade_cell("q", "lesson", "agm_1", max_score=2, cell_type="code")
        gradebook.add_student("pres")
        gradebook.add_submission("agm_1", "pres", timestamp=dt.datetime(2026, 6, 1))
        grade = gradebook.find_grade("q", "lesson", "agm_1", "pres")
        grade.auto_score, grade.needs_manual_grade = 2, False
        gradebook.db.commit()
    import_roster(write_roster([person("pres", role="president")], tmp_path / "roster.csv"), db_url, COURSE_ID)

    row = Progress(db_url, COURSE_ID).learner_modules().iloc[0]
    assert (row.status, row.score, row.max_score) == ("passed", 2, 2)
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:  # the trainer takes a point back
        gradebook.find_grade("q", "lesson", "agm_1", "pres").manual_score = 0.5
        gradebook.db.commit()
    row = Progress(db_url, COURSE_ID).learner_modules().iloc[0]
    assert (row.status, row.score) == ("graded", 0.5)


def test_a_database_from_before_the_score_columns_keeps_its_activity(tmp_path):
    """A course database made by an earlier Fadaa (activity without score columns) is upgraded in place."""
    import sqlite3
    path = tmp_path / "gradebook.db"
    with Gradebook(f"sqlite:///{path}", course_id=COURSE_ID):
        pass
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE fadaa_activity (student_id VARCHAR(128) NOT NULL, assignment VARCHAR(128) "
                   "NOT NULL, started_at DATETIME, submitted_at DATETIME, PRIMARY KEY (student_id, assignment))")
        db.execute("INSERT INTO fadaa_activity VALUES ('pres', 'agm_1', '2026-05-01 10:00:00.000000', NULL)")
    import_roster(write_roster([person("pres", role="president")], tmp_path / "roster.csv"),
                  f"sqlite:///{path}", COURSE_ID)
    with Gradebook(f"sqlite:///{path}", course_id=COURSE_ID) as gradebook:
        gradebook.update_or_create_assignment("agm_1")
    row = Progress(f"sqlite:///{path}", COURSE_ID).learner_modules().iloc[0]
    assert (row.module, row.status, str(row.started_at)) == ("agm_1", "started", "2026-05-01 10:00:00")
