"""Spoken drafts of every step in French and Arabic, made at build time where nobody has recorded yet.

Debian's ``espeak-ng`` reads the step's words (not its markdown, nor its emoji); Arabic is given
its short vowels first by ``mishkal`` (offline), or espeak-ng guesses them badly. The sound is
encoded small (``step_audio.encode``) and kept beside the recordings as ``<NN>.<lang>.draft.*``,
marked as a machine voice. A draft already made for the same text is kept as it is, and every
draft ever made is cached by its text's hash (``FADAA_SPEECH_CACHE``, default ``var/speech-cache``),
so building the course again, or another copy of it, synthesises only what changed.

``python -m fadaa.grading.audio_drafts <course source>`` makes them; ``make serve`` does it for the
course it copies.
"""
from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import mistune

from fadaa.core import step_audio
from fadaa.core.lesson_steps import course_lessons, lesson_steps

REPO = Path(__file__).resolve().parents[1]
VOICES = {"fr": "fr", "ar": "ar"}
RATE = {"fr": "150", "ar": "140"}  # words a minute: slower than espeak-ng's 175, for learners
TAG = re.compile(r"<[^>]+>")
# what a reader says for the signs a step writes
SAID = {"fr": {"DH": "dirhams", "%": " pour cent", "→": ",", "×": " fois ", "=": " égale ", "+": " plus ", "−": " moins "},
        "ar": {"DH": "درهم", "%": " في المائة", "→": "،", "×": " ضرب ", "=": " يساوي ", "+": " زائد ", "−": " ناقص "}}


def cache_dir() -> Path:
    return Path(os.environ.get("FADAA_SPEECH_CACHE", REPO / "var" / "speech-cache"))


def speakable(markdown: str, lang: str) -> str:
    """The words of a step's markdown, as a reader would say them: no markup, no emoji or symbols."""
    text = html.unescape(TAG.sub(" ", mistune.html(markdown)))
    for sign, words in SAID[lang].items():
        text = text.replace(sign, words)
    kept = "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cf", "Co", "Cs") or c == "\ufe0f" else c
                   for c in text)
    return re.sub(r"\s+([.,:;!?،؛])", r"\1", re.sub(r"\s+", " ", kept)).strip()


@functools.cache
def _vocaliser():
    import mishkal.tashkeel  # about a second to load its dictionaries: only when Arabic is spoken
    return mishkal.tashkeel.TashkeelClass()


def with_vowels(text: str) -> str:
    """Arabic text with its short vowels written, as espeak-ng needs them."""
    return _vocaliser().tashkeel(text)


def synthesise(text: str, lang: str) -> dict[str, bytes]:
    """``text`` spoken in ``lang`` by espeak-ng, encoded by format (cached by its hash)."""
    key = step_audio.text_hash(f"{lang}\n{text}")
    cached = {ext: cache_dir() / f"{key}.{lang}.{ext}" for ext in step_audio.FORMATS}
    if all(path.is_file() for path in cached.values()):
        return {ext: path.read_bytes() for ext, path in cached.items()}
    said = with_vowels(text) if lang == "ar" else text
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "step.wav"
        subprocess.run(["espeak-ng", "-v", VOICES[lang], "-s", RATE[lang], "-w", str(wav), "--", said],
                       check=True, capture_output=True, timeout=120)
        encoded = step_audio.encode(wav)
    cache_dir().mkdir(parents=True, exist_ok=True)
    for ext, data in encoded.items():
        cached[ext].write_bytes(data)
    return encoded


def missing_tools() -> list[str]:
    return [tool for tool in ("espeak-ng", "ffmpeg", "ffprobe") if shutil.which(tool) is None]


def make_drafts(source: Path, log=print) -> int:
    """A draft in French and Arabic for every step of every lesson under ``source`` whose draft is
    missing or was made for another text; returns how many were made."""
    made = 0
    for lesson in course_lessons(source):
        folder = step_audio.lesson_audio_dir(source, lesson.module, lesson.stem)
        for step in lesson_steps(lesson.notebook):
            for lang in step_audio.DRAFTED:
                text = step.text(lang)
                draft = step_audio.read(folder, step.number, lang, machine=True)
                if not text or (draft and draft.made_for(text)):
                    continue
                step_audio.write(folder, step.number, lang, synthesise(speakable(text, lang), lang), text, machine=True)
                made += 1
        log(f"  spoken drafts: {lesson.module}/{lesson.stem}")
    return made


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    missing = missing_tools()
    if missing:
        print(f"Cannot make spoken drafts: {', '.join(missing)} missing (make installs them).", file=sys.stderr)
        return 1
    made = make_drafts(Path(argv[0]) if argv else REPO / "courses" / "fadaa" / "source")
    print(f"{made} spoken drafts made.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
