"""Step audio kept with the course source, trainers' uploads checked, machine drafts made at build time."""
from __future__ import annotations

import html
import json
import re

import pytest

from fadaa.core import audio, step_audio
from fadaa.grading.audio_drafts import make_drafts, speakable, synthesise
from fadaa.views.recording_desk import desk_page
from fadaa.core.lesson_steps import course_lessons, lesson_steps
from fadaa.hub.demo import build
from fadaa.core.site import Site
from conftest import COURSE
from sounds import recording

pytestmark = pytest.mark.skipif(bool(__import__("fadaa.grading.audio_drafts", fromlist=["x"]).missing_tools()),
                                reason="espeak-ng missing: make installs it")


def test_a_recording_plays_instead_of_the_draft_and_deleting_it_brings_the_draft_back(tmp_path):
    folder = step_audio.lesson_audio_dir(tmp_path, "bookkeeping_1", "cash_book")
    encoded = step_audio.checked_recording(recording(2))
    step_audio.write(folder, 1, "fr", encoded, "Le cahier", machine=True)
    assert step_audio.best(folder, 1, ("fr",)).machine
    step_audio.write(folder, 1, "fr", encoded, "Le cahier", machine=False)
    assert not step_audio.best(folder, 1, ("fr",)).machine
    # she listens in Tachelhit, which nobody recorded yet: the French she reads
    assert step_audio.best(folder, 1, ("shi", "fr")).lang == "fr"
    step_audio.write(folder, 1, "shi", encoded, "Le cahier\n\nدفتر", machine=False)
    assert step_audio.best(folder, 1, ("shi", "fr")).lang == "shi"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("01.shi")) == [
        "01.shi.json", "01.shi.m4a", "01.shi.ogg"]
    step_audio.delete(folder, 1, "fr")
    assert step_audio.best(folder, 1, ("fr",)).machine
    assert step_audio.best(folder, 2, ("shi", "fr")) is None
    # a recording knows the text it was made for: the desk flags it when the step changes
    assert step_audio.read(folder, 1, "shi", machine=False).made_for("Le cahier\n\nدفتر")
    assert not step_audio.read(folder, 1, "shi", machine=False).made_for("Le nouveau cahier\n\nدفتر")


def test_only_step_audio_matches_what_the_lesson_service_may_send():
    assert step_audio.AUDIO_PATH.fullmatch("bookkeeping_1/audio/cash_book/01.ary.ogg")
    assert step_audio.AUDIO_PATH.fullmatch("bookkeeping_1/audio/cash_book/12.fr.draft.m4a")
    for other in ("bookkeeping_1/cash_book.ipynb", "bookkeeping_1/audio/cash_book/01.fr.json",
                  "../audio/x/01.fr.ogg", "bookkeeping_1/audio/cash_book/01.de.ogg"):
        assert not step_audio.AUDIO_PATH.fullmatch(other)


@pytest.mark.parametrize("make, refusal", [
    (lambda tmp: b"", "The recording is empty"),
    (lambda tmp: b"PK\x03\x04 a spreadsheet, not a sound", "not a sound recording"),
    (lambda tmp: b"\0" * (step_audio.LIMITS.max_bytes + 1), "too large"),
    (lambda tmp: recording(step_audio.LIMITS.max_seconds + 5), "too long"),
])
def test_the_desk_refuses_what_is_not_a_step_recording_in_both_languages(tmp_path, make, refusal):
    with pytest.raises(step_audio.AudioRefused) as refused:
        step_audio.checked_recording(make(tmp_path))
    assert refusal in str(refused.value)
    assert refused.value.text("ar") != refused.value.text("fr")


def test_a_recording_is_kept_small_and_plays_as_long_as_it_was(tmp_path):
    encoded = step_audio.checked_recording(recording(10))
    for ext, data in encoded.items():
        (tmp_path / f"kept.{ext}").write_bytes(data)
        assert audio.duration(tmp_path / f"kept.{ext}") == pytest.approx(10, abs=0.2)
        assert len(data) <= 25_000, ext  # ≤ 25 KB for 10 s


