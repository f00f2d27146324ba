"""A step's ▶ in a real Chromium: a trainer records a step on his desk, a learner's page plays it."""
from __future__ import annotations

import pytest

from conftest import PHONE, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# the step's <audio> once it knows how long it is: the sound has arrived and can play
LOADED_DURATION = """() => {
  const audio = document.querySelector('.fadaa-step .fadaa-listen audio');
  return audio && Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : null;
}"""


def tap_and_hear(page) -> float:
    page.click(".fadaa-step .fadaa-play")
    return page.wait_for_function(LOADED_DURATION, timeout=30_000).json_value()


@pytest.mark.parametrize("lang, machine_voice", [("fr", "voix de synthèse"), ("ar", "صوت اصطناعي")])
def test_a_step_fetches_its_sound_only_when_she_taps_and_plays_it(voila_server, browser, tmp_path, lang, machine_voice):
    base, _home = voila_server
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    audio = []
    page.on("response", lambda response: audio.append(response) if "/step-audio/" in response.url else None)
    page.goto(f"{base}/voila/render/bookkeeping_1/cash_book.ipynb?lang={lang}", timeout=180_000)
    page.wait_for_selector(".fadaa-step .fadaa-play", timeout=180_000)
    page.wait_for_load_state("networkidle")
    assert audio == []  # a first visit carries no sound
    listen = page.locator(".fadaa-step .fadaa-listen")
    assert machine_voice in listen.inner_text()  # nobody has recorded this step yet: espeak-ng's draft
    box = page.locator(".fadaa-play").bounding_box()
    assert box["width"] >= 48 and box["height"] >= 48  # a thumb's size
    step = page.locator(".fadaa-step").bounding_box()
    # the button stands where her reading starts: on the right in Arabic
    assert (box["x"] > step["x"] + step["width"] / 2) == (lang == "ar")
    screenshot(page, tmp_path, f"step-audio-{lang}")
    seconds = tap_and_hear(page)
    assert seconds > 1
    assert audio and all(response.status in (200, 206) for response in audio)
    assert f".{lang}.draft." in audio[0].url
    context.close()
