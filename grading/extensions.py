"""Extra time (nbgrader #660): a new due date for one learner, or for one cooperative, in a module.

Progress works out each learner's due date in one place (``progress._facts`` and ``progress.later``),
so her status, the dashboards, her home, the exports and the reminders all follow what is recorded
here:

- a cooperative's new date is its own row in ``fadaa_target``, what ``fadaa assign --cooperative``
  records: progress already puts a cooperative's date before its cohort's, so a record of another
  kind would be a fourth level meaning the same thing;
- one learner's new date goes in ``fadaa_extension``. It only ever gives time: where her group's
  date is (or later becomes) later than hers, she has her group's.

nbgrader keeps one due date per module, for its late penalty: it gets the latest of them all, so
nobody is penalised before her own date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nbgrader.api import Gradebook
from sqlalchemy import Connection, Engine, Table, and_, func, or_, select

from fadaa.core.i18n import TranslatedError, mark as _

from .database import extension, learner, open_database, target


class CannotExtend(TranslatedError, ValueError):
    """The learner or cooperative is not on the roster, or the module was never given to her."""


@dataclass(frozen=True)
class Extension:
    module: str
    who: str           # her name, or the cooperative's
    learners: int
    duedate: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _upsert(conn: Connection, table: Table, key: dict, values: dict) -> None:
    where = and_(*(table.c[name] == value for name, value in key.items()))
    if conn.execute(select(*table.primary_key.columns).where(where)).first():
        conn.execute(table.update().where(where).values(**values))
    else:
        conn.execute(table.insert().values(**key, **values))


def record_target(conn: Connection, module: str, kind: str, name: str, duedate: dt.datetime) -> None:
    """``module`` given to the cohort or cooperative ``name``, due ``duedate`` (a new date replaces the old)."""
    _upsert(conn, target, {"assignment": module, "kind": kind, "name": name},
            {"duedate": duedate, "released_at": _now()})


def update_nbgrader_duedate(db_url: str, course_id: str, module: str) -> dt.datetime:
    """nbgrader's one due date for ``module``: the latest of its groups' and learners' dates.

    Called once the dates are committed: nbgrader writes through a connection of its own.
    """
    with open_database(db_url, course_id).connect() as conn:
        latest = max(filter(None, (conn.execute(select(func.max(table.c.duedate)).where(table.c.assignment == module))
                                   .scalar() for table in (target, extension))))
    with Gradebook(db_url, course_id=course_id) as gradebook:
        gradebook.update_or_create_assignment(module, duedate=latest)
    return latest


def _given_to(cohorts, cooperatives):
    """The targets of these cohorts or cooperatives (each a list or a subquery)."""
    return or_(and_(target.c.kind == "cohort", target.c.name.in_(cohorts)),
               and_(target.c.kind == "cooperative", target.c.name.in_(cooperatives)))


def _given(conn: Connection, module: str, cohorts, cooperatives) -> bool:
    """Whether ``module`` was given to one of these cohorts or cooperatives."""
    found = select(target.c.name).where(target.c.assignment == module, _given_to(cohorts, cooperatives))
    return conn.execute(found).first() is not None


def given_modules(engine: Engine, cohort: str) -> list[str]:
    """The modules given to ``cohort`` or to one of its cooperatives: those that can get extra time."""
    cooperatives = select(learner.c.cooperative).where(learner.c.cohort == cohort)
    with engine.connect() as conn:
        return sorted(conn.execute(select(target.c.assignment).distinct()
                                   .where(_given_to([cohort], cooperatives))).scalars())


def extend(db_url: str, course_id: str, module: str, duedate: dt.datetime, learner_id: str | None = None,
           cooperative: str | None = None) -> Extension:
    """Give ``learner_id`` (or every member of ``cooperative``) until ``duedate`` for ``module``.

    Raises CannotExtend when nobody on the roster has that id or cooperative, or when the module was
    not given to her (or to the cooperative): extra time is for work she was given.
    """
    if (learner_id is None) == (cooperative is None):
        raise ValueError("give a learner or a cooperative")
    with open_database(db_url, course_id).begin() as conn:
        if learner_id is not None:
            her = conn.execute(select(learner.c.name, learner.c.cohort, learner.c.cooperative)
                               .where(learner.c.student_id == learner_id)).first()
            if her is None:
                raise CannotExtend(_("Nobody on the roster has the id {id}."), id=learner_id)
            who, members = her.name, 1
            if not _given(conn, module, [her.cohort], [her.cooperative]):
                raise CannotExtend(_("{module} was not given to {name}: assign it first."), module=module, name=who)
            _upsert(conn, extension, {"assignment": module, "student_id": learner_id},
                    {"duedate": duedate, "granted_at": _now()})
        else:
            who = cooperative
            members = conn.execute(select(func.count()).where(learner.c.cooperative == cooperative)).scalar()
            if not members:
                raise CannotExtend(_("No learner on the roster is in the cooperative {name}."), name=cooperative)
            cohorts = select(learner.c.cohort).where(learner.c.cooperative == cooperative)
            if not _given(conn, module, cohorts, [cooperative]):
                raise CannotExtend(_("{module} was not given to {name}: assign it first."), module=module, name=who)
            record_target(conn, module, "cooperative", cooperative, duedate)
    update_nbgrader_duedate(db_url, course_id, module)
    return Extension(module, who, members, duedate)
