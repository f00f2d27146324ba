"""Single facts read from the roster, without the import machinery (pandas, openpyxl, nbgrader).

The hub reads the ids behind a phone number at every login by phone, and the lesson service her
roster language when she arrives: each is one query, and neither process needs to load what a
roster import needs.
"""
from __future__ import annotations

import functools

from sqlalchemy import Engine, create_engine, text


@functools.cache
def roster_engine(db_url: str) -> Engine:
    return create_engine(db_url)


def ids_with_phone(engine: Engine, phone: str) -> list[str]:
    with engine.connect() as conn:
        return conn.execute(text("SELECT student_id FROM fadaa_learner WHERE phone = :phone"),
                            {"phone": phone}).scalars().all()


def language_of(db_url: str, student_id: str, column: str = "lang") -> str | None:
    """Her language on the roster (``column="spoken"``: the one she listens in), or None if the
    roster does not know her or names none (or does not exist yet)."""
    if column not in ("lang", "spoken"):
        raise ValueError(column)
    try:
        with roster_engine(db_url).connect() as conn:
            return conn.execute(text(f"SELECT {column} FROM fadaa_learner WHERE student_id = :id"),
                                {"id": student_id}).scalar()
    except Exception:  # noqa: BLE001 - no roster table (or column) yet: she has no roster language
        return None
