"""The money statement, in the order every summary reads it: money in by kind, its total, money
out by kind, its total, the result (surplus or deficit); then the proposed use of the surplus: the
accountant's net surplus when she has it, each use, what is carried forward.

Written once: the month's summary, the year's workbook and PDF, and the AGM's financial report
(on screen and on paper) lay out these lines, each its own way. Plain Python, no widgets; the
words are ``words.line_words``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from .summary import Totals
from .year_summary import Allocation

MONEY_IN, MONEY_OUT = ("in", "total_in"), ("out", "total_out")


@dataclass(frozen=True)
class Line:
    """One line: ``part`` is 'in', 'total_in', 'out', 'total_out', 'result', 'net_surplus', 'use' or
    'carried_forward'; ``key`` the kind for 'in' and 'out'; ``allocation`` the use for 'use'."""

    part: str
    amount: float
    key: str = ""
    allocation: Allocation | None = None

    @property
    def is_total(self) -> bool:
        return self.part not in ("in", "out", "use")


class Proposal(Protocol):
    """A year's figures with a proposed use (``YearSummary``, the AGM's ``FinancialReport``)."""

    net_surplus: float | None
    allocations: Sequence[Allocation]

    @property
    def carried_forward(self) -> float: ...


def money_lines(totals: Totals, skip_empty: bool = False) -> list[Line]:
    """Money in and out by kind with their totals, then the result; ``skip_empty`` leaves out the
    kinds with nothing in them (a report on paper)."""
    lines = [Line("in", v, k) for k, v in totals.income.items() if v or not skip_empty]
    lines.append(Line("total_in", totals.total_income))
    lines += [Line("out", v, k) for k, v in totals.expenses.items() if v or not skip_empty]
    lines.append(Line("total_out", totals.total_expenses))
    lines.append(Line("result", totals.surplus))
    return lines


def result_line(totals: Totals) -> Line:
    return Line("result", totals.surplus)


def use_lines(proposal: Proposal) -> list[Line]:
    """The accountant's net surplus when she has it, each proposed use, then what is carried forward."""
    lines = [Line("net_surplus", proposal.net_surplus)] if proposal.net_surplus is not None else []
    lines += [Line("use", a.amount, a.kind, a) for a in proposal.allocations]
    lines.append(Line("carried_forward", proposal.carried_forward))
    return lines
