"""The moral report in depth: a draft built from what she already wrote in earlier lessons.

Her AGM file (the four parts of the moral report, her cooperative, the assembly's date), her year
summary from the bookkeeping module, her members register and her board: each piece is used when
she has it, and the draft says plainly what is still to fill in. Plain Python, no widgets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping, Sequence

from ..agm.records import Cooperative, cooperative_from
from ..agm.reports import MoralReport
from ..bookkeeping.cash_book import CATEGORIES_IN, CATEGORIES_OUT
from ..bookkeeping.summary import MAX_TOTAL, Totals
from ..bookkeeping.year_summary import YearSummary
from fadaa.core.checking import NotANumber, RuleError, bounded, parse_number
from .board import Mandate, to_renew
from .registers import MembersRegister


@dataclass(frozen=True)
class MoralDraft:
    cooperative: Cooperative
    period: str                              # "2026", or "…" when no year is known yet
    moral: MoralReport
    totals: Totals | None = None             # the year's money, when she has it
    from_bookkeeping: bool = False           # True: read from her year summary (bookkeeping module)
    register: MembersRegister | None = None
    board: Sequence[Mandate] = field(default_factory=tuple)
    assembly_day: date | None = None

    @property
    def year(self) -> int | None:
        return int(self.period) if self.period.isdigit() else None

    @property
    def members_now(self) -> int:
        """Members on her register, else the number on her cooperative's card."""
        return len(self.register.current()) if self.register and self.register.members else self.cooperative.members

    @property
    def joined(self) -> int | None:
        return len(self.register.joined_in(self.year)) if self.register and self.year else None

    @property
    def left(self) -> int | None:
        return len(self.register.left_in(self.year)) if self.register and self.year else None

    @property
    def to_renew(self) -> list[Mandate]:
        return to_renew(self.board, self.assembly_day) if self.assembly_day else []

    def missing(self) -> list[str]:
        """What the draft still lacks, for the view to say: the year's figures, a register, a board, text."""
        gaps = []
        if self.totals is None:
            gaps.append("figures")
        if not (self.register and self.register.members):
            gaps.append("register")
        if not self.board:
            gaps.append("board")
        if self.moral.is_empty():
            gaps.append("moral")
        return gaps


def _typed_totals(money: Mapping[str, Any]) -> Totals | None:
    """The year's money she typed in AGM lesson 2 (when she had no year summary); what that lesson
    refused (not a number, out of bounds) counts as not typed."""
    def amount(key: str) -> float:
        try:
            return bounded(parse_number(str(money.get(key) or "0")), key, MAX_TOTAL)
        except (NotANumber, RuleError):
            return 0.0
    income = {k: amount(k) for k in CATEGORIES_IN}
    expenses = {k: amount(k) for k in CATEGORIES_OUT}
    if not any(income.values()) and not any(expenses.values()):
        return None
    return Totals(income, expenses)


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def draft_from(agm: Mapping[str, Any], summary: YearSummary | None, register: MembersRegister | None,
               board: Sequence[Mandate]) -> MoralDraft:
    """Her draft from her answers: the AGM file, the year summary, the register and the board."""
    agm = agm if isinstance(agm, Mapping) else {}
    moral = MoralReport.from_json(agm.get("moral") or {})
    assembly_day = _day((agm.get("meeting") or {}).get("day")) or _day((agm.get("calendar") or {}).get("agm_day"))
    if summary is not None:
        totals, period, from_books = summary.totals, str(summary.year), True
    else:
        totals, from_books = _typed_totals(agm.get("money") or {}), False
        year_end = _day((agm.get("calendar") or {}).get("year_end"))
        period = str(year_end.year) if year_end else (str(assembly_day.year - 1) if assembly_day else "…")
    return MoralDraft(cooperative_from(dict(agm)), period, moral, totals, from_books, register, tuple(board),
                      assembly_day)
