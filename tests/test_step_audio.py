"""Step audio kept with the course source, trainers' uploads checked, machine drafts made at build time."""
from __future__ import annotations

import subprocess

import pytest

from fadaa.core import step_audio
from fadaa.grading.audio_drafts import speakable
from fadaa.core.lesson_steps import course_lessons, lesson_steps
from fadaa.hub.demo import build
from fadaa.core.site import Site

pytestmark = pytest.mark.skipif(bool(__import__("fadaa.grading.audio_drafts", fromlist=["x"]).missing_tools()),
                                reason="espeak-ng / ffmpeg missing: make installs them")


def tone(path, seconds: float) -> bytes:
    """A sound file as a browser's recorder makes one (WebM with Opus)."""
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                    "-c:a", "libopus", str(path)], check=True)
    return path.read_bytes()


def test_a_recording_plays_instead_of_the_draft_and_deleting_it_brings_the_draft_back(tmp_path):
    folder = step_audio.lesson_audio_dir(tmp_path, "bookkeeping_1", "cash_book")
    encoded = step_audio.checked_recording(tone(tmp_path / "t.webm", 2))
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
    (lambda tmp: b"\0" * (step_audio.MAX_BYTES + 1), "too large"),
    (lambda tmp: tone(tmp / "long.webm", step_audio.MAX_SECONDS + 5), "too long"),
])
def test_the_desk_refuses_what_is_not_a_step_recording_in_both_languages(tmp_path, make, refusal):
    with pytest.raises(step_audio.AudioRefused) as refused:
        step_audio.checked_recording(make(tmp_path))
    assert refusal in str(refused.value)
    assert refused.value.text("ar") != refused.value.text("fr")


def test_a_recording_is_kept_small_and_plays_as_long_as_it_was(tmp_path):
    encoded = step_audio.checked_recording(tone(tmp_path / "t.webm", 10))
    for ext, data in encoded.items():
        (tmp_path / f"kept.{ext}").write_bytes(data)
        assert step_audio.duration(tmp_path / f"kept.{ext}") == pytest.approx(10, abs=0.2)
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
                assert draft and draft.made_for(step.text(lang)), (lesson, step.number, lang)
                assert set(draft.files) == {"ogg", "m4a"}
                total += draft.files["ogg"].stat().st_size
                seconds += step_audio.duration(draft.files["ogg"])
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