def test_a_draft_says_the_words_not_the_markup_nor_the_emoji():
    said = speakable("Le **cahier de caisse** 📒 note chaque dirham qui *entre* ⬇️💰: `1 200 DH`.", "fr")
    assert said == "Le cahier de caisse note chaque dirham qui entre: 1 200 dirhams."
    assert "*" not in speakable("في **دفتر الصندوق** 📒 نسجّل 50 DH", "ar")
    assert speakable("في **دفتر الصندوق** 📒 نسجّل 50 DH", "ar").endswith("50 درهم")


def test_the_course_build_gives_every_step_of_every_lesson_a_draft_in_french_and_arabic(tmp_path):
    """What ``make serve`` builds; drafts come from the speech cache after the first build."""
    site = Site(tmp_path / "hub")
    build(site, assignments=["bookkeeping_1"], prize_winners=1, projects=1)
    source = site.course_root / "source"
    total, seconds, steps = 0, 0.0, 0
    for lesson in course_lessons(source):
        folder = step_audio.lesson_audio_dir(source, lesson.module, lesson.stem)
        for step in lesson_steps(lesson.notebook):
            for lang in ("fr", "ar"):
                draft = step_audio.read(folder, step.number, lang, machine=True)
                assert draft and draft.made_for(step.script(lang)), (lesson, step.number, lang)
                assert set(draft.files) == {"ogg", "m4a"}
                total += draft.files["ogg"].stat().st_size
                seconds += audio.duration(draft.files["ogg"])
                steps += 1
            assert not list(folder.glob(f"{step.number:02d}.ary*"))  # never a machine Darija
    print(f"\nspoken drafts: {steps} (step, language) pairs, {total / steps / 1000:.1f} KB a step on average "
          f"(Opus), {total / seconds * 10 / 1000:.1f} KB per 10 s")
    assert total / seconds * 10 <= 25_000
    # nbgrader hands the lesson out without its sound
    assert not list((site.course_root / "release").rglob("*.ogg"))


def test_she_listens_in_the_language_she_reads_until_she_chooses_another(tmp_path):
    from fadaa.core.i18n import choose_spoken
    profile = tmp_path / "profile.json"
    assert choose_spoken("lang=ar", "ar", profile) == "ar"
    assert choose_spoken("spoken=shi", "ar", profile) == "shi"  # on her home
    assert choose_spoken("lang=fr", "fr", profile) == "shi"  # remembered: she reads French now, still hears Tachelhit
    assert choose_spoken("spoken=xx", "fr", profile) == "shi"  # a code that is no language changes nothing


def test_her_roster_names_the_language_she_listens_in_until_she_chooses_one(tmp_path):
    from fadaa.core.i18n import choose_spoken, remember_language
    profile = tmp_path / "profile.json"
    remember_language("shi", profile, key="roster_spoken")  # what her arrival keeps (fadaa.hub.homes)
    assert choose_spoken("lang=ar", "ar", profile) == "shi"
    assert choose_spoken("spoken=ary", "ar", profile) == "ary"  # her own choice wins
    remember_language("rif", profile, key="roster_spoken")
    assert choose_spoken("", "ar", profile) == "ary"  # and stays hers when the roster changes
    other = tmp_path / "other.json"
    remember_language("", other, key="roster_spoken")  # a roster that names none
    assert choose_spoken("", "fr", other) == "fr"


def _notebook(path, *cells: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": cell, "metadata": {}, "outputs": [],
                                           "execution_count": None} for cell in cells],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")


