"""Extra time for one learner or one cooperative: every reader of her due date follows it."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from fadaa.grading import activity, exchange, export
from fadaa.grading.database import open_database
from fadaa.grading.extensions import CannotExtend, extend, record_target
from fadaa.grading.progress import Progress
from fadaa.grading.roster import Learner, import_roster, write_roster
from fadaa.views.learner import her_home
from course_fixtures import COURSE_ID

MODULE = "selling_1"
DUE = dt.datetime(2026, 11, 20, 23, 59, 59)
NOW = DUE + dt.timedelta(days=3)
LATER = DUE + dt.timedelta(days=14)


def member(student_id: str, cooperative: str) -> Learner:
    return Learner(student_id, f"Learner {student_id}", cooperative, "LM", "souss-massa", "fr", None, "member")


@pytest.fixture
def late_cohort(tmp_path, db_url):
    """Three learners of cohort LM (two in Tifawin, one in Nour), all late for selling_1."""
    people = [member("a", "Coop Tifawin"), member("b", "Coop Tifawin"), member("c", "Coop Nour")]
    import_roster(write_roster(people, tmp_path / "roster.csv"), db_url, COURSE_ID)
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:
        for module in (MODULE, "agm_1"):
            gradebook.update_or_create_assignment(module, duedate=DUE)
            gradebook.update_or_create_notebook("lesson", module)
            gradebook.update_or_create_grade_cell("q", "lesson", module, max_score=2, cell_type="code")
    with open_database(db_url, COURSE_ID).begin() as conn:
        record_target(conn, MODULE, "cohort", "LM", DUE)  # what `fadaa assign --cohort LM` records
    return Progress(db_url, COURSE_ID)


def status_and_due(progress: Progress) -> dict[str, tuple[str, dt.datetime]]:
    rows = progress.learner_modules(now=NOW, module=MODULE)
    return {row.student_id: (row.status, row.duedate.to_pydatetime()) for row in rows.itertuples()}


def late_by_cooperative(progress: Progress, **filters) -> dict[str, int]:
    summary = progress.dashboard(now=NOW, module=MODULE, **filters).summary
    return dict(zip(summary.cooperative, summary.late))


def test_one_learners_extra_time_moves_her_off_late_and_nobody_else(late_cohort, db_url):
    assert late_by_cooperative(late_cohort) == {"Coop Nour": 1, "Coop Tifawin": 2}

    given = extend(db_url, COURSE_ID, MODULE, LATER, learner_id="a")

    assert (given.who, given.learners, given.duedate) == ("Learner a", 1, LATER)
    assert status_and_due(late_cohort) == {"a": ("released", LATER), "b": ("late", DUE), "c": ("late", DUE)}
    # the coordinator's screen counts her apart from her cooperative, filtered or not
    assert late_by_cooperative(late_cohort) == {"Coop Nour": 1, "Coop Tifawin": 1}
    assert late_by_cooperative(late_cohort, cooperative="Coop Tifawin") == {"Coop Tifawin": 1}
    board = late_cohort.dashboard(now=NOW, module=MODULE).by_module.set_index("module")
    assert board.loc[MODULE, ["late", "released"]].tolist() == [2, 1]
    # her new date passes too: then she is late like the others
    assert late_cohort.learner_modules(now=LATER + dt.timedelta(days=1), student_id="a",
                                       module=MODULE).status.item() == "late"
    with Gradebook(db_url, course_id=COURSE_ID) as gradebook:  # nbgrader's late penalty starts after hers
        assert gradebook.find_assignment(MODULE).duedate == LATER


def test_a_learner_who_started_keeps_her_answers_and_gets_her_new_date(late_cohort, db_url):
    activity.record(late_cohort.engine, "started_at", {("a", MODULE): DUE - dt.timedelta(days=1)})
    assert status_and_due(late_cohort)["a"] == ("late", DUE)
    extend(db_url, COURSE_ID, MODULE, LATER, learner_id="a")
    assert status_and_due(late_cohort)["a"] == ("started", LATER)
    assert late_by_cooperative(late_cohort) == {"Coop Nour": 1, "Coop Tifawin": 1}


def test_a_cooperatives_extra_time_is_its_own_date_before_the_cohorts(late_cohort, db_url):
    given = extend(db_url, COURSE_ID, MODULE, LATER, cooperative="Coop Tifawin")
    assert (given.who, given.learners) == ("Coop Tifawin", 2)
    assert status_and_due(late_cohort) == {"a": ("released", LATER), "b": ("released", LATER), "c": ("late", DUE)}
    assert late_by_cooperative(late_cohort) == {"Coop Nour": 1, "Coop Tifawin": 0}


def test_extra_time_never_takes_time_away(late_cohort, db_url):
    """Her date was moved, then her cohort's moved past it: she has the cohort's, like the others."""
    extend(db_url, COURSE_ID, MODULE, DUE + dt.timedelta(days=1), learner_id="a")
    with open_database(db_url, COURSE_ID).begin() as conn:
        record_target(conn, MODULE, "cohort", "LM", LATER)
    assert {sid: due for sid, (_status, due) in status_and_due(late_cohort).items()} == {"a": LATER, "b": LATER,
                                                                                        "c": LATER}


@pytest.mark.parametrize("who, message", [
    ({"learner_id": "zz"}, "Personne sur la liste n'a l'identifiant zz."),
    ({"cooperative": "Coop Atlas"}, "Aucune apprenante de la liste n'est dans la coopérative Coop Atlas."),
])
def test_nobody_by_that_name_gets_a_reason(late_cohort, db_url, who, message):
    with pytest.raises(CannotExtend) as refused:
        extend(db_url, COURSE_ID, MODULE, LATER, **who)
    assert refused.value.text("fr") == message


def test_a_module_never_given_to_her_is_refused(late_cohort, db_url):
    with pytest.raises(CannotExtend) as refused:
        extend(db_url, COURSE_ID, "agm_1", LATER, learner_id="a")
    assert refused.value.text("fr") == "agm_1 n'a pas été donné à Learner a : donnez-le d'abord."
    assert status_and_due(late_cohort)["a"] == ("late", DUE)


def test_her_home_and_the_coordinators_export_show_her_new_date(late_cohort, db_url, tmp_path):
    extend(db_url, COURSE_ID, MODULE, LATER, learner_id="a")
    home = tmp_path / "home"
    exchange.write_learner_config(home, COURSE_ID, tmp_path / "exchange", "a")
    card = next(card for card in her_home(late_cohort, home, now=NOW).modules if card.module == MODULE)
    assert (card.status, card.duedate) == ("released", LATER)

    export.write_csv(late_cohort.dashboard(now=NOW), tmp_path / "modules.csv", "fr", table="by_module")
    table = pd.read_csv(tmp_path / "modules.csv", sep=";", encoding="utf-8-sig").set_index("Module")
    assert table.loc[MODULE, ["En retard", "Ouvert"]].tolist() == [2, 1]
