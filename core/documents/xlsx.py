"""XLSX workbooks a learner takes away (and her accountant can open): one sheet per table."""
from __future__ import annotations

import io
from typing import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..i18n import RIGHT_TO_LEFT
from .formulas import inert

MONEY_FORMAT = '#,##0.00 "DH"'

Sheet = tuple[Sequence[str], Sequence[Sequence[object]]]  # header, rows


def workbook_bytes(sheets: Mapping[str, Sheet], lang: str, money_columns: Mapping[str, Sequence[int]] = {}) -> bytes:
    """Sheets of plain values; Arabic sheets open right to left; money columns formatted in DH."""
    book = Workbook()
    book.remove(book.active)
    for name, (header, rows) in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.sheet_view.rightToLeft = lang in RIGHT_TO_LEFT
        sheet.append([inert(title) for title in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([inert(value) for value in row])
        for column in money_columns.get(name, ()):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                cell.number_format = MONEY_FORMAT
        for index, title in enumerate(header, start=1):
            values = [str(title)] + [str(r[index - 1]) for r in rows if index - 1 < len(r)]
            sheet.column_dimensions[get_column_letter(index)].width = min(48, max(10, *map(len, values)) + 2)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
