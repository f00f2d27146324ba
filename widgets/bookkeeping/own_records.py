"""Her own records kept by earlier bookkeeping lessons, read from her copies of those notebooks.

Each lesson saves her figures in its own notebook's metadata (``lesson.store.save_data``). Her
lessons sit side by side in her home (``<home>/<assignment>/<notebook>.ipynb``, nbgrader's fetch
layout), so a later lesson finds an earlier one's notebook next to its own folder.
"""
from __future__ import annotations

import logging
from pathlib import Path

from fadaa.core.answer_store import AnswerStore
from . import cash_book

log = logging.getLogger(__name__)

CASH_BOOK_NOTEBOOK = Path("bookkeeping_1") / "cash_book.ipynb"
CASH_BOOK_KEY = "cash_book"


def sibling_notebook(own_notebook: Path | None, relative: Path) -> Path | None:
    """The notebook ``relative`` (e.g. bookkeeping_1/cash_book.ipynb) beside her lesson's folder, if there."""
    if own_notebook is None:
        return None
    path = own_notebook.resolve().parent.parent / relative
    return path if path.is_file() else None


def cash_book_from(notebook: Path | None) -> tuple[float, list[cash_book.Entry]] | None:
    """(cash at the start, entries) she kept in lesson 1, or None when there is none to read.

    A damaged or hand-edited notebook never stops the lesson: its bad lines are skipped.
    """
    if notebook is None:
        return None
    try:
        data = AnswerStore(notebook).load_data(CASH_BOOK_KEY, {}) or {}
    except Exception:  # noqa: BLE001 - an unreadable notebook only means she types her figures
        log.warning("could not read the cash book in %s", notebook, exc_info=True)
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
    own = lesson.store.path if lesson.store else None
    return cash_book_from(sibling_notebook(own, CASH_BOOK_NOTEBOOK))
