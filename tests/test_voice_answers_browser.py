"""A spoken answer, end to end in Chromium with a fake microphone: a learner records her answer to
the cash book's free-text checkpoint on the lesson page, it is kept beside her notebook and named in
its answer cell, she sends the lesson, her trainer collects and autogrades it with nbgrader and
plays it in formgrader. And a microphone she cannot use is told in her language, her text kept."""
from __future__ import annotations

import shutil
import time

import pytest
from nbgrader.api import Gradebook

from fadaa.grading import exchange
from fadaa.grading.course import Course
from fadaa.server.serve import voila_environment
from fadaa.core.answer_store import AnswerStore
from fadaa.core.i18n import gettext_for
from fadaa.widgets.lesson import RELEASED_TEXT_STUB
from fadaa.widgets.questions import voice_refusals
from conftest import CHROMIUM, CHROMIUM_ARGS, COURSE, PHONE, REPO, running_trainer_server, running_voila, screenshot
from test_browser import eventually, open_lesson, step_with

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MODULE, NOTEBOOK, CELL = "bookkeeping_1", "cash_book.ipynb", "why_same_day"
LEARNER = "lm000100"
TOKEN = "trainer-token"
NOTE = f"cash_book.voice-{CELL}.webm"
TYPED = "Le reçu prouve la ligne."


@pytest.fixture(scope="module")
def lesson_served(tmp_path_factory):
    """The cash book lesson released through nbgrader's exchange, fetched into her home and served
    by Voilà with Fadaa's template. Yields (course, her home, base URL)."""
    var = tmp_path_factory.mktemp("voice")
    shutil.copytree(COURSE, var / "course", ignore=shutil.ignore_patterns(
        "gradebook.db", "release", "submitted", "autograded", "feedback"))
    (var / "exchange").mkdir()
    course = Course(var / "course", exchange=var / "exchange")
    course.generate(MODULE)
    course.release(MODULE)
    home = var / "home" / LEARNER
    exchange.write_learner_config(home, course.course_id, var / "exchange", LEARNER)
    exchange.fetch(home, MODULE)
    env = voila_environment()
    env["FADAA_PROFILE"] = str(var / "profile.json")
    with running_voila(home, env, var / "voila.log") as base:
        yield course, home, base


def record(page, seconds: float) -> None:
    page.click(".fadaa-voice-record")
    page.wait_for_selector(".fadaa-voice-stop")
    time.sleep(seconds)
    page.click(".fadaa-voice-stop")
    page.wait_for_selector(".fadaa-voice-keep")


