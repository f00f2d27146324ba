"""The day of the assembly: who is there, whether the quorum is met, and how the votes count.

One rule comes from the law: **one member, one vote**, whatever the number of shares she holds
(law 112-12 on cooperatives as amended by law 74-16, article 2). The quorum on first and second
call and the majorities are set by **the cooperative's statutes**: the learner enters them as her
statutes write them ("at least half", "more than half", "two thirds" ...) and nothing here assumes
a figure. Plain Python, no widgets, so it is unit-tested without Jupyter.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor

from fadaa.core.checking import RuleError

MAX_MEMBERS = 100_000  # the largest cooperatives have a few thousand members: a typing slip


class AgmError(RuleError):
    """Figures the rules refuse; ``reason`` is a short code the view turns into words."""


def _whole(value, reason: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value != int(value):
        raise AgmError(reason)
    if not minimum <= value <= MAX_MEMBERS:
        raise AgmError(reason)
    return int(value)


@dataclass(frozen=True)
class Threshold:
    """A share of a whole as statutes write it: 'at least 1/2' (strict=False) or 'more than 1/2'.

    The share is kept as a fraction, so 'at least two thirds of 30' is exactly 20, never 19.999.
    A share of 0 means the statutes set no minimum (often the case on second call).
    """

    numerator: int
    denominator: int
    strict: bool = False

    def __post_init__(self):
        _whole(self.numerator, "fraction")
        _whole(self.denominator, "fraction", minimum=1)
        if self.numerator > self.denominator:
            raise AgmError("fraction_above_one")
        if self.strict and self.numerator == self.denominator:
            raise AgmError("fraction_above_one")  # 'more than all of them' can never be reached

    @property
    def share(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def required(self, whole: int) -> int:
        """The smallest count that reaches the threshold out of ``whole``."""
        exact = self.share * _whole(whole, "members")
        return floor(exact) + 1 if self.strict else ceil(exact)

    def reached(self, count: int, whole: int) -> bool:
        return _whole(count, "count") >= self.required(whole)

    def to_json(self) -> dict:
        return {"numerator": self.numerator, "denominator": self.denominator, "strict": self.strict}

    @classmethod
    def from_json(cls, data: dict) -> "Threshold":
        return cls(int(data["numerator"]), int(data["denominator"]), bool(data.get("strict", False)))


@dataclass(frozen=True)
class QuorumResult:
    members: int
    attending: int   # counted towards the quorum: present, plus represented when the statutes say so
    required: int
    met: bool

    @property
    def missing(self) -> int:
        return max(0, self.required - self.attending)


def check_attendance(members: int, present: int, represented: int = 0) -> tuple[int, int, int]:
    """Counts that can be true: nobody is both present and represented, nobody is counted twice."""
    members = _whole(members, "members", minimum=1)
    present = _whole(present, "present")
    represented = _whole(represented, "represented")
    if present + represented > members:
        raise AgmError("more_than_members")
    if represented and not present:
        raise AgmError("proxy_without_present")  # a proxy is carried by a member who is there
    return members, present, represented


def check_proxies(present: int, represented: int, max_per_member: int | None) -> bool:
    """Whether the proxies fit her statutes' limit (e.g. 'a member may carry one proxy'); no limit given, no check."""
    if max_per_member is None:
        return True
    return _whole(represented, "represented") <= _whole(present, "present") * _whole(max_per_member, "proxies")


def quorum(members: int, present: int, represented: int, rule: Threshold,
           count_represented: bool = True) -> QuorumResult:
    """Is the quorum met? ``rule`` is her statutes' share of the members, for this call."""
    members, present, represented = check_attendance(members, present, represented)
    attending = present + (represented if count_represented else 0)
    # an assembly needs somebody in the room, even when the statutes set no minimum
    required = max(1, rule.required(members))
    return QuorumResult(members, attending, required, attending >= required)


# -- votes: one member, one vote (law 112-12, article 2)

def votes_of_member(shares: int) -> int:
    """However many shares she holds, a member has one vote (law 112-12, article 2)."""
    _whole(shares, "shares", minimum=1)
    return 1


@dataclass(frozen=True)
class Tally:
    votes_for: int
    against: int
    abstain: int

    @property
    def cast(self) -> int:
        """Votes expressed: for and against (abstentions are not votes for either side)."""
        return self.votes_for + self.against

    @property
    def total(self) -> int:
        return self.votes_for + self.against + self.abstain


def tally_counts(votes_for: int, against: int, abstain: int, voters: int) -> Tally:
    """A show of hands counted: never more votes than members present or represented."""
    result = Tally(_whole(votes_for, "votes"), _whole(against, "votes"), _whole(abstain, "votes"))
    if result.total > _whole(voters, "voters"):
        raise AgmError("more_votes_than_voters")
    return result


CAST, VOTERS = "cast", "voters"


@dataclass(frozen=True)
class MajorityRule:
    """Her statutes' majority: a share of the votes cast (for + against) or of the members
    present or represented (then an abstention weighs like a vote against)."""

    threshold: Threshold
    base: str = CAST

    def __post_init__(self):
        if self.base not in (CAST, VOTERS):
            raise AgmError("majority_base")

    def to_json(self) -> dict:
        return {"threshold": self.threshold.to_json(), "base": self.base}

    @classmethod
    def from_json(cls, data: dict) -> "MajorityRule":
        return cls(Threshold.from_json(data["threshold"]), data.get("base", CAST))


def adopted(result: Tally, rule: MajorityRule, voters: int) -> bool:
    """Whether the resolution passes under her statutes' majority."""
    whole = result.cast if rule.base == CAST else _whole(voters, "voters")
    if whole == 0:
        return False  # nobody voted for or against: nothing is decided
    return result.votes_for >= max(1, rule.threshold.required(whole))


# -- the attendance sheet

MAX_NAME = 80


def member_list(text: str) -> list[str]:
    """Her members' names, one a line as she typed or pasted them; a name written twice is refused."""
    names = [" ".join(line.split())[:MAX_NAME] for line in str(text).splitlines()]
    names = [n for n in names if n]
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise AgmError("member_listed_twice")
        seen.add(name.casefold())
    if len(names) > MAX_MEMBERS:
        raise AgmError("members")
    return names
