"""Her listing sheet: her product photo with the listing she wrote in lesson 2 (title, description,
the checklist points it has), one page in her language to print, send or copy onto a platform."""
from __future__ import annotations

from datetime import date

from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.i18n import gettext_for
from . import listing
from .words import item_names


def pdf_bytes(photo_jpeg: bytes | None, saved_listing: dict | None, lang: str, seller: str = "",
              day: date | None = None) -> bytes:
    """The photo (when there is one) and her listing (when lesson 2 kept one: else a line saying so),
    its checklist's points worded as lesson 2 shows them."""
    _ = gettext_for(lang)
    names = item_names(_)
    doc = PdfDocument(lang, _("Listing sheet"))
    if seller.strip():
        doc.paragraph(seller.strip())
    if saved_listing and saved_listing.get("title"):
        doc.heading(saved_listing["title"], size=15)
    if photo_jpeg:
        doc.image(photo_jpeg, width=110)
    else:
        doc.paragraph(_("No photo yet: take it in this lesson."))
    if saved_listing:
        if saved_listing.get("description"):
            doc.paragraph(saved_listing["description"])
        score = listing.score(saved_listing.get("ticked", []))
        # a table, so that the marks stand where her reading starts (at the right in Arabic)
        doc.table(["", _("Checklist: {points} of {total} points").format(points=score.points, total=score.total)],
                  [["✓" if key not in score.missing else "○", names[key]] for key in listing.KEYS], widths=[10, 160])
    else:
        doc.paragraph(_("Your listing is not written yet: lesson 2 keeps it."))
    doc.paragraph(_("{label}: {value}").format(label=_("Date"), value=f"{(day or date.today()):%d/%m/%Y}"), size=9)
    return doc.to_bytes()