def test_a_step_with_a_script_is_spoken_and_recorded_from_its_script(tmp_path, monkeypatch):
    """The ▶ says the fuller script; the desk asks the trainer to read it, and flags a recording made
    for the words the step said before."""
    monkeypatch.setenv("FADAA_SPEECH_CACHE", str(tmp_path / "cache"))
    source = tmp_path / "source"
    _notebook(source / "m" / "l.ipynb",
              'lesson.step(fr="Le cahier 📒.", ar="الدفتر 📒.")',
              'lesson.step(fr="Notez chaque vente.", ar="سجلوا كل بيع.",\n'
              '            say=("Notez chaque vente dans le cahier, le jour même.", "سجلوا كل بيع في الدفتر، في اليوم نفسه."))')
    first, second = lesson_steps(source / "m" / "l.ipynb")
    assert (first.script("fr"), second.script("fr")) == ("Le cahier 📒.", "Notez chaque vente dans le cahier, le jour même.")
    assert second.script("ar") == "سجلوا كل بيع في الدفتر، في اليوم نفسه."
    assert make_drafts(source, log=lambda _line: None, workers=1) == 4
    folder = step_audio.lesson_audio_dir(source, "m", "l")
    fr_draft = step_audio.read(folder, 2, "fr", machine=True)
    assert fr_draft.made_for(second.script("fr")) and not fr_draft.made_for(second.fr)
    assert step_audio.read(folder, 2, "ar", machine=True).made_for(second.script("ar"))
    assert step_audio.read(folder, 1, "fr", machine=True).made_for(first.fr)  # no script: its text is said
    # spoken from the script: longer than the shown sentence would take
    assert audio.duration(fr_draft.files["ogg"]) > 1.5 * audio.duration(
        _spoken(tmp_path, second.fr))

    page = desk_page(source, "m/l", "fr", "fr", "/audio/", "/desk.js", "x")
    step_two = page.split('id="step-2"')[1]
    assert step_two.index("Lire à voix haute") < step_two.index("le jour même") < step_two.index("La leçon affiche")
    assert "Notez chaque vente." in step_two.split("La leçon affiche")[1]
    assert "Lire à voix haute" not in page.split('id="step-2"')[0]  # a step without a script: its text only
    step_audio.write(folder, 2, "fr", step_audio.checked_recording(recording(2)), second.fr, machine=False)
    assert "modification du texte" in _desk_state(source, 2)
    step_audio.write(folder, 2, "fr", step_audio.checked_recording(recording(2)), second.script("fr"), machine=False)
    assert _desk_state(source, 2) == "Votre enregistrement."


def _spoken(tmp_path, text):
    path = tmp_path / "shown.ogg"
    path.write_bytes(synthesise(speakable(text, "fr"), "fr")["ogg"])
    return path


def _desk_state(source, number):
    page = desk_page(source, "m/l", "fr", "fr", "/audio/", "/desk.js", "x").split(f'id="step-{number}"')[1]
    return html.unescape(page.split('class="fadaa-desk-state')[1].split(">", 1)[1].split("<", 1)[0])


# The steps whose shown text was shortened, their fuller explanation moved into what they say.
SHORTENED = {"governance_3/assemblies": (1, 5), "selling_2/listing": (8,), "bookkeeping_4/year_summary": (7,),
             "agm_2/documents": (1,), "selling_1/pricing": (3,), "governance_2/registers": (2,)}


def test_every_script_a_lesson_gives_is_read_and_says_more_than_the_step_shows():
    scripted = {}
    for lesson in course_lessons(COURSE / "source"):
        steps = lesson_steps(lesson.notebook)
        cells = json.loads(lesson.notebook.read_text(encoding="utf-8"))["cells"]
        given = sum(len(re.findall(r"\bsay=\(", "".join(c["source"]))) for c in cells if c["cell_type"] == "code")
        with_script = [step for step in steps if step.say_fr or step.say_ar]
        assert len(with_script) == given, lesson.notebook  # every say=(...) read, none made up
        for step in with_script:
            for lang, shown in (("fr", step.fr), ("ar", step.ar)):
                assert len(step.script(lang)) > len(shown) > 0, (lesson.stem, step.number, lang)
        scripted[f"{lesson.module}/{lesson.stem}"] = tuple(step.number for step in with_script)
    assert {key: numbers for key, numbers in scripted.items() if numbers} == SHORTENED
