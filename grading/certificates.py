"""Certificates that anyone can check: a short random code per certificate, kept in a table of issued
certificates that the hub alone writes.

Why a random code recorded in a table rather than an HMAC of (student, module, date): the table is
needed anyway (to revoke, and to find whose certificate a typed code is, since ten characters
cannot carry a name), and with it a code needs no secret at all. A code is 12 characters drawn
with ``secrets`` from 32 symbols, 60 bits: someone asking the hub a thousand codes a second for a
whole year (30 billion requests in its log) finds one of 100,000 certificates with odds of about 1
in 370, and a lucky guess only shows a real certificate's name, module and date; it makes none. Forging means writing into the table, and the table lives in the
hub's own database (``Site.accounts_db_url``, in the folder only the hub opens): the lesson
service and the learners' kernels both run as ``fadaa-lessons``, so nothing either of them can read
or write could be kept from a kernel. The hub issues (``fadaa.hub.certificates``), root revokes
(``fadaa certificate revoke``).

The alphabet is Crockford's base 32 (no I, L, O, U): what people misread is read as what was meant
(O as 0, I and L as 1), and dashes, spaces and case do not matter.
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import Column, Date, DateTime, Engine, MetaData, String, Table, UniqueConstraint, create_engine, select
from sqlalchemy.exc import IntegrityError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})

metadata = MetaData()
certificate = Table(
    "fadaa_certificate", metadata,
    Column("code", String(LENGTH), primary_key=True),
    Column("student_id", String(128), nullable=False),
    Column("module", String(128), nullable=False),
    # what the certificate states, as it was printed: a roster edited later does not change it
    Column("name", String(256), nullable=False),
    Column("title_fr", String(256), nullable=False),
    Column("title_ar", String(256), nullable=False),
    Column("passed_on", Date, nullable=False),
    Column("issued_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    UniqueConstraint("student_id", "module"),  # one certificate per module she passed
)


class Revoked(Exception):
    """Her certificate of this module was withdrawn: no new one is printed for it."""


@dataclass(frozen=True)
class Certificate:
    code: str
    student_id: str
    module: str
    name: str
    title: dict[str, str]  # by language
    passed_on: dt.date
    issued_at: dt.datetime
    revoked_at: dt.datetime | None = None

    @property
    def valid(self) -> bool:
        return self.revoked_at is None

    @property
    def shown_code(self) -> str:
        return grouped(self.code)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def grouped(code: str) -> str:
    """``K7QM4XRT9PZC`` as people copy it: ``K7QM-4XRT-9PZC``."""
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


def normalise(typed: str) -> str | None:
    """The code someone typed or scanned, as stored; None if it cannot be one."""
    code = "".join(typed.split()).replace("-", "").upper().translate(_MISREAD)
    return code if len(code) == LENGTH and all(c in ALPHABET for c in code) else None


def open_certificates(db_url: str) -> Engine:
    """The hub's database with the certificates' table created if missing."""
    engine = create_engine(db_url)
    metadata.create_all(engine, checkfirst=True)
    return engine


def _certificate(row) -> Certificate:
    return Certificate(row.code, row.student_id, row.module, row.name, {"fr": row.title_fr, "ar": row.title_ar},
                       row.passed_on, row.issued_at, row.revoked_at)


def _hers(conn, student_id: str, module: str):
    return conn.execute(select(certificate).where(certificate.c.student_id == student_id,
                                                  certificate.c.module == module)).first()


def issue(engine: Engine, student_id: str, module: str, name: str, title: dict[str, str],
          passed_on: dt.date) -> Certificate:
    """Her certificate of ``module``: the one already issued (the same code every time she downloads
    it), else a new one. A withdrawn certificate stays withdrawn (``Revoked``)."""
    values = {"code": new_code(), "student_id": student_id, "module": module, "name": name,
              "title_fr": title["fr"], "title_ar": title["ar"], "passed_on": passed_on, "issued_at": _now()}
    try:
        with engine.begin() as conn:
            if _hers(conn, student_id, module) is None:
                conn.execute(certificate.insert().values(**values))
    except IntegrityError:
        pass  # she tapped twice: the other request issued it
    with engine.connect() as conn:
        row = _hers(conn, student_id, module)
    if row.revoked_at is not None:
        raise Revoked(grouped(row.code))
    return _certificate(row)


def find(engine: Engine, typed: str) -> Certificate | None:
    """The certificate a typed or scanned code names, revoked or not; None if no certificate has it."""
    code = normalise(typed)
    if code is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(certificate).where(certificate.c.code == code)).first()
    return _certificate(row) if row is not None else None


def revoke(engine: Engine, typed: str) -> Certificate | None:
    """Withdraw a certificate (the verification page says so from now on); None if no such code."""
    found = find(engine, typed)
    if found is None:
        return None
    if found.valid:
        with engine.begin() as conn:
            conn.execute(certificate.update().where(certificate.c.code == found.code).values(revoked_at=_now()))
    return find(engine, found.code)


def issued(engine: Engine) -> list[Certificate]:
    """Every certificate, newest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(certificate).order_by(certificate.c.issued_at.desc())).all()
    return [_certificate(row) for row in rows]
