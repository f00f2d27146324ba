"""A spoken answer without a browser: what is kept of a recording and what is refused
(``voice_note.check``), where the note is kept and how the answer cell names it (``AnswerStore``),
what the checkpoint tells her, and what formgrader lets a submission's cell play."""
from __future__ import annotations

import io

import av
import nbformat
import numpy as np
import pytest
from PIL import Image

from fadaa.grading.sanitize import markdown2html
from fadaa.widgets import voice_note
from fadaa.core.answer_store import AnswerStore
from fadaa.core.i18n import gettext_for
from fadaa.widgets.lesson import RELEASED_TEXT_STUB
from fadaa.widgets.questions import FreeTextAnswer, voice_refusals

CELL = "why_same_day"


def recording(seconds: float, container: str = "webm", codec: str = "libopus", rate: int = 48_000) -> bytes:
    """A tone as a browser's recorder makes one: Opus in WebM (Chrome, Firefox), AAC in MP4 (Safari)."""
    out = io.BytesIO()
    with av.open(out, "w", format=container) as target:
        stream = target.add_stream(codec, rate=rate, layout="mono")
        t = np.arange(int(seconds * rate)) / rate
        pcm = (0.3 * np.sin(2 * np.pi * 440 * t) * 32767).astype("int16")
        for start in range(0, len(pcm), 1024):
            frame = av.AudioFrame.from_ndarray(pcm[None, start:start + 1024], format="s16", layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                target.mux(packet)
        for packet in stream.encode(None):
            target.mux(packet)
    return out.getvalue()


def duration(data: bytes) -> float:
    """What a player reads from the file's header, before playing it."""
    with av.open(io.BytesIO(data)) as source:
        return source.duration / av.time_base


@pytest.mark.parametrize("container, codec", [("webm", "libopus"), ("mp4", "aac"), ("wav", "pcm_s16le")])
def test_a_recording_is_kept_as_opus_in_webm_that_tells_its_duration(container, codec):
    note = voice_note.check(recording(3, container, codec))
    assert note.seconds == pytest.approx(3, abs=0.1)
    assert duration(note.data) == pytest.approx(3, abs=0.1)  # Chrome's own recordings carry none
    with av.open(io.BytesIO(note.data)) as kept:
        assert kept.format.name.startswith("matroska") and kept.streams.audio[0].codec_context.name == "opus"
    assert len(note.data) < 3 * voice_note.KEPT_BITS_PER_SECOND / 8 * 1.5


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("data, size, reason", [
    (b"", None, "empty"),
    (recording(0.2), None, "empty"),                               # Record, then Stop at once
    (recording(voice_note.MAX_SECONDS + 5), None, "too_long"),
    (b"", voice_note.MAX_BYTES + 1, "too_large"),                  # the page sent its size only
    (b"\x1aE\xdf\xa3" + bytes(voice_note.MAX_BYTES), None, "too_large"),
    (png(), None, "not_audio"),
    (b"Bonjour, ceci est du texte.\n" * 40, None, "not_audio"),
    (recording(3)[:200], None, "not_audio"),                        # cut off in its header
], ids=["nothing", "a fifth of a second", "over two minutes", "announced too large", "too large",
        "a photo", "text", "cut short"])
def test_a_recording_that_cannot_be_kept_says_why(data, size, reason):
    with pytest.raises(voice_note.VoiceNoteError) as refused:
        voice_note.check(data, size)
    assert refused.value.reason == reason


def test_every_refusal_is_worded_in_both_languages():
    for lang in ("fr", "ar"):
        words = voice_refusals(gettext_for(lang))
        english = voice_refusals(lambda message: message)
        assert all(words[reason] != english[reason] for reason in words), lang
    assert "2" in voice_refusals(gettext_for("ar"))["too_long"]  # Western digits


def test_her_note_is_kept_beside_the_notebook_and_named_in_the_answer_cell(released_lesson):
    store = AnswerStore(released_lesson)
    note = voice_note.check(recording(2)).data
    path = store.save_voice(CELL, note, RELEASED_TEXT_STUB)
    assert path == released_lesson.with_name(f"cash_book.voice-{CELL}.webm") and path.read_bytes() == note
    source = "".join(store._answer_cell(store._read(), CELL)["source"])
    assert source == f'<audio controls src="cash_book.voice-{CELL}.webm"></audio>'  # the stub is gone
    assert store.load(CELL, RELEASED_TEXT_STUB) is None and store.load_voice(CELL) == note

    # her text and her note live together, whichever she gives first; a new note replaces the old
    store.save(CELL, "Le reçu <b>prouve</b> la ligne.")
    again = voice_note.check(recording(1)).data
    store.save_voice(CELL, again, RELEASED_TEXT_STUB)
    assert store.load(CELL) == "Le reçu <b>prouve</b> la ligne." and store.load_voice(CELL) == again
    assert sorted(p.name for p in released_lesson.parent.iterdir() if ".voice-" in p.name) == [path.name]


def test_a_note_she_types_is_text_never_a_file_to_play(released_lesson):
    store = AnswerStore(released_lesson)
    store.save(CELL, '<audio controls src="../../gradebook.db"></audio>')
    assert store.load_voice(CELL) is None
    assert store.load(CELL) == '<audio controls src="../../gradebook.db"></audio>'


def test_a_hand_edited_cell_names_no_file_outside_her_folder(released_lesson):
    nb = nbformat.read(released_lesson, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == CELL:
            cell.source = '<audio controls src=".."></audio>'
    nbformat.write(nb, released_lesson)
    store = AnswerStore(released_lesson)
    assert store.load_voice(CELL) is None and store.voice_notes() == {}


def test_formgrader_plays_the_submissions_own_file_only():
    kept = markdown2html('Le reçu.\n\n<audio controls src="cash_book.voice-why.webm"></audio>')
    assert '<audio controls src="cash_book.voice-why.webm"></audio>' in kept
    for src in ("https://example.org/x.webm", "../../gradebook.db", "/files/x.webm", "data:audio/webm;base64,AA",
                "javascript:alert(1)"):
        assert "src=" not in markdown2html(f'<audio controls src="{src}"></audio>')
    assert "onplay" not in markdown2html('<audio controls onplay="alert(1)" src="a.webm"></audio>')
    assert "<source" not in markdown2html('<audio controls><source src="https://example.org/x.webm"></audio>')


def checkpoint(saved: list, lang: str = "fr") -> FreeTextAnswer:
    return FreeTextAnswer("Pourquoi ?", gettext_for(lang), on_answer=lambda text: saved.append(("text", text)),
                          initial="Mon texte", on_voice=lambda data: saved.append(("voice", data)))


def keep(answer: FreeTextAnswer, data: bytes, size: int | None = None) -> None:
    """What the page sends when she taps Keep."""
    answer.recorder._handle_custom_msg({"event": "keep", "size": len(data) if size is None else size}, [data])


def test_a_refused_note_is_told_in_her_language_and_her_text_stays():
    saved: list = []
    answer = checkpoint(saved, "ar")
    keep(answer, png())
    assert voice_refusals(gettext_for("ar"))["not_audio"] in answer.feedback.value
    keep(answer, b"", voice_note.MAX_BYTES * 2)
    assert voice_refusals(gettext_for("ar"))["too_large"] in answer.feedback.value
    answer.recorder._handle_custom_msg({"event": "refused", "reason": "denied"}, [])
    assert voice_refusals(gettext_for("ar"))["denied"] in answer.feedback.value
    assert saved == [] and answer.text.value == "Mon texte" and not answer.recorder.kept


def test_a_kept_note_is_saved_and_said_so():
    saved: list = []
    answer = checkpoint(saved)
    keep(answer, recording(2))
    assert [kind for kind, _data in saved] == ["voice"] and duration(saved[0][1]) == pytest.approx(2, abs=0.1)
    assert answer.recorder.kept and "réponse vocale est enregistrée" in answer.feedback.value
    assert answer.text.value == "Mon texte"


def test_a_note_that_fails_to_keep_is_told_and_the_page_leaves_saving():
    def broken(_data):
        raise PermissionError("her folder is read-only")

    answer = FreeTextAnswer("Pourquoi ?", gettext_for("fr"), on_voice=broken)
    sent = []
    answer.recorder.send = lambda content, buffers=None: sent.append(content)
    keep(answer, recording(2))
    assert "Tell your trainer" not in answer.feedback.value and "formatrice" in answer.feedback.value
    assert sent == [{"event": "done", "kept": False}] and not answer.recorder.kept
