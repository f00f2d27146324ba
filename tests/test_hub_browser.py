"""End to end through the real hub in headless Chromium (Debian's): a learner logs in with her PIN,
opens a lesson in Arabic, answers and sends it; the trainer collects and autogrades; the coordinator
sees her progress. Screenshots are kept in the test's temp dir."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from fadaa.grading.course import Course
from fadaa.grading.roster import learners
from fadaa.hub.demo import COORDINATOR_PIN, LEARNER_PIN
from fadaa.core.answer_store import AnswerStore
from conftest import PHONE

pytest_plugins = ["hub_fixtures"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def log_in(browser, hub, login: str, pin: str, tmp_path: Path, name: str, lands_on: str = "/services/lessons/**"):
    """A fresh phone-sized browser, logged in through the hub's own login page."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login", timeout=60_000)
    page.fill("#username_input", login)
    page.fill("#password_input", pin)
    page.screenshot(path=str(tmp_path / f"{name}-login.png"))
    page.click("#login_submit")
    page.wait_for_url(f"{hub.url}{lands_on}", timeout=180_000)  # the hub sends her to her page, nothing to start
    return context, page


def next_step(page) -> None:
    """Tap "Next" once and wait for the next step: taps queued faster than the kernel answers would
    skip past the step we want."""
    before = page.inner_text(".fadaa-step")
    page.click(".fadaa-next")
    page.wait_for_function("before => document.querySelector('.fadaa-step').innerText !== before",
                           arg=before, timeout=60_000)


def open_lesson(page, hub, lang: str) -> None:
    assignment, notebook = hub.lesson
    page.goto(f"{hub.lessons}voila/render/{assignment}/{notebook}?lang={lang}", timeout=180_000)
    page.wait_for_selector(".fadaa-next", timeout=180_000)


def answer_closing_balance(page, value: str) -> None:
    while page.locator(".fadaa-number-input input").count() == 0:
        next_step(page)
    page.locator(".fadaa-number-input input").first.fill(value)
    page.locator(".fadaa-check").first.click()
    page.wait_for_selector(".fadaa-feedback-right, .fadaa-feedback-wrong", timeout=30_000)


def send(page) -> None:
    while page.locator(".fadaa-submit").count() == 0:
        next_step(page)
    page.click(".fadaa-submit")
    page.wait_for_selector(".fadaa-submit ~ * .fadaa-feedback-right, .fadaa-feedback-right >> text=📨",
                           timeout=60_000)


def test_two_learners_at_once_in_arabic_and_french_each_answer_lands_in_her_own_notebook(hub, browser, tmp_path):
    """Two learners of the same class on the lesson service at the same time: she (Arabic) answers
    right, her neighbour (French) wrong; each answer is in her own notebook only; both send; the
    trainer collects and autogrades both; the coordinator then sees the cooperative's progress."""
    (her, _p, _l), (neighbour, _p2, _l2) = hub.learners(9)[7:9]
    assignment, notebook = hub.lesson
    cooperative = learners(hub.site.db_url, hub.site.course_id).set_index("student_id").cooperative[her]
    hers, her_page = log_in(browser, hub, her, LEARNER_PIN, tmp_path, "learner-ar")
    theirs, their_page = log_in(browser, hub, neighbour, LEARNER_PIN, tmp_path, "learner-fr")
    try:
        open_lesson(her_page, hub, "ar")
        open_lesson(their_page, hub, "fr")  # both pages and kernels open at once
        assert her_page.eval_on_selector(".fadaa-steps", "el => getComputedStyle(el).direction") == "rtl"
        assert their_page.eval_on_selector(".fadaa-steps", "el => getComputedStyle(el).direction") == "ltr"
        answer_closing_balance(her_page, "3 585")
        answer_closing_balance(their_page, "1 234")
        her_page.screenshot(path=str(tmp_path / "learner-checkpoint-ar.png"), full_page=True)
        their_page.screenshot(path=str(tmp_path / "learner-checkpoint-fr.png"), full_page=True)
        assert AnswerStore(hub.site.home(her) / assignment / notebook).load("closing_balance") == 3585
        assert AnswerStore(hub.site.home(neighbour) / assignment / notebook).load("closing_balance") == 1234
        send(her_page)
        send(their_page)
        her_page.screenshot(path=str(tmp_path / "learner-sent-ar.png"), full_page=True)
        for page in (her_page, their_page):
            assert "Traceback" not in page.inner_text("body")
    finally:
        hers.close()
        theirs.close()

    # the trainer's side, through the course's nbgrader API over the same course and exchange
    course = Course(hub.site.course_root, exchange=hub.site.exchange, db_url=hub.site.db_url)
    course.collect(assignment)
    assert {her, neighbour} <= set(course.submitted_students(assignment))
    course.autograde(assignment, her)
    course.autograde(assignment, neighbour)
    assert course.score(assignment, her).score > course.score(assignment, neighbour).score  # her balance was right

    context, page = log_in(browser, hub, "coordination", COORDINATOR_PIN, tmp_path, "coordinator")
    try:
        # she lands on the dashboard (in the lesson service), which counts the learners' work
        page.wait_for_selector(".widget-html-content h2", timeout=180_000)
        page.wait_for_timeout(2000)
        page.screenshot(path=str(tmp_path / "coordinator-dashboard.png"), full_page=True)
        text = page.inner_text("body")
        assert "Traceback" not in text
        assert cooperative in text
    finally:
        context.close()


