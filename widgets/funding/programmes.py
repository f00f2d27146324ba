"""The support programmes a cooperative can apply to, and the facts the lessons state about them.

Every figure here comes from the press (secondary sources, named in the lessons' trainer notes);
the lessons say "reported by the press" and send her to ODCO for the current terms. A programme
whose terms were not checked is named with "check the current terms" and no figure. Plain Python.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# What the 2020 relaunch plan (August 2020) asks of cooperatives.
PLAN_ASKS = ("selling", "books", "agm")

# The Lalla Al Moutaâouina prize (ODCO, since 2020): 50,000 DH per winning women's cooperative.
PRIZE_AMOUNT = 50_000
PRIZE_WINNERS = {2021: 24, 2022: 29, 2023: 31, 2024: 29, 2025: 31}

# Mourafaka (ODCO): support for cooperatives under four years old.
MOURAFAKA_MAX_AGE_YEARS = 4


@dataclass(frozen=True)
class Fit:
    """Whether a programme is worth asking about, and why (a short code the view puts in words)."""

    programme: str
    worth_asking: bool
    reason: str


def years_old(founded: date, today: date) -> int:
    """Whole years since the cooperative was registered."""
    return today.year - founded.year - ((today.month, today.day) < (founded.month, founded.day))


def fits(women: bool, founded: date | None, today: date) -> list[Fit]:
    """Which programmes to ask ODCO about, from two facts she knows: a women's cooperative, its age.

    Only a first sort: the current terms decide, and the lesson says so next to every line.
    """
    prize = Fit("lalla_al_moutaaouina", women, "women" if women else "not_women")
    if founded is None:
        mourafaka = Fit("mourafaka", True, "age_unknown")
    elif founded > today:
        raise ValueError("a cooperative cannot be registered in the future")
    else:
        young = years_old(founded, today) < MOURAFAKA_MAX_AGE_YEARS
        mourafaka = Fit("mourafaka", young, "young" if young else "too_old")
    return [prize, mourafaka, Fit("others", True, "check_terms")]
