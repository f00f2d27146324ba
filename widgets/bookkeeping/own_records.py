"""Her own records kept by earlier bookkeeping lessons, read from her copies of those notebooks.

Each lesson keeps her figures in its own notebook's metadata (``lesson.keep``); a later lesson
reads them with ``lesson.earlier`` (her copy of that lesson, beside its own folder).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from . import cash_book

log = logging.getLogger(__name__)

CASH_BOOK_NOTEBOOK = Path("bookkeeping_1") / "cash_book.ipynb"
CASH_BOOK_KEY = "cash_book"


def cash_book_from(data: Any) -> tuple[float, list[cash_book.Entry]] | None:
    """(cash at the start, entries) of the cash book she kept in lesson 1, or None when there is none.

    A damaged or hand-edited notebook never stops the lesson: its bad lines are skipped.
    """
    if not isinstance(data, dict):
        return None
    entries = []
    for raw in data.get("entries", []):
        try:
            entries.append(cash_book.Entry.from_json(raw))
        except (KeyError, TypeError, ValueError):
            log.warning("skipped a cash book line that does not read: %r", raw)
    try:
        opening = cash_book.opening_balance(data.get("opening", 0) or 0)
    except cash_book.EntryError:
        opening = 0.0
    return (opening, entries) if entries or opening else None


def her_cash_book(lesson) -> tuple[float, list[cash_book.Entry]] | None:
    """Her cash book from lesson 1, seen from any later lesson."""
    return cash_book_from(lesson.earlier(CASH_BOOK_NOTEBOOK, CASH_BOOK_KEY))
