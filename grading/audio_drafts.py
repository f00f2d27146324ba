"""Spoken drafts of every step in French and Arabic, made at build time where nobody has recorded yet.

Debian's ``espeak-ng`` reads the step's words (its spoken script where it has one, else its text;
not its markdown, nor its emoji); Arabic is given
its short vowels first by ``mishkal`` (offline), or espeak-ng guesses them badly. The sound is
encoded small (``step_audio.encode``, in-process) and kept beside the recordings as ``<NN>.<lang>.draft.*``,
marked as a machine voice. A draft already made for the same text is kept as it is, and every
draft ever made is cached by its text's hash (``FADAA_SPEECH_CACHE``, default ``var/speech-cache``),
so building the course again, or another copy of it, synthesises only what changed.

``python -m fadaa.grading.audio_drafts <course source>`` makes them; ``make serve`` does it for the
course it copies.
"""
from __future__ import annotations

import functools
import html
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import mistune

from fadaa.core import step_audio
from fadaa.core.lesson_steps import course_lessons, lesson_steps
from fadaa.core.paths import REPO

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


def _cached(text: str, lang: str, cache: Path) -> dict[str, Path]:
    key = step_audio.text_hash(f"{lang}\n{text}")
    return {ext: cache / f"{key}.{lang}.{ext}" for ext in step_audio.ENCODINGS}


def synthesise(text: str, lang: str, cache: Path | None = None) -> dict[str, bytes]:
    """``text`` spoken in ``lang`` by espeak-ng, encoded by format (cached by its hash in ``cache``)."""
    cache = cache or cache_dir()
    cached = _cached(text, lang, cache)
    if all(path.is_file() for path in cached.values()):
        return {ext: path.read_bytes() for ext, path in cached.items()}
    said = with_vowels(text) if lang == "ar" else text
    wav = subprocess.run(["espeak-ng", "-v", VOICES[lang], "-s", RATE[lang], "--stdout", "--", said],
                         check=True, capture_output=True, timeout=120).stdout
    encoded = step_audio.encode(wav)
    cache.mkdir(parents=True, exist_ok=True)
    for ext, data in encoded.items():
        part = cached[ext].with_name(f".{cached[ext].name}.{os.getpid()}")
        part.write_bytes(data)
        part.replace(cached[ext])  # another build reading the cache never gets half a file
    return encoded


def _into_cache(cache: Path, said: tuple[str, str]) -> None:
    synthesise(*said, cache=cache)


def missing_tools() -> list[str]:
    return [] if shutil.which("espeak-ng") else ["espeak-ng"]


def make_drafts(source: Path, log=print, workers: int | None = None) -> int:
    """A draft in French and Arabic for every step of every lesson under ``source`` whose draft is
    missing or was made for another text; returns how many were made.

    What the cache lacks is synthesised on every core (``workers``, default all): diacritizing
    Arabic is pure Python, and each worker loads mishkal's dictionaries once."""
    wanted = []  # (lesson, its audio folder, step number, language, its script, what is said)
    for lesson in course_lessons(source):
        folder = step_audio.lesson_audio_dir(source, lesson.module, lesson.stem)
        for step in lesson_steps(lesson.notebook):
            for lang in step_audio.DRAFTED:
                text = step.script(lang)
                draft = step_audio.read(folder, step.number, lang, machine=True)
                if text and not (draft and draft.made_for(text)):
                    wanted.append((lesson, folder, step.number, lang, text, (speakable(text, lang), lang)))
    cache = cache_dir()
    new = sorted({said for *_rest, said in wanted if not all(p.is_file() for p in _cached(*said, cache).values())},
                 key=lambda said: said[1] != "ar")  # Arabic first: the slowest, so the cores end together
    if new:
        workers = min(workers or os.cpu_count() or 1, len(new))
        # forkserver: a worker never inherits the threads of the process that builds (a hub, a test)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
            list(pool.map(functools.partial(_into_cache, cache), new))
    for lesson, folder, number, lang, text, said in wanted:  # from the cache the workers filled
        step_audio.write(folder, number, lang, synthesise(*said, cache=cache), text, machine=True)
    for lesson in dict.fromkeys(lesson for lesson, *_rest in wanted):
        log(f"  spoken drafts: {lesson.module}/{lesson.stem}")
    return len(wanted)


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
