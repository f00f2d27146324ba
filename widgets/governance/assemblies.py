"""Ordinary or extraordinary assembly: which decisions usually go to which, and how many votes a
decision needs under her statutes.

Which decisions need an extraordinary assembly, its quorum and its majority are written in the
cooperative's **statutes** (the domain notes found no legal figure to state): ``USUAL_ASSEMBLY`` is
the usual practice a lesson shows with "check with ODCO or your statutes", and every count comes
from the rule she enters (``agm.quorum.MajorityRule``). Plain Python, no widgets.
"""
from __future__ import annotations

from ..agm.quorum import CAST, MajorityRule

ORDINARY, EXTRAORDINARY = "ordinary", "extraordinary"

# decision -> the assembly that usually takes it (practice; her statutes decide)
USUAL_ASSEMBLY = {
    "accounts": ORDINARY,          # approve the accounts of the year
    "moral_report": ORDINARY,      # approve the board's moral report
    "quitus": ORDINARY,            # discharge the board for its management of the year
    "surplus": ORDINARY,           # use of the surplus
    "board_election": ORDINARY,    # elect or re-elect board members
    "statutes": EXTRAORDINARY,     # change the statutes
    "merger": EXTRAORDINARY,       # merge with another cooperative
    "dissolution": EXTRAORDINARY,  # dissolve the cooperative
}


def usual_assembly(decision: str) -> str:
    return USUAL_ASSEMBLY[decision]


def votes_for_needed(rule: MajorityRule, voters: int, cast: int | None = None) -> int:
    """The fewest votes "for" that pass a decision under ``rule``: a share of the members present or
    represented (``voters``), or of the votes cast (for + against) when the rule counts those."""
    whole = voters if rule.base != CAST else (voters if cast is None else cast)
    return max(1, rule.threshold.required(whole))

