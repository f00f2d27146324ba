"""The recorder of a spoken answer: record, stop, listen, keep or redo, with the phone's microphone.

The page draws it and records (``VoiceRecorderView`` in ``frontend/src/lesson.js``, module
``fadaa``); the kernel holds its words, in her language from the catalogs, and what she keeps.
The view and the kernel speak in custom messages:

- view → kernel ``{"event": "keep", "size": n}`` with the recording as one buffer (none when it is
  over ``max_bytes``: a websocket message carries 10 MiB at most); the kernel answers
  ``{"event": "done", "kept": bool}``;
- view → kernel ``{"event": "refused", "reason": ...}`` when the page cannot record
  ("denied": she or the browser refused the microphone; "no_microphone"; "unsupported": the
  browser cannot record, or the page is not served over HTTPS; "failed");
- view → kernel ``{"event": "play"}``: she taps her kept note, which the kernel sends back as one buffer.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

import ipywidgets as widgets
from traitlets import Bool, Dict, Int, Unicode

from .voice_note import LIMITS

MODULE_VERSION = "1.0.0"
log = logging.getLogger(__name__)


def labels(_) -> dict[str, str]:
    """The recorder's words; icons are the view's."""
    return {"record": _("Record my answer"), "stop": _("Stop"), "keep": _("Keep"), "redo": _("Record again"),
            "play": _("Listen to my voice note"), "recording": _("Recording"), "saving": _("Saving…")}


class VoiceRecorder(widgets.DOMWidget):
    _model_module = Unicode("fadaa").tag(sync=True)
    _model_module_version = Unicode(MODULE_VERSION).tag(sync=True)
    _model_name = Unicode("VoiceRecorderModel").tag(sync=True)
    _view_module = Unicode("fadaa").tag(sync=True)
    _view_module_version = Unicode(MODULE_VERSION).tag(sync=True)
    _view_name = Unicode("VoiceRecorderView").tag(sync=True)

    labels = Dict().tag(sync=True)
    max_seconds = Int(int(LIMITS.max_seconds)).tag(sync=True)
    max_bytes = Int(LIMITS.max_bytes).tag(sync=True)
    kept = Bool(False).tag(sync=True)  # a note is kept: the view offers to play it

    def __init__(self, gettext, on_keep: Callable[[bytes, int], bool], on_refused: Callable[[str], None],
                 saved: Callable[[], Path | None], kept: bool = False):
        super().__init__(labels=labels(gettext), kept=kept)
        self.add_class("fadaa-voice")
        self.on_keep, self.on_refused, self.saved = on_keep, on_refused, saved
        self.on_msg(self._message)

    def _message(self, _widget, content: dict, buffers: list) -> None:
        event = content.get("event") if isinstance(content, dict) else None
        if event == "keep":
            data = bytes(buffers[0]) if buffers else b""
            size = content.get("size")
            try:
                kept = self.on_keep(data, size if isinstance(size, int) else len(data))
            except Exception:  # noqa: BLE001 - her page must leave "Saving…" and say it failed, whatever failed
                log.exception("a voice note could not be kept")
                self.on_refused("failed")
                kept = False
            self.kept = self.kept or kept
            self.send({"event": "done", "kept": kept})
        elif event == "refused":
            self.on_refused(str(content.get("reason", "failed")))
        elif event == "play":
            path = self.saved()  # read when she taps play, not when the step opens (up to 5 MB)
            if path:
                self.send({"event": "note", "type": "audio/webm"}, [path.read_bytes()])
