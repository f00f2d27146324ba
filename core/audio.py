"""Sound read and written in-process with PyAV (FFmpeg's libraries, with libopus and an AAC encoder,
in its wheel): whether some bytes are a sound and how long it lasts, and the same sound encoded
small for keeping.

Two kinds of sound use it, each with its own limits and its own words for a refusal: a learner's
voice note (``fadaa.widgets.voice_note``: Opus in WebM) and a step's audio (``step_audio``, a
trainer's recording or a machine draft: Opus in Ogg and AAC in MP4). A refusal is a short reason
(``Refused.reason``) that each caller words in its catalog.
"""
from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path

DECODED_RATE = 48_000  # what every input is decoded to before encoding: Opus's own rate


@dataclass(frozen=True)
class Encoding:
    """How a sound is kept: FFmpeg's container (muxer) and encoder, a sample rate, a bit rate."""
    container: str
    codec: str
    rate: int
    bit_rate: int
    options: dict = field(default_factory=dict, hash=False, compare=False)


# Speech rates. A voice note is heard once by her trainer: 24 kHz ("super-wideband") at 32 kbit/s.
# Step audio is fetched on a slow phone link: ~2 KB a second, so 10 s is ≤ 25 KB in either format.
OPUS_WEBM = Encoding("webm", "libopus", 24_000, 32_000)
OPUS_OGG = Encoding("ogg", "libopus", 16_000, 16_000, {"application": "voip"})
AAC_MP4 = Encoding("mp4", "aac", 16_000, 12_000)  # for Safari before iOS 17, which plays no Opus


@dataclass(frozen=True)
class Limits:
    max_seconds: float
    max_bytes: int
    min_seconds: float = 0.3     # a tap on Record then Stop, with nothing said
    slack_seconds: float = 0.0   # a recorder stopped at max_seconds may run a little past it


class Refused(ValueError):
    """A sound that is not kept; ``reason`` is "empty", "too_long", "too_large" or "not_audio"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Sound:
    seconds: float
    encoded: dict[Encoding, bytes]


def _av():
    import av  # about 0.2 s: only when a sound is read, never while a lesson opens
    return av


def _decoded(data: bytes | Path, max_seconds: float | None) -> list:
    """The first audio stream of ``data`` as mono 16-bit frames at ``DECODED_RATE``, read to the end
    (a browser's recording names no duration), or ``Refused``."""
    av = _av()
    frames, samples = [], 0
    limit = None if max_seconds is None else max_seconds * DECODED_RATE
    try:
        with av.open(str(data) if isinstance(data, Path) else io.BytesIO(data), "r") as source:
            if not source.streams.audio or source.streams.video:
                raise Refused("not_audio")
            resampler = av.AudioResampler(format="s16", layout="mono", rate=DECODED_RATE)
            # None, last, empties the resampler
            for frame in itertools.chain(source.decode(source.streams.audio[0]), [None]):
                for resampled in resampler.resample(frame):
                    samples += resampled.samples
                    if limit is not None and samples > limit:
                        raise Refused("too_long")
                    frames.append(resampled)
    except Refused:
        raise
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:  # what FFmpeg cannot read
        raise Refused("not_audio") from exc
    return frames


def duration(data: bytes | Path) -> float | None:
    """Seconds of sound in ``data`` (bytes or a file), counted by decoding it; None if it is none."""
    try:
        return sum(frame.samples for frame in _decoded(data, None)) / DECODED_RATE
    except Refused:
        return None


def _encoded(frames: list, encoding: Encoding) -> bytes:
    av = _av()
    out = io.BytesIO()
    with av.open(out, "w", format=encoding.container) as target:
        stream = target.add_stream(encoding.codec, rate=encoding.rate, layout="mono")
        stream.bit_rate = encoding.bit_rate
        stream.codec_context.options = dict(encoding.options)
        # PyAV resamples to the encoder's own format, rate and frame size; None, last, flushes it
        for frame in [*frames, None]:
            target.mux(stream.encode(frame))
    return out.getvalue()


def encode(data: bytes | Path, encodings: tuple[Encoding, ...], max_seconds: float | None = None) -> Sound:
    """The sound in ``data`` (any audio FFmpeg reads), mono, in each of ``encodings``; ``Refused``
    if it is not a sound or lasts more than ``max_seconds``."""
    frames = _decoded(data, max_seconds)
    seconds = sum(frame.samples for frame in frames) / DECODED_RATE
    return Sound(seconds, {encoding: _encoded(frames, encoding) for encoding in encodings})


def checked(data: bytes, limits: Limits, encodings: tuple[Encoding, ...], size: int | None = None) -> Sound:
    """An upload encoded for keeping, or ``Refused`` saying why not. ``size`` is the size a page
    announced: a file over the limit is refused before anything is read."""
    if (size or 0) > limits.max_bytes or len(data) > limits.max_bytes:
        raise Refused("too_large")
    if not data:
        raise Refused("empty")
    sound = encode(data, encodings, limits.max_seconds + limits.slack_seconds)
    if sound.seconds < limits.min_seconds:
        raise Refused("empty")
    return sound
