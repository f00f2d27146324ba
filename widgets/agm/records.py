"""Her cooperative's AGM file: the facts she enters once and the three lessons share.

The name, the year end, what her statutes say (notice period, quorum, majority), the planned
meeting and its decisions. Each lesson keeps a copy in its own notebook (the trainer sees it in the
submission) and in ``agm.json`` beside her profile, so lesson 2 opens with what she wrote in
lesson 1. Plain Python, no widgets.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from fadaa.core.i18n import profile_path
from .quorum import MajorityRule, Tally, Threshold

DATA_KEY = "agm"


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

def shared_path() -> Path:
    return profile_path().with_name("agm.json")


def load(store=None) -> dict[str, Any]:
    """Her AGM file: the shared copy (the latest lesson she worked in), else this notebook's copy."""
    try:
        data = json.loads(shared_path().read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    if store is not None:
        try:
            data = store.load_data(DATA_KEY, {})
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}
    return {}


def save(data: dict[str, Any], store=None) -> None:
    """Keep her file in this notebook and in the shared copy; a copy that cannot be written never stops her."""
    if store is not None:
        store.save_data(DATA_KEY, data)
    path = shared_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
