"""The trainer opens hostile submissions in formgrader, in Chromium, on a real trainer's server.

One JupyterLab server with nbgrader's formgrader, started as the hub starts the trainer's (with
``--config=fadaa.hub.trainer_server.CONFIG``), over a real course directory: a submission whose
answer cell was edited by hand, one written through the lesson kit's free-text widget, a student
added by hand with markup in her name and a hostile roster imported (``hostile_inputs``). Issue #16.
"""
from __future__ import annotations

import re

import pytest
from nbgrader.api import Gradebook

from fadaa.grading.course import Course
from fadaa.grading.roster import import_roster
from fadaa.hub.trainer_server import lab_policy, page_policy
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.questions import FreeTextAnswer
from conftest import COURSE, running_trainer_server
from course_fixtures import ASSIGNMENT, COURSE_ID, CELL_TIMEOUT, submit_copy, write_lesson
import hostile_inputs as hostile

pytestmark = [pytest.mark.slow, pytest.mark.browser]

TOKEN = "trainer-token"
BY_HAND = "raw1"  # added by hand in formgrader, answer cell edited by hand
THROUGH_THE_KIT = "h001"  # imported from the hostile roster, answered through the free-text widget


@pytest.fixture(scope="module")
def hostile_course(tmp_path_factory) -> Course:
    root = tmp_path_factory.mktemp("trainer") / "course"
    root.mkdir()
    (root / "nbgrader_config.py").write_text((COURSE / "nbgrader_config.py").read_text()
                                             + f"\nc.ExecutePreprocessor.timeout = {CELL_TIMEOUT}\n")
    write_lesson(root / "source" / ASSIGNMENT / "quick.ipynb")
    (root.parent / "exchange").mkdir()
    course = Course(root, exchange=root.parent / "exchange")
    course.generate(ASSIGNMENT)
    import_roster(hostile.write_roster(root.parent / "roster.csv"), course.db_url, COURSE_ID)
    with Gradebook(course.db_url, course_id=COURSE_ID) as gradebook:
        gradebook.update_or_create_student(BY_HAND, first_name="Fatima", last_name=hostile.SCRIPT_TAG)

    submit_copy(course, BY_HAND, answer="answer = 42", why=hostile.FREE_TEXT)
    for name, text in hostile.SUBMITTED_FILES.items():
        (root / "submitted" / BY_HAND / ASSIGNMENT / name).write_text(text)
    submit_copy(course, THROUGH_THE_KIT, answer="answer = 42")
    store = AnswerStore(root / "submitted" / THROUGH_THE_KIT / ASSIGNMENT / "quick.ipynb")
    FreeTextAnswer("Pourquoi ?", lambda s: s, on_answer=lambda text: store.save("why", text)).submit(hostile.FREE_TEXT)
    for student in (BY_HAND, THROUGH_THE_KIT):
        course.autograde(ASSIGNMENT, student)
    return course


@pytest.fixture(scope="module")
def trainer_server(hostile_course, tmp_path_factory):
    """JupyterLab over the course folder with the trainer's configuration; yields its base URL."""
    with running_trainer_server(hostile_course.root, tmp_path_factory.mktemp("trainer-server"), TOKEN) as base:
        yield base


@pytest.fixture
def trainer(browser, trainer_server):
    """The trainer's browser tab, logged in, recording what a page does: dialogs, requests, CSP reports."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.seen = {"dialogs": [], "requests": [], "blocked": [], "violations": []}
    page.on("dialog", lambda dialog: (page.seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: page.seen["requests"].append(request))
    page.on("requestfailed", lambda request: page.seen["blocked"].append(request.url)
            if request.failure == "csp" else None)
    page.on("console", lambda message: page.seen["violations"].append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{trainer_server}/api/status?token={TOKEN}")  # the login cookie
    yield page
    context.close()


def refused_other_hosts_only(violations: list[str]) -> bool:
    """The policy refused loads from CDNs (MathJax, Font Awesome) and nothing of the page's own."""
    return all(re.match(r"Loading the (script|stylesheet) 'https://", text) for text in violations)


def submission_id(course: Course, student: str) -> str:
    with Gradebook(course.db_url, course_id=COURSE_ID) as gradebook:
        return gradebook.find_submission_notebook("quick", ASSIGNMENT, student).id


