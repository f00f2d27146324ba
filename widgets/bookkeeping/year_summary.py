"""The year's financial summary that the general assembly needs, built from the cash book.

What the AGM is shown (and what module 3's financial report reads from here):

- money in over the year, by kind (sales, members' contributions, other);
- money out over the year, by kind (materials, transport, delivery, other);
- the result: ``surplus`` (> 0, excédent de caisse / فائض الصندوق) or deficit (< 0, déficit / عجز):
  money in minus money out, a *cash* result;
- the cash at the start and at the end of the year;
- month by month money in and out (for the chart and for checking against the cash book);
- the accountant's net surplus (``net_surplus``, excédent net / الفائض الصافي) once she has it:
  the cash surplus corrected for what cash does not show (the stock, the wear of the looms, the
  members' capital). It is what the general assembly allocates;
- the board's *proposed* use of that net surplus (``allocations``): amounts put to the reserves,
  returned to members in proportion to each one's work or purchases, or used otherwise, as the
  cooperative's statutes allow; what is not allocated is carried forward to next year. Until the
  accountant's figure is written, the proposal is checked against the cash surplus. The general
  assembly decides; the statutes (and ODCO) say which uses and shares are allowed: nothing here
  encodes a legal percentage.

It is a cash summary (recettes / dépenses), the part of the accounts a cooperative can check
itself against its cash book and receipts. The accountant prepares the official statements
(balance sheet and income statement) from the same books.

Use::

    from fadaa.widgets.bookkeeping.year_summary import YearSummary, Allocation, from_entries
    summary = from_entries(2025, opening_balance=1200, entries=cash_book_entries,
                           allocations=[Allocation("reserve", 1000)])
    summary.total_income, summary.total_expenses, summary.surplus, summary.carried_forward

A learner's own summary is saved in her ``bookkeeping_4/year_summary.ipynb`` metadata under
``fadaa.year_summary`` as ``summary.to_json()``; read it back with ``YearSummary.from_json``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from fadaa.core.checking import RuleError, bounded, bounded_either_side
from .cash_book import Entry
from .summary import MAX_TOTAL, Totals, by_month

MONTHS = tuple(range(1, 13))

#: Uses of a surplus that a board can propose; "other" carries her own words in ``label``.
ALLOCATION_KINDS = ("reserve", "members", "other")


class SummaryError(RuleError):
    """A year summary the rules refuse; ``reason`` is a short code the view turns into words."""


@dataclass(frozen=True)
class Allocation:
    """One proposed use of the surplus: ``kind`` in ALLOCATION_KINDS, an amount in DH, her label."""

    kind: str
    amount: float
    label: str = ""

    def __post_init__(self):
        if self.kind not in ALLOCATION_KINDS:
            raise SummaryError("allocation_kind")
        object.__setattr__(self, "amount", round(bounded(self.amount, "allocation", MAX_TOTAL, SummaryError), 2))
        object.__setattr__(self, "label", self.label.strip()[:120])


def allocated_total(allocations: Iterable[Allocation]) -> float:
    """How much of the surplus the board proposes to use."""
    return round(sum(a.amount for a in allocations), 2)


def allocation_problem(surplus: float, allocations: Iterable[Allocation]) -> str | None:
    """Why a proposed use of ``surplus`` cannot stand ('allocated_in_deficit', 'over_allocated'),
    or None. The AGM's financial report applies the same rule to the figures she typed."""
    allocated = allocated_total(allocations)
    if surplus <= 0 and allocated > 0:
        return "allocated_in_deficit"
    if allocated > max(surplus, 0) + 0.005:
        return "over_allocated"
    return None


