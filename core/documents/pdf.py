"""PDF documents in the learner's language, Arabic shaped and laid out right to left.

fpdf2 shapes text with HarfBuzz (``set_text_shaping``), so Arabic letters join and read from the
right. The font is DejaVu Sans, which matplotlib ships: it has Latin and Arabic glyphs and needs no
download or system font.
"""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Sequence

from fpdf import FPDF
from fpdf.enums import TableBordersLayout
from fpdf.fonts import FontFace

from ..i18n import RIGHT_TO_LEFT

# found without importing matplotlib (a third of a second, and memory in every process that writes a PDF)
FONT_DIR = Path(importlib.util.find_spec("matplotlib").submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"
FONT = "DejaVu"


class PdfDocument:
    """A simple A4 document: headings, paragraphs, tables, signature lines."""

    def __init__(self, lang: str, title: str, subject: str = ""):
        self.lang = lang
        self.rtl = lang in RIGHT_TO_LEFT
        self.align = "R" if self.rtl else "L"
        pdf = FPDF(format="A4")
        pdf.set_title(title)
        pdf.set_lang(lang)
        if subject:
            pdf.set_subject(subject)
        pdf.set_creator("Fadaa")
        pdf.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if self.rtl else "ltr")
        pdf.set_margins(18, 18, 18)
        pdf.add_page()
        self.pdf = pdf
        self.heading(title, size=17)

    def heading(self, text: str, size: int = 13) -> None:
        self.pdf.set_font(FONT, "B", size)
        self.pdf.multi_cell(0, size * 0.6, text, align=self.align, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def paragraph(self, text: str, size: int = 11) -> None:
        self.pdf.set_font(FONT, "", size)
        self.pdf.multi_cell(0, 6, text, align=self.align, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None, numeric_columns: Sequence[int] = ()) -> None:
        """A table whose first column stands at the right in Arabic; amounts keep their own order."""
        order = list(range(len(header)))
        if self.rtl:
            order.reverse()
        col_widths = tuple(widths[i] for i in order) if widths else None
        aligns = tuple("R" if (i in numeric_columns or self.rtl) else "L" for i in order)
        self.pdf.set_font(FONT, "", 10)
        with self.pdf.table(col_widths=col_widths, text_align=aligns, line_height=7,
                            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                            headings_style=FontFace(emphasis="BOLD")) as table:
            for values in [header, *rows]:
                row = table.row()
                for i in order:
                    row.cell(str(values[i]))
        self.pdf.ln(4)

    def image(self, data: bytes, width: float = 100) -> None:
        """A photo (JPEG or PNG bytes), ``width`` mm wide and centred; a new page first if it would not fit."""
        self.pdf.image(io.BytesIO(data), x=(self.pdf.w - width) / 2, w=width)
        self.pdf.ln(4)

    def signature_lines(self, labels: Sequence[str]) -> None:
        self.pdf.set_font(FONT, "", 11)
        for label in labels:
            self.pdf.ln(6)
            self.pdf.multi_cell(0, 7, f"{label} : ________________________" if not self.rtl
                                else f"{label}: ________________________",
                                align=self.align, new_x="LMARGIN", new_y="NEXT")

    def to_bytes(self) -> bytes:
        return bytes(self.pdf.output())
