"""Her answers in earlier lessons, gathered for the readiness checklist (``readiness.Records``).

Each lesson keeps her figures in its own notebook's metadata; her lessons sit side by side in her
home, and the AGM and governance lessons each keep a copy of her AGM file (``agm.records``). What cannot
be read (a lesson not done yet, a damaged notebook) counts as not there: the checklist then says
"not yet", never a guess.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..agm import records as agm_records
from ..agm.reports import year_summary_from
from ..her_work import earlier
from ..selling.own_records import listing_from
from .readiness import Records

NOTEBOOKS = {
    "cash_book": (Path("bookkeeping_1") / "cash_book.ipynb", "cash_book"),
    "stock": (Path("bookkeeping_3") / "stock.ipynb", "stock"),
    "year_summary": (Path("bookkeeping_4") / "year_summary.ipynb", "year_summary"),
    "price_sheet": (Path("selling_1") / "pricing.ipynb", "price_sheet"),
    "listing": (Path("selling_2") / "listing.ipynb", "listing"),
    # the governance lessons' members register (governance_2), read as the JSON it keeps
    "members_register": (Path("governance_2") / "registers.ipynb", "members_register"),
}
def _day(text: Any) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) and text else None
    except ValueError:
        return None


def _length(data: Any, key: str) -> int:
    value = data.get(key) if isinstance(data, dict) else None
    return len(value) if isinstance(value, list) else 0


def gather(own: Path | None, filed_on: date | None = None) -> Records:
    """Everything the checklist reads, from her home around ``own`` (this lesson's notebook)."""
    def data(name: str) -> Any:
        relative, key = NOTEBOOKS[name]
        return earlier(own, relative, key)

    agm = agm_records.load(own)
    card = agm.get("cooperative", {}) if isinstance(agm.get("cooperative"), dict) else {}
    meeting = agm.get("meeting", {}) if isinstance(agm.get("meeting"), dict) else {}
    calendar = agm.get("calendar", {}) if isinstance(agm.get("calendar"), dict) else {}
    votes = agm.get("votes", {}) if isinstance(agm.get("votes"), dict) else {}
    voted = any(isinstance(v, list) and any(str(x).strip() for x in v) for v in votes.values())
    names = agm.get("members") if isinstance(agm.get("members"), list) else []
    counted = card.get("members") if isinstance(card.get("members"), int) else 0
    register = data("members_register")
    current = [m for m in register.get("members", []) if isinstance(m, dict) and not m.get("left_on")] \
        if isinstance(register, dict) and isinstance(register.get("members"), list) else []

    year = income = expenses = None
    summary = data("year_summary")
    parsed = year_summary_from(summary) if isinstance(summary, dict) and summary else None
    if parsed:
        year, income, expenses = parsed.year, parsed.total_income, parsed.total_expenses

    price_sheet = data("price_sheet")
    return Records(
        cooperative=str(card.get("name") or "")[:120],
        agm_day=_day(meeting.get("day")) or _day(calendar.get("agm_day")),
        votes_recorded=voted,
        members=len(current) or len(names) or max(counted, 0),
        year=year, income=income, expenses=expenses,
        cash_lines=_length(data("cash_book"), "entries"),
        stock_lines=_length(data("stock"), "movements"),
        listing=listing_from(data("listing")) is not None,
        price_sheet=_length(price_sheet, "products"),
        filed_on=filed_on,
    )
