"""Her governance answers kept in her notebooks, and read back by the later lessons.

Lesson 1 keeps her board in ``governance_1/board.ipynb`` (metadata key ``board``), lesson 2 her
members register in ``governance_2/registers.ipynb`` (``members_register``); lesson 3 reads both
with ``lesson.earlier``, as the bookkeeping lessons read her cash book. Plain Python, no widgets.
"""
from __future__ import annotations

from pathlib import Path

from .board import Mandate, mandates_from_json
from .registers import MembersRegister

BOARD_NOTEBOOK = Path("governance_1") / "board.ipynb"
REGISTER_NOTEBOOK = Path("governance_2") / "registers.ipynb"
BOARD_KEY, REGISTER_KEY = "board", "members_register"


def board_of(lesson) -> list[Mandate]:
    """Her board from lesson 1 (empty when she has not done it)."""
    data = lesson.earlier(BOARD_NOTEBOOK, BOARD_KEY)
    if not isinstance(data, dict):
        return []
    return mandates_from_json(data.get("mandates", []), data.get("term_years"))


def register_of(lesson) -> MembersRegister | None:
    """Her members register from lesson 2, or None."""
    data = lesson.earlier(REGISTER_NOTEBOOK, REGISTER_KEY)
    return MembersRegister.from_json(data) if isinstance(data, dict) else None