def test_hostile_submissions_and_names_run_nothing_in_formgrader_and_send_nothing(
        hostile_course, trainer_server, trainer):
    pages = [f"/formgrader/submissions/{submission_id(hostile_course, s)}/" for s in (BY_HAND, THROUGH_THE_KIT)]
    pages += [f"/formgrader/submissions/{submission_id(hostile_course, BY_HAND)}/notes.html",  # a file of hers
              "/formgrader/manage_students", f"/formgrader/manage_students/{BY_HAND}/{ASSIGNMENT}",
              f"/formgrader/gradebook/{ASSIGNMENT}/quick", f"/formgrader/manage_submissions/{ASSIGNMENT}"]
    for path in pages:
        trainer.goto(trainer_server + path, wait_until="networkidle")
        trainer.wait_for_timeout(500)
        assert trainer.evaluate(f"window.{hostile.SENTINEL}") is None, path
        assert trainer.locator("a[href^='javascript:' i]").count() == 0, path
        if path.endswith("/"):  # a submission's page: her answer reads as she wrote it
            assert hostile.READABLE in trainer.locator(".nbgrader_cell", has_text="Prix").inner_text()
        if path.endswith(".html"):  # her file is shown, inert
            assert "Mes notes" in trainer.locator("body").inner_text()

    assert trainer.seen["dialogs"] == []
    assert [r.url for r in trainer.seen["requests"] if r.method not in ("GET", "HEAD")] == []
    elsewhere = [r.url for r in trainer.seen["requests"] if not r.url.startswith(trainer_server)]
    assert "http://evil.example/track.png" not in elsewhere
    assert set(elsewhere) <= set(trainer.seen["blocked"])  # formgrader's MathJax from cdnjs: refused by the policy
    assert not (hostile_course.root / hostile.WRITTEN_FILE).exists()
    # a name added by hand shows as the text it is; the imported one lost its markup on import
    trainer.goto(f"{trainer_server}/formgrader/submissions/{submission_id(hostile_course, BY_HAND)}/")
    assert hostile.SCRIPT_TAG in trainer.locator("a.name-shown").inner_text()
    trainer.goto(f"{trainer_server}/formgrader/submissions/{submission_id(hostile_course, THROUGH_THE_KIT)}/")
    imported = trainer.locator("a.name-shown").inner_text()
    assert imported.endswith(", Fatima") and "<" not in imported


def test_a_formgrader_address_carrying_markup_is_refused(trainer_server, trainer):
    response = trainer.goto(trainer_server + hostile.FORMGRADER_ADDRESS)
    assert trainer.evaluate(f"window.{hostile.SENTINEL}") is None and trainer.seen["dialogs"] == []
    assert response.status == 400


def test_formgrader_grades_under_the_policy(hostile_course, trainer_server, trainer):
    trainer.goto(f"{trainer_server}/formgrader/submissions/{submission_id(hostile_course, THROUGH_THE_KIT)}/",
                 wait_until="networkidle")
    trainer.fill("input.score#why", "0.5")
    trainer.fill("textarea#why-comment", "Bien vu, explique un peu plus.")
    trainer.locator("input.score#why").press("Tab")
    trainer.wait_for_load_state("networkidle")

    with Gradebook(hostile_course.db_url, course_id=COURSE_ID) as gradebook:
        assert gradebook.find_grade("why", "quick", ASSIGNMENT, THROUGH_THE_KIT).manual_score == 0.5
        assert gradebook.find_comment("why", "quick", ASSIGNMENT, THROUGH_THE_KIT).manual_comment == \
            "Bien vu, explique un peu plus."
    assert refused_other_hosts_only(trainer.seen["violations"])  # formgrader's MathJax


def test_jupyterlab_runs_a_cell_under_the_policy_with_no_violation(trainer_server, trainer):
    response = trainer.goto(f"{trainer_server}/lab")
    assert response.headers["content-security-policy"] == lab_policy()
    assert "'unsafe-inline'" not in lab_policy().split("script-src")[1]
    trainer.locator(".jp-LauncherCard[data-category='Notebook']").first.click(timeout=60_000)
    trainer.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)  # its kernel, over a websocket
    trainer.locator(".jp-Notebook .jp-Cell .cm-content").first.click(timeout=30_000)
    trainer.keyboard.type("6 * 7")
    trainer.keyboard.press("Shift+Enter")
    trainer.locator(".jp-OutputArea-output", has_text="42").wait_for(timeout=60_000)
    formgrader = trainer.request.get(f"{trainer_server}/formgrader/manage_students")
    assert formgrader.headers["content-security-policy"] == page_policy("/formgrader/manage_students", lab_policy())
    assert trainer.seen["violations"] == []


def test_a_lesson_previews_in_voila_under_the_policy(trainer_server, trainer):
    trainer.goto(f"{trainer_server}/voila/render/source/{ASSIGNMENT}/quick.ipynb")
    trainer.locator("h1", has_text="Quick lesson").wait_for(timeout=60_000)  # markdown rendered (and cleaned) as HTML
    assert refused_other_hosts_only(trainer.seen["violations"])  # Voilà's MathJax and Font Awesome
