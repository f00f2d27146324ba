"""Where a lesson's step audio lives, and what may be kept there.

Recordings are kept with the course source, so that ``make`` (which copies the course) and a
Kubernetes image ship them, and nbgrader never hands them out with the lesson (its
``CourseDirectory.ignore`` leaves ``audio`` out):

    source/<module>/audio/<lesson stem>/<NN>.<lang>.ogg    Opus, what every browser plays
    source/<module>/audio/<lesson stem>/<NN>.<lang>.m4a    AAC, for Safari before iOS 17
    source/<module>/audio/<lesson stem>/<NN>.<lang>.json   the step text it was made for

``NN`` is the step's number (01 is the first). A machine draft (``audio_drafts``) is named
``<NN>.<lang>.draft.*``: a trainer's recording of the same step and language is played instead,
and deleting it brings the draft back. Nothing else is needed to add a spoken language than
recording in it.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import audio
from .i18n import SPOKEN, TranslatedError, mark as _

DRAFTED = ("fr", "ar")  # espeak-ng speaks these; never Darija nor Amazigh
FORMATS = {"ogg": 'audio/ogg; codecs="opus"', "m4a": "audio/mp4"}  # first is what the desk records to
LIMITS = audio.Limits(max_seconds=60, max_bytes=1_000_000)
# a file the lesson service may send: nothing else of the course source
AUDIO_PATH = re.compile(r"(?P<module>[A-Za-z0-9_]+)/audio/(?P<stem>[A-Za-z0-9_]+)/"
                        r"(?P<number>\d{2})\.(?P<lang>" + "|".join(SPOKEN) + r")(?P<draft>\.draft)?\.(?:ogg|m4a)")
ENCODINGS = {"ogg": audio.OPUS_OGG, "m4a": audio.AAC_MP4}  # by the file's extension


class AudioRefused(TranslatedError):
    """A file the desk will not keep, said in the trainer's language."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def lesson_audio_dir(source: Path, module: str, stem: str) -> Path:
    return source / module / "audio" / stem


def lesson_audio_url(base: str, module: str, stem: str) -> str:
    """Where the lesson service (or the demo's Voilà) serves that folder: ``AUDIO_PATH`` under ``base``."""
    return f"{base}{module}/audio/{stem}/"


@dataclass(frozen=True)
class StepAudio:
    """One step's audio in one language: its files by format, and whether a machine made it."""
    number: int
    lang: str
    machine: bool
    files: dict[str, Path] = field(hash=False)
    text_hash: str = ""

    def name(self, ext: str) -> str:
        return self.files[ext].name

    def version(self) -> str:
        """Changes when the file does, so a URL carrying it may be cached for good."""
        stat = self.files["ogg"].stat()
        return f"{int(stat.st_mtime)}-{stat.st_size}"

    def made_for(self, text: str) -> bool:
        """Whether it was made for this step text (a trainer sees the ones whose step changed)."""
        return self.text_hash == text_hash(text)


def _stem(number: int, lang: str, machine: bool) -> str:
    if lang not in SPOKEN or not 1 <= number <= 99:
        raise ValueError(f"no step audio for step {number} in {lang!r}")
    return f"{number:02d}.{lang}" + (".draft" if machine else "")


def read(folder: Path, number: int, lang: str, machine: bool) -> StepAudio | None:
    stem = _stem(number, lang, machine)
    files = {ext: folder / f"{stem}.{ext}" for ext in FORMATS if (folder / f"{stem}.{ext}").is_file()}
    if "ogg" not in files:
        return None
    try:
        made_for = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8")).get("text_hash", "")
    except (OSError, ValueError, AttributeError):
        made_for = ""
    return StepAudio(number, lang, machine, files, made_for)


def best(folder: Path, number: int, langs: list[str] | tuple[str, ...]) -> StepAudio | None:
    """What a step plays: a recording, else a draft, in the first of ``langs`` that has either."""
    for lang in dict.fromkeys(langs):
        found = read(folder, number, lang, machine=False) or read(folder, number, lang, machine=True)
        if found:
            return found
    return None


def write(folder: Path, number: int, lang: str, encoded: dict[str, bytes], text: str, machine: bool) -> StepAudio:
    """Keep ``encoded`` (bytes by format) as step ``number``'s audio in ``lang``, made for ``text``."""
    stem = _stem(number, lang, machine)
    folder.mkdir(parents=True, exist_ok=True)
    for ext, data in {**encoded, "json": json.dumps({"text_hash": text_hash(text), "text": text},
                                                    ensure_ascii=False).encode()}.items():
        part = folder / f".{stem}.{ext}.part"
        part.write_bytes(data)
        part.replace(folder / f"{stem}.{ext}")  # a listener never gets half a file
    return read(folder, number, lang, machine)


def delete(folder: Path, number: int, lang: str) -> None:
    """Delete a trainer's recording (its draft, if any, plays again)."""
    stem = _stem(number, lang, machine=False)
    for ext in (*FORMATS, "json"):
        (folder / f"{stem}.{ext}").unlink(missing_ok=True)


def encode(sound: bytes | Path) -> dict[str, bytes]:
    """``sound`` (any audio FFmpeg reads) as small mono speech files, by format."""
    return _by_extension(audio.encode(sound, tuple(ENCODINGS.values())))


def _by_extension(sound: audio.Sound) -> dict[str, bytes]:
    return {ext: sound.encoded[encoding] for ext, encoding in ENCODINGS.items()}


# what the desk tells the trainer for each reason a recording is refused
REFUSALS = {"empty": (_("The recording is empty. Record the step again."), {}),
            "too_large": (_("The recording is too large (at most {mb} MB). Record a shorter one."),
                          {"mb": LIMITS.max_bytes // 10**6}),
            "too_long": (_("The recording is too long (at most {seconds} seconds). Record a shorter one."),
                         {"seconds": LIMITS.max_seconds}),
            "not_audio": (_("This file is not a sound recording."), {})}


def checked_recording(data: bytes) -> dict[str, bytes]:
    """A trainer's upload, encoded for keeping, or ``AudioRefused`` saying why not."""
    try:
        sound = audio.checked(data, LIMITS, tuple(ENCODINGS.values()))
    except audio.Refused as refused:
        message, params = REFUSALS[refused.reason]
        raise AudioRefused(message, **params) from None
    return _by_extension(sound)
