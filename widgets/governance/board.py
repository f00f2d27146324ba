"""The board of directors (conseil d'administration / مجلس الإدارة): who holds which role, since
when, and when each mandate comes up for renewal.

The length of a mandate and how the board is renewed (all at once, by thirds...) are set by the
cooperative's **statutes**: the learner enters the term her statutes write, nothing here assumes
one. Plain Python, no widgets.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

ROLES = ("president", "vice_president", "treasurer", "secretary", "member")
KEY_ROLES = ("president", "treasurer", "secretary")
MAX_TERM_YEARS = 12     # no statutes elect a board for longer: a typing slip
MAX_NAME = 80


class BoardError(ValueError):
    """A mandate the rules refuse; ``reason`` is a short code the view turns into words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Mandate:
    """One board member's mandate: elected by the assembly on ``elected_on`` for ``term_years``."""

    name: str
    role: str
    elected_on: date
    term_years: int

    @property
    def ends_on(self) -> date:
        """When the mandate comes up for renewal (the assembly of that year elects or re-elects)."""
        return add_years(self.elected_on, self.term_years)

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "elected_on": self.elected_on.isoformat(),
                "term_years": self.term_years}

    @classmethod
    def from_json(cls, data: Mapping) -> "Mandate":
        return make_mandate(str(data["name"]), str(data["role"]), date.fromisoformat(data["elected_on"]),
                            data["term_years"])


def make_mandate(name: str, role: str, elected_on: date | None, term_years, today: date | None = None) -> Mandate:
    """A checked mandate: a name, a known role, an election date that has happened, a term in years."""
    name = " ".join(str(name).split())[:MAX_NAME]
    if not name:
        raise BoardError("no_name")
    if role not in ROLES:
        raise BoardError("role")
    if elected_on is None:
        raise BoardError("no_date")
    if today is not None and elected_on > today:
        raise BoardError("elected_in_future")
    if isinstance(term_years, bool) or not isinstance(term_years, (int, float)) or term_years != term_years \
            or term_years != int(term_years):
        raise BoardError("term_not_whole")
    if not 1 <= term_years <= MAX_TERM_YEARS:
        raise BoardError("term_out_of_range")
    return Mandate(name, role, elected_on, int(term_years))


def board_problems(mandates: Sequence[Mandate]) -> list[str]:
    """What her board still lacks or gets wrong, as short codes (the view says them in words):
    a key role nobody holds, one person named twice, a key role held twice."""
    problems = [f"no_{role}" for role in KEY_ROLES if not any(m.role == role for m in mandates)]
    names = [m.name.casefold() for m in mandates]
    if len(set(names)) != len(names):
        problems.append("name_twice")
    for role in KEY_ROLES:
        if sum(m.role == role for m in mandates) > 1:
            problems.append(f"two_{role}s")
    return problems


def to_renew(mandates: Iterable[Mandate], assembly_day: date) -> list[Mandate]:
    """Mandates that end on or before ``assembly_day``: the assembly must elect or re-elect them."""
    return sorted((m for m in mandates if m.ends_on <= assembly_day), key=lambda m: (m.ends_on, m.name))


def in_role_order(mandates: Iterable[Mandate]) -> list[Mandate]:
    """President first, then vice-president, treasurer, secretary, other members; by name within a role."""
    return sorted(mandates, key=lambda m: (ROLES.index(m.role), m.name.casefold()))


def mandates_from_json(rows: Iterable[Mapping], term_years=None) -> list[Mandate]:
    """Her saved board; ``term_years`` (her statutes' term, as she typed it) for lines saved without
    their own. A line that no longer reads (hand-edited notebook) is skipped, never fatal."""
    found = []
    for row in rows or []:
        try:
            if "term_years" not in row:
                row = {**row, "term_years": int(str(term_years).strip())}
            found.append(Mandate.from_json(row))
        except (BoardError, KeyError, TypeError, ValueError):
            continue
    return found
