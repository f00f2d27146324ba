"""A button that makes a document from her figures, keeps a copy in her documents folder and
offers it for download (a data: link works in Voilà and on a phone, with no file server)."""
from __future__ import annotations

import base64
import html
import logging
import re
from pathlib import Path
from typing import Callable

import ipywidgets as widgets

log = logging.getLogger(__name__)
MIME = {".pdf": "application/pdf",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".jpg": "image/jpeg"}


def safe_filename(name: str) -> str:
    """Letters (Arabic too), digits, dot, dash and underscore: never a path."""
    cleaned = re.sub(r"[^\w.\-]+", "_", name, flags=re.UNICODE).strip("._")
    return cleaned or "document"


class DocumentButton(widgets.VBox):
    """'Make my price sheet (PDF)': builds the bytes when tapped, then shows the download link."""

    def __init__(self, label: str, filename: str, build: Callable[[], bytes], gettext,
                 documents_dir: Path | None = None, icon: str = "file"):
        self._ = gettext
        self.filename = safe_filename(filename)
        self.build = build
        self.documents_dir = documents_dir
        self.button = widgets.Button(description=label, icon=icon, button_style="info",
                                     layout=widgets.Layout(min_height="48px", width="auto"))
        self.button.add_class("fadaa-document")
        self.link = widgets.HTML()
        self.button.on_click(lambda _b: self.make())
        super().__init__([self.button, self.link])

    def make(self) -> bytes | None:
        try:
            data = self.build()
        except Exception:  # noqa: BLE001 - show a message, keep the lesson usable; the log says why
            log.exception("document %s failed", self.filename)
            self.link.value = ('<div class="fadaa-feedback fadaa-feedback-error">⚠️ '
                               + html.escape(self._("The document could not be made. Check your figures.")) + "</div>")
            return None
        if self.documents_dir is not None:
            self.documents_dir.mkdir(parents=True, exist_ok=True)
            (self.documents_dir / self.filename).write_bytes(data)
        mime = MIME.get(Path(self.filename).suffix, "application/octet-stream")
        href = f"data:{mime};base64,{base64.b64encode(data).decode()}"
        word = html.escape(self._("Download"))
        self.link.value = (f'<a class="fadaa-download" download="{html.escape(self.filename)}" href="{href}">'
                           f'⬇️ {word} {html.escape(self.filename)}</a>')
        return data