def audio_duration(page, selector: str) -> float:
    """The duration an <audio> reports once it has loaded its file's metadata (NaN if it cannot)."""
    return page.eval_on_selector(selector, """audio => new Promise(resolve => {
        if (audio.readyState >= 1) { resolve(audio.duration); return; }
        audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
        audio.addEventListener('error', () => resolve(NaN));
        audio.load();
    })""")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_recorder_reads_in_her_language_and_direction(lesson_served, microphone_browser, tmp_path, lang):
    _course, _home, base = lesson_served
    context = microphone_browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_lesson(page, base, MODULE, NOTEBOOK, lang)
    step_with(page, ".fadaa-voice-record")
    _ = gettext_for(lang)
    assert _("Record my answer") in page.inner_text(".fadaa-voice-record")
    direction = page.eval_on_selector(".fadaa-voice-buttons", "el => getComputedStyle(el).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    assert page.locator(".fadaa-voice-record").bounding_box()["height"] >= 48
    screenshot(page, tmp_path, f"{MODULE}-{lang}-voice-answer")
    record(page, 1.5)
    screenshot(page, tmp_path, f"{MODULE}-{lang}-voice-answer-recorded")
    context.close()


def test_a_learner_records_her_answer_sends_it_and_her_trainer_hears_it_in_formgrader(
        lesson_served, microphone_browser, tmp_path, tmp_path_factory):
    course, home, base = lesson_served
    context = microphone_browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_lesson(page, base, MODULE, NOTEBOOK, "fr")
    step_with(page, ".fadaa-voice-record")
    page.fill(".fadaa-free-text textarea", TYPED)
    page.click(".fadaa-save")
    notebook = home / MODULE / NOTEBOOK
    assert eventually(lambda: AnswerStore(notebook).load(CELL, RELEASED_TEXT_STUB)) == TYPED

    record(page, 3)
    page.click(".fadaa-voice-keep")
    kept = gettext_for("fr")("Your voice note is saved. Your trainer will listen to it.")
    page.wait_for_function("text => document.body.innerText.includes(text)", arg=kept, timeout=30_000)
    page.wait_for_selector(".fadaa-voice-play")  # she may listen to what she kept
    screenshot(page, tmp_path, f"{MODULE}-fr-voice-answer-kept")

    # beside her notebook, named in the answer cell, her typed text still there
    note = home / MODULE / NOTE
    assert note.is_file() and note.stat().st_size > 1000
    store = AnswerStore(notebook)
    assert store.load(CELL, RELEASED_TEXT_STUB) == TYPED and store.load_voice(CELL) == note.read_bytes()

    # opened again, the lesson offers the note she kept, and plays it from her kernel
    page.reload()
    page.wait_for_selector(".fadaa-voice-play", timeout=180_000)  # it reopens on the step she was on
    page.click(".fadaa-voice-play")
    page.wait_for_selector(".fadaa-voice-player:not([hidden])")
    assert 2 <= audio_duration(page, ".fadaa-voice-player") <= 5
    assert page.input_value(".fadaa-free-text textarea") == TYPED

    # she sends the lesson from its last step
    step_with(page, ".fadaa-submit")
    page.click(".fadaa-submit")
    page.wait_for_selector(".fadaa-feedback-right >> text=📨", timeout=60_000)
    context.close()

    # her trainer collects and autogrades with nbgrader: the note goes along
    course.collect(MODULE)
    course.autograde(MODULE, LEARNER)
    graded = course.root / "autograded" / LEARNER / MODULE
    assert (graded / NOTE).read_bytes() == note.read_bytes()
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        submission = gradebook.find_submission_notebook("cash_book", MODULE, LEARNER).id

    # ...and plays it in formgrader, where it comes from the submission's own folder, and on his desk
    shutil.copy(REPO / "notebooks" / "trainer_desk.ipynb", course.root)
    desk_env = {"FADAA_COURSE_ROOT": str(course.root), "FADAA_COURSE": course.course_id,
                "FADAA_DB_URL": course.db_url, "FADAA_EXCHANGE": str(course.config.Exchange.root)}
    with running_trainer_server(course.root, tmp_path_factory.mktemp("trainer-server"), TOKEN, desk_env) as server:
        trainer = microphone_browser.new_context(viewport={"width": 1280, "height": 900})
        formgrader = trainer.new_page()
        formgrader.goto(f"{server}/api/status?token={TOKEN}")  # the login cookie
        formgrader.goto(f"{server}/formgrader/submissions/{submission}/")
        audio = f"audio[src='{NOTE}']"
        formgrader.wait_for_selector(audio, state="attached", timeout=60_000)
        assert TYPED in formgrader.inner_text("body")
        duration = audio_duration(formgrader, audio)
        assert 2 <= duration <= 5, duration
        screenshot(formgrader, tmp_path, "formgrader-voice-answer")

        desk = trainer.new_page()
        desk.goto(f"{server}/voila/render/trainer_desk.ipynb?lang=fr", timeout=180_000)
        desk.wait_for_selector(".fadaa-steps-module select", timeout=180_000)
        desk.select_option(".fadaa-steps-module select", label="Le cahier de caisse")
        desk.wait_for_selector("audio.fadaa-voice-answer", state="attached", timeout=60_000)
        assert 2 <= audio_duration(desk, "audio.fadaa-voice-answer") <= 5
        assert "Pourquoi faut-il écrire chaque mouvement" in desk.inner_text("body")  # her checkpoint, by its question
        desk.locator("audio.fadaa-voice-answer").scroll_into_view_if_needed()
        screenshot(desk, tmp_path, "trainer-desk-voice-answer")
        trainer.close()

    # he grades and comments it as any free text, and her feedback is released
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        grade = gradebook.find_grade(CELL, "cash_book", MODULE, LEARNER)
        grade.manual_score = 2
        gradebook.find_comment(CELL, "cash_book", MODULE, LEARNER).manual_comment = "Très clair, merci."
        gradebook.db.commit()
    course.release_feedback(MODULE)
    feedback = exchange.fetch_feedback(home, MODULE)
    assert "Très clair, merci." in "".join(p.read_text() for p in feedback.rglob("*.html"))


@pytest.fixture(scope="module")
def refusing_browser(playwright_driver):
    """Chromium with a microphone, and no one there to allow it: the page is refused it."""
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM,
                                                 args=[*CHROMIUM_ARGS, "--use-fake-device-for-media-stream"])
    yield chromium
    chromium.close()


@pytest.mark.parametrize("microphone", ["denied", "no_microphone", "unsupported"])
def test_a_microphone_she_cannot_use_is_told_and_her_text_is_kept(lesson_served, request, tmp_path, microphone):
    """A microphone refused; a phone without one; a browser that cannot record at all (a page over
    plain HTTP has no navigator.mediaDevices)."""
    _course, home, base = lesson_served
    browser = request.getfixturevalue("refusing_browser" if microphone == "denied" else "browser")
    context = browser.new_context(viewport=PHONE)
    if microphone == "unsupported":
        context.add_init_script("Object.defineProperty(navigator, 'mediaDevices', {value: undefined})")
    page = context.new_page()
    open_lesson(page, base, MODULE, NOTEBOOK, "ar")
    step_with(page, ".fadaa-voice-record")
    typed = f"نص مكتوب {microphone}"
    page.fill(".fadaa-free-text textarea", typed)
    page.click(".fadaa-voice-record")
    told = page.wait_for_selector(".fadaa-feedback-error", timeout=30_000).inner_text()
    assert voice_refusals(gettext_for("ar"))[microphone] in told
    assert page.input_value(".fadaa-free-text textarea") == typed
    assert page.locator(".fadaa-voice-record").is_enabled()  # she may try again once it is allowed
    screenshot(page, tmp_path, f"{MODULE}-ar-voice-{microphone}")
    page.click(".fadaa-save")
    assert eventually(lambda: AnswerStore(home / MODULE / NOTEBOOK).load(CELL, RELEASED_TEXT_STUB) == typed)
    context.close()
