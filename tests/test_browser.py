"""Lessons in a real headless Chromium (Debian's), driven by Playwright: what a learner sees."""
from __future__ import annotations

import re
import time

import pytest

from fadaa.core.answer_store import AnswerStore
from conftest import lesson_notebooks, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def open_lesson(page, base: str, assignment: str, notebook: str, lang: str) -> None:
    """The lesson on its first step: it reopens on the step she was on, and the tests share her home."""
    page.goto(f"{base}/voila/render/{assignment}/{notebook}?lang={lang}", timeout=180_000)
    first_step(page)


def first_step(page) -> None:
    """Back to step 1 of the lesson on screen, which reopened on the step she was on."""
    page.wait_for_selector(".fadaa-next", timeout=180_000)
    # the dots say which step shows ("Étape 3 sur 9"); Back's disabled state arrives a moment after them
    while re.search(r"\d+", page.inner_text(".fadaa-dots")).group() != "1":
        move(page, ".fadaa-back")


def eventually(read, seconds: float = 15):
    """What ``read()`` returns once it is truthy: the kernel saves just after the screen updates."""
    deadline = time.monotonic() + seconds
    while not (value := read()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return value


def move(page, button: str) -> None:
    """Tap 'Next' or 'Back' and wait until that step is on screen."""
    before = page.inner_text(".fadaa-dots")
    page.click(button)
    page.wait_for_function("before => document.querySelector('.fadaa-dots').innerText !== before", arg=before)


def next_step(page) -> None:
    move(page, ".fadaa-next")


def step_with(page, selector: str) -> None:
    while page.locator(selector).count() == 0:
        next_step(page)


def assert_clean(page, lang: str) -> None:
    direction = page.eval_on_selector(".fadaa-steps", "el => getComputedStyle(el).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert "Traceback" not in page.inner_text("body")


def test_arabic_checkpoint_answer_is_checked_and_saved_in_her_notebook(voila_server, page, tmp_path):
    base, home = voila_server
    open_lesson(page, base, "bookkeeping_1", "cash_book.ipynb", "ar")
    assert_clean(page, "ar")
    # reading right to left, "Next" stands on the left of "Back"
    assert page.locator(".fadaa-next").bounding_box()["x"] < page.locator(".fadaa-back").bounding_box()["x"]
    step_with(page, ".fadaa-number-input input")
    answer = page.locator(".fadaa-number-input input").first
    answer.fill("3 585")
    page.locator(".fadaa-check").first.click()
    page.wait_for_selector(".fadaa-feedback-right", timeout=30_000)
    assert "صحيح" in page.inner_text(".fadaa-feedback-right")
    screenshot(page, tmp_path, "bookkeeping_1-ar-checkpoint")
    notebook = home / "bookkeeping_1" / "cash_book.ipynb"
    assert eventually(lambda: AnswerStore(notebook).load("closing_balance")) == 3585
    # then her own cash book: one sale, kept in her notebook as she types it
    step_with(page, ".fadaa-add-line")
    page.locator(".fadaa-own-amount input").fill("1 500")
    page.click(".fadaa-add-line")
    page.wait_for_function("document.querySelector('.fadaa-own-book table').innerText.includes('1 500')")
    screenshot(page, tmp_path, "bookkeeping_1-ar-own-book")
    assert eventually(lambda: AnswerStore(notebook).load_data("cash_book", {}).get("entries"))[0]["amount"] == 1500


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("notebook", lesson_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_lesson_step_renders(voila_server, page, tmp_path, notebook, lang):
    base, _home = voila_server
    open_lesson(page, base, notebook.parent.name, notebook.name, lang)
    next_step(page)
    assert page.locator(".fadaa-step").count() == 1  # one short step on screen at a time
    assert page.locator(".fadaa-step .widget-html-content").first.inner_text().strip()
    assert_clean(page, lang)
    screenshot(page, tmp_path, f"{notebook.parent.name}-{lang}-step2")


# Where, on screen, the "1" and the "200" of the first "1 200" in the step's text stand: a page that
# turns the amount round shows "200 1", with the "1" on the right.
VISUAL_ORDER = """() => {
  const walker = document.createTreeWalker(document.querySelector('.fadaa-step'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.search(/1[\\u00a0\\u202f ]200/);
    if (at < 0) continue;
    const box = (start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end);
                                  return r.getBoundingClientRect(); };
    return {one: box(at, at + 1).left, hundreds: box(at + 2, at + 5).left};
  }
  return null;
}"""


def test_an_arabic_page_reads_1_200_left_to_right(voila_server, page, tmp_path):
    base, _home = voila_server
    open_lesson(page, base, "bookkeeping_1", "cash_book.ipynb", "ar")
    where = page.evaluate(VISUAL_ORDER)
    while where is None:  # the worked example, whose cash box holds 1 200 DH on 1 March
        next_step(page)
        where = page.evaluate(VISUAL_ORDER)
    screenshot(page, tmp_path, "bookkeeping_1-ar-example")
    assert where and where["one"] < where["hundreds"]  # "1 200", not "200 1"
