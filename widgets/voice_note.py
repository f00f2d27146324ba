"""Her voice note for a free-text checkpoint: what may be kept, and the file that is kept. Plain
Python (``fadaa.core.audio``), tested without Jupyter.

A learner who writes little can say her answer instead. The page records it with the browser's
MediaRecorder (WebM/Opus in Chrome and Firefox, MP4/AAC in Safari) and sends it to her kernel; here
it is read to the end, refused if it is empty, too long, too large or not audio, and kept as
Opus in WebM at a speech rate: small, played by every browser a trainer uses, and carrying its
duration (Chrome's recorder writes none, so a player would show no length and no progress).
"""
from __future__ import annotations

from dataclasses import dataclass

from fadaa.core import audio

#: Two minutes, the page stops recording there (frontend/src/lesson.js is told by the widget); its
#: last packets may run a little past. A recording at the page's 32 kbit/s makes about 0.5 MB in two
#: minutes; a browser that ignores the rate makes at most 2 MB; 5 MB stays far under the 10 MiB a
#: websocket message may carry (the page sends no content above it, as it does for a photo).
LIMITS = audio.Limits(max_seconds=120, max_bytes=5_000_000, min_seconds=0.5, slack_seconds=2)
KEPT = audio.OPUS_WEBM  # kept as .webm (fadaa.core.answer_store.VOICE_SUFFIX)


@dataclass(frozen=True)
class VoiceNote:
    data: bytes        # Opus in WebM
    seconds: float


def check(data: bytes, size: int | None = None) -> VoiceNote:
    """The note in ``data`` as it is kept, or ``audio.Refused`` with the reason
    (which ``widgets.questions.voice_refusals`` words for her). ``size`` is the size the page
    announced: a recording over the limit is refused before anything is read (the page sends none
    of its content)."""
    sound = audio.checked(data, LIMITS, (KEPT,), size)
    return VoiceNote(sound.encoded[KEPT], sound.seconds)
