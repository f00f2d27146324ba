"""Text that a spreadsheet would take for a formula, made inert (OWASP's CSV injection guidance).

A cooperative named ``=1+1`` or ``=cmd|'/C calc'!A0``, typed into a roster or a lesson, must reach
Excel and LibreOffice as the text it is. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return gets a leading apostrophe, which spreadsheets show as text. Numbers stay
numbers: only strings are touched.
"""
from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def inert_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (and headers) cannot be formulas."""
    safe = table.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):  # text, whatever pandas calls its dtype
            safe[column] = safe[column].map(inert)
    return safe.rename(columns=inert)