@dataclass(frozen=True)
class YearSummary:
    """The financial year of one cooperative, in DH. See the module docstring for what it holds."""

    year: int
    opening_balance: float = 0.0
    months: Mapping[int, Totals] = field(default_factory=dict)
    allocations: Sequence[Allocation] = ()
    cooperative: str = ""
    net_surplus: float | None = None

    def __post_init__(self):
        if any(m not in MONTHS for m in self.months):
            raise SummaryError("month")
        if self.net_surplus is not None:  # a deficit is below 0
            object.__setattr__(self, "net_surplus", round(
                bounded_either_side(self.net_surplus, "net_surplus", MAX_TOTAL, SummaryError), 2))
        object.__setattr__(self, "months", {m: self.months[m] for m in sorted(self.months)})
        object.__setattr__(self, "allocations", tuple(self.allocations))
        object.__setattr__(self, "opening_balance",
                           round(bounded(self.opening_balance, "opening_balance", MAX_TOTAL, SummaryError), 2))
        problem = self.allocation_problem()
        if problem:
            raise SummaryError(problem)

    # -- the year
    @property
    def totals(self) -> Totals:
        """Money in and out of the whole year, by kind."""
        result = Totals()
        for month_totals in self.months.values():
            result = result + month_totals
        return result

    @property
    def income(self) -> dict[str, float]:
        return dict(self.totals.income)

    @property
    def expenses(self) -> dict[str, float]:
        return dict(self.totals.expenses)

    @property
    def total_income(self) -> float:
        return self.totals.total_income

    @property
    def total_expenses(self) -> float:
        return self.totals.total_expenses

    @property
    def surplus(self) -> float:
        """Money in minus money out of the year (excédent de caisse): negative is a deficit."""
        return self.totals.surplus

    @property
    def to_allocate(self) -> float:
        """What the assembly allocates: the accountant's net surplus, or the cash surplus until she has it."""
        return self.surplus if self.net_surplus is None else self.net_surplus

    @property
    def is_deficit(self) -> bool:
        return self.surplus < 0

    @property
    def closing_balance(self) -> float:
        """Cash at the end of the year: what the cash book's last balance must show."""
        return round(self.opening_balance + self.surplus, 2)

    def monthly(self) -> list[tuple[int, float, float, float]]:
        """(month, money in, money out, surplus) for all twelve months, 0 where nothing was written."""
        rows = []
        for month in MONTHS:
            t = self.months.get(month, Totals())
            rows.append((month, t.total_income, t.total_expenses, t.surplus))
        return rows

    def missing_months(self) -> list[int]:
        """Months with nothing written: a year summary with gaps is not ready for the AGM."""
        return [m for m in MONTHS if m not in self.months
                or (self.months[m].total_income == 0 and self.months[m].total_expenses == 0)]

    # -- the proposed use of the surplus
    @property
    def allocated(self) -> float:
        return allocated_total(self.allocations)

    @property
    def carried_forward(self) -> float:
        """What is left for next year: the unallocated surplus, or the whole deficit (negative)."""
        return round(self.to_allocate - self.allocated, 2)

    def allocation_problem(self) -> str | None:
        """Why the proposed use cannot stand ('allocated_in_deficit', 'over_allocated'), or None."""
        return allocation_problem(self.to_allocate, self.allocations)

    def with_allocations(self, allocations: Iterable[Allocation]) -> "YearSummary":
        return YearSummary(self.year, self.opening_balance, self.months, tuple(allocations), self.cooperative,
                           self.net_surplus)

    # -- saving in her notebook
    def to_json(self) -> dict:
        return {"year": self.year, "opening_balance": self.opening_balance, "cooperative": self.cooperative,
                "months": {str(m): t.to_json() for m, t in self.months.items()},
                "allocations": [{"kind": a.kind, "amount": a.amount, "label": a.label} for a in self.allocations],
                "net_surplus": self.net_surplus}

    @classmethod
    def from_json(cls, data: Mapping) -> "YearSummary":
        return cls(int(data["year"]), float(data.get("opening_balance", 0)),
                   {int(m): Totals.from_json(t) for m, t in data.get("months", {}).items()},
                   [Allocation(a["kind"], a["amount"], a.get("label", "")) for a in data.get("allocations", [])],
                   data.get("cooperative", ""), data.get("net_surplus"))


def from_entries(year: int, opening_balance: float, entries: Iterable[Entry],
                 allocations: Iterable[Allocation] = (), cooperative: str = "") -> YearSummary:
    """The year summary of a cash book's lines (lines of other years are left out)."""
    return YearSummary(year, opening_balance, by_month(entries, year), tuple(allocations), cooperative)


def from_month_totals(year: int, opening_balance: float, months: Mapping[int, Totals],
                      allocations: Iterable[Allocation] = (), cooperative: str = "") -> YearSummary:
    """The year summary of month-by-month totals, for a cash book kept on paper."""
    return YearSummary(year, opening_balance, dict(months), tuple(allocations), cooperative)
