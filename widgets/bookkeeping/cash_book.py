"""The cash book ("cahier de caisse" / "دفتر الصندوق"): every movement of cash, in or out, dated,
with the running balance. Plain Python so the rules are tested without Jupyter."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Iterable, Sequence

from fadaa.core.checking import RuleError, bounded

IN, OUT = "in", "out"
CATEGORIES_IN = ("sale", "contribution", "other_in")
CATEGORIES_OUT = ("purchase", "transport", "delivery", "other_out")
MAX_AMOUNT = 10_000_000  # no artisan's single cash movement is this large: a typing slip


class EntryError(RuleError):
    """An entry the cash book refuses; ``reason`` is a short code the view turns into words."""


def opening_balance(value: float) -> float:
    """The cash in the box when she starts her book: from 0 to ``MAX_AMOUNT``."""
    return round(bounded(value, "opening", MAX_AMOUNT, EntryError), 2)


@dataclass(frozen=True)
class Entry:
    day: date
    direction: str  # IN or OUT
    amount: float   # always positive; the direction says which way the cash went
    category: str
    label: str = ""

    @property
    def signed(self) -> float:
        return self.amount if self.direction == IN else -self.amount

    def to_json(self) -> dict:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        return make_entry(date.fromisoformat(data["day"]), data["direction"], data["amount"],
                          data["category"], data.get("label", ""))


def make_entry(day: date, direction: str, amount: float, category: str, label: str = "") -> Entry:
    """A checked entry: a known direction and category, a positive amount of sensible size."""
    if direction not in (IN, OUT):
        raise EntryError("direction")
    if category not in (CATEGORIES_IN if direction == IN else CATEGORIES_OUT):
        raise EntryError("category")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount != amount:
        raise EntryError("amount")
    if amount <= 0:
        raise EntryError("amount_not_positive")
    if amount > MAX_AMOUNT:
        raise EntryError("amount_too_large")
    return Entry(day, direction, round(float(amount), 2), category, label.strip()[:120])


def in_order(entries: Iterable[Entry]) -> list[Entry]:
    """Entries by date; entries of the same day keep the order she wrote them in."""
    return sorted(entries, key=lambda e: e.day)


def running_balances(opening: float, entries: Sequence[Entry]) -> list[float]:
    """The balance after each entry, in date order."""
    balance, balances = opening, []
    for entry in in_order(entries):
        balance = round(balance + entry.signed, 2)
        balances.append(balance)
    return balances


def closing_balance(opening: float, entries: Sequence[Entry]) -> float:
    return round(opening + sum(e.signed for e in entries), 2)


def total_in(entries: Iterable[Entry]) -> float:
    return round(sum(e.amount for e in entries if e.direction == IN), 2)


def total_out(entries: Iterable[Entry]) -> float:
    return round(sum(e.amount for e in entries if e.direction == OUT), 2)


def total_sales(entries: Iterable[Entry]) -> float:
    return round(sum(e.amount for e in entries if e.category == "sale"), 2)


def week_of_month(day: date) -> int:
    """Week 1 is days 1-7, week 2 days 8-14, ...: easier to check on paper than calendar weeks."""
    return (day.day - 1) // 7 + 1


def latest_month(entries: Sequence[Entry]) -> list[Entry]:
    """The entries of the month of the latest entry (the weekly chart shows one month)."""
    if not entries:
        return []
    last = max(e.day for e in entries)
    return [e for e in entries if (e.day.year, e.day.month) == (last.year, last.month)]


def weekly_totals(entries: Iterable[Entry]) -> list[tuple[int, float, float]]:
    """(week, money in, money out) for every week of the month up to the last entry."""
    weeks: dict[int, list[float]] = {}
    for entry in entries:
        totals = weeks.setdefault(week_of_month(entry.day), [0.0, 0.0])
        totals[0 if entry.direction == IN else 1] += entry.amount
    if not weeks:
        return []
    return [(w, round(weeks.get(w, [0, 0])[0], 2), round(weeks.get(w, [0, 0])[1], 2))
            for w in range(1, max(weeks) + 1)]
