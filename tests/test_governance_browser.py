"""The governance lessons in a real headless Chromium: her board typed on an Arabic page becomes
the renewal table, is kept in her notebook, and her sheet downloads as a PDF in Arabic."""
import base64

import pytest

from conftest import pdf_text, screenshot
from fadaa.core.answer_store import AnswerStore
from test_browser import assert_clean, eventually, open_lesson, step_with

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_arabic_board_form_makes_her_renewal_dates_and_sheet(voila_server, page, tmp_path):
    base, home = voila_server
    open_lesson(page, base, "governance_1", "board.ipynb", "ar")
    step_with(page, ".fadaa-board-term input")
    assert_clean(page, "ar")
    page.locator(".fadaa-board-name input").first.fill("فاطمة الزهراء العلوي")
    page.locator(".fadaa-board-name input").first.press("Enter")
    page.locator(".fadaa-board-elected input").first.fill("2024-06-08")
    page.locator(".fadaa-board-term input").fill("3")
    page.locator(".fadaa-board-term input").press("Enter")
    page.wait_for_function("document.querySelector('.fadaa-board') && "
                           "document.querySelector('.fadaa-board').innerText.includes('08/06/2027')", timeout=30_000)
    assert "فاطمة الزهراء العلوي" in page.inner_text(".fadaa-board")
    notebook = home / "governance_1" / "board.ipynb"
    saved = eventually(lambda: (AnswerStore(notebook).load_data("board") or {}).get("term_years"))
    assert saved == "3"
    page.locator(".fadaa-document").last.click()
    link = page.wait_for_selector("a.fadaa-download", timeout=30_000)
    screenshot(page, tmp_path, "governance_1-ar-board")
    href = link.get_attribute("href")
    assert href.startswith("data:application/pdf;base64,")
    text = pdf_text(base64.b64decode(href.split(",", 1)[1]))
    assert "مجلس الإدارة والولايات" in text and "08/06/2027" in text and "فاطمة الزهراء العلوي" in text
