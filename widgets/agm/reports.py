"""What the assembly is shown: the moral report and the financial report with the proposed use of
the surplus.

The financial figures come from module 2's year summary (``bookkeeping.year_summary``) when the
learner has built it in her bookkeeping lesson; otherwise she types the year's totals. Either way
the sums are the bookkeeping module's ``Totals`` and the proposed uses its ``Allocation``: the
assembly sees the same figures as her cash book. Which uses of a surplus are allowed, and in what
shares, is for the statutes and ODCO: nothing here encodes a legal percentage.
Plain Python, no widgets.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from ..bookkeeping.summary import Totals
from ..bookkeeping.year_summary import Allocation, YearSummary, allocated_total, allocation_problem
from fadaa.core.checking import RuleError

# Where module 2 keeps her year summary: her bookkeeping lesson 4, under this key of its notebook.
YEAR_SUMMARY_NOTEBOOK = Path("bookkeeping_4") / "year_summary.ipynb"
YEAR_SUMMARY_KEY = "year_summary"  # bookkeeping.year_summary_view.YearSummaryEditor.DATA_KEY
MAX_TEXT = 1500


class ReportError(RuleError):
    """Figures the rules refuse; ``reason`` is a short code the view turns into words."""


@dataclass(frozen=True)
class FinancialReport:
    """The year's money in and out, the cash surplus (or deficit), the accountant's net surplus when
    she has it, and the board's proposed use of the net surplus."""

    period: str                      # "2026", or "01/09/2026 – 31/08/2027" for another year end
    totals: Totals
    allocations: Sequence[Allocation] = ()
    from_bookkeeping: bool = False   # True when read from her module 2 year summary
    net_surplus: float | None = None  # the accountant's excédent net: what the assembly allocates

    def __post_init__(self):
        object.__setattr__(self, "allocations", tuple(a for a in self.allocations if a.amount))
        problem = allocation_problem(self.to_allocate, self.allocations)
        if problem:
            raise ReportError(problem)

    @property
    def total_income(self) -> float:
        return self.totals.total_income

    @property
    def total_expenses(self) -> float:
        return self.totals.total_expenses

    @property
    def surplus(self) -> float:
        """Money in minus money out (excédent de caisse); negative is a deficit."""
        return self.totals.surplus

    @property
    def to_allocate(self) -> float:
        """The accountant's net surplus, or the cash surplus until she has it."""
        return self.surplus if self.net_surplus is None else self.net_surplus

    @property
    def allocated(self) -> float:
        return allocated_total(self.allocations)

    @property
    def carried_forward(self) -> float:
        """What the proposal leaves for next year (the whole deficit, negative, when there is one)."""
        return round(self.to_allocate - self.allocated, 2)


def from_year_summary(summary: YearSummary, allocations: Sequence[Allocation],
                      net_surplus: float | None) -> FinancialReport:
    """Her module 2 year's money, with the use of the surplus and the net surplus put to the assembly."""
    return FinancialReport(str(summary.year), summary.totals, allocations, from_bookkeeping=True,
                           net_surplus=net_surplus)


def from_figures(period: str, income: Mapping[str, float], expenses: Mapping[str, float],
                 allocations: Sequence[Allocation] = (), net_surplus: float | None = None) -> FinancialReport:
    """Her year typed in: money in and money out by kind (the cash book's kinds), and the
    accountant's net surplus when she has it."""
    for amount in (*income.values(), *expenses.values()):
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount != amount or amount < 0:
            raise ReportError("amount")
    if net_surplus is not None and (isinstance(net_surplus, bool) or not isinstance(net_surplus, (int, float))
                                    or net_surplus != net_surplus):
        raise ReportError("amount")
    return FinancialReport(period, Totals(dict(income), dict(expenses)), allocations, net_surplus=net_surplus)


def year_summary_from(data) -> YearSummary | None:
    """Her year summary as module 2 keeps it (``YearSummary.to_json``); None when there is none or it
    cannot be read."""
    if data is None:
        return None
    try:
        return YearSummary.from_json(data)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def her_year_summary(lesson) -> YearSummary | None:
    """Her module 2 year summary, when she has built it, seen from any later lesson."""
    return year_summary_from(lesson.earlier(YEAR_SUMMARY_NOTEBOOK, YEAR_SUMMARY_KEY))


MORAL_PARTS = ("activities", "members", "difficulties", "plans")


@dataclass(frozen=True)
class MoralReport:
    """The board's account of the year, in her words, under the usual headings."""

    activities: str = ""      # what the cooperative made and sold, fairs, training
    members: str = ""         # members who joined or left, members at the end of the year
    difficulties: str = ""
    plans: str = ""           # next year's projects

    def __post_init__(self):
        for name in MORAL_PARTS:
            object.__setattr__(self, name, str(getattr(self, name)).strip()[:MAX_TEXT])

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in MORAL_PARTS)

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in MORAL_PARTS}

    @classmethod
    def from_json(cls, data: Mapping) -> "MoralReport":
        return cls(**{k: str(v) for k, v in data.items() if k in MORAL_PARTS})
