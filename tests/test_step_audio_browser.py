"""A step's ▶ in a real Chromium: a trainer records a step on his desk, a learner's page plays it."""
from __future__ import annotations

import pytest

from conftest import PHONE, running_trainer_server, screenshot
from test_browser import first_step

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


@pytest.fixture
def trainer_desk(voila_server, microphone_browser, tmp_path):
    """The trainer's own JupyterLab over the course the learner's Voilà plays from; his tab on the desk."""
    from test_trainer_server_browser import TOKEN

    _base, home = voila_server
    course = home.parent.parent / "course"  # demo.learner.build: var/home/<her>, var/course
    with running_trainer_server(course, tmp_path, TOKEN, {"FADAA_COURSE_ROOT": str(course)}) as lab:
        context = microphone_browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["microphone"])
        page = context.new_page()
        page.goto(f"{lab}/api/status?token={TOKEN}")  # the login cookie
        yield page, lab, course
        context.close()


def test_a_trainer_records_a_step_in_darija_and_her_page_plays_it(voila_server, trainer_desk, page, tmp_path):
    desk, lab, course = trainer_desk
    desk.goto(f"{lab}/fadaa/recordings?lesson=bookkeeping_1/cash_book&spoken=ary")
    steps = desk.locator(".fadaa-desk-step")
    assert steps.count() == 9
    assert "cahier de caisse" in steps.first.inner_text() and "دفتر الصندوق" in steps.first.inner_text()
    first = steps.first.locator(".fadaa-desk-sound")
    first.locator(".fadaa-desk-record").click()
    desk.wait_for_timeout(2500)  # the fake microphone's tone
    first.locator(".fadaa-desk-stop").click()
    desk.wait_for_selector("#step-1 .fadaa-desk-delete", timeout=30_000)  # kept: the page shows it again
    screenshot(desk, tmp_path, "recording-desk")
    folder = course / "source" / "bookkeeping_1" / "audio" / "cash_book"
    assert (folder / "01.ary.ogg").stat().st_size > 1000 and (folder / "01.ary.m4a").is_file()

    # she reads French and listens in Darija: his recording, no machine voice
    base, _home = voila_server
    page.goto(f"{base}/voila/render/bookkeeping_1/cash_book.ipynb?lang=fr&spoken=ary", timeout=180_000)
    first_step(page)  # other tests share her home, and a lesson reopens on her step
    page.wait_for_selector(".fadaa-step .fadaa-play", timeout=180_000)
    assert page.locator(".fadaa-step .fadaa-listen").get_attribute("lang") == "ary"
    assert page.locator(".fadaa-machine-voice").count() == 0
    assert 1.5 < tap_and_hear(page) < 5

    # step 2 has no Darija: she hears the French draft
    page.click(".fadaa-next")
    page.wait_for_selector(".fadaa-step .fadaa-listen[lang=fr] .fadaa-machine-voice")

    # he deletes it: the step has no Darija any more, and she hears the French draft again
    desk.locator("#step-1 .fadaa-desk-delete").click()
    desk.wait_for_selector("#step-1 .fadaa-desk-record")
    desk.wait_for_function("() => !document.querySelector('#step-1 .fadaa-desk-delete')")
    assert not (folder / "01.ary.ogg").exists()
    page.goto(f"{base}/voila/render/bookkeeping_1/cash_book.ipynb?lang=fr&spoken=fr", timeout=180_000)
    page.wait_for_selector(".fadaa-step .fadaa-listen[lang=fr] .fadaa-machine-voice", timeout=180_000)


def test_the_desk_refuses_a_file_that_is_not_audio_and_says_so_in_both_languages(trainer_desk):
    desk, lab, course = trainer_desk
    desk.goto(f"{lab}/fadaa/recordings?lesson=bookkeeping_1/cash_book&spoken=shi")
    xsrf = desk.locator("body").get_attribute("data-xsrf")
    answer = desk.evaluate("""async ([url, xsrf]) => {
        const response = await fetch(url, {method: 'PUT', body: 'not a sound', headers: {'X-XSRFToken': xsrf}});
        return [response.status, (await response.json()).error];
    }""", [f"{lab}/fadaa/recordings/audio/bookkeeping_1/audio/cash_book/02.shi", xsrf])
    assert answer[0] == 400
    assert "n'est pas un enregistrement" in answer[1] and "ليس تسجيلا" in answer[1]
    assert not (course / "source" / "bookkeeping_1" / "audio" / "cash_book" / "02.shi.json").exists()
