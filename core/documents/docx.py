"""Word documents with the same interface as ``PdfDocument``: for the papers a cooperative wants
to edit before printing (the minutes draft, the convocation). Arabic paragraphs and tables are
marked right to left (Word's ``bidi`` and ``rtl`` properties); Word shapes the letters itself."""
from __future__ import annotations

import io
from typing import Sequence

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..i18n import RIGHT_TO_LEFT


class DocxDocument:
    """A simple document: headings, paragraphs, tables, signature lines."""

    def __init__(self, lang: str, title: str, subject: str = ""):
        self.lang = lang
        self.rtl = lang in RIGHT_TO_LEFT
        self.doc = Document()
        self.doc.core_properties.title = title
        self.doc.core_properties.subject = subject
        self.doc.core_properties.language = lang
        self.heading(title, size=17)

    def _direct(self, paragraph, size: int, bold: bool = False) -> None:
        """Right-to-left paragraph and runs for Arabic; the font size on every run."""
        if self.rtl:
            paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.bold = bold or None
            if self.rtl:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
                run.font.complex_script = True
                run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), "Arial")

    def heading(self, text: str, size: int = 13) -> None:
        self._direct(self.doc.add_paragraph(text), size, bold=True)

    def paragraph(self, text: str, size: int = 11) -> None:
        self._direct(self.doc.add_paragraph(text), size)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None, numeric_columns: Sequence[int] = ()) -> None:
        table = self.doc.add_table(rows=0, cols=len(header))
        table.style = "Table Grid"
        if self.rtl:  # Word lays the first column out at the right
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        for index, values in enumerate([header, *rows]):
            cells = table.add_row().cells
            for cell, value in zip(cells, values):
                cell.text = str(value)
                self._direct(cell.paragraphs[0], 10, bold=index == 0)
        self.doc.add_paragraph()

    def signature_lines(self, labels: Sequence[str]) -> None:
        for label in labels:
            self.paragraph(f"{label} : ________________________" if not self.rtl
                           else f"{label}: ________________________")

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
