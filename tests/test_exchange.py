"""Her fetch, submit and feedback go through the exchange her deployment configures: the classes
named in her ``nbgrader_config.py`` (``c.ExchangeFactory.submit = ...``, as ngshare is set up), not
nbgrader's default shared folder regardless."""
from __future__ import annotations

from pathlib import Path

import pytest
from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeFetchFeedback, ExchangeSubmit
from traitlets import Unicode
from traitlets.config import LoggingConfigurable

from fadaa.core.home_layout import config_of
from fadaa.grading import exchange
from fadaa.core.answer_store import AnswerStore
from course_fixtures import ASSIGNMENT


class Logged(LoggingConfigurable):
    """A site's own exchange step: nbgrader's shared folder, and a line in a log the site keeps."""

    record = Unicode(help="Where the site writes each step its learners take.").tag(config=True)

    def copy_files(self):
        super().copy_files()
        with open(self.record, "a", encoding="utf-8") as fh:
            fh.write(f"{type(self).__name__} {self.coursedir.student_id} {self.coursedir.assignment_id}\n")


class LoggedFetch(Logged, ExchangeFetchAssignment):
    pass


class LoggedSubmit(Logged, ExchangeSubmit):
    pass


class LoggedFeedback(Logged, ExchangeFetchFeedback):
    pass


def configure_exchange(config_file: Path, log: Path) -> None:
    """What a deployment adds to an nbgrader configuration to plug its exchange in."""
    config_file.parent.mkdir(parents=True, exist_ok=True)
    with open(config_file, "a", encoding="utf-8") as fh:
        for step, cls in (("fetch_assignment", LoggedFetch), ("submit", LoggedSubmit),
                          ("fetch_feedback", LoggedFeedback)):
            fh.write(f"c.ExchangeFactory.{step} = {f'{__name__}.{cls.__name__}'!r}\n")
        fh.write(f"c.Logged.record = {str(log)!r}\n")


@pytest.mark.parametrize("where", ["her nbgrader_config.py", "the site's Jupyter configuration folder"])
def test_her_fetch_submit_and_feedback_use_the_exchange_her_site_configures(where, quick_course, tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))  # her exchange cache, not the machine's
    course = quick_course
    course.release(ASSIGNMENT)
    home, log = tmp_path / "home" / "salma", tmp_path / "site.log"
    exchange.write_learner_config(home, course.course_id, Path(course.config.Exchange.root), "salma")
    if where == "her nbgrader_config.py":
        configure_exchange(config_of(home), log)
    else:  # as /etc/jupyter holds it: the hub writes her own file again at each login
        site = tmp_path / "etc-jupyter"
        configure_exchange(site / "nbgrader_config.py", log)
        monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(site))

    lesson = exchange.fetch(home, ASSIGNMENT) / "quick.ipynb"
    assert log.read_text().splitlines() == ["LoggedFetch salma quick"]
    AnswerStore(lesson).save("answer", 42)
    exchange.submit(home, ASSIGNMENT)
    assert log.read_text().splitlines()[-1] == "LoggedSubmit salma quick"

    course.collect(ASSIGNMENT)  # the trainer's side, unchanged, finds what her exchange handed in
    assert course.submitted_students(ASSIGNMENT) == ["salma"]
    course.autograde(ASSIGNMENT, "salma")
    course.release_feedback(ASSIGNMENT)
    pages = list(exchange.fetch_feedback(home, ASSIGNMENT).glob("*/quick.html"))
    assert len(pages) == 1 and log.read_text().splitlines()[-1] == "LoggedFeedback salma quick"
