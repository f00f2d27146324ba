"""Her voice note for a free-text checkpoint: what may be kept, and the file that is kept. Plain
Python (PyAV, FFmpeg's libraries, for reading and writing audio), tested without Jupyter.

A learner who writes little can say her answer instead. The page records it with the browser's
MediaRecorder (WebM/Opus in Chrome and Firefox, MP4/AAC in Safari) and sends it to her kernel; here
it is read to the end, refused if it is empty, too long, too large or not audio, and kept as
Opus in WebM at a speech rate: small, played by every browser a trainer uses, and carrying its
duration (Chrome's recorder writes none, so a player would show no length and no progress).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

#: Longest note kept; the page stops recording there (frontend/src/lesson.js is told by the widget).
MAX_SECONDS = 120
#: Largest file read. A recording at the page's 32 kbit/s makes about 0.5 MB in two minutes; a
#: browser that ignores the rate makes at most 2 MB; this stays far under the 10 MiB a websocket
#: message may carry (the page sends no content above it, as it does for a photo).
MAX_BYTES = 5_000_000
MIN_SECONDS = 0.5           # a tap on Record then Stop, with nothing said
SLACK_SECONDS = 2           # the recorder stops at MAX_SECONDS, its last packets may run a little past
KEPT_RATE = 24_000          # Hz: Opus's "super-wideband", enough for a voice
KEPT_BITS_PER_SECOND = 32_000
SUFFIX = ".webm"


class VoiceNoteError(ValueError):
    """A recording that cannot be kept; ``reason`` ("empty", "too_long", "too_large", "not_audio") is
    a short code the view turns into words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class VoiceNote:
    data: bytes        # Opus in WebM
    seconds: float


def check(data: bytes, size: int | None = None) -> VoiceNote:
    """The note in ``data`` as it is kept, or VoiceNoteError. ``size`` is the size the page
    announced: a recording over the limit is refused before anything is read (the page sends none
    of its content)."""
    if (size or 0) > MAX_BYTES or len(data) > MAX_BYTES:
        raise VoiceNoteError("too_large")
    if not data:
        raise VoiceNoteError("empty")
    import av  # 0.2 s: only when she keeps a note, never while her lesson opens

    try:
        return _reencoded(av, data)
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, VoiceNoteError):
            raise
        raise VoiceNoteError("not_audio") from exc


def _reencoded(av, data: bytes) -> VoiceNote:
    out = io.BytesIO()
    with av.open(io.BytesIO(data), "r") as source:
        if not source.streams.audio or source.streams.video:
            raise VoiceNoteError("not_audio")
        with av.open(out, "w", format="webm") as target:
            stream = target.add_stream("libopus", rate=KEPT_RATE, layout="mono")
            stream.bit_rate = KEPT_BITS_PER_SECOND
            resampler = av.AudioResampler(format="s16", layout="mono", rate=KEPT_RATE,
                                          frame_size=stream.codec_context.frame_size or None)
            samples = 0
            for frame in source.decode(source.streams.audio[0]):
                for resampled in resampler.resample(frame):
                    samples += resampled.samples
                    if samples > (MAX_SECONDS + SLACK_SECONDS) * KEPT_RATE:
                        raise VoiceNoteError("too_long")
                    target.mux(stream.encode(resampled))
            for resampled in resampler.resample(None):
                samples += resampled.samples
                target.mux(stream.encode(resampled))
            target.mux(stream.encode(None))
    seconds = samples / KEPT_RATE
    if seconds < MIN_SECONDS:
        raise VoiceNoteError("empty")
    return VoiceNote(out.getvalue(), seconds)
