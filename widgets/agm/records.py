"""Her cooperative's AGM file: the facts she enters once and the three lessons share.

The name, the year end, what her statutes say (notice period, quorum, majority), the planned
meeting and its decisions. Each lesson that uses it (the AGM and governance lessons) keeps a copy
in its own notebook, stamped with when it was saved (the trainer sees it in the submission); a
lesson opens with the copy she saved last, so lesson 2 opens with what she wrote in lesson 1.
Plain Python, no widgets.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from fadaa.core.home_layout import earlier_lesson
from fadaa.core.i18n import profile_path

from ..her_work import kept_in
from .quorum import MajorityRule, Tally, Threshold

DATA_KEY = "agm"
SAVED_AT = "saved_at"  # in each copy: when it was saved (UTC, ISO), so the newest one is found
#: The lessons that keep a copy of her AGM file, in her home.
LESSONS = tuple(Path(p) for p in ("agm_1/calendar.ipynb", "agm_2/documents.ipynb", "agm_3/the_day.ipynb",
                                  "governance_1/board.ipynb", "governance_2/registers.ipynb",
                                  "governance_3/assemblies.ipynb"))


@dataclass(frozen=True)
class Cooperative:
    name: str
    city: str = ""
    members: int = 0
    president: str = ""
    secretary: str = ""


@dataclass(frozen=True)
class Statutes:
    """What her statutes say, as she read it there. None: not entered (never guessed)."""

    notice_days: int | None = None
    first_call: Threshold | None = None
    second_call: Threshold | None = None
    count_represented: bool = True
    max_proxies: int | None = None
    majority: MajorityRule | None = None


@dataclass(frozen=True)
class Meeting:
    day: date
    time: str = ""
    place: str = ""
    agenda: Sequence[str] = ()
    call: int = 1          # 1: first call; 2: second call (the quorum of the first was not met)


@dataclass(frozen=True)
class Decision:
    """A resolution put to the vote and how the members voted (one member, one vote)."""

    text: str
    tally: Tally
    adopted: bool


@dataclass(frozen=True)
class Attendance:
    present: int
    represented: int
    members: int
    quorum_required: int
    quorum_met: bool
    names: Sequence[str] = field(default_factory=tuple)


def format_date(day: date) -> str:
    """dd/mm/yyyy, Western digits, in both languages: what Moroccan forms use."""
    return f"{day:%d/%m/%Y}"


def cooperative_from(data: dict[str, Any]) -> Cooperative:
    """Her cooperative as her file keeps it (the card of lesson 1 or 2)."""
    card = data.get("cooperative", {}) if isinstance(data, dict) else {}
    members = card.get("members", 0)
    return Cooperative(str(card.get("name") or "…")[:120], str(card.get("city", ""))[:80],
                       members if isinstance(members, int) and members >= 0 else 0,
                       str(card.get("president", ""))[:80], str(card.get("secretary", ""))[:80])


# -- keeping the file

def legacy_path() -> Path:
    """Where Fadaa kept a shared copy of her file, outside her notebooks, before they held it all."""
    return profile_path().with_name("agm.json")


def _legacy() -> dict[str, Any]:
    try:
        data = json.loads(legacy_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load(own: Path | None) -> dict[str, Any]:
    """Her AGM file, seen from the lesson whose notebook is ``own``: the copy she saved last in any
    of her lessons (this lesson's, on a tie); {} without a notebook (a trainer's preview)."""
    if own is None:
        return {}
    copies = []
    for notebook in dict.fromkeys([Path(own).resolve(), *(earlier_lesson(own, lesson) for lesson in LESSONS)]):
        data = kept_in(notebook, DATA_KEY, {})
        if isinstance(data, dict) and data:
            copies.append(data)
    stamped = [copy for copy in copies if isinstance(copy.get(SAVED_AT), str)]
    if stamped:
        return max(stamped, key=lambda copy: copy[SAVED_AT])
    # Nothing saved since her file moved into her notebooks: an older Fadaa kept its latest copy in
    # ~/.fadaa/agm.json. It is read this once: the lesson keeps it in its notebook at once (``stamped``)
    # and her notebooks hold it from then on. The file itself is left as it was.
    return _legacy() or (copies[0] if copies else {})


def stamped(data: dict[str, Any]) -> dict[str, Any]:
    """Her file as a lesson keeps it in its notebook: with when it was saved."""
    return {**data, SAVED_AT: datetime.now(timezone.utc).isoformat()}
