"""Sounds for the tests, made in-process with PyAV: a tone as a browser's recorder makes one."""
from __future__ import annotations

import io

import av
import numpy as np


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
