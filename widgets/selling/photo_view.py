"""Her product photo on screen: taken with the phone's camera (ipywidgets' FileUpload), checked for
what a marketplace rejects, kept in her home, and put into her listing sheet. Thin over ``photo``
(the pixel rules) and ``listing_sheet`` (the PDF)."""
from __future__ import annotations

import html
import io
import logging
from pathlib import Path

import ipywidgets as widgets
from PIL import Image

from ..feedback_line import feedback_line
from ..lesson import Lesson
from . import listing_sheet, photo
from .own_records import her_listing

log = logging.getLogger(__name__)
ICONS = {"too_small": "🔍", "too_dark": "🌙", "blurred": "🌫️", "cluttered": "🧺"}
PREVIEW_LONG_SIDE = 480


def problem_names(_) -> dict[str, str]:
    """What is wrong, and what to change."""
    return {
        "too_small": _("Too small: come closer, or set the phone's camera to its largest size."),
        "too_dark": _("Too dark: take it in daylight, near a window, without flash."),
        "blurred": _("Blurred: hold the phone still with both hands, tap the product on the screen to focus, "
                     "then take it."),
        "cluttered": _("The background is busy: put the product on a plain sheet or wall, and move everything else away."),
    }


def refusal_names(_) -> dict[str, str]:
    return {
        "too_large": _("This file is too large (more than {size} MB). Take the photo again with the phone's camera, "
                       "or choose a smaller one.").format(size=photo.MAX_BYTES // 1_000_000),
        "not_an_image": _("This file is not a photo that can be read. Choose a photo (JPEG or PNG) "
                          "or take one with the camera."),
        "empty": _("The file arrived empty. Try again."),
    }


def _preview(jpeg: bytes, long_side: int = PREVIEW_LONG_SIDE) -> widgets.Image:
    """A small copy for the phone's screen: the kept photo itself would be ten times the bytes."""
    image = Image.open(io.BytesIO(jpeg))
    image.thumbnail((long_side, long_side))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    preview = widgets.Image(value=buffer.getvalue(), format="jpeg",
                            layout=widgets.Layout(max_width="100%", height="auto"))
    preview.add_class("fadaa-photo-preview")
    return preview


class PhotoStep(widgets.VBox):
    """The upload button, what the photo check says, the photo she keeps, and her listing sheet."""

    DATA_KEY = "photo"

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        self.upload = widgets.FileUpload(accept="image/*", multiple=False, icon="camera", button_style="primary",
                                         description=_("Take or choose a photo"),
                                         layout=widgets.Layout(min_height="48px", width="auto"))
        self.upload.add_class("fadaa-photo-upload")
        self.feedback = widgets.HTML()
        self.shown = widgets.Box(layout=widgets.Layout(display="block"))
        name = lesson.pick("fiche_annonce", "bitaqat_al_ilan")
        self.document = lesson.document(fr="🖼️ Ma fiche annonce avec photo (PDF)", ar="🖼️ بطاقة الإعلان مع الصورة (PDF)",
                                        filename=f"{name}.pdf", build=self.listing_pdf)
        self.jpeg: bytes | None = None
        self.upload.observe(self._on_upload, names="value")
        super().__init__([self.upload, self.feedback, self.shown, self.document])
        self._restore()

    # -- where her photo is kept
    @property
    def photo_path(self) -> Path | None:
        folder = self.lesson.documents_dir
        return folder / (self.lesson.pick("photo_produit", "surat_al_muntaj") + ".jpg") if folder else None

    def _restore(self) -> None:
        """Her photo and its check from an earlier visit: shown again, nothing to redo."""
        saved = self.lesson.kept(self.DATA_KEY, None)
        if not isinstance(saved, dict) or not saved.get("file"):
            return
        path = self.lesson.documents_dir / Path(saved["file"]).name if self.lesson.documents_dir else None
        try:
            self.jpeg = path.read_bytes() if path else None
        except OSError:
            self.jpeg = None
        if self.jpeg:
            problems = tuple(p for p in saved.get("problems", []) if p in ICONS)
            self._show(problems)

    # -- a new photo
    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        try:
            self.take(bytes(upload.get("content") or b""), upload.get("size"))
        finally:
            self.upload.value = ()  # the file is not kept in the page: her copy is in her home

    def take(self, data: bytes, size: int | None = None) -> photo.PhotoCheck | None:
        """Check ``data``, keep the copy, show what to change; a file that is no photo changes nothing."""
        _ = self._
        self.feedback.value = feedback_line("info", _("Checking your photo…"))  # a large photo takes a second
        try:
            result, jpeg = photo.check_file(data, size)
        except Exception as failed:  # noqa: BLE001 - whatever the file, she gets words, and keeps her photo
            if not isinstance(failed, photo.PhotoError):
                log.exception("a photo could not be checked")
            reason = failed.reason if isinstance(failed, photo.PhotoError) else "not_an_image"
            still = (feedback_line("info", _("The photo you kept before is still there.")) if self.jpeg else "")
            self.feedback.value = feedback_line("error", refusal_names(_)[reason]) + still
            return None
        self.jpeg = jpeg
        kept = self._keep(jpeg, result)
        self._show(result.problems, kept)
        return result

    def _keep(self, jpeg: bytes, result: photo.PhotoCheck) -> bool:
        path = self.photo_path
        if path is None:
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(jpeg)
            self.lesson.keep(self.DATA_KEY, {"file": path.name, **result.to_json()})
        except OSError:
            log.exception("could not keep the photo in %s", path)
            return False
        return True

    def _show(self, problems: tuple[str, ...], kept: bool = True) -> None:
        _ = self._
        names = problem_names(_)
        if problems:
            lines = [feedback_line("wrong", _("A marketplace would probably refuse this photo. What to change:"))]
            lines += [f'<p class="fadaa-photo-problem">{ICONS[p]} {html.escape(names[p])}</p>' for p in problems]
        else:
            lines = [feedback_line("right", _("Good photo: clear, well lit, on a plain background."))]
        if kept:
            lines.append(feedback_line("saved", _("Your photo is kept in your documents. It goes into your listing sheet.")))
        self.feedback.value = "".join(lines)
        self.shown.children = [_preview(self.jpeg)] if self.jpeg else []

    # -- her listing sheet
    def listing_pdf(self) -> bytes:
        return listing_sheet.pdf_bytes(self.jpeg, her_listing(self.lesson), self.lesson.lang)


EXAMPLE_LABELS = {"dark": "A", "good": "B", "cluttered": "C"}


def example_photos(lesson: Lesson, verdicts: bool = False) -> widgets.Box:
    """The cushion photographed three ways (A, B, C); with ``verdicts``, what the photo check says of each."""
    from . import photo_examples
    _ = lesson._
    names = problem_names(_)
    cards = []
    for kind, label in EXAMPLE_LABELS.items():
        image = _preview(photo_examples.example_photo(kind), long_side=220)
        caption = f"<b>{label}</b>"
        if verdicts:
            found = photo_examples.example_check(kind).problems
            caption += " " + (" ".join(f"{ICONS[p]} {html.escape(names[p])}" for p in found) if found
                              else "✅ " + html.escape(_("Good photo: clear, well lit, on a plain background.")))
        cards.append(widgets.VBox([image, widgets.HTML(f'<div class="fadaa-photo-caption">{caption}</div>')],
                                  layout=widgets.Layout(width="230px", margin="4px")))
    return widgets.Box(cards, layout=widgets.Layout(display="flex", flex_flow="row wrap"))
