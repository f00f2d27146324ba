"""The members register, and why parts sociales are not cotisations.

- A **part sociale** (share) is capital: the member subscribes it when she joins, it stays hers
  in the cooperative, and her statutes say its value and what happens to it when she leaves.
  It is money in the cash box, but not income of the year: it does not make the surplus.
- A **cotisation** (contribution) pays for the cooperative's running: it is income of the year,
  the cash book's "contribution" line.

The value of a share and the number each member must hold are in her statutes; nothing here
assumes them. One member has one vote whatever the number of her shares (law 112-12, article 2):
see ``agm.quorum.votes_of_member``. Plain Python, no widgets.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

SHARE, CONTRIBUTION = "share", "contribution"
MAX_SHARES = 10_000
MAX_SHARE_VALUE = 1_000_000
MAX_NAME = 80


class RegisterError(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Placement:
    """Where a kind of money goes in her books."""

    cash_book_category: str      # the cash book's kind of money in (bookkeeping.cash_book)
    counts_in_income: bool       # does it make the year's money in, and so the surplus?


def placement(kind: str) -> Placement:
    """A share: cash in ("other money in", labelled "part sociale"), written in the members register
    and kept out of the year's income by the accountant (capital). A cotisation: the cash book's
    "contribution" line, income of the year."""
    if kind == SHARE:
        return Placement("other_in", False)
    if kind == CONTRIBUTION:
        return Placement("contribution", True)
    raise RegisterError("kind")


@dataclass(frozen=True)
class Payment:
    """Money a member paid: for shares or as her cotisation."""

    day: date
    member: str
    kind: str
    amount: float


def capital_received(payments: Iterable[Payment]) -> float:
    """Paid for parts sociales: capital, kept apart from the year's income."""
    return round(sum(p.amount for p in payments if p.kind == SHARE), 2)


def contributions_received(payments: Iterable[Payment]) -> float:
    """Paid as cotisations: income of the year."""
    return round(sum(p.amount for p in payments if p.kind == CONTRIBUTION), 2)


@dataclass(frozen=True)
class Member:
    """One line of the members register."""

    number: int
    name: str
    joined_on: date | None
    shares: int
    paid: float                  # what she has paid on her shares so far
    left_on: date | None = None

    def to_json(self) -> dict:
        return {"number": self.number, "name": self.name,
                "joined_on": self.joined_on.isoformat() if self.joined_on else None, "shares": self.shares,
                "paid": self.paid, "left_on": self.left_on.isoformat() if self.left_on else None}

    @classmethod
    def from_json(cls, data: Mapping) -> "Member":
        day = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
        return make_member(int(data["number"]), str(data["name"]), day(data.get("joined_on")),
                           data["shares"], data.get("paid", 0), day(data.get("left_on")))


def _count(value, reason: str, minimum: int, maximum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise RegisterError(reason)
    if not minimum <= value <= maximum:
        raise RegisterError(reason)
    return value


def make_member(number: int, name: str, joined_on: date | None, shares, paid=0,
                left_on: date | None = None) -> Member:
    """A checked line: a name, at least one share (her statutes set how many a member holds), a
    payment that is not negative, a leaving date after the joining date."""
    name = " ".join(str(name).split())[:MAX_NAME]
    if not name:
        raise RegisterError("no_name")
    shares = _count(shares, "shares", 1, MAX_SHARES)
    if shares != int(shares):
        raise RegisterError("shares")
    paid = _count(paid, "paid", 0, MAX_SHARES * MAX_SHARE_VALUE)
    if joined_on and left_on and left_on < joined_on:
        raise RegisterError("left_before_joining")
    return Member(int(number), name, joined_on, int(shares), round(float(paid), 2), left_on)


@dataclass(frozen=True)
class MembersRegister:
    """Her members, and the value of one share as her statutes set it."""

    share_value: float
    members: Sequence[Member] = ()

    def __post_init__(self):
        _count(self.share_value, "share_value", 0, MAX_SHARE_VALUE)
        object.__setattr__(self, "members", tuple(self.members))
        names = [m.name.casefold() for m in self.members]
        if len(set(names)) != len(names):
            raise RegisterError("name_twice")

    def current(self, on: date | None = None) -> list[Member]:
        """Members who have not left (by ``on`` when given)."""
        return [m for m in self.members if m.left_on is None or (on is not None and m.left_on > on)]

    def subscribed(self, member: Member) -> float:
        return round(member.shares * self.share_value, 2)

    def still_due(self, member: Member) -> float:
        """What she still owes on her shares (never negative)."""
        return max(0.0, round(self.subscribed(member) - member.paid, 2))

    def overpaid(self) -> list[Member]:
        """Members who paid more than their shares are worth: a typing slip, or shares not written."""
        if not self.share_value:
            return []
        return [m for m in self.members if m.paid > self.subscribed(m)]

    @property
    def capital_subscribed(self) -> float:
        return round(sum(self.subscribed(m) for m in self.current()), 2)

    @property
    def capital_paid(self) -> float:
        return round(sum(m.paid for m in self.current()), 2)

    def joined_in(self, year: int) -> list[Member]:
        return [m for m in self.members if m.joined_on and m.joined_on.year == year]

    def left_in(self, year: int) -> list[Member]:
        return [m for m in self.members if m.left_on and m.left_on.year == year]

    def with_member(self, name: str, joined_on: date | None, shares, paid=0) -> "MembersRegister":
        """The register with one more member, numbered after the last (numbers are never reused)."""
        number = max((m.number for m in self.members), default=0) + 1
        return MembersRegister(self.share_value, (*self.members, make_member(number, name, joined_on, shares, paid)))

    def to_json(self) -> dict:
        return {"share_value": self.share_value, "members": [m.to_json() for m in self.members]}

    @classmethod
    def from_json(cls, data: Mapping) -> "MembersRegister":
        """Her saved register; a line that no longer reads is skipped, never fatal."""
        members = []
        for row in data.get("members", []) or []:
            try:
                members.append(Member.from_json(row))
            except (RegisterError, KeyError, TypeError, ValueError):
                continue
        try:
            return cls(float(data.get("share_value") or 0), members)
        except (RegisterError, TypeError, ValueError):
            return cls(0.0, [])

