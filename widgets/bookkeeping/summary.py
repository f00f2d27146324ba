"""The monthly summary: money in by kind, money out by kind, surplus or deficit, margin per product.

Plain Python over the cash book's entries (``cash_book.Entry``), so the sums a learner sees on
screen, in her workbook and in the year summary are the same sums, tested once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from fadaa.core.checking import bounded
from .cash_book import CATEGORIES_IN, CATEGORIES_OUT, IN, Entry

#: No cooperative's month or year brings in (or spends) this much of one kind: a typing slip.
MAX_TOTAL = 1_000_000_000


def _rounded(values: Mapping[str, float], order: Sequence[str]) -> dict[str, float]:
    """Every known kind in the cash book's order (0 when absent), then any other kind met."""
    known = {k: round(float(values.get(k, 0.0)), 2) for k in order}
    extra = {k: round(float(v), 2) for k, v in values.items() if k not in known}
    return {**known, **extra}


@dataclass(frozen=True)
class Totals:
    """Money in and money out of a period, by kind (the cash book's categories).

    ``surplus`` is money in minus money out: positive is a surplus (excédent / فائض), negative a
    deficit (déficit / عجز). It is a *cash* result: the accountant turns the books into the
    official statements (balance sheet, income statement); this is what the cooperative can
    check itself, line by line, against its cash book and its receipts.
    """

    income: Mapping[str, float] = field(default_factory=dict)
    expenses: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "income", _rounded(self.income, CATEGORIES_IN))
        object.__setattr__(self, "expenses", _rounded(self.expenses, CATEGORIES_OUT))
        # never negative (money out is its own column), never beyond what a cooperative handles
        for kind, amount in (*self.income.items(), *self.expenses.items()):
            bounded(amount, kind, MAX_TOTAL)

    @property
    def total_income(self) -> float:
        return round(sum(self.income.values()), 2)

    @property
    def total_expenses(self) -> float:
        return round(sum(self.expenses.values()), 2)

    @property
    def surplus(self) -> float:
        return round(self.total_income - self.total_expenses, 2)

    @property
    def sales(self) -> float:
        return self.income.get("sale", 0.0)

    def __add__(self, other: "Totals") -> "Totals":
        income = {k: self.income.get(k, 0) + other.income.get(k, 0) for k in {*self.income, *other.income}}
        expenses = {k: self.expenses.get(k, 0) + other.expenses.get(k, 0)
                    for k in {*self.expenses, *other.expenses}}
        return Totals(income, expenses)

    def expense_shares(self) -> dict[str, float]:
        """Each kind of expense as a fraction of all money out (for the pie chart); {} when none."""
        total = self.total_expenses
        return {k: v / total for k, v in self.expenses.items() if v} if total else {}

    def to_json(self) -> dict:
        return {"income": dict(self.income), "expenses": dict(self.expenses)}

    @classmethod
    def from_json(cls, data: Mapping) -> "Totals":
        return cls(dict(data.get("income", {})), dict(data.get("expenses", {})))


def totals(entries: Iterable[Entry]) -> Totals:
    """Add up cash book entries by kind."""
    income: dict[str, float] = {}
    expenses: dict[str, float] = {}
    for entry in entries:
        side = income if entry.direction == IN else expenses
        side[entry.category] = side.get(entry.category, 0.0) + entry.amount
    return Totals(income, expenses)


def by_month(entries: Iterable[Entry], year: int) -> dict[int, Totals]:
    """The totals of each month (1-12) of ``year`` that has entries; entries of other years are left out."""
    months: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.day.year == year:
            months.setdefault(entry.day.month, []).append(entry)
    return {month: totals(found) for month, found in sorted(months.items())}


@dataclass(frozen=True)
class ProductLine:
    """One product over a period: how many were sold, at what price, and what each cost to make.

    ``unit_cost`` is the cost of the materials (and other direct costs she chooses to count) of one
    piece. The margin is what is left of the sales to pay her work and the cooperative's costs.
    """

    name: str
    quantity: float
    unit_price: float
    unit_cost: float

    def __post_init__(self):
        for value in (self.quantity, self.unit_price, self.unit_cost):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0:
                raise ValueError("quantity, price and cost are numbers of 0 or more")

    @property
    def sales(self) -> float:
        return round(self.quantity * self.unit_price, 2)

    @property
    def cost(self) -> float:
        return round(self.quantity * self.unit_cost, 2)

    @property
    def margin(self) -> float:
        return round(self.sales - self.cost, 2)

    @property
    def margin_per_piece(self) -> float:
        return round(self.unit_price - self.unit_cost, 2)

    @property
    def margin_rate(self) -> float | None:
        """Margin as a share of sales (0.6 = 60 %); None when nothing was sold."""
        return round(self.margin / self.sales, 4) if self.sales else None


def best_first(products: Iterable[ProductLine]) -> list[ProductLine]:
    """Products by total margin, largest first: where her time pays best."""
    return sorted(products, key=lambda p: p.margin, reverse=True)


def total_margin(products: Iterable[ProductLine]) -> float:
    return round(sum(p.margin for p in products), 2)


# -- receipts and invoices ------------------------------------------------------------------------

#: What a receipt or invoice shows so that the cooperative, and its accountant, can trust the line
#: it backs: in the order they usually appear on the paper.
RECEIPT_ITEMS = ("number", "date", "seller", "buyer", "description", "quantity", "unit_price", "total")
SALE, PURCHASE = "sale", "purchase"


def missing_on_receipt(shown: Iterable[str]) -> list[str]:
    """The items of ``RECEIPT_ITEMS`` that a receipt does not show, in paper order."""
    present = set(shown)
    unknown = present - set(RECEIPT_ITEMS)
    if unknown:
        raise ValueError(f"unknown receipt items: {sorted(unknown)}")
    return [item for item in RECEIPT_ITEMS if item not in present]


def receipt_kind(cooperative_is_seller: bool) -> str:
    """A receipt the cooperative *gives* backs a sale (money in); one it *receives*, a purchase (money out)."""
    return SALE if cooperative_is_seller else PURCHASE
