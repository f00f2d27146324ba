"""How ready her cooperative is to apply for support, from what she did in earlier lessons.

A programme asks a cooperative to show that it runs as the law says (its general assembly held,
its accounts filed at the tribunal within 30 days after it) and that it keeps its books and
registers (which ones a programme asks for is not in our sources: the lesson sends her to ODCO).
Each point here is read from her own answers (``Records``, gathered by ``own_records``) and says
"done", "planned", "late" or "not yet", with the date or the figure that shows it. Nothing is
guessed: a lesson she has not done yet leaves its point at "not yet". Plain Python, tested without
Jupyter.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..agm.calendar import filing_deadline

DONE, PLANNED, LATE, NOT_YET = "done", "planned", "late", "not_yet"

# the checklist, in the order a programme's file reads it
ITEMS = ("agm_held", "accounts_prepared", "accounts_filed", "cash_book", "stock_book", "members_list")
# what the 2020 relaunch plan asks of a cooperative, and which points show each
PLAN = {"selling": ("listing", "price_sheet"), "books": ("cash_book", "accounts_prepared"),
        "agm": ("agm_held",)}


@dataclass(frozen=True)
class Records:
    """What her earlier lessons kept, as plain values (``own_records`` reads them from her notebooks)."""

    cooperative: str = ""
    agm_day: date | None = None       # the day of her assembly (AGM lessons)
    votes_recorded: bool = False      # she counted the votes of the day (agm_3): the minutes exist
    members: int = 0                  # her members register (governance_2), else her attendance sheet
    year: int | None = None           # the year of her year summary (bookkeeping_4)
    income: float | None = None
    expenses: float | None = None
    cash_lines: int = 0               # lines of her cash book (bookkeeping_1)
    stock_lines: int = 0              # movements of her stock book (bookkeeping_3)
    listing: bool = False             # her listing written (selling_2)
    price_sheet: int = 0              # products on her price sheet (selling_1)
    filed_on: date | None = None      # the day she filed the accounts, as she says in funding_2


@dataclass(frozen=True)
class Point:
    """One line of the checklist: its status and what shows it (a date, a count, a year)."""

    key: str
    status: str
    day: date | None = None           # the AGM's day, the filing day, or the filing deadline
    count: int | None = None          # cash book lines, stock movements, members
    year: int | None = None

    @property
    def done(self) -> bool:
        return self.status == DONE


def _agm_held(r: Records, today: date) -> Point:
    if r.agm_day is None:
        return Point("agm_held", NOT_YET)
    if r.agm_day > today:
        return Point("agm_held", PLANNED, r.agm_day)
    return Point("agm_held", DONE if r.votes_recorded else NOT_YET, r.agm_day)


def _accounts_filed(r: Records, today: date) -> Point:
    if r.filed_on is not None:
        return Point("accounts_filed", DONE, r.filed_on)
    if r.agm_day is None or r.agm_day > today:
        return Point("accounts_filed", NOT_YET)
    deadline = filing_deadline(r.agm_day)
    return Point("accounts_filed", LATE if today > deadline else PLANNED, deadline)


def _counted(key: str, count: int) -> Point:
    return Point(key, DONE if count > 0 else NOT_YET, count=count or None)


def checklist(records: Records, today: date) -> list[Point]:
    """Every point of the readiness checklist, in ``ITEMS`` order."""
    accounts = (Point("accounts_prepared", DONE, year=records.year) if records.year is not None
                else Point("accounts_prepared", NOT_YET))
    points = {"agm_held": _agm_held(records, today), "accounts_prepared": accounts,
              "accounts_filed": _accounts_filed(records, today), "cash_book": _counted("cash_book", records.cash_lines),
              "stock_book": _counted("stock_book", records.stock_lines),
              "members_list": _counted("members_list", records.members)}
    return [points[key] for key in ITEMS]


def ready(points: list[Point]) -> bool:
    """Ready to apply when every point is done."""
    return all(p.done for p in points)


def to_do(points: list[Point]) -> list[Point]:
    """What is left, the late first, then in checklist order."""
    left = [p for p in points if not p.done]
    return sorted(left, key=lambda p: (p.status != LATE, ITEMS.index(p.key)))


def plan_status(records: Records, today: date) -> dict[str, bool]:
    """For each thing the relaunch plan asks (selling, books, AGM): has she started it in Fadaa?"""
    points = {p.key: p for p in checklist(records, today)}
    shown = {"listing": records.listing, "price_sheet": records.price_sheet > 0,
             "cash_book": points["cash_book"].done, "accounts_prepared": points["accounts_prepared"].done,
             "agm_held": points["agm_held"].status in (DONE, PLANNED)}
    return {pillar: any(shown[key] for key in keys) for pillar, keys in PLAN.items()}