def test_a_restart_of_the_lesson_service_loses_nothing(hub, browser, tmp_path):
    """Her answer is in her notebook: after the service is stopped and the hub starts it again,
    her open page says so and opens again by itself, on her step, with her answer in it."""
    her = hub.learners(10)[9][0]
    context, page = log_in(browser, hub, her, LEARNER_PIN, tmp_path, "restart")
    try:
        open_lesson(page, hub, "fr")
        answer_closing_balance(page, "3 585")
        with page.expect_navigation(timeout=240_000):
            os.kill(hub.lesson_service_pid(), signal.SIGTERM)  # the hub notices, and starts it again
            page.wait_for_selector(".fadaa-page-pause", state="visible", timeout=240_000)
            page.screenshot(path=str(tmp_path / "reopening.png"))
        # no Next to tap: the step she was on, with her answer
        page.wait_for_selector(".fadaa-number-input input", timeout=180_000)
        assert page.locator(".fadaa-number-input input").first.input_value().replace("\u202f", " ") in ("3 585", "3585")
        page.screenshot(path=str(tmp_path / "after-restart.png"), full_page=True)
    finally:
        context.close()


def test_a_lesson_whose_kernel_was_culled_opens_again_at_her_step(hub, browser, tmp_path):
    """Her phone slept and the service culled her kernel: tapping Next would do nothing. The page
    sees it, says so in both languages, and opens again on the step she was on."""
    her = hub.learners(12)[11][0]
    context, page = log_in(browser, hub, her, LEARNER_PIN, tmp_path, "culled")
    try:
        open_lesson(page, hub, "ar")
        next_step(page)
        next_step(page)
        reached = page.inner_text(".fadaa-dots")
        kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
        xsrf = next(c["value"] for c in context.cookies() if c["name"] == "_xsrf" and c["path"].startswith("/services/lessons"))
        with page.expect_navigation(timeout=120_000):
            # as the culler does: the service shuts the kernel down
            assert page.request.delete(f"{hub.lessons}api/kernels/{kernel}", headers={"X-XSRFToken": xsrf}).status == 204
            page.wait_for_selector(".fadaa-page-pause", state="visible", timeout=60_000)
            note = page.inner_text(".fadaa-page-pause")
            assert "là où vous étiez" in note and "حيث توقفتِ" in note
            page.screenshot(path=str(tmp_path / "culled-note.png"))
        page.wait_for_selector(".fadaa-next", timeout=180_000)
        assert page.inner_text(".fadaa-dots") == reached
    finally:
        context.close()


def test_leaving_a_page_shuts_its_kernel_down(hub, browser, tmp_path):
    """The page's script shuts its kernel down when she leaves the page, behind the hub too: the
    service keeps only the kernels of pages still open (culling is the backstop for a phone that
    loses its connection instead)."""
    her, _phone, _lang = hub.learners(17)[16]  # one no other test logs in as (the lock test changes a PIN)
    context, page = log_in(browser, hub, her, LEARNER_PIN, tmp_path, "leaving")
    try:
        open_lesson(page, hub, "fr")
        kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
        lesson_kernel = f"{hub.lessons}api/kernels/{kernel}"
        assert page.request.get(lesson_kernel).status == 200
        page.goto(hub.lessons, timeout=60_000)  # back to her home
        page.wait_for_selector(".fadaa-card", timeout=60_000)
        deadline = time.monotonic() + 30
        while page.request.get(lesson_kernel).status != 404:
            assert time.monotonic() < deadline, "her lesson's kernel is still running after she left it"
            time.sleep(0.5)
    finally:
        context.close()
