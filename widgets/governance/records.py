"""Her governance answers kept in her notebooks, and read back by the later lessons.

Lesson 1 keeps her board in ``governance_1/board.ipynb`` (metadata key ``board``), lesson 2 her
members register in ``governance_2/registers.ipynb`` (``members_register``); lesson 3 reads both
from beside its own folder, as the bookkeeping lessons read her cash book. Plain Python, no widgets.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fadaa.core.answer_store import AnswerStore
from ..bookkeeping.own_records import sibling_notebook
from .board import Mandate, mandates_from_json
from .registers import MembersRegister

log = logging.getLogger(__name__)

BOARD_NOTEBOOK = Path("governance_1") / "board.ipynb"
REGISTER_NOTEBOOK = Path("governance_2") / "registers.ipynb"
BOARD_KEY, REGISTER_KEY = "board", "members_register"


def _data(own_notebook: Path | None, relative: Path, key: str) -> Any:
    notebook = sibling_notebook(own_notebook, relative)
    if notebook is None:
        return None
    try:
        return AnswerStore(notebook).load_data(key)
    except Exception:  # noqa: BLE001 - an unreadable notebook only means she fills this in again
        log.warning("could not read %s in %s", key, notebook, exc_info=True)
        return None


def board_of(own_notebook: Path | None) -> list[Mandate]:
    """Her board from lesson 1 (empty when she has not done it)."""
    data = _data(own_notebook, BOARD_NOTEBOOK, BOARD_KEY)
    if not isinstance(data, dict):
        return []
    return mandates_from_json(data.get("mandates", []), data.get("term_years"))


def register_of(own_notebook: Path | None) -> MembersRegister | None:
    """Her members register from lesson 2, or None."""
    data = _data(own_notebook, REGISTER_NOTEBOOK, REGISTER_KEY)
    return MembersRegister.from_json(data) if isinstance(data, dict) else None
