"""A certificate of completion with French and Arabic on the same page, for a module she passed.

Both languages say the same thing from the same message ids (``gettext_for("fr")`` and
``gettext_for("ar")``), so a translator changes one catalog entry and both certificates follow.
The lesson kit's ``PdfDocument`` writes one language; this switches its direction half-way.
A certificate the hub issued (``fadaa.hub.certificates``) carries its code and a QR code of the
address where anyone checks it.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Mapping

import segno

from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.i18n import RIGHT_TO_LEFT, format_number, gettext_for, isolate, mark as _

LANGUAGES = ("fr", "ar")


TITLE = _("Certificate of completion")
SIGNATURE = _("The trainer")
CHECK = _("Check this certificate at {url} with the code {code}")
QR_WIDTH = 32  # mm: a phone's camera reads it from a printed page


@dataclass(frozen=True)
class Achievement:
    """What the certificate states: who passed which module, when, with how many points."""

    name: str
    cooperative: str
    module_title: Mapping[str, str]  # by language
    passed_on: dt.date
    score: float
    max_score: float
    code: str        # as people copy it, e.g. K7QM-4XRT-9PZC
    check_url: str   # its verification page, which its QR code holds


def qr(url: str) -> segno.QRCode:
    """The QR code printed on a certificate (medium error correction: a crease or a stain still reads)."""
    return segno.make_qr(url, error="m")


def _date(day: dt.date, lang: str) -> str:
    """2026-11-20 in both languages (Western digits), kept left to right inside Arabic."""
    return isolate(day.isoformat()) if lang in RIGHT_TO_LEFT else day.isoformat()


class BilingualDocument(PdfDocument):
    """A centred page whose blocks are written in one language after the other."""

    def __init__(self, title: Mapping[str, str]):
        super().__init__(LANGUAGES[0], title[LANGUAGES[0]])
        self.pdf.set_title(" — ".join(title[lang] for lang in LANGUAGES))

    def heading(self, text: str, size: int = 13) -> None:
        # centred from the first line on: the kit's constructor writes the title before a subclass could
        self.align = "C"
        super().heading(text, size)

    def language(self, lang: str) -> None:
        """Write what follows in ``lang``: its shaping direction, still centred."""
        self.lang = lang
        self.rtl = lang in RIGHT_TO_LEFT
        self.pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if self.rtl else "ltr")

    def check(self, url: str, code: str) -> None:
        """The QR code of ``url``, centred, and under it where and how to check, in each language."""
        png = io.BytesIO()
        qr(url).save(png, kind="png", scale=8, border=4)
        self.pdf.ln(4)
        self.image(png.getvalue(), width=QR_WIDTH)
        for lang in LANGUAGES:
            self.language(lang)
            shown_url, shown_code = (isolate(url), isolate(code)) if self.rtl else (url, code)
            self.paragraph(gettext_for(lang)(CHECK).format(url=shown_url, code=shown_code), size=9)

    def rule(self) -> None:
        y = self.pdf.get_y() + 4
        self.pdf.line(self.pdf.l_margin + 30, y, self.pdf.w - self.pdf.r_margin - 30, y)
        self.pdf.ln(12)


def certificate_pdf(achievement: Achievement) -> bytes:
    """The certificate as PDF bytes: the French block, a line, the Arabic block, the trainer's signature."""
    doc = BilingualDocument({lang: gettext_for(lang)(TITLE) for lang in LANGUAGES})
    for number, lang in enumerate(LANGUAGES):
        _ = gettext_for(lang)
        doc.language(lang)
        if number:
            doc.rule()
            doc.heading(_(TITLE), size=17)
        doc.paragraph(_("Fadaa, the training of the cooperatives, certifies that"), size=12)
        doc.heading(achievement.name, size=20)
        doc.paragraph(_("of the cooperative {cooperative}").format(cooperative=achievement.cooperative), size=12)
        doc.paragraph(_("has passed the module"), size=12)
        doc.heading(achievement.module_title[lang], size=16)
        doc.paragraph(_("on {date}, with {score} points out of {total}.").format(
            date=_date(achievement.passed_on, lang),
            score=format_number(achievement.score, lang, 1), total=format_number(achievement.max_score, lang, 1)),
            size=12)
    doc.rule()
    doc.language(LANGUAGES[0])
    doc.signature_lines([" / ".join(gettext_for(lang)(SIGNATURE) for lang in LANGUAGES)])
    doc.check(achievement.check_url, achievement.code)
    return doc.to_bytes()
