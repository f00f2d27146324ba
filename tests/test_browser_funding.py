"""The funding and getting-paid lessons in a real headless Chromium: every step shows in both
languages with no traceback and no note in place of a widget, and her product photo goes through
the phone's file picker (a real small photo, and a 20 MB file that gets a message and breaks nothing)."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from conftest import screenshot
from fadaa.widgets.selling import photo, photo_examples
from test_browser import assert_clean, eventually, next_step, open_lesson

pytestmark = [pytest.mark.slow, pytest.mark.browser]
LESSONS = [("selling_4", "payments.ipynb"), ("selling_5", "photo.ipynb"), ("funding_1", "relaunch_plan.ipynb"),
           ("funding_2", "applying.ipynb")]


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("assignment,notebook", LESSONS)
def test_every_step_shows_with_its_widgets(voila_server, page, tmp_path, assignment, notebook, lang):
    base, _home = voila_server
    open_lesson(page, base, assignment, notebook, lang)
    total = int(page.inner_text(".fadaa-dots").split()[-1])
    for index in range(total):
        if index:
            next_step(page)
        assert page.locator(".fadaa-step").count() == 1
        assert page.locator(".fadaa-step .widget-html-content").first.inner_text().strip()
        assert page.locator(".fadaa-unsupported").count() == 0
        assert_clean(page, lang)
        screenshot(page, tmp_path, f"{assignment}-{lang}-step{index + 1}")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_her_photo_goes_through_the_phone_file_picker(voila_server, page, tmp_path, lang):
    base, home = voila_server
    open_lesson(page, base, "selling_5", "photo.ipynb", lang)
    while page.locator(".fadaa-photo-upload").count() == 0:
        next_step(page)
    assert page.locator(".fadaa-photo-upload").inner_text().strip() != ""  # says what to do, no "(0)"
    dark = tmp_path / "tapis.jpg"
    dark.write_bytes(photo_examples.example_photo("dark"))
    with page.expect_file_chooser() as chooser:
        page.click(".fadaa-photo-upload")
    chooser.value.set_files(str(dark))
    page.wait_for_selector(".fadaa-photo-preview", timeout=30_000)
    page.wait_for_selector(".fadaa-photo-problem", timeout=30_000)
    assert ("مظلمة" if lang == "ar" else "sombre") in page.inner_text(".fadaa-step")
    screenshot(page, tmp_path, f"selling_5-{lang}-photo-checked")
    kept = home / "documents" / ("surat_al_muntaj.jpg" if lang == "ar" else "photo_produit.jpg")
    assert eventually(kept.exists)
    dark_copy = kept.read_bytes()
    # a large photo just under the limit (7.4 MB) travels whole over the page's websocket and is kept
    big = tmp_path / "big.jpg"
    noise = np.random.default_rng(0).integers(0, 255, (2300, 2300, 3), dtype=np.uint8)
    Image.fromarray(noise).save(big, format="JPEG", quality=97)
    assert 7_000_000 < big.stat().st_size < photo.MAX_BYTES
    with page.expect_file_chooser() as chooser:
        page.click(".fadaa-photo-upload")
    chooser.value.set_files(str(big))
    assert eventually(lambda: kept.read_bytes() != dark_copy, seconds=60)
    page.wait_for_selector(".fadaa-step .fadaa-feedback-right", timeout=30_000)  # fine grain, evenly lit: passes
    before = kept.read_bytes()
    # 20 MB from the gallery: not sent, a message in her language, the page still answers
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\xff\xd8\xff" + bytes(20_000_000))
    with page.expect_file_chooser() as chooser:
        page.click(".fadaa-photo-upload")
    chooser.value.set_files(str(huge))
    page.wait_for_selector(".fadaa-feedback-error", timeout=30_000)
    assert ("كبير جداً" if lang == "ar" else "trop gros") in page.inner_text(".fadaa-feedback-error")
    assert not page.locator(".fadaa-page-failure").is_visible()
    assert kept.read_bytes() == before and page.locator(".fadaa-photo-preview").count() == 1
    screenshot(page, tmp_path, f"selling_5-{lang}-photo-too-large")
    next_step(page)  # the page still answers
    assert_clean(page, lang)
