"""Hub accounts: who may log in, her group, her hashed PIN, and wrong tries.

A learner's account name is her roster id (so it is also her nbgrader student id); she may log in
with that id or with the phone number on the roster. Trainers and coordinators have accounts too,
with no roster row. The table lives in a database of the hub's own (by default
``<var>/jupyterhub/accounts.sqlite``, in the folder only the hub opens), not in the course
database that trainers and the lesson service write: nobody but the hub reads the PIN hashes. The
phone look-up reads the roster from the course database.

Wrong PINs are counted in the table (they survive a hub restart): after ``max_failures`` in a row
the account is locked for a while, and no PIN is even checked until then.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass

from sqlalchemy import Column, DateTime, Engine, Integer, MetaData, String, Table, create_engine, select

from fadaa.grading.phones import normalise_phone
from fadaa.grading.roster_lookup import ids_with_phone

from .groups import GROUPS
from .pins import hash_pin, verify_pin

metadata = MetaData()
account = Table(
    "fadaa_account", metadata,
    Column("username", String(128), primary_key=True),
    Column("group", String(32), nullable=False),
    Column("pin_hash", String(128), nullable=False),
    Column("failures", Integer, nullable=False, default=0),
    Column("locked_until", DateTime()),
)

# Checked against when the login names nobody, so a wrong name costs the same time as a wrong PIN.
_DUMMY_HASH = hash_pin("0000")


@dataclass(frozen=True)
class Login:
    """What one try gave: the account (None if no account matched) and whether the PIN was right."""

    username: str | None
    group: str | None
    ok: bool
    locked_until: dt.datetime | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def open_accounts(db_url: str) -> Engine:
    """The accounts' database with its table created if missing."""
    engine = create_engine(db_url)
    metadata.create_all(engine, checkfirst=True)
    return engine


def move_out_of_the_course_database(engine: Engine, course_db_url: str) -> int:
    """Accounts kept in the course database (before they moved to the hub's own) come over once,
    PIN hashes and locks as they were, and leave the course database; returns how many moved."""
    course = create_engine(course_db_url)
    try:
        old = Table("fadaa_account", MetaData(), autoload_with=course)
    except Exception:  # noqa: BLE001 - no such table: nothing to move
        return 0
    with course.begin() as source, engine.begin() as target:
        known = set(target.execute(select(account.c.username)).scalars())
        rows = [dict(row._mapping) for row in source.execute(select(old)) if row.username not in known]
        if rows:
            target.execute(account.insert(), rows)
        old.drop(source)
    if course.dialect.name == "sqlite":  # the dropped table's pages still hold the hashes until rewritten
        with course.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM")
    return len(rows)


def set_pin(engine: Engine, username: str, group: str, pin: str) -> None:
    """Create the account or give it a new PIN (a trainer does this for her learners); unlocks it."""
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}")
    values = {"group": group, "pin_hash": hash_pin(pin), "failures": 0, "locked_until": None}
    with engine.begin() as conn:
        updated = conn.execute(account.update().where(account.c.username == username).values(**values))
        if updated.rowcount == 0:
            conn.execute(account.insert().values(username=username, **values))


def find(engine: Engine, login: str, roster: Engine | None = None):
    """The account row for an account name or a roster phone number (any way she writes it)."""
    login = login.strip()
    names = [login]
    phone = normalise_phone(login)
    if phone and roster is not None:
        names += ids_with_phone(roster, phone)
    with engine.connect() as conn:
        rows = {row.username: row for row in conn.execute(select(account).where(account.c.username.in_(names)))}
    return next((rows[name] for name in names if name in rows), None)  # her account name first, then her phone


def check(engine: Engine, login: str, pin: str, max_failures: int = 5,
          lock_for: dt.timedelta = dt.timedelta(minutes=15), roster: Engine | None = None) -> Login:
    """Try ``pin`` for ``login``; counts a wrong PIN and locks the account after ``max_failures``."""
    row = find(engine, login, roster)
    if row is None:
        verify_pin(pin, _DUMMY_HASH)
        return Login(None, None, False)
    now = _now()
    if row.locked_until and row.locked_until > now:
        verify_pin(pin, _DUMMY_HASH)  # as long as a wrong PIN takes: the time tells nobody it is locked
        return Login(row.username, row.group, False, row.locked_until)
    where = account.c.username == row.username
    with engine.begin() as conn:
        if verify_pin(pin, row.pin_hash):
            conn.execute(account.update().where(where).values(failures=0, locked_until=None))
            return Login(row.username, row.group, True)
        # a lock that has run out starts a fresh count
        failures = (0 if row.locked_until else row.failures) + 1
        locked_until = now + lock_for if failures >= max_failures else None
        conn.execute(account.update().where(where).values(failures=failures, locked_until=locked_until))
    return Login(row.username, row.group, False, locked_until)


def accounts(engine: Engine) -> dict[str, str]:
    """Every account name with its group (the hub's allowed users)."""
    with engine.connect() as conn:
        return dict(conn.execute(select(account.c.username, account.c.group)).all())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Set a hub account's PIN (a trainer gives each learner hers).")
    parser.add_argument("username", help="the learner's roster id, or a trainer's or coordinator's account name")
    parser.add_argument("pin", help="4 to 8 digits")
    parser.add_argument("--group", choices=GROUPS, default="learners")
    parser.add_argument("--db-url", required=True,
                        help="the hub's accounts database, e.g. sqlite:///var/hub/jupyterhub/accounts.sqlite")
    args = parser.parse_args(argv)
    set_pin(open_accounts(args.db_url), args.username, args.group, args.pin)
    print(f"PIN set for {args.username} ({args.group}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
