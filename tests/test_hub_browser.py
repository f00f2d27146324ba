"""End to end through the real hub in headless Chromium (Debian's): a learner logs in with her PIN,
opens a lesson in Arabic, answers and sends it; the trainer collects and autogrades; the coordinator
sees her progress. Screenshots are kept in the test's temp dir."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from fadaa.grading.course import Course
from fadaa.grading.roster import learners
from fadaa.hub.demo import COORDINATOR_PIN, LEARNER_PIN
from conftest import PHONE

pytest_plugins = ["hub_fixtures"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]
DASHBOARD = Path(__file__).resolve().parents[1] / "notebooks" / "coordinator_dashboard.ipynb"


def log_in(browser, hub, login: str, pin: str, tmp_path: Path, name: str):
    """A fresh phone-sized browser, logged in through the hub's own login page."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login", timeout=60_000)
    page.fill("#username_input", login)
    page.fill("#password_input", pin)
    page.screenshot(path=str(tmp_path / f"{name}-login.png"))
    page.click("#login_submit")
    page.wait_for_url(f"{hub.url}/user/**", timeout=180_000)  # the hub starts her server, then sends her there
    return context, page


def next_step(page) -> None:
    """Tap "Next" once and wait for the next step: taps queued faster than the kernel answers would
    skip past the step we want."""
    before = page.inner_text(".fadaa-step")
    page.click(".fadaa-next")
    page.wait_for_function("before => document.querySelector('.fadaa-step').innerText !== before",
                           arg=before, timeout=60_000)


def test_learner_answers_in_arabic_and_sends_then_trainer_grades_and_coordinator_sees(hub, browser, tmp_path):
    her, _phone, _lang = hub.learners(1)[0]
    assignment, notebook = hub.lesson
    cooperative = learners(hub.site.db_url, hub.site.course_id).set_index("student_id").cooperative[her]
    context, page = log_in(browser, hub, her, LEARNER_PIN, tmp_path, "learner")
    try:
        page.goto(f"{hub.url}/user/{her}/voila/render/{assignment}/{notebook}?lang=ar", timeout=180_000)
        page.wait_for_selector(".fadaa-next", timeout=180_000)
        assert page.eval_on_selector(".fadaa-steps", "el => getComputedStyle(el).direction") == "rtl"
        while page.locator(".fadaa-number-input input").count() == 0:
            next_step(page)
        page.locator(".fadaa-number-input input").first.fill("3 585")
        page.locator(".fadaa-check").first.click()
        page.wait_for_selector(".fadaa-feedback-right", timeout=30_000)
        page.screenshot(path=str(tmp_path / "learner-checkpoint-ar.png"), full_page=True)
        while page.locator(".fadaa-submit").count() == 0:
            next_step(page)
        page.click(".fadaa-submit")
        page.wait_for_selector(".fadaa-submit ~ * .fadaa-feedback-right, .fadaa-feedback-right >> text=📨",
                               timeout=60_000)
        page.screenshot(path=str(tmp_path / "learner-sent-ar.png"), full_page=True)
        assert "Traceback" not in page.inner_text("body")
    finally:
        context.close()

    # the trainer's side, through the course's nbgrader API over the same course and exchange
    course = Course(hub.site.course_root, exchange=hub.site.exchange, db_url=hub.site.db_url)
    course.collect(assignment)
    assert her in course.submitted_students(assignment)
    course.autograde(assignment, her)
    score = course.score(assignment, her)
    assert score is not None and score.score >= 1  # her closing balance was right

    context, page = log_in(browser, hub, "coordination", COORDINATOR_PIN, tmp_path, "coordinator")
    try:
        if not DASHBOARD.exists():
            pytest.skip("notebooks/coordinator_dashboard.ipynb is not there yet (issue 4): checked up to grading")
        # she lands on the dashboard (her server's default page), which counts the learner's work
        page.wait_for_selector(".widget-html-content h2", timeout=180_000)
        page.wait_for_timeout(2000)
        page.screenshot(path=str(tmp_path / "coordinator-dashboard.png"), full_page=True)
        text = page.inner_text("body")
        assert "Traceback" not in text
        assert cooperative in text
    finally:
        context.close()


def test_leaving_a_page_shuts_its_kernel_down(hub, browser, tmp_path):
    """The page's script shuts its kernel down when she leaves the page, behind the hub too: her
    server keeps only the kernels of pages still open (culling is the backstop for a phone that
    loses its connection instead)."""
    her, _phone, _lang = hub.learners(3)[2]
    context, page = log_in(browser, hub, her, LEARNER_PIN, tmp_path, "leaving")
    try:
        page.wait_for_selector(".fadaa-card", timeout=180_000)  # her home, where the hub lands her
        kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
        home_kernel = f"{hub.url}/user/{her}/api/kernels/{kernel}"
        assert page.request.get(home_kernel).status == 200
        assignment, notebook = hub.lesson
        page.goto(f"{hub.url}/user/{her}/voila/render/{assignment}/{notebook}", timeout=180_000)
        page.wait_for_selector(".fadaa-next", timeout=180_000)
        deadline = time.monotonic() + 30
        while page.request.get(home_kernel).status != 404:
            assert time.monotonic() < deadline, "her home's kernel is still running after she left it"
            time.sleep(0.5)
    finally:
        context.close()
